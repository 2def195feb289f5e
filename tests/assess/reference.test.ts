// The fast path (compact truths, explanation trees built when read, questions ranked by
// re-evaluating only what an answer changes) must serialise byte for byte as the eager
// implementation it replaced, kept in tests/assess/reference as an oracle. Both run on the same
// compiled rules, derived facts and notices, so this holds whatever the law data says: it compares
// the two implementations, not today's output.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { generateVariedCases } from "../../bench/generate-varied-cases.mjs";
import caseload from "../../examples/caseload.json";
import { safeAssessWith } from "../../src/assess/assess.js";
import { createContext } from "../../src/evaluate/evaluate.js";
import { parseCaseFacts, safeAssess } from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  DEFAULT_RULES,
  evaluateDerivedFacts,
  FACT_DEFINITIONS,
  type FactValue,
  loadRuleSet,
} from "../../src/rule-authoring.js";
import {
  asOfArbitrary,
  caseFactsArbitrary,
  leaningCaseArbitrary,
  PROPERTY_TIMEOUT,
  params,
} from "../robustness/support.js";
import { eagerAssessment, eagerEvaluations } from "./reference/eager-assessment.js";

const DATES = ["2019-06-01", "2020-01-20", "2024-03-31", "2025-06-01", "2026-11-30", "2031-01-01"];

function fast(input: unknown, asOf: string | undefined): string {
  return JSON.stringify(safeAssess(input, asOf === undefined ? {} : { asOf }));
}

function eager(input: unknown, asOf: string | undefined): string {
  return JSON.stringify(safeAssessWith(input, asOf === undefined ? {} : { asOf }, eagerAssessment));
}

describe("the fast assessment serialises exactly as the eager reference", () => {
  it(
    "on generated cases of every shape, on any date",
    () => {
      fc.assert(
        fc.property(fc.oneof(leaningCaseArbitrary, caseFactsArbitrary), asOfArbitrary, (facts, asOf) => {
          expect(fast(facts, asOf)).toBe(eager(facts, asOf));
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("on the benchmark's varied caseload (500 cases) on several dates", () => {
    const cases = [...(generateVariedCases(500, 5) as Iterable<{ id: string }>)];
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const asOf = DATES[i % DATES.length];
      if (fast(c, asOf) !== eager(c, asOf)) mismatches.push(`${c.id} on ${asOf}`);
    });
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("on the bundled caseload, on every date here and with the date left to default", () => {
    for (const c of caseload)
      for (const asOf of [...DATES, undefined]) expect(fast(c, asOf), `${c.id} ${asOf}`).toBe(eager(c, asOf));
  }, 60_000);

  it("with the explanation trees read in any order, and read twice", () => {
    for (const c of caseload.slice(0, 10)) {
      const result = safeAssess(c, { asOf: "2025-06-01" });
      if (!result.success) throw new Error("invalid example");
      const orders = result.assessment.orders;
      const reversed = [...orders].reverse().map((o) => o.conditions);
      expect(orders.map((o) => o.conditions)).toEqual(reversed.reverse());
      expect(orders[0]!.conditions).toBe(orders[0]!.conditions);
      expect(JSON.stringify(result)).toBe(eager(c, "2025-06-01"));
    }
  });

  it("with the questions, notices and what would change read first, read twice, cloned or spread: the same data", () => {
    for (const c of caseload.slice(0, 12)) {
      const expected = eager(c, "2025-06-01");
      const read = safeAssess(c, { asOf: "2025-06-01" });
      if (!read.success) throw new Error("invalid example");
      const a = read.assessment;
      // Read before anything else, and twice: the same objects.
      expect(a.recommendation.whatWouldChange).toBe(a.recommendation.whatWouldChange);
      expect(a.notices).toBe(a.notices);
      expect(a.questions).toBe(a.questions);
      expect(JSON.stringify(read)).toBe(expected);
      // Own, enumerable, in the order they serialise; a copy is plain data with the same values.
      expect(Object.keys(a)).toEqual([
        "caseId",
        "asOf",
        "orders",
        "recommendation",
        "questions",
        "missingFacts",
        "notices",
        "exact",
      ]);
      expect(Object.keys(a.recommendation)).toEqual(["first", "ranked", "summary", "whatWouldChange"]);
      expect(JSON.stringify({ success: true, assessment: structuredClone(a) })).toBe(expected);
      expect(JSON.stringify({ success: true, assessment: { ...a } })).toBe(expected);
      // Never read: serialising still makes them.
      const unread = safeAssess(c, { asOf: "2025-06-01" });
      expect(JSON.stringify(unread)).toBe(expected);
    }
  });

  it("lets a caller assign to the lazy parts as to data", () => {
    const read = safeAssess(caseload[0], { asOf: "2025-06-01" });
    if (!read.success) throw new Error("invalid example");
    const a = read.assessment as {
      questions: unknown;
      notices: unknown;
      recommendation: { whatWouldChange: unknown };
    };
    a.questions = [];
    a.notices = ["replaced"];
    a.recommendation.whatWouldChange = [];
    expect(a.questions).toEqual([]);
    expect(a.notices).toEqual(["replaced"]);
    expect(a.recommendation.whatWouldChange).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(a, "notices")).toEqual({
      value: ["replaced"],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it("for invalid input: the same problems", () => {
    for (const bad of [
      null,
      7,
      "x",
      { id: "" },
      { id: "c", incidents: "lots" },
      { id: "c", risk: { ongoing: 1 } },
    ])
      expect(fast(bad, "2025-06-01")).toBe(eager(bad, "2025-06-01"));
  });
});

describe("evaluateDerivedFacts serialises exactly as the eager reference", () => {
  const rules = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
  // Any value of each fact's domain, or unknown.
  const derivedArbitrary = fc.record(
    Object.fromEntries(
      rules.facts.map((f, i) => [
        f.id,
        fc.option(
          fc.constantFrom(...((rules.domains[i]!.length > 0 ? rules.domains[i] : [true]) as FactValue[])),
          {
            nil: undefined,
          },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );

  it(
    "for any derived facts, on any date",
    () => {
      fc.assert(
        fc.property(derivedArbitrary, asOfArbitrary, (derived, asOf) => {
          const given = Object.fromEntries(
            Object.entries(derived).filter(([, v]) => v !== undefined),
          ) as Record<string, FactValue>;
          const values = rules.facts.map((f) => given[f.id]);
          const ctx = {
            ...createContext(rules, { id: "x" }, asOf),
            values,
            caveats: values.map(() => undefined),
          };
          expect(JSON.stringify(evaluateDerivedFacts(rules, given, asOf))).toBe(
            JSON.stringify(eagerEvaluations(rules, ctx)),
          );
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("on the default rules, for the derived facts of the bundled cases", () => {
    for (const c of caseload) {
      const parsed = parseCaseFacts(c);
      if (!parsed.success) throw new Error("invalid example");
      const ctx = createContext(DEFAULT_RULES, parsed.data, "2025-06-01");
      const derived = Object.fromEntries(
        DEFAULT_RULES.facts.flatMap((f, i) => (ctx.values[i] === undefined ? [] : [[f.id, ctx.values[i]!]])),
      );
      const plain = { ...ctx, caveats: ctx.values.map(() => undefined) };
      expect(JSON.stringify(evaluateDerivedFacts(DEFAULT_RULES, derived, "2025-06-01"))).toBe(
        JSON.stringify(eagerEvaluations(DEFAULT_RULES, plain)),
      );
    }
  });
});
