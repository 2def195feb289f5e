// The derived-fact registry the rules read: well-formed definitions, wired to the right derivations.
import { describe, expect, it } from "vitest";
import { type CaseFacts, getProvision } from "../../src/index.js";
import { FACT_DEFINITIONS } from "../../src/rule-authoring.js";

const byId = (id: string) => {
  const definition = FACT_DEFINITIONS.find((f) => f.id === id);
  if (!definition) throw new Error(`no fact ${id}`);
  return definition;
};

describe("FACT_DEFINITIONS", () => {
  it("has unique ids, a question and a citation that exists for every fact", () => {
    const ids = FACT_DEFINITIONS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fact of FACT_DEFINITIONS) {
      expect(fact.question.length, fact.id).toBeGreaterThan(0);
      expect(getProvision(fact.citation), `${fact.id} cites ${fact.citation}`).toBeDefined();
      if (fact.type === "enum") expect(fact.values?.length, fact.id).toBeGreaterThan(0);
    }
  });

  it("every fact is unknown for an empty case (absence means unknown, never false)", () => {
    // The SPO area limits (SPA 2019 s.1(3), NI 2022 Act s.7(3)) name "not recorded" as a value of their
    // own, so that silence about residence keeps the answer the other facts settle (digest §14): it is
    // the unknown, said out loud, never a "no".
    const namesItsUnknown = new Set(["spa.suspectWithinAreaLimit", "ni.suspectWithinAreaLimit"]);
    for (const fact of FACT_DEFINITIONS) {
      const value = fact.derive({ id: "c" }, "2025-06-01");
      if (namesItsUnknown.has(fact.id)) expect(value, fact.id).toBe("residence-not-recorded");
      else expect(value, fact.id).toBeUndefined();
    }
  });

  it("derives the law's facts for a typical stalking case", () => {
    const facts: CaseFacts = {
      id: "c",
      jurisdiction: "england-and-wales",
      policeForceArea: "greater-manchester",
      suspect: { dateOfBirth: "1990-01-01" },
      personsToProtect: [{ role: "victim", age: 30 }],
      relationship: {
        intimateRelationship: { status: "former", significantDuration: false },
        allConnectionsRecorded: true,
      },
      // Acts the suspect knew or ought to have known were unwelcome (SPA 2019 s.1(4)(b)).
      incidents: [
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", place: "abroad", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
    };
    const asOf = "2025-06-01";
    const value = (id: string) => byId(id).derive(facts, asOf);
    expect(value("case.jurisdiction")).toBe("england-and-wales");
    expect(value("conduct.actsAssociatedWithStalking")).toBe(true);
    expect(value("conduct.courseOfConduct")).toBe(true);
    expect(value("conduct.violenceOrThreats")).toBe(false);
    expect(value("conduct.abusive")).toBe(true);
    expect(value("risk.harm")).toBe(true);
    expect(value("risk.ongoing")).toBe(true);
    expect(value("protection.otherProtectionAdequate")).toBe(false);
    // DAA s.2(1)(e): any intimate relationship; FLA s.62(3)(ea): only of significant duration.
    expect(value("relationship.intimate")).toBe(true);
    expect(value("relationship.intimateOfSignificantDuration")).toBe(false);
    expect(value("relationship.sameHousehold")).toBe(false);
    expect(value("relationship.married")).toBe(false);
    expect(value("suspect.aged18OrOver")).toBe(true);
    expect(value("suspect.aged16OrOver")).toBe(true);
    expect(value("victim.aged16OrOver")).toBe(true);
    expect(value("area.domesticAbuseProtectionPilot")).toBe(true);
  });

  it("the s.42(4) fact is worked out on the assessment date", () => {
    const facts: CaseFacts = {
      id: "c",
      relationship: { agreementToMarry: { status: "ended", endedOn: "2020-06-01" } },
    };
    const fact = byId("relationship.agreementToMarryWithinThreeYears");
    // FLA s.42(4): three years "beginning with the day" it ended: the last day is 31 May 2023.
    expect(fact.derive(facts, "2023-05-31")).toBe(true);
    expect(fact.derive(facts, "2023-06-01")).toBe(false);
  });

  it("does not define a civil-partnership-agreement time limit (digest §12.3.2: s.42(4ZA) probably does not exist)", () => {
    const suspicious = FACT_DEFINITIONS.filter(
      (f) =>
        /civilPartnershipAgreement/i.test(f.id) && /(within|year|limit|time)/i.test(`${f.id} ${f.label}`),
    );
    expect(suspicious).toEqual([]);
    expect(FACT_DEFINITIONS.some((f) => f.citation.includes("4ZA"))).toBe(false);
  });
});
