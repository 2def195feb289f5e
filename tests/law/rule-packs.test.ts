// The bundled rule packs: they load, every rule and limb cites a real provision, and specific points of law
// from the digest are encoded (and the ones §12 says not to encode are not).
import { describe, expect, it } from "vitest";
import { getProvision, OrderKindSchema } from "../../src/index.js";
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
  type RulePack,
} from "../../src/rule-authoring.js";

const packs = BUNDLED_RULE_PACKS as readonly RulePack[];
const allLimbs: Limb[] = packs.flatMap((p) => p.limbs);
const allRules: Rule[] = packs.flatMap((p) => p.rules);
const limbById = new Map(allLimbs.map((l) => [l.id, l]));
const ruleByName = (name: string) => {
  const rule = allRules.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
};

/** Every leaf of a condition, following named limbs. */
function leaves(
  condition: RuleCondition,
  seen = new Set<string>(),
): { fact: string; operator: string; value: unknown }[] {
  if ("all" in condition) return condition.all.flatMap((c) => leaves(c, seen));
  if ("any" in condition) return condition.any.flatMap((c) => leaves(c, seen));
  if ("not" in condition) return leaves(condition.not, seen);
  if ("condition" in condition) {
    if (seen.has(condition.condition)) return [];
    seen.add(condition.condition);
    const limb = limbById.get(condition.condition);
    return limb ? leaves(limb.conditions, seen) : [];
  }
  return [{ fact: condition.fact, operator: condition.operator, value: condition.value }];
}

/** Every named limb a condition uses, directly or through other limbs. */
function limbsUsed(condition: RuleCondition, seen = new Set<string>()): Set<string> {
  if ("all" in condition) {
    for (const c of condition.all) limbsUsed(c, seen);
  } else if ("any" in condition) {
    for (const c of condition.any) limbsUsed(c, seen);
  } else if ("not" in condition) limbsUsed(condition.not, seen);
  else if ("condition" in condition && !seen.has(condition.condition)) {
    seen.add(condition.condition);
    const limb = limbById.get(condition.condition);
    if (limb) limbsUsed(limb.conditions, seen);
  }
  return seen;
}

describe("the bundled rule packs", () => {
  it("load and compile without error", () => {
    expect(() => loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS)).not.toThrow();
    const ruleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);
    expect(ruleSet.rules.length).toBe(allRules.length);
    expect(() => compileRuleSet(ruleSet)).not.toThrow();
  });

  it("every rule and limb cites a provision that exists and has an in-force period", () => {
    for (const item of [
      ...allLimbs.map((l) => ({ id: l.id, citation: l.citation })),
      ...allRules.map((r) => ({ id: r.name, citation: r.citation })),
    ]) {
      const provision = getProvision(item.citation);
      expect(provision, `${item.id} cites ${item.citation}`).toBeDefined();
      expect(provision?.inForce, item.id).toBeDefined();
      expect("from" in (provision?.inForce ?? {}), item.id).toBe(true);
    }
    for (const rule of allRules) {
      for (const citation of rule.recommendation.citations) {
        expect(getProvision(citation), `${rule.name} recommendation cites ${citation}`).toBeDefined();
      }
    }
  });

  it("every rule fires an order-available event for a known order", () => {
    for (const rule of allRules) {
      expect(rule.event.type).toBe("order-available");
      expect(OrderKindSchema.safeParse(rule.event.params.order).success, rule.name).toBe(true);
    }
  });

  it("rules that cite an UNVERIFIED provision, or rest on one, are marked unverified when compiled", () => {
    const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
    for (const rule of compiled.rules) {
      if (getProvision(rule.rule.citation)?.confidence === "UNVERIFIED")
        expect(rule.unverified, rule.rule.name).toBe(true);
    }
  });
});

describe("specific points of law", () => {
  it("SPO and interim SPO: in force from 20 January 2020 (SPA 2019 s.1; S.I. 2020/26)", () => {
    expect(ruleByName("spo").inForce.from).toBe("2020-01-20");
    expect(ruleByName("interim-spo").inForce.from).toBe("2020-01-20");
  });

  it("restraining order on acquittal: in force from 30 September 2009 (PHA s.5A; DVCVA 2004 s.12)", () => {
    const rule = ruleByName("restraining-order-on-acquittal");
    expect(rule.inForce.from).toBe("2009-09-30");
    expect(rule.event.params.order).toBe("restraining-order-on-acquittal");
  });

  it("the CPA 2026 SPO on conviction or acquittal: enacted, commencement unknown (from: null), unverified", () => {
    const rule = ruleByName("spo-on-conviction-or-acquittal");
    expect(rule.inForce.from).toBeNull();
    expect(rule.unverified).toBe(true);
    // Royal Assent came after 15 December 2025 (§12.6): the power cannot be in force before then.
    const notBefore = (rule.inForce as { notBefore?: string }).notBefore;
    if (notBefore !== undefined) expect(notBefore > "2025-12-15").toBe(true);
  });

  it("the DAPN/DAPO rules stop at the last day the digest has data for: noDataAfter 2026-03-31", () => {
    const dapRules = allRules.filter((r) =>
      ["dapn", "dapo", "dapo-in-criminal-proceedings"].includes(r.event.params.order),
    );
    expect(dapRules.length).toBeGreaterThanOrEqual(2);
    for (const rule of dapRules) {
      expect(rule.inForce.noDataAfter, rule.name).toBe("2026-03-31");
      expect(rule.inForce.from, rule.name).toBe("2024-11-27");
    }
  });

  it("the DAPN/DAPO rules depend on the pilot-area fact", () => {
    for (const name of ["dapn", "dapo"]) {
      expect(
        leaves(ruleByName(name).conditions).some((l) => l.fact === "area.domesticAbuseProtectionPilot"),
        name,
      ).toBe(true);
    }
  });

  it("no rule encodes a 3-year limit for civil partnership agreements (digest §12.3.2)", () => {
    const cpaLeaves = [...allLimbs.map((l) => l.conditions), ...allRules.map((r) => r.conditions)]
      .flatMap((c) => leaves(c))
      .filter((l) => /civilPartnershipAgreement/i.test(l.fact));
    // Every use of the civil-partnership-agreement fact is the plain limb "have entered an agreement".
    for (const leaf of cpaLeaves) {
      expect(leaf.fact).toBe("relationship.civilPartnershipAgreement");
      expect(leaf).toMatchObject({ operator: "equal", value: true });
    }
    // No fact with a time limit for civil partnership agreements is read anywhere.
    const readFacts = new Set(
      [...allLimbs.map((l) => l.conditions), ...allRules.map((r) => r.conditions)]
        .flatMap((c) => leaves(c))
        .map((l) => l.fact),
    );
    for (const fact of readFacts) {
      expect(/civilPartnership.*(within|year|time|limit)/i.test(fact), fact).toBe(false);
    }
    // And the s.42(4) limb is never combined with the (eza) limb.
    for (const limb of allLimbs) {
      const text = JSON.stringify(limb.conditions);
      if (text.includes("fla-1996.s42(4)")) {
        const conjunctions = findAllGroups(limb.conditions).filter((g) =>
          g.some((c) => "condition" in c && c.condition === "fla-1996.s42(4)"),
        );
        for (const group of conjunctions) {
          expect(group.some((c) => "condition" in c && c.condition === "fla-1996.s62(3)(eza)")).toBe(false);
          expect(group.some((c) => "condition" in c && c.condition === "fla-1996.s62(3)(e)")).toBe(true);
        }
      }
    }
  });

  it("an NMO based on a civil partnership agreement ended long ago is still available (no time limit)", () => {
    const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
    const results = evaluateDerivedFacts(
      compiled,
      nmoFacts({ "relationship.civilPartnershipAgreement": true }),
      "2030-01-01",
    );
    expect(results.find((r) => r.rule === "nmo")?.outcome).toBe("available");
  });

  it("an NMO based only on an agreement to marry needs the s.42(4) 3-year window", () => {
    const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
    const inTime = evaluateDerivedFacts(
      compiled,
      nmoFacts({ "relationship.agreedToMarry": true, "relationship.agreementToMarryWithinThreeYears": true }),
      "2023-06-01",
    );
    expect(inTime.find((r) => r.rule === "nmo")?.outcome).toBe("available");
    const outOfTime = evaluateDerivedFacts(
      compiled,
      nmoFacts({
        "relationship.agreedToMarry": true,
        "relationship.agreementToMarryWithinThreeYears": false,
      }),
      "2023-06-02",
    );
    expect(outOfTime.find((r) => r.rule === "nmo")?.outcome).toBe("not-available");
  });

  it("FLA s.62(3) lists all ten limbs, including (ea) with significant duration and (c) same household", () => {
    const used = limbsUsed({ condition: "fla-1996.s62(3)" });
    for (const limb of ["(a)", "(aa)", "(b)", "(c)", "(d)", "(e)", "(eza)", "(ea)", "(f)", "(g)"]) {
      expect(used.has(`fla-1996.s62(3)${limb}`), limb).toBe(true);
    }
    const facts = leaves({ condition: "fla-1996.s62(3)" }).map((l) => l.fact);
    expect(facts).toContain("relationship.intimateOfSignificantDuration");
    expect(facts).toContain("relationship.sameHousehold");
    expect(facts).not.toContain("relationship.intimate");
  });

  it("DAA s.2 'personally connected': no same-household limb and no duration test (digest §12.1.2)", () => {
    const facts = leaves({ condition: "daa-2021.s2" }).map((l) => l.fact);
    expect(facts).toContain("relationship.intimate");
    expect(facts).not.toContain("relationship.intimateOfSignificantDuration");
    expect(facts).not.toContain("relationship.sameHousehold");
    expect(facts).not.toContain("relationship.cohabitants");
    expect(facts).not.toContain("relationship.sameFamilyProceedings");
    expect(new Set(facts)).toEqual(
      new Set([
        "relationship.married",
        "relationship.civilPartners",
        "relationship.agreedToMarry",
        "relationship.civilPartnershipAgreement",
        "relationship.intimate",
        "relationship.parentsOfSameChild",
        "relationship.relatives",
      ]),
    );
  });

  it("a DAPN may not be given to a person under 18 (DAA 2021 s.22(6)); a DVPN needs 18+ (CSA 2010 s.24(2))", () => {
    for (const name of ["dapn", "dvpn"]) {
      expect(leaves(ruleByName(name).conditions)).toContainEqual({
        fact: "suspect.aged18OrOver",
        operator: "equal",
        value: true,
      });
    }
  });

  it("SPOs need no relationship, no conviction and no victim support (digest §1.1, §10)", () => {
    const facts = new Set(leaves(ruleByName("spo").conditions).map((l) => l.fact));
    for (const fact of facts) {
      expect(fact.startsWith("relationship."), fact).toBe(false);
      expect(fact.startsWith("criminal."), fact).toBe(false);
    }
  });

  it("every England and Wales order is unavailable in Scotland and Northern Ireland; the NI orders only in NI", () => {
    const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
    const northernIreland = new Set(["ni-spo", "ni-interim-spo"]);
    for (const jurisdiction of ["scotland", "northern-ireland", "england-and-wales"]) {
      const results = evaluateDerivedFacts(compiled, { "case.jurisdiction": jurisdiction }, "2025-06-01");
      for (const result of results) {
        const home = northernIreland.has(result.rule) ? "northern-ireland" : "england-and-wales";
        if (jurisdiction !== home)
          expect(result.outcome, `${result.rule} in ${jurisdiction}`).toBe("not-available");
        else if (home === "northern-ireland")
          expect(result.outcome, `${result.rule} in ${jurisdiction}`).toBe("needs-information");
      }
    }
  });

  it("NI SPO and interim SPO: in operation from 19 October 2023 (2022 Act s.22; S.R. 2023/174, 2023/175), listed only for NI cases", () => {
    for (const name of ["ni-spo", "ni-interim-spo"]) {
      expect(ruleByName(name).inForce.from, name).toBe("2023-10-19");
      expect(ruleByName(name).jurisdictions, name).toEqual(["northern-ireland"]);
      for (const limb of limbsUsed(ruleByName(name).conditions))
        expect(limbById.get(limb)?.inForce.from, limb).toBe("2023-10-19");
    }
    expect(ruleByName("ni-spo").citation).toBe("pfsa-ni-2022:s8");
    expect(ruleByName("ni-interim-spo").citation).toBe("pfsa-ni-2022:s11");
  });

  it("the NI rules read only NI facts (and the jurisdiction), never the England and Wales derived facts", () => {
    for (const name of ["ni-spo", "ni-interim-spo"]) {
      for (const leaf of leaves(ruleByName(name).conditions))
        expect(leaf.fact === "case.jurisdiction" || leaf.fact.startsWith("ni."), leaf.fact).toBe(true);
      for (const limb of limbsUsed(ruleByName(name).conditions))
        expect(limbById.get(limb)?.citation.startsWith("pfsa-ni-2022:"), limb).toBe(true);
    }
    // No England and Wales rule reads a Northern Ireland fact.
    for (const rule of allRules.filter((r) => !r.name.startsWith("ni-")))
      for (const leaf of leaves(rule.conditions)) expect(leaf.fact.startsWith("ni."), rule.name).toBe(false);
  });

  it("the NI risk limbs and the s.7 test carry the unverified flag (s.6(3) and s.7's words are UNVERIFIED, Part A)", () => {
    for (const id of ["pfsa-ni-2022.s7", "pfsa-ni-2022.s7.risk", "pfsa-ni-2022.s8(2)(b)"])
      expect(limbById.get(id)?.unverified, id).toBe(true);
    expect(getProvision("pfsa-ni-2022:s6(3)")?.confidence).toBe("UNVERIFIED");
    expect(getProvision("pfsa-ni-2022:s7-wording")?.confidence).toBe("UNVERIFIED");
  });
});

function findAllGroups(condition: RuleCondition): RuleCondition[][] {
  if ("all" in condition) return [condition.all as RuleCondition[], ...condition.all.flatMap(findAllGroups)];
  if ("any" in condition) return condition.any.flatMap(findAllGroups);
  if ("not" in condition) return findAllGroups(condition.not);
  return [];
}

function nmoFacts(extra: Record<string, FactValue>): Record<string, FactValue> {
  const none: Record<string, FactValue> = {};
  for (const fact of FACT_DEFINITIONS)
    if (fact.id.startsWith("relationship.") && fact.type === "boolean") none[fact.id] = false;
  return {
    ...none,
    "case.jurisdiction": "england-and-wales",
    "conduct.actsAssociatedWithStalking": true,
    "conduct.violenceOrThreats": false,
    "risk.ongoing": true,
    ...extra,
  };
}

describe("points §12 corrects", () => {
  it("DVPN needs a superintendent (CSA 2010 s.24(1)); DAPN an inspector (DAA 2021 s.22(8)) (digest §12.8)", () => {
    expect(ruleByName("dvpn").statute).toMatch(/superintendent/i);
    expect(ruleByName("dvpn").statute).not.toMatch(/inspector/i);
    expect(ruleByName("dapn").statute).toMatch(/inspector/i);
  });

  it("no SPA 2019 provision states a conditional-discharge bar or a 2-year discharge bar as settled law (§12.2.2, §12.2.4)", () => {
    for (const id of ["spa-2019:s4", "spa-2019:s8"]) {
      const summary = getProvision(id)?.summary ?? "";
      expect(summary, id).not.toMatch(/conditional discharge/i);
      expect(summary, id).not.toMatch(/within (2|two) years/i);
    }
  });
});
