// The package's root is a deliberate surface for case-system code; the evaluator's internals are in the
// documented subpath protective-orders/rule-authoring (CHANGELOG, "Changed").
import { describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import * as ruleAuthoring from "../../src/rule-authoring.js";

/** What a case system calls: parse, assess, review, explain, the orders in practice, the models, citations. */
const CASE_SYSTEM_API = [
  "parseCaseFacts",
  "CaseFactsSchema",
  "CaseFactsError",
  "caseFactsJsonSchema",
  "assess",
  "safeAssess",
  "summarizeAssessments",
  "explain",
  "reviewSpoDecline",
  "challengeSummary",
  "validateOrder",
  "draftSpoTerms",
  "assessBreaches",
  "orderDates",
  "citationFor",
  "getProvision",
  "listProvisions",
];

/** The evaluator's internals and the rule-authoring toolkit. */
const RULE_AUTHORING_API = [
  "compileRuleSet",
  "isCompiledRuleSet",
  "loadRuleSet",
  "RulePackError",
  "RulePackSchema",
  "LimbSchema",
  "OPERATORS",
  "NodeKind",
  "MAX_COMPLETIONS",
  "MAX_CONDITION_DEPTH",
  "MAX_EXPANDED_NODES",
  "MAX_RULE_PACK_SIZE",
  "evaluateDerivedFacts",
  "lawStatusOn",
  "DEFAULT_RULES",
  "BUNDLED_RULE_PACKS",
  "FACT_DEFINITIONS",
  "riskIsOngoing",
  "hasCarriedOutActsAssociatedWithStalking",
];

describe("public surface", () => {
  it("the root exports what case-system code uses", () => {
    for (const name of CASE_SYSTEM_API) expect(Object.keys(root), name).toContain(name);
  });

  it("the root does not export the evaluator's internals; protective-orders/rule-authoring does", () => {
    for (const name of RULE_AUTHORING_API) {
      expect(Object.keys(root), name).not.toContain(name);
      expect(Object.keys(ruleAuthoring), name).toContain(name);
    }
  });

  it("the two entry points share no run-time export (each name has one home)", () => {
    const shared = Object.keys(root).filter((name) => name in ruleAuthoring);
    expect(shared).toEqual([]);
  });
});
