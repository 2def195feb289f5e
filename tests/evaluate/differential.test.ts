// Differential tests: the compiled three-valued evaluator against json-rules-engine, loaded with the same
// bundled rules through the adapter (createJsonRulesEngine). json-rules-engine is two-valued, so:
//   (a) for every fully known assignment of the derived facts, the compiled evaluator says "available" exactly
//       when json-rules-engine fires the rule;
//   (b) for a partial assignment, the compiled evaluator says "needs-information" exactly when json-rules-engine
//       disagrees with itself over the completions of the unknown facts the rule reads, and otherwise gives the
//       answer every completion agrees on.
// Rules whose law status on the date is `in-force-date-unknown` (from: null) or `no-data` (after noDataAfter) are
// gated differently by the adapter: it turns from: null into a date test no date passes, and it ignores
// noDataAfter (gating only on from/to), so json-rules-engine never fires them, while the compiled evaluator
// reports needs-information whenever the conditions themselves could hold. For those rules we assert exactly
// that, using a second engine whose gates treat the uncertain period as in force.
import fc from "fast-check";
import type { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { AS_OF_FACT, createJsonRulesEngine } from "../../src/evaluate/json-rules-engine-adapter.js";
import type { LawStatus } from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  evaluateDerivedFacts,
  FACT_DEFINITIONS,
  type FactValue,
  type Limb,
  loadRuleSet,
  type Rule,
  type RuleCondition,
  type RuleSet,
} from "../../src/rule-authoring.js";

// ---------------------------------------------------------------------------------------------------------
// Calendar helpers written here (not the library's), so the test data does not depend on the code under test.

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d + days);
  return t.toISOString().slice(0, 10);
}

const randomDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

// ---------------------------------------------------------------------------------------------------------
// The rules, the compiled evaluator and the engines.

const ruleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);
const compiled = compileRuleSet(ruleSet);
// The adapter's default: the bundled rules. One engine, reused for every run.
const engine: Engine = createJsonRulesEngine();

type Period = Rule["inForce"];
/** The same rules, with an unknown commencement or a "no data" period treated as in force. */
function neutralised(set: RuleSet): RuleSet {
  const neutral = (p: Period): Period => ({
    from: p.from ?? "0001-01-01",
    to: p.noDataAfter !== undefined ? null : (p.to ?? null),
  });
  const limbs = new Map<string, Limb>(
    [...set.limbs].map(([id, l]) => [id, { ...l, inForce: neutral(l.inForce) }]),
  );
  // Only the rules whose period can be uncertain are needed (and fewer rules make each run cheaper).
  const rules = set.rules
    .filter((r) => r.inForce.from === null || r.inForce.noDataAfter !== undefined)
    .map((r) => ({ ...r, inForce: neutral(r.inForce) }));
  return { ...set, limbs, rules };
}
const neutralEngine: Engine = createJsonRulesEngine(neutralised(ruleSet));

const UNCERTAIN: readonly LawStatus[] = ["in-force-date-unknown", "no-data"];

// ---------------------------------------------------------------------------------------------------------
// Fact domains, read from the rule files: booleans, enum values, and for dates the day before, of and after
// every literal a rule compares the fact with (every class of date the rules can tell apart).

function walk(
  condition: RuleCondition,
  visit: (leaf: { fact: string; operator: string; value: unknown }) => void,
): void {
  if ("all" in condition) {
    for (const c of condition.all) walk(c, visit);
  } else if ("any" in condition) {
    for (const c of condition.any) walk(c, visit);
  } else if ("not" in condition) walk(condition.not, visit);
  else if (!("condition" in condition)) visit(condition);
}

const dateLiterals = new Map<string, Set<string>>();
const factsReadByAnyRule = new Set<string>();
for (const c of [
  ...[...ruleSet.limbs.values()].map((l) => l.conditions),
  ...ruleSet.rules.map((r) => r.conditions),
]) {
  walk(c, (leaf) => {
    factsReadByAnyRule.add(leaf.fact);
    if (leaf.operator.startsWith("date")) {
      const set = dateLiterals.get(leaf.fact) ?? new Set<string>();
      set.add(leaf.value as string);
      dateLiterals.set(leaf.fact, set);
    }
  });
}

const domain = new Map<string, readonly FactValue[]>(
  FACT_DEFINITIONS.map((f) => {
    if (f.type === "boolean") return [f.id, [true, false]];
    if (f.type === "enum") return [f.id, f.values ?? []];
    const points = new Set<string>();
    for (const literal of dateLiterals.get(f.id) ?? ["2020-01-01"]) {
      points.add(addDays(literal, -1));
      points.add(literal);
      points.add(addDays(literal, 1));
    }
    return [f.id, [...points].sort()];
  }),
);

/** The facts each rule reads, through its named limbs (json-rules-engine inlines them the same way). */
function factsOf(condition: RuleCondition, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  if ("all" in condition) {
    for (const c of condition.all) factsOf(c, out, seen);
  } else if ("any" in condition) {
    for (const c of condition.any) factsOf(c, out, seen);
  } else if ("not" in condition) factsOf(condition.not, out, seen);
  else if ("condition" in condition) {
    if (!seen.has(condition.condition)) {
      seen.add(condition.condition);
      factsOf(ruleSet.limbs.get(condition.condition)!.conditions, out, seen);
    }
  } else out.add(condition.fact);
  return out;
}
const factsReadBy = new Map(ruleSet.rules.map((r) => [r.name, factsOf(r.conditions)]));

// ---------------------------------------------------------------------------------------------------------
// Generators.

// Every in-force boundary of every rule and limb, the day before and after, plus a few pilot dates.
const boundaries = new Set<string>([
  "2024-11-26",
  "2024-11-27",
  "2025-03-11",
  "2025-04-28",
  "2026-03-31",
  "2026-04-01",
]);
for (const p of [
  ...ruleSet.rules.map((r) => r.inForce),
  ...[...ruleSet.limbs.values()].map((l) => l.inForce),
]) {
  for (const d of [p.from, p.to, p.noDataAfter]) {
    if (typeof d === "string") for (const k of [-1, 0, 1]) boundaries.add(addDays(d, k));
  }
}
const asOfArb = fc.oneof(fc.constantFrom(...[...boundaries].sort()), randomDate("2008-01-01", "2027-12-31"));

const factArb = (id: string): fc.Arbitrary<FactValue> => {
  const definition = FACT_DEFINITIONS.find((f) => f.id === id)!;
  if (definition.type !== "date") return fc.constantFrom(...domain.get(id)!);
  return fc.oneof(
    fc.constantFrom(...domain.get(id)!, "2009-09-29", "2009-09-30", "2020-11-30", "2020-12-01"),
    randomDate("1995-01-01", "2030-12-31"),
  );
};

const fullAssignment: fc.Arbitrary<Record<string, FactValue>> = fc.record(
  Object.fromEntries(FACT_DEFINITIONS.map((f) => [f.id, factArb(f.id)])),
) as fc.Arbitrary<Record<string, FactValue>>;

const MAX_COMPLETIONS_PER_CASE = 32;
const readable = FACT_DEFINITIONS.map((f) => f.id).filter((id) => factsReadByAnyRule.has(id));
const partialAssignment = fc
  .tuple(fullAssignment, fc.shuffledSubarray(readable, { minLength: 0, maxLength: 5 }))
  .filter(([, unknown]) => unknown.reduce((n, f) => n * domain.get(f)!.length, 1) <= MAX_COMPLETIONS_PER_CASE)
  .map(([full, unknown]) => {
    const known = { ...full };
    for (const f of unknown) delete known[f];
    return { known, unknown };
  });

// ---------------------------------------------------------------------------------------------------------
// Running json-rules-engine (sequentially: one run at a time on the reused engines).

async function fired(e: Engine, facts: Record<string, FactValue>, asOf: string): Promise<Set<string>> {
  const { results } = await e.run({ ...facts, [AS_OF_FACT]: asOf });
  return new Set(results.map((r) => r.name));
}

function* completions(unknown: readonly string[]): Generator<Record<string, FactValue>> {
  if (unknown.length === 0) {
    yield {};
    return;
  }
  const [first, ...rest] = unknown as [string, ...string[]];
  for (const value of domain.get(first)!) {
    for (const tail of completions(rest)) yield { [first]: value, ...tail };
  }
}

// ---------------------------------------------------------------------------------------------------------

describe("differential: compiled evaluator vs json-rules-engine (bundled rules)", () => {
  it("every fact the rules read has a finite domain to enumerate", () => {
    for (const id of factsReadByAnyRule) {
      expect(domain.get(id)?.length, id).toBeGreaterThan(0);
    }
    expect(dateLiterals.get("criminal.convictedOn")).toEqual(
      new Set(["2020-12-01", "2009-09-30", "2020-11-30"]),
    );
  });

  it("(a) fully known facts: available exactly when json-rules-engine fires the rule", async () => {
    let uncertain = 0;
    await fc.assert(
      fc.asyncProperty(fullAssignment, asOfArb, async (facts, asOf) => {
        const results = evaluateDerivedFacts(compiled, facts, asOf);
        const jre = await fired(engine, facts, asOf);
        const neutral = await fired(neutralEngine, facts, asOf);
        for (const result of results) {
          if (UNCERTAIN.includes(result.lawStatus)) {
            uncertain += 1;
            // The adapter never fires a rule whose commencement is unknown or that is past the digest's data.
            expect(jre.has(result.rule), `${result.rule} on ${asOf}`).toBe(false);
            // The compiled evaluator never says available, and says needs-information exactly when the
            // conditions would hold were the law in force.
            expect(result.outcome).not.toBe("available");
            expect(result.outcome === "needs-information", `${result.rule} on ${asOf}`).toBe(
              neutral.has(result.rule),
            );
          } else {
            expect(result.outcome, `${result.rule} on ${asOf}`).not.toBe("needs-information");
            expect(
              result.outcome === "available",
              `${result.rule} on ${asOf}: ${JSON.stringify(facts)}`,
            ).toBe(jre.has(result.rule));
          }
        }
      }),
      { numRuns: 200 },
    );
    // The property is not vacuous.
    expect(uncertain).toBeGreaterThan(0);
  }, 60_000);

  it("(a') fully known facts chosen to satisfy the rules: both agree that the orders are available", async () => {
    // Random facts rarely satisfy a whole rule; bias towards facts that do.
    const favourable = fc.record({
      // Mostly England and Wales; Northern Ireland often enough for its own orders to be seen.
      "case.jurisdiction": fc.oneof(
        { arbitrary: fc.constant("england-and-wales"), weight: 2 },
        { arbitrary: fc.constant("northern-ireland"), weight: 1 },
      ),
      "conduct.actsAssociatedWithStalking": fc.boolean(),
      "conduct.violenceOrThreats": fc.boolean(),
      "conduct.courseOfConduct": fc.boolean(),
      "conduct.abusive": fc.boolean(),
      "risk.harm": fc.boolean(),
      "risk.ongoing": fc.constant(true),
      "protection.otherProtectionAdequate": fc.boolean(),
      "relationship.married": fc.boolean(),
      "relationship.civilPartners": fc.boolean(),
      "relationship.cohabitants": fc.boolean(),
      "relationship.sameHousehold": fc.boolean(),
      "relationship.relatives": fc.boolean(),
      "relationship.agreedToMarry": fc.boolean(),
      "relationship.agreementToMarryWithinThreeYears": fc.boolean(),
      "relationship.civilPartnershipAgreement": fc.boolean(),
      "relationship.intimateOfSignificantDuration": fc.boolean(),
      "relationship.intimate": fc.boolean(),
      "relationship.parentsOfSameChild": fc.boolean(),
      "relationship.sameFamilyProceedings": fc.boolean(),
      "suspect.aged18OrOver": fc.boolean(),
      "suspect.aged16OrOver": fc.constant(true),
      "victim.aged16OrOver": fc.constant(true),
      "area.domesticAbuseProtectionPilot": fc.boolean(),
      "criminal.status": fc.constantFrom("convicted", "acquitted"),
      "criminal.offence": factArb("criminal.offence"),
      "criminal.convictedOn": factArb("criminal.convictedOn"),
      "criminal.acquittedOn": factArb("criminal.acquittedOn"),
      "criminal.courtCurrentlyDealing": fc.constant(true),
      "criminal.courtOfAppeal": fc.boolean(),
      "withoutNotice.significantHarm": fc.boolean(),
      "withoutNotice.applicantDeterred": fc.boolean(),
      "withoutNotice.respondentEvadingService": fc.boolean(),
      "ni.defendantInOrComingToNorthernIreland": fc.constant(true),
      "ni.suspectWithinAreaLimit": fc.constantFrom(
        "lives-in-territory",
        "believed-in-or-coming-to-territory",
        "residence-not-recorded",
      ),
      "spa.suspectWithinAreaLimit": fc.constantFrom(
        "lives-in-territory",
        "believed-in-or-coming-to-territory",
        "residence-not-recorded",
      ),
      // Favourable to the NI orders (the jurisdiction and the date still vary); (b) varies them all.
      "ni.actsAssociatedWithStalking": fc.constant(true),
      "ni.riskOfHarm": fc.constant(true),
      "ni.riskOngoing": fc.constant(true),
      "ni.otherProtectionAdequate": fc.constant(false),
    }) as fc.Arbitrary<Record<string, FactValue>>;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(favourable, asOfArb, async (facts, asOf) => {
        // Every fact a rule reads is given (relationship.summaryReading feeds a notice, no rule).
        for (const f of FACT_DEFINITIONS)
          if (factsReadByAnyRule.has(f.id)) expect(facts[f.id], f.id).toBeDefined();
        const results = evaluateDerivedFacts(compiled, facts, asOf);
        const jre = await fired(engine, facts, asOf);
        for (const result of results) {
          if (UNCERTAIN.includes(result.lawStatus)) {
            expect(jre.has(result.rule)).toBe(false);
            continue;
          }
          if (result.outcome === "available") seen.add(result.rule);
          expect(result.outcome === "available", `${result.rule} on ${asOf}`).toBe(jre.has(result.rule));
        }
      }),
      { numRuns: 150 },
    );
    // Every rule that can be in force was seen available at least once.
    for (const name of [
      "spo",
      "interim-spo",
      "nmo",
      "nmo-without-notice",
      "restraining-order-on-conviction",
      "restraining-order-on-acquittal",
      "pha-s3-injunction",
      "dvpn",
      "dvpo",
      "ni-spo",
      "ni-interim-spo",
    ]) {
      expect(seen.has(name), name).toBe(true);
    }
  }, 60_000);

  it("(b) partially known facts: needs-information exactly when json-rules-engine's answers over the completions disagree", async () => {
    let needsInformation = 0;
    let settledByEnumeration = 0;
    await fc.assert(
      fc.asyncProperty(partialAssignment, asOfArb, async ({ known, unknown }, asOf) => {
        const results = evaluateDerivedFacts(compiled, known, asOf);
        // One run per completion of all the unknown facts; each rule's answer depends only on the facts it
        // reads, so projecting onto them gives exactly its answers over the completions of its own facts.
        const answers = new Map<string, Set<boolean>>();
        const neutralAnswers = new Map<string, Set<boolean>>();
        for (const completion of completions(unknown)) {
          const facts = { ...known, ...completion };
          const jre = await fired(engine, facts, asOf);
          const neutral = await fired(neutralEngine, facts, asOf);
          for (const rule of ruleSet.rules) {
            if (!answers.has(rule.name)) answers.set(rule.name, new Set());
            if (!neutralAnswers.has(rule.name)) neutralAnswers.set(rule.name, new Set());
            answers.get(rule.name)!.add(jre.has(rule.name));
            neutralAnswers.get(rule.name)!.add(neutral.has(rule.name));
          }
        }
        for (const result of results) {
          const readUnknown = unknown.filter((f) => factsReadBy.get(result.rule)!.has(f));
          const label = `${result.rule} on ${asOf}, unknown ${readUnknown.join(", ")}`;
          expect(result.exact, label).toBe(true);
          if (UNCERTAIN.includes(result.lawStatus)) {
            expect(answers.get(result.rule)).toEqual(new Set([false]));
            const couldHold = neutralAnswers.get(result.rule)!.has(true);
            expect(result.outcome, label).toBe(couldHold ? "needs-information" : "not-available");
            continue;
          }
          const set = answers.get(result.rule)!;
          const expected =
            set.size === 2 ? "needs-information" : set.has(true) ? "available" : "not-available";
          expect(result.outcome, label).toBe(expected);
          if (expected === "needs-information") {
            needsInformation += 1;
            // What it asks for is among the unknown facts the rule reads.
            expect(result.missingFacts.length, label).toBeGreaterThan(0);
            for (const f of result.missingFacts) expect(readUnknown, label).toContain(f);
          } else if (readUnknown.length > 0) {
            settledByEnumeration += 1;
            expect(result.missingFacts).toEqual([]);
          }
        }
      }),
      { numRuns: 120 },
    );
    expect(needsInformation).toBeGreaterThan(0);
    expect(settledByEnumeration).toBeGreaterThan(0);
  }, 60_000);

  it("(b') a repeated unknown fact settled by enumeration: the SPO with risk.ongoing false is not available", async () => {
    // risk.ongoing is read by both s.1(1)(b) and s.2(1)(b); when it is false everything fails regardless of
    // other unknowns, and json-rules-engine agrees over every completion.
    const known: Record<string, FactValue> = {
      "case.jurisdiction": "england-and-wales",
      "risk.ongoing": false,
    };
    const [result] = evaluateDerivedFacts(compiled, known, "2025-01-01").filter((r) => r.rule === "spo");
    expect(result?.outcome).toBe("not-available");
    for (const completion of completions([
      "conduct.actsAssociatedWithStalking",
      "risk.harm",
      "protection.otherProtectionAdequate",
    ])) {
      const jre = await fired(engine, { ...known, ...completion }, "2025-01-01");
      expect(jre.has("spo")).toBe(false);
    }
  });
});
