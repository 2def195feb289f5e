// The literal unions of the bundled names (src/law/bundled-names.ts, generated from the rule files): the file is
// what the generator writes from the rule files today, each union is exactly the set the rule packs use at run time,
// and a misspelt name does not compile (the `@ts-expect-error` lines fail `tsc --noEmit` if it ever does).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Assessment,
  assess,
  type BundledAssessment,
  type DeclineVerdict,
  type FactId,
  type LimbId,
  type NoticeCode,
  type Outcome,
  type ReasonFindingKind,
  type RuleId,
  type RuleOrder,
  safeAssess,
} from "../../src/index.js";
import type relationshipImplications from "../../src/law/relationship-implications.json";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  loadRuleSet,
} from "../../src/rule-authoring.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const AS_OF = "2025-06-01";
const facts = { id: "c", jurisdiction: "england-and-wales" } as const;
const bundled = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);

/** The literal members of a union, read from the generated file (the type itself has no run-time form). */
function membersOf(typeName: string): string[] {
  const text = readFileSync(join(root, "src/law/bundled-names.ts"), "utf8");
  const body = text.split(`export type ${typeName} =`)[1]?.split(";")[0] ?? "";
  return [...body.matchAll(/"([^"]+)"/g)].map((match) => match[1] as string).sort();
}

describe("generated names", () => {
  it("src/law/bundled-names.ts is what scripts/write-rule-names.mjs writes from the rule files (run `npm run build`)", async () => {
    const scriptUrl = pathToFileURL(join(root, "scripts/write-rule-names.mjs")).href;
    const script = (await import(/* @vite-ignore */ scriptUrl)) as { renderRuleNames: () => string };
    expect(readFileSync(join(root, "src/law/bundled-names.ts"), "utf8")).toBe(script.renderRuleNames());
  });

  it("RuleId, RuleOrder and LimbId are exactly the names the bundled rule packs use at run time", () => {
    const rules = bundled.rules;
    expect(membersOf("RuleId")).toEqual([...new Set(rules.map((rule) => rule.name))].sort());
    expect(membersOf("RuleOrder")).toEqual([...new Set(rules.map((rule) => rule.event.params.order))].sort());
    expect(membersOf("LimbId")).toEqual([...bundled.limbs.keys()].sort());
  });

  it("every FactId is a defined derived fact, and every fact an assessment reports missing is a FactId", () => {
    const defined = new Set(FACT_DEFINITIONS.map((fact) => fact.id));
    for (const fact of membersOf("FactId")) expect(defined.has(fact), fact).toBe(true);
    const assessment = assess(facts, { asOf: AS_OF });
    expect(assessment.missingFacts.length).toBeGreaterThan(0);
    for (const fact of assessment.missingFacts) expect(membersOf("FactId")).toContain(fact);
  });
});

describe("literal unions catch misspelt names at compile time", () => {
  const assessment = assess(facts, { asOf: AS_OF });

  it("assess with the bundled rules returns the literal-typed assessment", () => {
    expectTypeOf(assessment).toEqualTypeOf<BundledAssessment>();
    expectTypeOf(assessment.orders[0]!.rule).toEqualTypeOf<RuleId>();
    expectTypeOf(assessment.orders[0]!.order).toEqualTypeOf<RuleOrder>();
    expectTypeOf(assessment.orders[0]!.outcome).toEqualTypeOf<Outcome>();
    expectTypeOf(assessment.missingFacts).toEqualTypeOf<readonly FactId[]>();
    expectTypeOf(assessment.questions[0]!.fact).toEqualTypeOf<FactId>();
    expectTypeOf(assessment.questions[0]!.settles).toEqualTypeOf<readonly RuleId[]>();
    expectTypeOf(assessment.recommendation.first).toEqualTypeOf<RuleId | null>();
    expectTypeOf<BundledAssessment["notices"][number]["code"]>().toEqualTypeOf<NoticeCode>();
    // NoticeCode lists the relationship notices of the law data by name: it must name exactly those.
    expectTypeOf<
      Extract<NoticeCode, `relationship-${string}`>
    >().toEqualTypeOf<`relationship-${keyof (typeof relationshipImplications)["notices"]}`>();
    const result = safeAssess(facts, { asOf: AS_OF });
    if (result.success) expectTypeOf(result.assessment.orders[0]!.rule).toEqualTypeOf<RuleId>();
  });

  it("a misspelt rule id, order, outcome, fact, notice code or verdict does not compile", () => {
    // @ts-expect-error: "nmoo" is not a rule id
    expect(assessment.orders.find((o) => o.rule === "nmoo")).toBeUndefined();
    // @ts-expect-error: "spo-interim" is not a rule id (it is "interim-spo")
    const misspelt: RuleId = "spo-interim";
    expect(misspelt).toBe("spo-interim");
    // @ts-expect-error: "availble" is not an outcome
    expect(assessment.orders.filter((o) => o.outcome === "availble")).toEqual([]);
    // @ts-expect-error: "risk.ongoin" is not a derived fact
    expect(assessment.missingFacts.includes("risk.ongoin")).toBe(false);
    // @ts-expect-error: "outside-england" is not a notice code
    expect(assessment.notices.some((n) => n.code === "outside-england")).toBe(false);
    // @ts-expect-error: "wrongly-declined" is not a verdict
    const verdict: DeclineVerdict = "wrongly-declined";
    expect(verdict).toBeDefined();
    // @ts-expect-error: "misstated" is not a finding kind
    const finding: ReasonFindingKind = "misstated";
    expect(finding).toBeDefined();
    // @ts-expect-error: "spa-2019.s1(1)(z)" is not a limb
    const limb: LimbId = "spa-2019.s1(1)(z)";
    expect(limb).toBeDefined();
  });

  it("a rule set of your own gives plain strings (its names are not known to the compiler)", () => {
    const own = compileRuleSet(bundled);
    const custom = assess(facts, { asOf: AS_OF, rules: own });
    expectTypeOf(custom).toEqualTypeOf<Assessment>();
    expectTypeOf(custom.orders[0]!.rule).toEqualTypeOf<string>();
    // The literal-typed assessment is still an Assessment: anything that takes one takes it.
    expectTypeOf(assessment).toMatchTypeOf<Assessment>();
    expect(custom.orders.map((o) => o.rule)).toEqual(assessment.orders.map((o) => o.rule));
  });
});
