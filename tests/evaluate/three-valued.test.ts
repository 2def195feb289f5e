// The compiled evaluator's exact three-valued logic, in-force gating and limb status, on small custom packs
// built with loadRuleSet + compileRuleSet + evaluateDerivedFacts, and on the bundled rules.
import { describe, expect, it } from "vitest";
import type { ConditionCheck, LimbCheck, RuleEvaluation } from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  evaluateDerivedFacts,
  FACT_DEFINITIONS,
  type FactValue,
  lawStatusOn,
  loadRuleSet,
  MAX_COMPLETIONS,
  type RuleCondition,
} from "../../src/rule-authoring.js";

interface InForce {
  from: string | null;
  to?: string | null;
  noDataAfter?: string;
}
interface TestLimb {
  id: string;
  conditions: RuleCondition;
  inForce?: InForce;
  unverified?: boolean;
}

const IN_FORCE: InForce = { from: "2000-01-01" };

function pack(
  conditions: RuleCondition,
  options: { inForce?: InForce; limbs?: TestLimb[]; unverified?: boolean } = {},
) {
  return {
    instrument: "test-pack",
    limbs: (options.limbs ?? []).map((l) => ({
      id: l.id,
      label: `limb ${l.id}`,
      citation: "spa-2019:s1",
      statute: "test limb",
      inForce: l.inForce ?? IN_FORCE,
      ...(l.unverified !== undefined ? { unverified: l.unverified } : {}),
      conditions: l.conditions,
    })),
    rules: [
      {
        name: "t-rule",
        label: "test rule",
        citation: "spa-2019:s2",
        statute: "test rule",
        inForce: options.inForce ?? IN_FORCE,
        ...(options.unverified !== undefined ? { unverified: options.unverified } : {}),
        recommendation: { rank: 1, role: "primary", reason: "test", citations: [] },
        conditions,
        event: { type: "order-available", params: { order: "spo" } },
      },
    ],
  };
}

function evaluate(
  conditions: RuleCondition,
  derived: Record<string, FactValue>,
  options: { inForce?: InForce; limbs?: TestLimb[]; unverified?: boolean; asOf?: string } = {},
): RuleEvaluation {
  const compiled = compileRuleSet(loadRuleSet([pack(conditions, options)], FACT_DEFINITIONS));
  const [result] = evaluateDerivedFacts(compiled, derived, options.asOf ?? "2025-06-01");
  return result!;
}

const is = (fact: string, value: FactValue): RuleCondition => ({ fact, operator: "equal", value });
const X = "risk.ongoing";
const Y = "risk.harm";
const Z = "conduct.courseOfConduct";
const D = "criminal.convictedOn";
const S = "criminal.status";

function findLimb(node: ConditionCheck, id: string): LimbCheck | undefined {
  if (node.type === "limb") return node.id === id ? node : findLimb(node.condition, id);
  if (node.type === "fact") return undefined;
  for (const child of node.conditions) {
    const found = findLimb(child, id);
    if (found) return found;
  }
  return undefined;
}

describe("exact three-valued logic (not plain Kleene)", () => {
  it("any[x = true, x = false] with x unknown holds: available, although Kleene logic would say unknown", () => {
    const result = evaluate({ any: [is(X, true), is(X, false)] }, {});
    expect(result.outcome).toBe("available");
    expect(result.conditions.result).toBe("holds");
    expect(result.exact).toBe(true);
    expect(result.missingFacts).toEqual([]);
  });

  it("the same shape over two different unknown facts is genuinely unknown (Kleene is exact there)", () => {
    const result = evaluate({ any: [is(X, true), is(Y, false)] }, {});
    expect(result.outcome).toBe("needs-information");
    expect(result.conditions.result).toBe("unknown");
    expect([...result.missingFacts].sort()).toEqual([Y, X].sort());
  });

  it("all[x = true, x = false] with x unknown fails: not available", () => {
    const result = evaluate({ all: [is(X, true), is(X, false)] }, {});
    expect(result.outcome).toBe("not-available");
    expect(result.missingFacts).toEqual([]);
  });

  it("any[x, not x] holds; all[x, not x] fails", () => {
    expect(evaluate({ any: [is(X, true), { not: is(X, true) }] }, {}).outcome).toBe("available");
    expect(evaluate({ all: [is(X, true), { not: is(X, true) }] }, {}).outcome).toBe("not-available");
  });

  it("a tautology split across two named limbs still holds (limbs are inlined before enumerating)", () => {
    const limbs = [
      { id: "t.x-true", conditions: is(X, true) },
      { id: "t.x-false", conditions: is(X, false) },
    ];
    const result = evaluate({ any: [{ condition: "t.x-true" }, { condition: "t.x-false" }] }, {}, { limbs });
    expect(result.outcome).toBe("available");
  });

  it("enum facts: status in [convicted, acquitted] or notIn the same list always holds", () => {
    const list = ["convicted", "acquitted"];
    const result = evaluate(
      {
        any: [
          { fact: S, operator: "in", value: list },
          { fact: S, operator: "notIn", value: list },
        ],
      },
      {},
    );
    expect(result.outcome).toBe("available");
  });

  it("enum facts: equal 'convicted' and equal 'acquitted' together can never hold", () => {
    expect(evaluate({ all: [is(S, "convicted"), is(S, "acquitted")] }, {}).outcome).toBe("not-available");
  });

  it("dates: before L or on/after L always holds", () => {
    const result = evaluate(
      {
        any: [
          { fact: D, operator: "dateBefore", value: "2020-12-01" },
          { fact: D, operator: "dateOnOrAfter", value: "2020-12-01" },
        ],
      },
      {},
    );
    expect(result.outcome).toBe("available");
  });

  it("dates: before L or after L is unknown (the date could be L itself)", () => {
    const result = evaluate(
      {
        any: [
          { fact: D, operator: "dateBefore", value: "2020-12-01" },
          { fact: D, operator: "dateAfter", value: "2020-12-01" },
        ],
      },
      {},
    );
    expect(result.outcome).toBe("needs-information");
    expect(result.missingFacts).toEqual([D]);
  });

  it("dates: strictly after 30 Nov and strictly before 1 Dec can never hold (no day in between)", () => {
    const result = evaluate(
      {
        all: [
          { fact: D, operator: "dateAfter", value: "2020-11-30" },
          { fact: D, operator: "dateBefore", value: "2020-12-01" },
        ],
      },
      {},
    );
    expect(result.outcome).toBe("not-available");
  });

  it("dates: on or after and on or before the same day holds only for that day: unknown", () => {
    const result = evaluate(
      {
        all: [
          { fact: D, operator: "dateOnOrAfter", value: "2009-09-30" },
          { fact: D, operator: "dateOnOrBefore", value: "2009-09-30" },
        ],
      },
      {},
    );
    expect(result.outcome).toBe("needs-information");
    expect(result.missingFacts).toEqual([D]);
  });

  it("known facts give known answers", () => {
    expect(evaluate({ any: [is(X, true), is(X, false)] }, { [X]: true }).outcome).toBe("available");
    expect(evaluate({ all: [is(X, true), is(Y, true)] }, { [X]: true, [Y]: true }).outcome).toBe("available");
    expect(evaluate({ all: [is(X, true), is(Y, true)] }, { [X]: true, [Y]: false }).outcome).toBe(
      "not-available",
    );
  });

  it("a known failing branch decides the outcome: the unknown facts are not asked for", () => {
    const result = evaluate({ all: [is(Y, true), { any: [is(X, true), is(Z, true)] }] }, { [Y]: false });
    expect(result.outcome).toBe("not-available");
    expect(result.missingFacts).toEqual([]);
  });

  it("missingFacts lists only the unknown facts that could change the outcome", () => {
    const result = evaluate({ all: [is(Y, true), is(X, true)] }, { [X]: true });
    expect(result.outcome).toBe("needs-information");
    expect(result.missingFacts).toEqual([Y]);
  });

  it("a fact given but not in the registry is ignored; a value of an unknown fact stays unknown", () => {
    const result = evaluate(is(X, true), { "no.such.fact": true });
    expect(result.outcome).toBe("needs-information");
  });

  // evaluateExactly only enumerates facts read by more than one leaf; a fact read once is left to Kleene logic,
  // which is exact only if the leaf's test can come out both true and false. So a leaf whose test comes out the
  // same for every value of its fact must be treated as that constant, or `exact: true` would be a false promise.
  it("a single leaf that holds for every value of its fact is available (exact: true promises it)", () => {
    const every = ["none", "under-investigation", "no-further-action", "charged", "convicted", "acquitted"];
    const result = evaluate({ fact: S, operator: "in", value: every }, {});
    expect(result.exact).toBe(true);
    expect(result.outcome).toBe("available");
  });

  it("a single date leaf no date can fail (on or after 0000-01-01, the earliest the schema accepts) is available when the date is unknown", () => {
    const result = evaluate({ fact: D, operator: "dateOnOrAfter", value: "0000-01-01" }, {});
    expect(result.exact).toBe(true);
    expect(result.outcome).toBe("available");
  });

  it("`in` an empty list can never hold: rejected when loading, or not available", () => {
    let outcome: string;
    try {
      outcome = evaluate(
        { all: [is(X, true), { fact: S, operator: "in", value: [] }] },
        { [X]: true },
      ).outcome;
    } catch {
      outcome = "rejected";
    }
    expect(["rejected", "not-available"]).toContain(outcome);
  });

  it(`beyond ${MAX_COMPLETIONS} completions it falls back to Kleene: never wrong, but may say unknown (exact: false)`, () => {
    const booleans = FACT_DEFINITIONS.filter((f) => f.type === "boolean").map((f) => f.id);
    const n = Math.ceil(Math.log2(MAX_COMPLETIONS)) + 1;
    expect(booleans.length).toBeGreaterThanOrEqual(n);
    const conditions: RuleCondition = {
      all: booleans.slice(0, n).map((f) => ({ any: [is(f, true), is(f, false)] })),
    };
    const result = evaluate(conditions, {});
    expect(result.exact).toBe(false);
    expect(result.outcome).not.toBe("not-available");
    expect(result.notes.join(" ")).toMatch(/too many unknown facts/i);
    // With one of them known, the rest fit the budget and the answer is exact.
    const fewer = evaluate(
      { all: booleans.slice(0, n - 2).map((f) => ({ any: [is(f, true), is(f, false)] })) },
      {},
    );
    expect(fewer.exact).toBe(true);
    expect(fewer.outcome).toBe("available");
  });
});

describe("in-force gating", () => {
  const allTrue = { [X]: true };

  it("before the rule's commencement: not available, law status not-yet-in-force", () => {
    const result = evaluate(is(X, true), allTrue, { inForce: { from: "2030-01-01" }, asOf: "2025-06-01" });
    expect(result.outcome).toBe("not-available");
    expect(result.lawStatus).toBe("not-yet-in-force");
    expect(result.notes.join(" ")).toMatch(/not yet in force/i);
  });

  it("the commencement day is the first day in force", () => {
    const inForce = { from: "2020-01-20" };
    expect(evaluate(is(X, true), allTrue, { inForce, asOf: "2020-01-19" }).outcome).toBe("not-available");
    const onTheDay = evaluate(is(X, true), allTrue, { inForce, asOf: "2020-01-20" });
    expect(onTheDay.outcome).toBe("available");
    expect(onTheDay.lawStatus).toBe("in-force");
  });

  it("after the end of its period: not available, law status no-longer-in-force; the last day is still in force", () => {
    const inForce = { from: "2020-01-01", to: "2020-12-31" };
    expect(evaluate(is(X, true), allTrue, { inForce, asOf: "2020-12-31" }).outcome).toBe("available");
    const after = evaluate(is(X, true), allTrue, { inForce, asOf: "2021-01-01" });
    expect(after.outcome).toBe("not-available");
    expect(after.lawStatus).toBe("no-longer-in-force");
  });

  it("from: null (commencement unknown) is never available, whatever the date and facts", () => {
    for (const asOf of ["1990-01-01", "2025-06-01", "2099-12-31"]) {
      const result = evaluate(is(X, true), allTrue, { inForce: { from: null }, asOf });
      expect(result.outcome, asOf).toBe("needs-information");
      expect(result.lawStatus).toBe("in-force-date-unknown");
      expect(result.notes.join(" ")).toMatch(/commencement/i);
    }
    // If the conditions fail anyway, it is simply not available.
    expect(evaluate(is(X, true), { [X]: false }, { inForce: { from: null } }).outcome).toBe("not-available");
  });

  it("after noDataAfter: no data, so needs information (never available) — unless the conditions fail", () => {
    const inForce = { from: "2024-11-27", to: "2026-03-31", noDataAfter: "2026-03-31" };
    expect(evaluate(is(X, true), allTrue, { inForce, asOf: "2026-03-31" }).outcome).toBe("available");
    const after = evaluate(is(X, true), allTrue, { inForce, asOf: "2026-04-01" });
    expect(after.outcome).toBe("needs-information");
    expect(after.lawStatus).toBe("no-data");
    expect(evaluate(is(X, true), { [X]: false }, { inForce, asOf: "2026-04-01" }).outcome).toBe(
      "not-available",
    );
  });

  it("lawStatusOn", () => {
    expect(lawStatusOn({ from: "2020-01-20" }, "2020-01-19")).toBe("not-yet-in-force");
    expect(lawStatusOn({ from: "2020-01-20" }, "2020-01-20")).toBe("in-force");
    expect(lawStatusOn({ from: "2020-01-20", to: null }, "2099-01-01")).toBe("in-force");
    expect(lawStatusOn({ from: "2009-09-30", to: "2020-11-30" }, "2020-12-01")).toBe("no-longer-in-force");
    expect(lawStatusOn({ from: null }, "2026-11-28")).toBe("in-force-date-unknown");
    expect(lawStatusOn({ from: "2024-11-27", noDataAfter: "2026-03-31" }, "2026-04-01")).toBe("no-data");
    expect(lawStatusOn({ from: null, noDataAfter: "2026-03-31" }, "2026-04-01")).toBe("no-data");
    // Enacted, commencement unknown, but it cannot be in force before Royal Assent.
    expect(lawStatusOn({ from: null, notBefore: "2025-12-16" }, "2025-12-15")).toBe("not-yet-in-force");
    expect(lawStatusOn({ from: null, notBefore: "2025-12-16" }, "2025-12-16")).toBe("in-force-date-unknown");
  });
});

describe("limb status", () => {
  it("a limb not yet in force fails inside a rule in force", () => {
    const limbs = [{ id: "t.later", conditions: is(X, true), inForce: { from: "2030-01-01" } }];
    const result = evaluate({ all: [{ condition: "t.later" }] }, { [X]: true }, { limbs });
    expect(result.outcome).toBe("not-available");
    const limb = findLimb(result.conditions, "t.later")!;
    expect(limb.lawStatus).toBe("not-yet-in-force");
    expect(limb.result).toBe("fails");
    expect(limb.citation.id).toBe("spa-2019:s1");
  });

  it("a limb whose commencement is unknown is at best unknown", () => {
    const limbs = [{ id: "t.unknown", conditions: is(X, true), inForce: { from: null } }];
    const holds = evaluate({ all: [{ condition: "t.unknown" }] }, { [X]: true }, { limbs });
    expect(holds.outcome).toBe("needs-information");
    expect(findLimb(holds.conditions, "t.unknown")?.result).toBe("unknown");
    const fails = evaluate({ all: [{ condition: "t.unknown" }] }, { [X]: false }, { limbs });
    expect(fails.outcome).toBe("not-available");
    expect(findLimb(fails.conditions, "t.unknown")?.result).toBe("fails");
  });

  it("a limb in force carries its condition's result, statute and citation", () => {
    const limbs = [{ id: "t.now", conditions: is(X, true) }];
    const result = evaluate({ all: [{ condition: "t.now" }] }, { [X]: true }, { limbs });
    const limb = findLimb(result.conditions, "t.now")!;
    expect(limb.lawStatus).toBe("in-force");
    expect(limb.result).toBe("holds");
    expect(limb.statute).toBe("test limb");
    expect(limb.condition).toMatchObject({
      type: "fact",
      fact: X,
      known: true,
      actual: true,
      result: "holds",
    });
  });

  it("an unverified limb that helps decide the outcome makes the result unverified; one that fails does not", () => {
    const limbs = [{ id: "t.unverified", conditions: is(X, true), unverified: true }];
    expect(evaluate({ all: [{ condition: "t.unverified" }] }, { [X]: true }, { limbs }).unverified).toBe(
      true,
    );
    expect(evaluate({ all: [{ condition: "t.unverified" }] }, { [X]: false }, { limbs }).unverified).toBe(
      false,
    );
    expect(evaluate(is(X, true), { [X]: true }, { unverified: true }).unverified).toBe(true);
  });
});

describe("bundled rules: in-force history", () => {
  const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
  const spoFacts: Record<string, FactValue> = {
    "case.jurisdiction": "england-and-wales",
    "conduct.actsAssociatedWithStalking": true,
    "risk.harm": true,
    "risk.ongoing": true,
    "protection.otherProtectionAdequate": false,
    // SPA 2019 s.1(3): nothing recorded about where the suspect lives (the case facts' default reading).
    "spa.suspectWithinAreaLimit": "residence-not-recorded",
  };
  const rule = (name: string, derived: Record<string, FactValue>, asOf: string) =>
    evaluateDerivedFacts(compiled, derived, asOf).find((r) => r.rule === name)!;

  it("SPO: not available on 19 January 2020, available from 20 January 2020 (S.I. 2020/26)", () => {
    const before = rule("spo", spoFacts, "2020-01-19");
    expect(before.outcome).toBe("not-available");
    expect(before.lawStatus).toBe("not-yet-in-force");
    expect(findLimb(before.conditions, "spa-2019.s1")?.lawStatus).toBe("not-yet-in-force");
    expect(findLimb(before.conditions, "spa-2019.s1")?.result).toBe("fails");
    const after = rule("spo", spoFacts, "2020-01-20");
    expect(after.outcome).toBe("available");
    expect(findLimb(after.conditions, "spa-2019.s1(1)(a)")?.result).toBe("holds");
  });

  it("SPO: lawful refusal grounds make it not available (digest §10)", () => {
    expect(
      rule("spo", { ...spoFacts, "conduct.actsAssociatedWithStalking": false }, "2025-01-01").outcome,
    ).toBe("not-available");
    expect(rule("spo", { ...spoFacts, "risk.ongoing": false }, "2025-01-01").outcome).toBe("not-available");
    expect(
      rule("spo", { ...spoFacts, "protection.otherProtectionAdequate": true }, "2025-01-01").outcome,
    ).toBe("not-available");
  });

  it("SPO: an unknown necessity fact is asked for", () => {
    const { "protection.otherProtectionAdequate": _, ...rest } = spoFacts;
    const result = rule("spo", rest, "2025-01-01");
    expect(result.outcome).toBe("needs-information");
    expect(result.missingFacts).toEqual(["protection.otherProtectionAdequate"]);
  });

  it("restraining order on acquittal: from 30 September 2009, for acquittals on or after that day", () => {
    const facts = {
      "case.jurisdiction": "england-and-wales",
      "criminal.status": "acquitted",
      "criminal.courtCurrentlyDealing": true,
      "criminal.acquittedOn": "2009-09-30",
      "risk.ongoing": true,
    };
    expect(rule("restraining-order-on-acquittal", facts, "2009-09-29").outcome).toBe("not-available");
    expect(rule("restraining-order-on-acquittal", facts, "2009-09-30").outcome).toBe("available");
    expect(
      rule("restraining-order-on-acquittal", { ...facts, "criminal.acquittedOn": "2009-09-29" }, "2010-01-01")
        .outcome,
    ).toBe("not-available");
  });

  it("restraining order on conviction: PHA s.2/s.4 only before 30 Sep 2009; any offence after (DVCVA s.12); SA 2020 from 1 Dec 2020", () => {
    const base = {
      "case.jurisdiction": "england-and-wales",
      "criminal.status": "convicted",
      "criminal.courtCurrentlyDealing": true,
      "risk.ongoing": true,
    };
    const on = (convictedOn: string, offence: string) =>
      rule(
        "restraining-order-on-conviction",
        { ...base, "criminal.convictedOn": convictedOn, "criminal.offence": offence },
        convictedOn,
      ).outcome;
    expect(on("2009-09-29", "other")).toBe("not-available");
    expect(on("2009-09-29", "pha-s2")).toBe("available");
    expect(on("2009-09-29", "pha-s4")).toBe("available");
    expect(on("2009-09-30", "other")).toBe("available");
    expect(on("2020-11-30", "other")).toBe("available");
    expect(on("2020-12-01", "other")).toBe("available");
  });

  it("the CPA 2026 SPO on conviction or acquittal is never available (from: null)", () => {
    const facts = {
      ...spoFacts,
      "criminal.status": "convicted",
      "criminal.courtCurrentlyDealing": true,
    };
    for (const asOf of ["2026-07-01", "2030-01-01"]) {
      const result = rule("spo-on-conviction-or-acquittal", facts, asOf);
      expect(result.outcome).toBe("needs-information");
      expect(result.lawStatus).toBe("in-force-date-unknown");
      expect(result.unverified).toBe(true);
    }
  });

  it("the CPA 2026 power cannot be in force before Royal Assent, which came after 15 December 2025 (§12.6)", () => {
    const facts = { ...spoFacts, "criminal.status": "acquitted", "criminal.courtCurrentlyDealing": true };
    const before = rule("spo-on-conviction-or-acquittal", facts, "2025-12-15");
    expect(before.outcome).toBe("not-available");
    expect(before.lawStatus).toBe("not-yet-in-force");
    expect(rule("spo-on-conviction-or-acquittal", facts, "2025-12-16").lawStatus).toBe(
      "in-force-date-unknown",
    );
  });

  it("DAPO: after 31 March 2026 there is no data, so never available", () => {
    const facts: Record<string, FactValue> = {
      "case.jurisdiction": "england-and-wales",
      "area.domesticAbuseProtectionPilot": true,
      "suspect.aged16OrOver": true,
      "victim.aged16OrOver": true,
      "relationship.intimate": true,
      "conduct.abusive": true,
      "risk.ongoing": true,
    };
    expect(rule("dapo", facts, "2026-03-31").outcome).toBe("available");
    const after = rule("dapo", facts, "2026-04-01");
    expect(after.outcome).toBe("needs-information");
    expect(after.lawStatus).toBe("no-data");
    expect(rule("dapo", facts, "2024-11-26").outcome).toBe("not-available");
  });

  it("is deterministic and keeps no state between calls", () => {
    const a = evaluateDerivedFacts(compiled, spoFacts, "2025-01-01");
    evaluateDerivedFacts(compiled, {}, "2019-01-01");
    const b = evaluateDerivedFacts(compiled, spoFacts, "2025-01-01");
    expect(b).toEqual(a);
  });
});
