// loadRuleSet: every malformed rule pack is a RulePackError that names the pack and the path of the problem.
import { describe, expect, it } from "vitest";
import {
  FACT_DEFINITIONS,
  loadRuleSet,
  RulePackError,
  type RulePackProblem,
} from "../../src/rule-authoring.js";

// biome-ignore lint/suspicious/noExplicitAny: test packs are deliberately malformed JSON
type Json = any;

function validPack(): Json {
  return {
    instrument: "test-pack",
    limbs: [
      {
        id: "t.a",
        label: "limb a",
        citation: "spa-2019:s1(1)(a)",
        statute: "the defendant has carried out acts associated with stalking",
        inForce: { from: "2020-01-20" },
        conditions: { all: [{ fact: "conduct.actsAssociatedWithStalking", operator: "equal", value: true }] },
      },
    ],
    rules: [
      {
        name: "t-rule",
        label: "test rule",
        citation: "spa-2019:s2",
        statute: "test",
        inForce: { from: "2020-01-20" },
        recommendation: { rank: 1, role: "primary", reason: "test", citations: ["spa-2019:s2"] },
        conditions: { all: [{ condition: "t.a" }, { fact: "risk.ongoing", operator: "equal", value: true }] },
        event: { type: "order-available", params: { order: "spo" } },
      },
    ],
  };
}

function problemsFor(mutate: (pack: Json) => void, extraPacks: Json[] = []): RulePackProblem[] {
  const pack = validPack();
  mutate(pack);
  try {
    loadRuleSet([pack, ...extraPacks], FACT_DEFINITIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    const problems = (error as RulePackError).problems;
    expect(problems.length).toBeGreaterThan(0);
    // The error message lists the pack and path of every problem.
    for (const p of problems) expect((error as Error).message).toContain(`${p.pack}: ${p.path}`);
    return [...problems];
  }
  throw new Error("expected loadRuleSet to throw a RulePackError");
}

describe("loadRuleSet validation", () => {
  it("accepts the valid test pack", () => {
    const ruleSet = loadRuleSet([validPack()], FACT_DEFINITIONS);
    expect(ruleSet.rules.map((r) => r.name)).toEqual(["t-rule"]);
    expect([...ruleSet.limbs.keys()]).toEqual(["t.a"]);
  });

  it("unknown operator", () => {
    const problems = problemsFor((p) => {
      p.rules[0].conditions.all[1].operator = "equals";
    });
    expect(problems[0]?.pack).toBe("test-pack");
    expect(problems[0]?.path.startsWith("rules.0.conditions")).toBe(true);
  });

  it("unknown operator inside a limb", () => {
    const problems = problemsFor((p) => {
      p.limbs[0].conditions.all[0].operator = "contains";
    });
    expect(problems[0]?.pack).toBe("test-pack");
    expect(problems[0]?.path.startsWith("limbs.0.conditions")).toBe(true);
  });

  // The schema declares the message "unknown operator; expected one of …" for the operator field, but the
  // condition is a z.union, so zod reports a generic "Invalid input" at the union's path (rules.0.conditions)
  // instead: the author is not told that the operator is the problem, nor where the leaf is.
  it("unknown operator: the problem names the operator or its exact path", () => {
    const problems = problemsFor((p) => {
      p.rules[0].conditions.all[1].operator = "equals";
    });
    const pointsAtLeaf = problems.some(
      (x) => x.path === "rules.0.conditions.all.1.operator" || /operator/i.test(x.message),
    );
    expect(pointsAtLeaf).toBe(true);
  });

  it("unknown fact", () => {
    const problems = problemsFor((p) => {
      p.limbs[0].conditions.all[0].fact = "conduct.nonexistent";
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "limbs.0.conditions.all.0.fact" }),
    );
    expect(problems[0]?.message).toContain("conduct.nonexistent");
  });

  it("dangling condition reference", () => {
    const problems = problemsFor((p) => {
      p.rules[0].conditions.all[0].condition = "t.missing";
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.0.condition" }),
    );
    expect(problems[0]?.message).toContain("t.missing");
  });

  it("duplicate limb id (within a pack and across packs)", () => {
    const within = problemsFor((p) => {
      p.limbs.push({ ...p.limbs[0] });
    });
    expect(within).toContainEqual(expect.objectContaining({ pack: "test-pack", path: "limbs.1.id" }));

    const other = validPack();
    other.instrument = "other-pack";
    other.rules = [];
    const across = problemsFor(() => {}, [other]);
    expect(across).toContainEqual(expect.objectContaining({ pack: "other-pack", path: "limbs.0.id" }));
    expect(across[0]?.message).toContain("t.a");
  });

  it("duplicate rule name", () => {
    const problems = problemsFor((p) => {
      p.rules.push({ ...p.rules[0] });
    });
    expect(problems).toContainEqual(expect.objectContaining({ pack: "test-pack", path: "rules.1.name" }));
    expect(problems[0]?.message).toContain("t-rule");
  });

  it.each(["2020-1-5", "2020-02-30", "2023-02-29", "05/01/2020", "2020-01-05T00:00"])(
    "non-ISO date literal %s",
    (literal) => {
      const problems = problemsFor((p) => {
        p.rules[0].conditions.all.push({
          fact: "criminal.convictedOn",
          operator: "dateOnOrAfter",
          value: literal,
        });
      });
      expect(problems).toContainEqual(
        expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.2.value" }),
      );
    },
  );

  it("a leap day literal is a valid date", () => {
    const pack = validPack();
    pack.rules[0].conditions.all.push({
      fact: "criminal.convictedOn",
      operator: "dateOnOrAfter",
      value: "2024-02-29",
    });
    expect(() => loadRuleSet([pack], FACT_DEFINITIONS)).not.toThrow();
  });

  it("a boolean fact compared with a string", () => {
    const problems = problemsFor((p) => {
      p.rules[0].conditions.all[1].value = "true";
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.1.value" }),
    );
  });

  it("an enum fact compared with a value it cannot take", () => {
    const problems = problemsFor((p) => {
      p.rules[0].conditions.all.push({ fact: "case.jurisdiction", operator: "equal", value: "wales" });
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.2.value" }),
    );
  });

  it("a date fact compared with a numeric operator, or a date operator on a boolean fact", () => {
    const numeric = problemsFor((p) => {
      p.rules[0].conditions.all.push({ fact: "criminal.convictedOn", operator: "greaterThan", value: 2020 });
    });
    expect(numeric).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.2.value" }),
    );
    const date = problemsFor((p) => {
      p.rules[0].conditions.all.push({ fact: "risk.ongoing", operator: "dateBefore", value: "2020-01-01" });
    });
    expect(date).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.conditions.all.2.value" }),
    );
  });

  it("in / notIn need a list, and other operators a single value", () => {
    const needsList = problemsFor((p) => {
      p.rules[0].conditions.all.push({ fact: "criminal.status", operator: "in", value: "convicted" });
    });
    expect(needsList).toContainEqual(expect.objectContaining({ path: "rules.0.conditions.all.2.value" }));
    const noList = problemsFor((p) => {
      p.rules[0].conditions.all.push({ fact: "criminal.status", operator: "equal", value: ["convicted"] });
    });
    expect(noList).toContainEqual(expect.objectContaining({ path: "rules.0.conditions.all.2.value" }));
  });

  it("a circular reference between limbs", () => {
    const problems = problemsFor((p) => {
      p.limbs.push({ ...p.limbs[0], id: "t.b", conditions: { any: [{ condition: "t.a" }] } });
      p.limbs[0].conditions = { all: [{ condition: "t.b" }] };
    });
    const circular = problems.filter((x) => /circular/i.test(x.message));
    expect(circular.length).toBeGreaterThan(0);
    for (const problem of circular) {
      expect(problem.pack).toBe("test-pack");
      expect(problem.path).toMatch(/^limbs\.t\.[ab]$/);
    }
  });

  it("a limb that refers to itself (through not)", () => {
    const problems = problemsFor((p) => {
      p.limbs[0].conditions = { not: { condition: "t.a" } };
    });
    expect(problems).toContainEqual(expect.objectContaining({ pack: "test-pack", path: "limbs.t.a" }));
  });

  it("an unknown citation on a rule, a limb, or a recommendation", () => {
    const problems = problemsFor((p) => {
      p.rules[0].citation = "spa-2019:s99";
      p.limbs[0].citation = "fla-1996:s42(4ZA)";
      p.rules[0].recommendation.citations = ["nowhere:s1"];
    });
    expect(problems).toContainEqual(expect.objectContaining({ pack: "test-pack", path: "rules.0.citation" }));
    expect(problems).toContainEqual(expect.objectContaining({ pack: "test-pack", path: "limbs.0.citation" }));
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.recommendation.citations.0" }),
    );
  });

  it("an unknown top-level key", () => {
    const problems = problemsFor((p) => {
      p.extra = 1;
    });
    expect(problems[0]?.pack).toBe("test-pack");
    expect(problems[0]?.message).toContain("extra");
  });

  it("an unknown key on a rule or limb", () => {
    const problems = problemsFor((p) => {
      p.rules[0].inforce = { from: "2020-01-01" };
    });
    expect(problems[0]?.pack).toBe("test-pack");
    expect(problems[0]?.path.startsWith("rules.0")).toBe(true);
  });

  it("a non-ISO in-force date", () => {
    const problems = problemsFor((p) => {
      p.rules[0].inForce.from = "20 Jan 2020";
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ pack: "test-pack", path: "rules.0.inForce.from" }),
    );
  });

  it("collects every problem at once, across rules and limbs", () => {
    const problems = problemsFor((p) => {
      p.limbs[0].conditions.all[0].fact = "nope.one";
      p.rules[0].citation = "nope:two";
      p.rules[0].conditions.all[0].condition = "nope.three";
    });
    expect(problems.map((x) => x.path).sort()).toEqual([
      "limbs.0.conditions.all.0.fact",
      "rules.0.citation",
      "rules.0.conditions.all.0.condition",
    ]);
  });

  it("names a pack without an instrument by its index", () => {
    const problems = problemsFor(() => {}, [{ limbs: [], rules: [] }]);
    expect(problems[0]?.pack).toBe("pack 1");
  });
});
