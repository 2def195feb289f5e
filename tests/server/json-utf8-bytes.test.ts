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

/**
 * A value described as data, built afresh for each serialiser so that both see the same getters
 * and toJSON methods and each records, in its own log, every getter read and every toJSON call
 * with its key: the two logs must be the same, as must the bytes.
 */
type Shape =
  | { kind: "value"; value: unknown }
  | { kind: "object"; members: { key: string; getter: boolean; shape: Shape }[] }
  | { kind: "array"; items: Shape[] }
  | { kind: "toJSON"; on: "object" | "array" | "function" | "getter"; result: Shape }
  | { kind: "bigint"; value: bigint };

const keyArbitrary = fc.oneof(anyString, fc.constantFrom("__proto__", "toJSON", "0", "10", "-1"));
const { shape: shapeArbitrary } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("value" as const), value: anyValue }),
    fc.record({
      kind: fc.constant("object" as const),
      members: fc.array(fc.record({ key: keyArbitrary, getter: fc.boolean(), shape: tie("shape") }), {
        maxLength: 5,
      }),
    }),
    fc.record({ kind: fc.constant("array" as const), items: fc.array(tie("shape"), { maxLength: 5 }) }),
    fc.record({
      kind: fc.constant("toJSON" as const),
      on: fc.constantFrom("object" as const, "array" as const, "function" as const, "getter" as const),
      result: tie("shape"),
    }),
    fc.record({ kind: fc.constant("bigint" as const), value: fc.bigInt() }),
  ),
}));

function build(shape: Shape, log: string[]): unknown {
  switch (shape.kind) {
    case "value":
      return shape.value;
    case "bigint":
      return shape.value;
    case "array":
      return shape.items.map((item) => build(item, log));
    case "object": {
      const object: Record<string, unknown> = {};
      for (const { key, getter, shape: member } of shape.members) {
        const built = build(member, log);
        Object.defineProperty(object, key, {
          enumerable: true,
          configurable: true,
          ...(getter
            ? {
                get: () => {
                  log.push(`get ${key}`);
                  return built;
                },
              }
            : { value: built, writable: true }),
        });
      }
      return object;
    }
    case "toJSON": {
      const toJSON = (key: string) => {
        log.push(`toJSON ${key}`);
        return build(shape.result, log);
      };
      const holder: object = shape.on === "array" ? [1, 2] : shape.on === "function" ? () => 1 : {};
      if (shape.on === "getter")
        Object.defineProperty(holder, "toJSON", {
          get: () => {
            log.push("get toJSON");
            return toJSON;
          },
        });
      else Object.defineProperty(holder, "toJSON", { value: toJSON });
      return holder;
    }
  }
}

/** What serialising gives: the bytes or the kind of error, and the log of reads and calls. */
function outcome(serialise: (value: unknown) => Buffer, shape: Shape): { result: string; log: string[] } {
  const log: string[] = [];
  const value = build(shape, log);
  log.length = 0;
  try {
    return { result: serialise(value).toString("base64"), log };
  } catch (error) {
    return { result: `throws ${(error as Error).constructor.name}`, log };
  }
}

describe("jsonUtf8Bytes", () => {
  it(
    "gives JSON.stringify's bytes, getter reads and toJSON calls (with their keys) for any shape (property)",
    () => {
      fc.assert(
        fc.property(shapeArbitrary, (shape) => {
          expect(outcome(jsonUtf8Bytes, shape)).toEqual(outcome(oracle, shape));
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "calls a BigInt.prototype.toJSON with each BigInt's own key, as JSON.stringify does (property)",
    () => {
      Object.defineProperty(BigInt.prototype, "toJSON", {
        value: function (this: bigint, key: string) {
          return `${this}@${key}`;
        },
        configurable: true,
        writable: true,
      });
      try {
        fc.assert(
          fc.property(shapeArbitrary, (shape) => {
            expect(outcome(jsonUtf8Bytes, shape)).toEqual(outcome(oracle, shape));
          }),
          params(),
        );
        const value = { a: 1n, b: [2n, { c: 3n }] };
        expect(jsonUtf8Bytes(value).toString("utf8")).toBe(JSON.stringify(value));
      } finally {
        delete (BigInt.prototype as { toJSON?: unknown }).toJSON;
      }
    },
    PROPERTY_TIMEOUT,
  );

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

  it("reads an array's length once, before its elements, as JSON.stringify does", () => {
    const grown = (): unknown[] => {
      const list: unknown[] = [];
      list.push({
        toJSON: () => {
          list.push(9);
          return 1;
        },
      });
      return list;
    };
    expect(jsonUtf8Bytes({ list: grown() }).toString("utf8")).toBe(JSON.stringify({ list: grown() }));
    const shrunk = (): unknown[] => {
      const list = [1, 2, 3];
      Object.defineProperty(list, 0, {
        get: () => {
          list.length = 1;
          return 1;
        },
      });
      return list;
    };
    expect(jsonUtf8Bytes({ list: shrunk() }).toString("utf8")).toBe(JSON.stringify({ list: shrunk() }));
  });

  it("writes a boxed primitive as its value, or throws, whatever its prototype, as JSON.stringify does", () => {
    const boxes = (): unknown[] => [
      Object.setPrototypeOf(new Boolean(false), null),
      Object.setPrototypeOf(new Number(5), Object.prototype),
      Object.setPrototypeOf(new String("ab"), null),
      Object.setPrototypeOf(Object(1n), null),
      Object.setPrototypeOf(new Boolean(true), Array.prototype),
    ];
    for (const box of boxes())
      for (const value of [box, { a: box }, [box], { a: [box] }]) {
        let expected: string;
        try {
          expected = oracle(value).toString("base64");
        } catch (error) {
          expected = `throws ${(error as Error).constructor.name}`;
        }
        let actual: string;
        try {
          actual = jsonUtf8Bytes(value).toString("base64");
        } catch (error) {
          actual = `throws ${(error as Error).constructor.name}`;
        }
        expect(actual).toBe(expected);
      }
  });

  it("throws JSON.stringify's TypeError for a cycle through the levels it writes, reading the getter once", () => {
    const reads = (serialise: (value: unknown) => unknown): { threw: boolean; reads: number } => {
      let n = 0;
      const top: Record<string, unknown> = {};
      Object.defineProperty(top, "x", {
        enumerable: true,
        get: () => {
          n += 1;
          return n === 1 ? top : 1;
        },
      });
      try {
        serialise(top);
        return { threw: false, reads: n };
      } catch (error) {
        return { threw: error instanceof TypeError, reads: n };
      }
    };
    expect(reads(jsonUtf8Bytes)).toEqual(reads(JSON.stringify));
    expect(reads(JSON.stringify)).toEqual({ threw: true, reads: 1 });
  });

  it("reads a getter once even when a Date (with its toJSON) sits beside it", () => {
    const reads = (serialise: (value: unknown) => unknown): number => {
      let n = 0;
      serialise({
        get a() {
          n += 1;
          return n;
        },
        d: new Date(0),
        list: [new Date(0)],
      });
      return n;
    };
    expect(reads(jsonUtf8Bytes)).toBe(1);
    expect(reads(JSON.stringify)).toBe(1);
  });

  it("returns a buffer of exactly the text's length, its own memory, however wide the text", () => {
    for (const value of [
      { a: "x".repeat(1000), b: ["y".repeat(20000)] },
      { wide: Array.from({ length: 50 }, () => "–".repeat(1000)) },
      assess(CASELOAD[0]!, { asOf: AS_OF }),
    ]) {
      const bytes = jsonUtf8Bytes(value);
      expect(bytes.equals(oracle(value))).toBe(true);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    }
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
