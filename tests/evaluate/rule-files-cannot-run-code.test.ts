// Rule files loaded from outside the package are data: validated when loaded, and nothing in them can
// run code. json-rules-engine's JSONPath `path`, its `params` fact lookups and anything like a script
// are not part of the format, so they are rejected, not evaluated.
import { describe, expect, it } from "vitest";
import { FACT_DEFINITIONS, loadRuleSet, RulePackError } from "../../src/rule-authoring.js";

function packWith(condition: unknown): unknown {
  return {
    instrument: "outside-pack",
    limbs: [],
    rules: [
      {
        name: "outside-rule",
        label: "outside rule",
        citation: "spa-2019:s2",
        statute: "test",
        inForce: { from: "2020-01-20" },
        recommendation: { rank: 1, role: "primary", reason: "test", citations: ["spa-2019:s2"] },
        conditions: { all: [condition] },
        event: { type: "order-available", params: { order: "spo" } },
      },
    ],
  };
}

function problems(condition: unknown) {
  try {
    loadRuleSet([packWith(condition)], FACT_DEFINITIONS);
  } catch (error) {
    if (error instanceof RulePackError) return error.problems;
    throw error;
  }
  return [];
}

describe("rule files cannot run code", () => {
  it("rejects a JSONPath `path` (json-rules-engine would evaluate it, script expressions included)", () => {
    const found = problems({
      fact: "risk.ongoing",
      operator: "equal",
      value: true,
      path: "$..[?(@.constructor)]",
    });
    expect(found).toContainEqual(expect.objectContaining({ path: "rules.0.conditions.all.0.path" }));
  });

  it("rejects a fact-reference value ({ fact: … } as the value) and any object value", () => {
    const found = problems({ fact: "risk.ongoing", operator: "equal", value: { fact: "case.jurisdiction" } });
    expect(found).toContainEqual(expect.objectContaining({ path: "rules.0.conditions.all.0.value" }));
  });

  it("treats a string that looks like code as a plain value, never evaluating it", () => {
    let touched = false;
    (globalThis as Record<string, unknown>).__ruleFileRan = () => {
      touched = true;
    };
    // An enum fact compared with a string that is code: rejected as not a value of the fact.
    const found = problems({
      fact: "case.jurisdiction",
      operator: "equal",
      value: "globalThis.__ruleFileRan()",
    });
    expect(found.length).toBeGreaterThan(0);
    expect(touched).toBe(false);
    delete (globalThis as Record<string, unknown>).__ruleFileRan;
  });

  it("rejects an unknown operator rather than looking it up", () => {
    const found = problems({ fact: "risk.ongoing", operator: "constructor", value: true });
    expect(found).toContainEqual(expect.objectContaining({ path: "rules.0.conditions.all.0.operator" }));
  });
});
