// jsonUtf8Bytes promises the bytes of JSON.stringify(value) as UTF-8, exactly, for every value:
// checked against JSON.stringify itself (the oracle) over generated values of every kind
// JSON.stringify treats specially, and over real assessments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/index.js";
import { jsonUtf8Bytes } from "../../src/server/index.js";
import { caseFactsArbitrary, PROPERTY_TIMEOUT, params } from "../robustness/support.js";
import { AS_OF, CASELOAD } from "./helpers.js";

/** What the service sent before: the whole text as one string, then encoded. */
const oracle = (value: unknown): Buffer => Buffer.from(JSON.stringify(value) ?? "", "utf8");

/** Strings of every UTF-16 code unit, lone surrogates and characters outside the BMP included. */
const anyString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }),
  fc.string({
    unit: fc.constantFrom("–", "§", "é", "\ud800", "\udfff", "😀", '"', "\\", "\u2028", "\u0000"),
  }),
);

const anyValue = fc.anything({
  key: fc.oneof(anyString, fc.constantFrom("__proto__", "toJSON", "constructor", "0", "10", "-1", "1.5")),
  values: [
    anyString,
    fc.double(),
    fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, undefined, null, true),
    fc.constant(() => 1),
    fc.constant(Symbol("s")),
  ],
  maxDepth: 5,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
});

describe("jsonUtf8Bytes", () => {
  it(
    "equals the UTF-8 bytes of JSON.stringify for any value (property)",
    () => {
      fc.assert(
        fc.property(anyValue, (value) => {
          expect(jsonUtf8Bytes(value).equals(oracle(value))).toBe(true);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "equals JSON.stringify on the assessment of any case, each read fresh (property)",
    () => {
      fc.assert(
        fc.property(caseFactsArbitrary, (facts) => {
          // Two assessments: the lazy parts of each are built by the serialiser that reads them.
          const text = JSON.stringify(assess(facts, { asOf: AS_OF }));
          expect(jsonUtf8Bytes(assess(facts, { asOf: AS_OF })).toString("utf8")).toBe(text);
        }),
        params(0.3),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("equals JSON.stringify on every bundled example case's assessment, en dashes included", () => {
    let nonAscii = 0;
    for (const facts of CASELOAD) {
      const bytes = jsonUtf8Bytes(assess(facts, { asOf: AS_OF }));
      expect(bytes.equals(oracle(assess(facts, { asOf: AS_OF })))).toBe(true);
      if (bytes.some((b) => b >= 0x80)) nonAscii += 1;
    }
    // The point of the function: the law's text makes these two-byte strings in V8.
    expect(nonAscii).toBeGreaterThan(0);
  });

  it("calls a toJSON with its own key, as JSON.stringify does, at any depth", () => {
    const keyed = { toJSON: (key: string) => `key:${key}` };
    for (const value of [
      { a: keyed },
      { a: { b: keyed } },
      { a: [keyed, { c: keyed }] },
      [keyed],
      { a: { toJSON: () => ({ toJSON: () => "not called again" }) } },
      { when: new Date(Date.UTC(2025, 5, 1)) },
    ])
      expect(jsonUtf8Bytes(value).equals(oracle(value))).toBe(true);
  });

  it("calls a toJSON found on an array, or put on Array.prototype or Object.prototype, as JSON.stringify does", () => {
    const listWithToJson = Object.assign([1, 2], { toJSON: (key: string) => `list:${key}` });
    for (const value of [listWithToJson, { a: listWithToJson }, { a: [listWithToJson] }])
      expect(jsonUtf8Bytes(value).equals(oracle(value))).toBe(true);
    const value = { orders: [{ id: "spo", limbs: [1, 2] }], notes: [] };
    for (const prototype of [Array.prototype, Object.prototype] as object[]) {
      Object.defineProperty(prototype, "toJSON", {
        value: function (this: unknown, key: string) {
          return `polluted:${key}`;
        },
        configurable: true,
        writable: true,
      });
      try {
        expect(jsonUtf8Bytes(value).toString("utf8")).toBe(JSON.stringify(value));
      } finally {
        delete (prototype as { toJSON?: unknown }).toJSON;
      }
    }
  });

  it("reads each getter once, in JSON.stringify's order", () => {
    const reads = (serialise: (value: unknown) => unknown): string[] => {
      const log: string[] = [];
      const value = {
        get a() {
          log.push("a");
          return {
            get b() {
              log.push("b");
              return [1];
            },
          };
        },
        get c() {
          log.push("c");
          return undefined;
        },
      };
      serialise(value);
      return log;
    };
    expect(reads(jsonUtf8Bytes)).toEqual(reads(JSON.stringify));
  });

  it("throws a TypeError where JSON.stringify does: a cycle at any depth, a BigInt", () => {
    const top: Record<string, unknown> = {};
    top.self = top;
    const deep: Record<string, unknown> = { a: { b: {} } };
    (deep.a as { b: Record<string, unknown> }).b.back = deep;
    for (const value of [top, deep, [top], { n: 1n }, [1n]]) {
      expect(() => JSON.stringify(value)).toThrow(TypeError);
      expect(() => jsonUtf8Bytes(value)).toThrow(TypeError);
    }
  });

  it("gives an empty buffer where JSON.stringify gives undefined", () => {
    for (const value of [undefined, () => 1, Symbol("s")]) expect(jsonUtf8Bytes(value).length).toBe(0);
  });

  it("makes room for text that is not ASCII wherever it falls", () => {
    // Pieces of three-byte characters after a run of ASCII: the buffer must grow mid-way.
    const value = { ascii: "a".repeat(5000), wide: Array.from({ length: 50 }, () => "–".repeat(1000)) };
    expect(jsonUtf8Bytes(value).equals(oracle(value))).toBe(true);
    const astral = { s: ["😀".repeat(3000), "x", "\ud800"] };
    expect(jsonUtf8Bytes(astral).equals(oracle(astral))).toBe(true);
  });
});
