// The one-pass reader that parseCaseFacts tries first must never say "valid" where zod would not,
// and where both accept, its output must be zod's, byte for byte (key order included): the fast path
// is an optimisation, invisible in every answer.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CaseFactsSchema, isRealCalendarDate, parseCaseFacts } from "../../src/index.js";
import { compileFastParser, NOT_PARSED } from "../../src/model/compile-fast-parser.js";
import { plainDataCopy } from "../../src/model/plain-data.js";
import {
  caseFactsArbitrary,
  type Json,
  mutate,
  mutationArbitrary,
  PROPERTY_TIMEOUT,
  params,
  reorderKeys,
} from "../robustness/support.js";

const readCaseFacts = compileFastParser(CaseFactsSchema);
const checkInPlace = compileFastParser(CaseFactsSchema, { copy: false });

/** zod's own answer on the input's own data: what parseCaseFacts gave before the fast path. */
function zodAnswer(input: unknown): { success: boolean; json?: string } {
  const { copy, problems } = plainDataCopy(input);
  if (problems.length > 0) return { success: false };
  const result = CaseFactsSchema.safeParse(copy);
  return result.success ? { success: true, json: JSON.stringify(result.data) } : { success: false };
}

function expectAgreesWithZod(input: unknown): void {
  // Checking in place accepts exactly what reading with a copy accepts, and gives back the input.
  const inPlace = checkInPlace(input);
  expect(inPlace === NOT_PARSED).toBe(readCaseFacts(input) === NOT_PARSED);
  if (inPlace !== NOT_PARSED) expect(inPlace).toBe(input);
  const fast = readCaseFacts(input);
  if (fast === NOT_PARSED) return;
  const zod = zodAnswer(input);
  expect(zod.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(zod.json);
}

describe("compileFastParser(CaseFactsSchema)", () => {
  it(
    "reads every valid case, in any key order, to exactly zod's output",
    () => {
      fc.assert(
        fc.property(caseFactsArbitrary, fc.integer(), (facts, seed) => {
          for (const input of [facts, reorderKeys(facts as Json, seed)]) {
            const fast = readCaseFacts(input);
            expect(fast).not.toBe(NOT_PARSED);
            expect(checkInPlace(input)).toBe(input);
            expect(JSON.stringify(fast)).toBe(JSON.stringify(CaseFactsSchema.parse(input)));
            expect(fast).not.toBe(input);
          }
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "never accepts a mutated case that zod rejects, and agrees when both accept",
    () => {
      let fellBack = 0;
      fc.assert(
        fc.property(caseFactsArbitrary, mutationArbitrary, (facts, mutation) => {
          const input = mutate(facts as Json, mutation);
          if (readCaseFacts(input) === NOT_PARSED) fellBack++;
          expectAgreesWithZod(input);
        }),
        params(),
      );
      // The mutations are mostly invalid: the fallback must have been exercised.
      expect(fellBack).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "never accepts arbitrary values that zod rejects",
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (input) => expectAgreesWithZod(input)),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("reads every bundled example on the fast path", () => {
    const dir = path.resolve(import.meta.dirname, "../../examples");
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => {
        const data: unknown = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
        return Array.isArray(data) ? data : [data];
      })
      .filter((c) => CaseFactsSchema.safeParse(c).success);
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      const fast = readCaseFacts(c);
      expect(fast).not.toBe(NOT_PARSED);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(CaseFactsSchema.parse(c)));
    }
  });

  it("leaves anything that is not plain own data to zod", () => {
    const inherited = Object.create({ jurisdiction: "scotland" }) as Record<string, unknown>;
    inherited.id = "c1";
    class Case {
      id = "c1";
    }
    const withHole: unknown[] = [];
    withHole[1] = { kind: "following" };
    const throwing = {
      id: "c1",
      get notes(): string {
        throw new Error("hostile");
      },
    };
    const hidden = { id: "c1" };
    Object.defineProperty(hidden, "jurisdiction", { value: "scotland", enumerable: false });
    for (const input of [inherited, new Case(), { id: "c1", incidents: withHole }, throwing]) {
      expect(readCaseFacts(input)).toBe(NOT_PARSED);
    }
    // A non-enumerable key is not input data: neither path reads it.
    expect(JSON.stringify(readCaseFacts(hidden))).toBe('{"id":"c1"}');
    // The slow path still answers each, without throwing.
    expect(parseCaseFacts(throwing)).toEqual({
      success: false,
      problems: [{ path: "", message: "could not be read as case facts" }],
    });
    // An object with a prototype of its own is not plain data (issue #13, item 3): a problem, not a case.
    expect(parseCaseFacts(inherited)).toEqual({
      success: false,
      problems: [{ path: "", message: expect.stringMatching(/^expected plain data/) }],
    });
  });

  it("holds every bound of the schema at its limit and one past it", () => {
    const force = "metropolitan";
    const reason = { code: "no-conviction" };
    const atAndPast: [string, (n: number) => unknown, number][] = [
      ["id length", (n) => ({ id: "x".repeat(n) }), 200],
      ["suspect age", (n) => ({ id: "c", suspect: { age: n } }), 130],
      ["forces", (n) => ({ id: "c", suspect: { believedInOrComingTo: Array(n).fill(force) } }), 50],
      ["persons", (n) => ({ id: "c", personsToProtect: Array.from({ length: n }, () => ({})) }), 100],
      [
        "decline reasons",
        (n) => ({
          id: "c",
          spoRequest: { decision: { outcome: "declined", reasons: Array(n).fill(reason) } },
        }),
        50,
      ],
      [
        "incidents",
        (n) => ({ id: "c", incidents: Array.from({ length: n }, () => ({ kind: "following" })) }),
        100_000,
      ],
    ];
    for (const [name, make, limit] of atAndPast) {
      expect(CaseFactsSchema.safeParse(make(limit)).success, name).toBe(true);
      expect(readCaseFacts(make(limit)), name).not.toBe(NOT_PARSED);
      expect(CaseFactsSchema.safeParse(make(limit + 1)).success, name).toBe(false);
      expect(readCaseFacts(make(limit + 1)), name).toBe(NOT_PARSED);
      expect(checkInPlace(make(limit + 1)), name).toBe(NOT_PARSED);
    }
    for (const bad of [{ id: "" }, { id: "c", suspect: { age: 1.5 } }, { id: "c", suspect: { age: -1 } }])
      expect(readCaseFacts(bad)).toBe(NOT_PARSED);
  });

  it("keeps a key given as undefined, as zod does", () => {
    const input = { notes: undefined, id: "c1" };
    const fast = readCaseFacts(input);
    expect(fast).toEqual(CaseFactsSchema.parse(input));
    expect(Object.keys(fast as object)).toEqual(Object.keys(CaseFactsSchema.parse(input)));
  });
});

describe("compileFastParser on schema parts it does not compile", () => {
  // Unions, non-strict objects and unfamiliar checks are handed to zod: same answers as zod's.
  const schema = z.strictObject({
    a: z.union([z.string(), z.number()]).optional(),
    b: z.object({ x: z.boolean() }).optional(),
    c: z.string().email().optional(),
    d: z.number().multipleOf(5).optional(),
    e: z.array(z.string()).min(1).optional(),
  });
  const read = compileFastParser(schema);
  it("agrees with zod on every input, and checking in place vouches for none of those parts", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            a: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
            b: fc.oneof(
              fc.record({ x: fc.boolean() }),
              fc.record({ x: fc.boolean(), y: fc.nat() }),
              fc.nat(),
            ),
            c: fc.oneof(fc.constant("a@example.org"), fc.string()),
            d: fc.integer({ min: -20, max: 20 }),
            e: fc.array(fc.string(), { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const fast = read(input);
          const zod = schema.safeParse(input);
          expect(fast !== NOT_PARSED).toBe(zod.success);
          if (zod.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
          const touchesUncompiled = ["a", "b", "c", "d", "e"].some((k) => Object.hasOwn(input, k));
          if (touchesUncompiled) expect(compileFastParser(schema, { copy: false })(input)).toBe(NOT_PARSED);
        },
      ),
      params(),
    );
  });
});

describe("isRealCalendarDate", () => {
  // The definition it replaced: the shape by regular expression, then the day of the month.
  const byRegExp = (value: string): boolean => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Date.UTC on a year 0–99 means 1900–1999, so check the day through a year 400 on, which has
    // the same calendar (the Gregorian cycle is 400 years).
    const probe = new Date(Date.UTC(year + 400, month - 1, day));
    return (
      month >= 1 && month <= 12 && day >= 1 && probe.getUTCDate() === day && probe.getUTCMonth() === month - 1
    );
  };

  it("agrees with the calendar on every day number of every month from 1599 to 2401 and in 0000 and 9999", () => {
    const years = [0, 4, 100, 400, 9999];
    for (let y = 1599; y <= 2401; y++) years.push(y);
    const disagreements: string[] = [];
    let real = 0;
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const answer = isRealCalendarDate(text);
          if (answer) real++;
          if (answer !== byRegExp(text)) disagreements.push(text);
        }
    expect(disagreements).toEqual([]);
    // 803 years from 1599 to 2401, 195 of them leap (1600, 2000 and 2400 are; 1700, 1800, 1900,
    // 2100, 2200 and 2300 are not), and 0000, 0004, 0400 (leap), 0100 and 9999 (not).
    expect(real).toBe((803 + 5) * 365 + 195 + 3);
  });

  it("rejects every string not shaped YYYY-MM-DD, as the regular expression did", () => {
    const dateLike = fc
      .array(fc.constantFrom(..."0123456789-/ ٣x\n"), { minLength: 8, maxLength: 12 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateLike), (text) => {
        expect(isRealCalendarDate(text)).toBe(byRegExp(text));
      }),
      { numRuns: 2000 },
    );
  });
});
