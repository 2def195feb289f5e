// Issue 15 item 6: a rule pack may bring its own provisions (a force's local policy). They are validated like the
// bundled provision files, extend the citation registry for that rule set only, and every output marks them as
// local policy (`local: true`, and the title ends "(local policy)"), while the statute's citations are unchanged.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, citationFor, explain, getProvision } from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  LOCAL_POLICY_MARK,
  loadRuleSet,
  RulePackError,
} from "../../src/rule-authoring.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LOCAL_PACK = JSON.parse(readFileSync(join(root, "examples/rule-packs/local-policy.json"), "utf8"));
const rules = compileRuleSet(loadRuleSet([...BUNDLED_RULE_PACKS, LOCAL_PACK], FACT_DEFINITIONS));

/**
 * A case meeting the police test of SPA 2019 s.1(1), with threats of violence among the acts (the
 * following known to be unwelcome, s.1(4)(b): a PHA s.2A(3) example alone is not proof).
 */
const CASE: CaseFacts = {
  id: "local-1",
  jurisdiction: "england-and-wales",
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "threats-of-violence", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: { adequate: false },
};

function problemsOf(pack: unknown): string[] {
  try {
    loadRuleSet([...BUNDLED_RULE_PACKS, pack], FACT_DEFINITIONS);
    return [];
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

describe("a rule pack with a local provision (issue 15 item 6)", () => {
  const assessment = assess(CASE, { asOf: "2025-06-01", rules });
  const local = assessment.orders.find((o) => o.rule === "example-constabulary-priority-spo-review");

  it("runs beside the statute's rules, citing its own provision, marked local", () => {
    expect(local?.outcome).toBe("available");
    expect(local?.citation).toMatchObject({ id: "example-constabulary-policy:para-4.2", local: true });
    expect(local?.citation.title.endsWith(LOCAL_POLICY_MARK)).toBe(true);
    expect(assessment.orders.find((o) => o.rule === "spo")?.outcome).toBe("available");
  });

  it("every output marks the local citations and only them: the JSON, and the explanation", () => {
    const citations: Array<{ id: string; title: string; local?: boolean }> = [];
    JSON.stringify(assessment, (key, value) => {
      if (key === "citation" || key === "caveat") citations.push(value);
      if (key === "citations" && Array.isArray(value)) citations.push(...value);
      return value;
    });
    const localOnes = citations.filter((c) => c.id.startsWith("example-constabulary-policy:"));
    expect(localOnes.length).toBeGreaterThan(2); // the rule, its limb, its recommendation
    for (const c of citations) {
      expect(c.local === true, c.id).toBe(c.id.startsWith("example-constabulary-policy:"));
      expect(c.title.includes(LOCAL_POLICY_MARK), c.id).toBe(c.local === true);
    }
    const text = explain(assessment);
    expect(text).toContain("Example Constabulary stalking policy 2025, para 4.2 (local policy)");
    expect(text).toContain("Stalking Protection Act 2019, s.2");
  });

  it("does not change the bundled registry (another caller's citations)", () => {
    expect(getProvision("example-constabulary-policy:para-4.2")).toBeUndefined();
    expect(() => citationFor("example-constabulary-policy:para-4.2")).toThrow();
    expect(citationFor("spa-2019:s1").local).toBeUndefined();
    const bundled = assess(CASE, { asOf: "2025-06-01" });
    expect(
      bundled.orders.some((o) => (o.rule as string) === "example-constabulary-priority-spo-review"),
    ).toBe(false);
  });

  it("validates the local provisions like the bundled ones", () => {
    const provisions = LOCAL_PACK.provisions;
    const withProvision = (change: Record<string, unknown>) => ({
      ...LOCAL_PACK,
      provisions: { ...provisions, provisions: [{ ...provisions.provisions[0], ...change }] },
    });
    expect(problemsOf(LOCAL_PACK)).toEqual([]);
    // Same schema as a bundled provisions.json: a summary is required, dates are real ISO dates.
    expect(problemsOf(withProvision({ summary: undefined })).join("\n")).toMatch(
      /provisions\.provisions\.0\.summary/,
    );
    expect(problemsOf(withProvision({ inForce: { from: "2025-02-30" } })).join("\n")).toMatch(
      /inForce\.from/,
    );
    // A local provision cannot stand in for the statute, nor belong to an instrument the pack does not declare.
    expect(problemsOf(withProvision({ id: "spa-2019:s1" })).join("\n")).toContain(
      'provision id "spa-2019:s1" is already in use',
    );
    expect(problemsOf(withProvision({ instrument: "spa-2019" })).join("\n")).toContain(
      "not one of this pack's own instruments",
    );
    // A citation that is neither bundled nor the pack's own is still an error.
    const unknown = {
      ...LOCAL_PACK,
      rules: [{ ...LOCAL_PACK.rules[0], citation: "example-constabulary-policy:para-9" }],
    };
    expect(problemsOf(unknown).join("\n")).toContain('unknown citation "example-constabulary-policy:para-9"');
  });
});
