// Fuzzing the three entry points that take untrusted input: parseCaseFacts, safeAssess and
// safeReviewSpoDecline. Whatever comes in (arbitrary JSON, arbitrary JavaScript values, valid cases
// with a field dropped, retyped, an unknown key inserted, a huge string or deep nesting put in), they
// never throw and never hang; a rejection lists problems by path, and no problem (nor any answer)
// echoes the offending value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCaseFacts, safeAssess, safeReviewSpoDecline } from "../../src/index.js";
import {
  asOfArbitrary,
  caseFactsArbitrary,
  containsSecret,
  expectWellFormedProblems,
  leaningCaseArbitrary,
  mutate,
  mutationArbitrary,
  PROPERTY_TIMEOUT,
  params,
  SECRET,
  SECRET_VALUES,
} from "./support.js";

const AS_OF = "2025-06-01";

/**
 * Runs `fn`, failing if it throws. Time is not asserted here (speed is the benchmark's, not a test's):
 * a hang or a blow-up fails the test by its own timeout instead.
 */
function timed<T>(fn: () => T): T {
  return fn();
}

/** The answer as JSON, with the case id (which is echoed by design) taken out. */
function answerText(answer: { caseId: string }): string {
  return JSON.stringify({ ...answer, caseId: "<id>" });
}

/** Checks all three entry points on one input, returning whether it was accepted. */
function checkAllEntryPoints(input: unknown): boolean {
  const parsed = timed(() => parseCaseFacts(input));
  const assessed = timed(() => safeAssess(input, { asOf: AS_OF }));
  const reviewed = timed(() => safeReviewSpoDecline(input, undefined, { asOf: AS_OF }));
  expect(assessed.success).toBe(parsed.success);
  expect(reviewed.success).toBe(parsed.success);
  if (!parsed.success) {
    expectWellFormedProblems(parsed.problems);
    if (!assessed.success) {
      expectWellFormedProblems(assessed.problems);
      // safeAssess reports exactly what parseCaseFacts does (asOf is valid here).
      expect(assessed.problems).toEqual(parsed.problems);
    }
    if (!reviewed.success) expectWellFormedProblems(reviewed.problems);
    return false;
  }
  if (assessed.success) expect(containsSecret(answerText(assessed.assessment))).toBe(false);
  if (reviewed.success) expect(containsSecret(answerText(reviewed.review))).toBe(false);
  return true;
}

describe("fuzzing: arbitrary input", () => {
  it(
    "arbitrary JSON is answered or rejected by path, never thrown",
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          checkAllEntryPoints(value);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "arbitrary JSON placed under the case-facts keys (and nested keys) is answered or rejected by path",
    () => {
      const keys = fc.constantFrom(
        "id",
        "jurisdiction",
        "suspect",
        "personsToProtect",
        "relationship",
        "incidents",
        "risk",
        "protection",
        "criminal",
        "family",
        "victimViews",
        "withoutNoticeGrounds",
        "spoRequest",
        "notes",
        "policeForceArea",
        "localAuthority",
      );
      const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...SECRET_VALUES));
      fc.assert(
        fc.property(fc.dictionary(keys, value), fc.boolean(), (dict, withId) => {
          checkAllEntryPoints(withId ? { id: "c", ...dict } : dict);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "arbitrary JavaScript values (null prototypes, Maps, Dates, typed and sparse arrays, BigInt) never throw",
    () => {
      fc.assert(
        fc.property(
          fc.anything({
            withNullPrototype: true,
            withMap: true,
            withSet: true,
            withDate: true,
            withTypedArray: true,
            withSparseArray: true,
            withBigInt: true,
            withBoxedValues: true,
            withObjectString: true,
          }),
          (value) => {
            checkAllEntryPoints(value);
            checkAllEntryPoints({ id: "c", incidents: [value] });
            checkAllEntryPoints({ id: "c", risk: value });
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "arbitrary decisions passed to safeReviewSpoDecline are reviewed or rejected under 'decision'",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true }),
            fc.record(
              {
                requestedOn: fc.oneof(fc.constant(SECRET), fc.jsonValue({ maxDepth: 1 })),
                decision: fc.oneof(
                  fc.jsonValue({ maxDepth: 2 }),
                  fc.record({
                    reasons: fc.array(
                      fc.record({ code: fc.oneof(fc.constant(SECRET), fc.constant("no-conviction")) }),
                    ),
                    decidedOn: fc.constantFrom(SECRET, "2025-02-30", "2025-02-01"),
                  }),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
          (decision) => {
            const result = timed(() =>
              safeReviewSpoDecline({ id: "c", incidents: [{ kind: "following" }] }, decision, {
                asOf: AS_OF,
              }),
            );
            if (!result.success) {
              expectWellFormedProblems(result.problems);
              for (const p of result.problems)
                expect(p.path === "decision" || p.path.startsWith("decision.")).toBe(true);
            } else expect(containsSecret(answerText(result.review))).toBe(false);
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "arbitrary asOf options are applied or rejected at path 'asOf', never thrown",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.constant(SECRET),
            fc.constant("2025-02-29"),
            asOfArbitrary,
          ),
          (asOf) => {
            const facts = { id: "c", incidents: [{ kind: "following" }] };
            for (const result of [
              timed(() => safeAssess(facts, { asOf } as never)),
              timed(() => safeReviewSpoDecline(facts, undefined, { asOf } as never)),
            ]) {
              if (!result.success) {
                expectWellFormedProblems(result.problems);
                expect(result.problems.map((p) => p.path)).toEqual(["asOf"]);
              }
            }
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe("fuzzing: options", () => {
  it(
    "options objects of any shape without a `rules` entry never make safeAssess throw",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.constant(undefined), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
          (options) => {
            const opts =
              typeof options === "object" && options !== null && !Array.isArray(options)
                ? Object.fromEntries(Object.entries(options).filter(([k]) => k !== "rules"))
                : options;
            const facts = { id: "c", incidents: [{ kind: "following" }] };
            const result = timed(() => safeAssess(facts, opts as never));
            if (!result.success) expectWellFormedProblems(result.problems);
            const review = timed(() => safeReviewSpoDecline(facts, undefined, opts as never));
            if (!review.success) expectWellFormedProblems(review.problems);
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  // BUG (src/assess/assess.ts, safeAssess): "never throws", but `options.rules` is used unchecked. A
  // JavaScript caller (or a CLI/HTTP layer passing parsed options through) that gives anything other than
  // a CompiledRuleSet gets a TypeError from deep inside createContext: safeAssess({ id: "c" },
  // { rules: {} }) throws "Cannot read properties of undefined (reading 'length')". Suggested fix: in
  // safeAssess, check `rules` is undefined or has the CompiledRuleSet shape (facts/rules/limbs/domains
  // arrays and a memo; or brand compiled sets in a WeakSet in compileRuleSet and test membership), and
  // otherwise return { success: false, problems: [{ path: "options.rules", message: "expected a
  // compiled rule set (compileRuleSet)" }] }; and wrap the evaluation in try/catch like parseCaseFacts.
  it("safeAssess never throws whatever `options.rules` is", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), (rules) => {
        const result = safeAssess({ id: "c" }, { asOf: AS_OF, rules } as never);
        if (!result.success) expectWellFormedProblems(result.problems);
      }),
      { numRuns: 50, seed: 1 },
    );
  });
});

describe("fuzzing: mutations of valid cases", () => {
  it(
    "a valid case is accepted by all three entry points, and free text in it is never echoed",
    () => {
      fc.assert(
        fc.property(fc.oneof(caseFactsArbitrary, leaningCaseArbitrary), (facts) => {
          // Round-trip through JSON, as untrusted input would arrive.
          expect(checkAllEntryPoints(JSON.parse(JSON.stringify(facts)))).toBe(true);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "a mutated case (field dropped or retyped, unknown key, huge string, deep nesting) is answered or rejected by path",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(caseFactsArbitrary, leaningCaseArbitrary),
          fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
          (facts, mutations) => {
            let input: unknown = facts;
            for (const mutation of mutations) input = mutate(input, mutation);
            checkAllEntryPoints(input);
            // The same mutations applied to the decision argument of the review.
            let decision: unknown = facts.spoRequest ?? {
              decision: { reasons: [{ code: "no-conviction" }] },
            };
            for (const mutation of mutations) decision = mutate(decision, mutation);
            const reviewed = timed(() =>
              safeReviewSpoDecline({ id: "c", incidents: [{ kind: "following" }] }, decision, {
                asOf: AS_OF,
              }),
            );
            if (!reviewed.success) expectWellFormedProblems(reviewed.problems);
            else expect(containsSecret(answerText(reviewed.review))).toBe(false);
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("each kind of mutation is rejected where it makes the case invalid (examples)", () => {
    const valid = {
      id: "c",
      jurisdiction: "england-and-wales",
      incidents: [{ kind: "following", date: "2025-01-01" }],
      risk: { ongoing: true },
    };
    const cases: [unknown, string][] = [
      [{ ...valid, jurisdiction: SECRET }, "jurisdiction"],
      [{ ...valid, incidents: [{ kind: SECRET }] }, "incidents.0.kind"],
      [{ ...valid, incidents: [{ date: "2025-01-01" }] }, "incidents.0.kind"],
      [{ ...valid, risk: { ongoing: SECRET } }, "risk.ongoing"],
      [{ ...valid, risk: { ongoing: true, extra: SECRET } }, "risk"],
      [{ ...valid, notes: `${"x".repeat(20_001)}${SECRET}` }, "notes"],
      [{ ...valid, suspect: { name: `${SECRET}${"y".repeat(600)}` } }, "suspect.name"],
      [
        { ...valid, incidents: [{ kind: "following", description: { a: { a: { a: SECRET } } } }] },
        "incidents.0.description",
      ],
      [{ ...valid, incidents: [{ kind: "following", date: SECRET }] }, "incidents.0.date"],
      [{ ...valid, criminal: { convictedOn: "2025-02-30" } }, "criminal.convictedOn"],
      [{ ...valid, id: SECRET_VALUES[1] }, "id"],
    ];
    for (const [input, path] of cases) {
      const result = parseCaseFacts(input);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expectWellFormedProblems(result.problems);
      expect(result.problems.map((p) => p.path)).toContain(path);
    }
  });
});
