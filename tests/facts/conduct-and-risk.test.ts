// Derived conduct and risk facts against SPA 2019 s.1 (acts associated with stalking, s.1(5) place and time
// irrelevant, s.1(6) examples from PHA 1997 s.2A(3)), PHA 1997 s.7(3) (course of conduct), CSA 2010 s.24/s.28
// (violence or threats), DAA 2021 s.1(3) (abusive behaviour) and the "other protection adequate" ground (§10).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assess,
  type CaseFacts,
  type Incident,
  IncidentKindSchema,
  type Protection,
} from "../../src/index.js";
import {
  describeStalkingActBases,
  hasBehavedAbusively,
  hasCarriedOutActsAssociatedWithStalking,
  hasUsedOrThreatenedViolence,
  incidentKindIsListedStalkingAct,
  isCourseOfConduct,
  otherProtectionIsAdequate,
  pha2A3ExampleFor,
  posesRiskOfHarm,
  riskIsOngoing,
  singleActCaveat,
  stalkingActBasis,
} from "../../src/rule-authoring.js";

const withIncidents = (incidents: Incident[] | undefined): CaseFacts =>
  incidents === undefined ? { id: "c" } : { id: "c", incidents };

// PHA 1997 s.2A(3)(a)–(g), adopted by SPA 2019 s.1(6) (digest §1.1).
const PHA_S2A3 = [
  "following",
  "contacting",
  "publishing",
  "monitoring-electronic-communications",
  "loitering",
  "interfering-with-property",
  "watching-or-spying",
] as const;

// Law digest §13: PHA 1997 s.2A(3) "lists examples of acts that may be associated with stalking 'in
// particular circumstances': a listed kind is strong evidence, not proof. An act that was unwelcome and that the
// suspect knew or ought to have known was unwelcome is the clear case; an ordinary contact with nothing else
// recorded is not." SPA 2019 s.1(4)(b): the risk may arise from acts which the defendant knows or ought to know
// are unwelcome. Entering premises, leaving items and impersonation are in the NI list (s.6(2)), not E&W's.
describe("acts associated with stalking (SPA 2019 s.1(1)(a), s.2(1)(a))", () => {
  it.each(PHA_S2A3)("a listed act (%s) with nothing else recorded is unknown, never yes or no", (kind) => {
    expect(incidentKindIsListedStalkingAct(kind)).toBe(true);
    expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind }]))).toBeUndefined();
    expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind }, { kind }]))).toBeUndefined();
    expect(stalkingActBasis({ kind })).toBeUndefined();
  });

  it.each(PHA_S2A3)(
    "a listed act (%s) the suspect knew or ought to have known was unwelcome counts",
    (kind) => {
      const incident = { kind, suspectKnewOrOughtToKnowUnwelcome: true };
      expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([incident]))).toBe(true);
      expect(stalkingActBasis(incident)).toEqual({ associated: true, basis: "listed-example-unwelcome" });
    },
  );

  it("a listed act recorded as not known to be unwelcome is still unknown: s.1(4)(b) is the clear case, not the only one", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "following", suspectKnewOrOughtToKnowUnwelcome: false }]),
      ),
    ).toBeUndefined();
  });

  it("the s.2A(3) paragraph of each listed kind; contact through others is contact 'by any means' (b)", () => {
    expect(PHA_S2A3.map(pha2A3ExampleFor)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(pha2A3ExampleFor("third-party-contact")).toBe("b");
    expect(pha2A3ExampleFor("entering-premises")).toBeUndefined();
    expect(pha2A3ExampleFor("impersonation")).toBeUndefined();
  });

  it("ordinary contacts with nothing else recorded do not settle it; unwelcome contacts do (s.1(4)(b))", () => {
    const two = withIncidents([{ kind: "contacting" }, { kind: "contacting" }]);
    expect(hasCarriedOutActsAssociatedWithStalking(two)).toBeUndefined();
    const unwelcome = withIncidents([
      { kind: "contacting", suspectKnewOrOughtToKnowUnwelcome: true },
      { kind: "contacting" },
    ]);
    expect(hasCarriedOutActsAssociatedWithStalking(unwelcome)).toBe(true);
  });

  it("entering premises known to be unwelcome rests on the unwelcome-act basis", () => {
    expect(stalkingActBasis({ kind: "entering-premises", suspectKnewOrOughtToKnowUnwelcome: true })).toEqual({
      associated: true,
      basis: "unwelcome-act",
    });
  });

  it("describes the basis of each act by kind and count, never by id or description, in any order", () => {
    const text = describeStalkingActBases(
      withIncidents([
        {
          kind: "following",
          suspectKnewOrOughtToKnowUnwelcome: true,
          id: "secret-id",
          description: "secret",
        },
        { kind: "loitering" },
        { kind: "entering-premises", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "other", associatedWithStalking: false },
      ]),
    );
    expect(text).toContain("was unwelcome (SPA 2019 s.1(4)(b)): following, s.2A(3)(a) (1 act)");
    expect(text).toContain("or the assessor's judgement: loitering, s.2A(3)(e) (1 act)");
    expect(text).toContain("it was unwelcome (SPA 2019 s.1(4)(b)): entering premises (1 act)");
    expect(text).toContain("(associatedWithStalking): other, not associated (1 act)");
    expect(text).not.toContain("secret");
    const reversed = describeStalkingActBases(
      withIncidents([
        { kind: "other", associatedWithStalking: false },
        { kind: "entering-premises", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering" },
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
      ]),
    );
    expect(reversed).toBe(text);
    expect(describeStalkingActBases(withIncidents([]))).toBeUndefined();
  });

  // For any case whose incidents are only listed kinds with no unwelcome flag and no assessor's judgement,
  // the acts fact is never true (PHA 1997 s.2A(3): examples "in particular circumstances"), and never false.
  it("property: listed kinds with neither an unwelcome flag nor a judgement never make the acts true (or false)", () => {
    const bare = fc.record(
      {
        kind: fc.constantFrom(
          ...IncidentKindSchema.options.filter((k) => incidentKindIsListedStalkingAct(k)),
        ),
        date: fc.constantFrom("2015-03-01", "2020-01-20", "2025-05-20"),
        place: fc.constantFrom("uk" as const, "abroad" as const),
        target: fc.constantFrom("victim" as const, "connected-person" as const),
        suspectKnewOrOughtToKnowUnwelcome: fc.constant(false),
      },
      { requiredKeys: ["kind"] },
    );
    fc.assert(
      fc.property(
        fc.array(bare, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("2020-06-01", "2025-06-01"),
        (incidents, asOf) => {
          const facts = withIncidents(incidents);
          expect(hasCarriedOutActsAssociatedWithStalking(facts)).toBeUndefined();
          const spo = assess({ ...facts, jurisdiction: "england-and-wales" }, { asOf }).orders.find(
            (o) => o.rule === "spo",
          );
          expect(spo?.outcome).toBe("needs-information");
          expect(spo?.missingFacts).toContain("conduct.actsAssociatedWithStalking");
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(["leaving-items-or-gifts", "entering-premises", "third-party-contact", "impersonation"] as const)(
    "%s needs the assessor's judgement or an unwelcome-act basis",
    (kind) => {
      expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind }]))).toBeUndefined();
      expect(
        hasCarriedOutActsAssociatedWithStalking(
          withIncidents([{ kind, suspectKnewOrOughtToKnowUnwelcome: true }]),
        ),
      ).toBe(true);
      expect(stalkingActBasis({ kind, associatedWithStalking: true })?.basis).toBe("assessor-judgement");
      expect(
        hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind, associatedWithStalking: false }])),
      ).toBe(false);
    },
  );

  it("the assessor's judgement decides either way, even for a listed kind", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "following", associatedWithStalking: false }]),
      ),
    ).toBe(false);
  });

  it("violence, threats or 'other' alone are not listed: whether they are associated with stalking is unknown", () => {
    expect(incidentKindIsListedStalkingAct("violence")).toBeUndefined();
    expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind: "violence" }]))).toBeUndefined();
    expect(
      hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind: "threats-of-violence" }])),
    ).toBeUndefined();
    expect(
      hasCarriedOutActsAssociatedWithStalking(withIncidents([{ kind: "other" }, { kind: "violence" }])),
    ).toBeUndefined();
  });

  it("one act known to be unwelcome among unsettled ones is enough to answer yes", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "violence" }, { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true }]),
      ),
    ).toBe(true);
  });

  it("an assessor's judgement overrides the kind", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "violence", associatedWithStalking: true }]),
      ),
    ).toBe(true);
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "other", associatedWithStalking: false }]),
      ),
    ).toBe(false);
  });

  it("an empty list of incidents means no acts (false); no list means unknown", () => {
    expect(hasCarriedOutActsAssociatedWithStalking(withIncidents([]))).toBe(false);
    expect(hasCarriedOutActsAssociatedWithStalking(withIncidents(undefined))).toBeUndefined();
  });

  it("it does not matter whether the acts took place in the UK or elsewhere (s.1(5))", () => {
    for (const kind of PHA_S2A3) {
      const known = { kind, suspectKnewOrOughtToKnowUnwelcome: true };
      const abroad = hasCarriedOutActsAssociatedWithStalking(withIncidents([{ ...known, place: "abroad" }]));
      const uk = hasCarriedOutActsAssociatedWithStalking(withIncidents([{ ...known, place: "uk" }]));
      expect(abroad).toBe(true);
      expect(abroad).toBe(uk);
    }
  });

  it("it does not matter whether the acts took place before commencement on 20 Jan 2020 (s.1(5))", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([{ kind: "following", date: "2015-03-01", suspectKnewOrOughtToKnowUnwelcome: true }]),
      ),
    ).toBe(true);
  });

  it("acts aimed at a connected person count (stalking by proxy, s.1(1)(c))", () => {
    expect(
      hasCarriedOutActsAssociatedWithStalking(
        withIncidents([
          { kind: "following", target: "connected-person", suspectKnewOrOughtToKnowUnwelcome: true },
        ]),
      ),
    ).toBe(true);
  });

  it("flags the unverified 'one act is enough' point only for exactly one act (digest §1.1, §9)", () => {
    const known = { suspectKnewOrOughtToKnowUnwelcome: true };
    expect(singleActCaveat(withIncidents([{ kind: "following", ...known }]))).toBe("spa-2019:one-act");
    expect(
      singleActCaveat(
        withIncidents([
          { kind: "following", ...known },
          { kind: "loitering", ...known },
        ]),
      ),
    ).toBeUndefined();
    expect(singleActCaveat(withIncidents(undefined))).toBeUndefined();
  });
});

describe("course of conduct (PHA 1997 s.7(3): conduct on at least two occasions)", () => {
  it("two occasions make a course of conduct; one does not", () => {
    expect(
      isCourseOfConduct(
        withIncidents([
          { kind: "contacting", date: "2025-01-01" },
          { kind: "following", date: "2025-02-01" },
        ]),
      ),
    ).toBe(true);
    expect(isCourseOfConduct(withIncidents([{ kind: "contacting", date: "2025-01-01" }]))).toBe(false);
    expect(isCourseOfConduct(withIncidents([]))).toBe(false);
  });

  it("unknown when no incidents are recorded", () => {
    expect(isCourseOfConduct(withIncidents(undefined))).toBeUndefined();
  });
});

describe("violence or threats of violence (CSA 2010 s.24(3)(a), s.28(2))", () => {
  it("violence or threats: true", () => {
    expect(hasUsedOrThreatenedViolence(withIncidents([{ kind: "violence" }]))).toBe(true);
    expect(hasUsedOrThreatenedViolence(withIncidents([{ kind: "threats-of-violence" }]))).toBe(true);
    expect(
      hasUsedOrThreatenedViolence(withIncidents([{ kind: "following" }, { kind: "threats-of-violence" }])),
    ).toBe(true);
  });

  it("only stalking acts without violence: false (coercive behaviour alone does not qualify, digest §6.5)", () => {
    expect(
      hasUsedOrThreatenedViolence(
        withIncidents([{ kind: "following" }, { kind: "monitoring-electronic-communications" }]),
      ),
    ).toBe(false);
    expect(hasUsedOrThreatenedViolence(withIncidents([]))).toBe(false);
  });

  it("unclassified conduct or no record: unknown", () => {
    expect(hasUsedOrThreatenedViolence(withIncidents([{ kind: "other" }]))).toBeUndefined();
    expect(hasUsedOrThreatenedViolence(withIncidents(undefined))).toBeUndefined();
  });
});

describe("abusive behaviour (DAA 2021 s.1(3))", () => {
  it("physical abuse, threatening behaviour, and stalking acts are abusive; a single incident is enough", () => {
    expect(hasBehavedAbusively(withIncidents([{ kind: "violence" }]))).toBe(true);
    expect(hasBehavedAbusively(withIncidents([{ kind: "threats-of-violence" }]))).toBe(true);
    expect(
      hasBehavedAbusively(
        withIncidents([
          { kind: "monitoring-electronic-communications", suspectKnewOrOughtToKnowUnwelcome: true },
        ]),
      ),
    ).toBe(true);
    // A listed kind alone is not settled as a stalking act (PHA s.2A(3)), so not settled as abuse either.
    expect(
      hasBehavedAbusively(withIncidents([{ kind: "monitoring-electronic-communications" }])),
    ).toBeUndefined();
    expect(hasBehavedAbusively(withIncidents([{ kind: "other", associatedWithStalking: true }]))).toBe(true);
  });

  // hasBehavedAbusively counts every incident whose kind is not "other" as abusive, even when the assessor has
  // recorded that the act is NOT associated with stalking. Its own JSDoc (and DAA 2021 s.1(3), digest §12.1.1)
  // only makes violence, threats and acts associated with stalking abusive; a contact judged not to be a
  // stalking act is none of these, so whether it is abusive is unknown, not "yes".
  it("a contact the assessor judged not associated with stalking is not thereby abusive", () => {
    expect(
      hasBehavedAbusively(withIncidents([{ kind: "contacting", associatedWithStalking: false }])),
    ).not.toBe(true);
  });

  it("only unclassified conduct: unknown; no conduct: false; no record: unknown", () => {
    expect(hasBehavedAbusively(withIncidents([{ kind: "other" }]))).toBeUndefined();
    expect(hasBehavedAbusively(withIncidents([]))).toBe(false);
    expect(hasBehavedAbusively(withIncidents(undefined))).toBeUndefined();
  });
});

describe("risk (SPA 2019 s.1(1)(b), s.1(4))", () => {
  it("a risk of physical or of psychological harm is enough", () => {
    expect(posesRiskOfHarm({ id: "c", risk: { physicalHarm: true } })).toBe(true);
    expect(posesRiskOfHarm({ id: "c", risk: { psychologicalHarm: true } })).toBe(true);
    expect(posesRiskOfHarm({ id: "c", risk: { physicalHarm: false, psychologicalHarm: true } })).toBe(true);
  });

  it("no risk only when both kinds of harm are assessed absent", () => {
    expect(posesRiskOfHarm({ id: "c", risk: { physicalHarm: false, psychologicalHarm: false } })).toBe(false);
    expect(posesRiskOfHarm({ id: "c", risk: { physicalHarm: false } })).toBeUndefined();
    expect(posesRiskOfHarm({ id: "c", risk: { psychologicalHarm: false } })).toBeUndefined();
    expect(posesRiskOfHarm({ id: "c", risk: {} })).toBeUndefined();
    expect(posesRiskOfHarm({ id: "c" })).toBeUndefined();
  });

  it("fear of violence or distress is not itself the s.1(4) risk of harm", () => {
    expect(
      posesRiskOfHarm({ id: "c", risk: { fearOfViolence: true, seriousAlarmOrDistress: true } }),
    ).toBeUndefined();
  });

  it("the risk is ongoing only when assessed so", () => {
    expect(riskIsOngoing({ id: "c", risk: { ongoing: true } })).toBe(true);
    expect(riskIsOngoing({ id: "c", risk: { ongoing: false } })).toBe(false);
    expect(riskIsOngoing({ id: "c", risk: {} })).toBeUndefined();
    expect(riskIsOngoing({ id: "c" })).toBeUndefined();
  });
});

describe("other protection is adequate (digest §10: lawful ground to refuse only if adequate protection is in place)", () => {
  const asOf = "2025-03-01";
  const adequate = (protection: Protection | undefined) =>
    otherProtectionIsAdequate(protection === undefined ? { id: "c" } : { id: "c", protection }, asOf);

  it("nothing recorded: unknown", () => {
    expect(adequate(undefined)).toBeUndefined();
  });

  it("recorded, but nothing in place: false", () => {
    expect(adequate({})).toBe(false);
    expect(adequate({ bailConditions: [], ordersInForce: [] })).toBe(false);
  });

  it("bail conditions that have ended: false", () => {
    expect(adequate({ bailConditions: [{ from: "2025-01-01", to: "2025-02-28" }] })).toBe(false);
  });

  it("bail conditions not yet started: false", () => {
    expect(adequate({ bailConditions: [{ from: "2025-03-02" }] })).toBe(false);
  });

  it("bail conditions in force but breached: false", () => {
    expect(adequate({ bailConditions: [{ from: "2025-01-01", to: "2025-12-31", breached: true }] })).toBe(
      false,
    );
  });

  it("bail conditions in force and unbreached: unknown (adequacy is a judgement)", () => {
    expect(adequate({ bailConditions: [{ from: "2025-01-01", to: "2025-12-31" }] })).toBeUndefined();
    expect(
      adequate({ bailConditions: [{ from: "2025-01-01", to: "2025-12-31", breached: false }] }),
    ).toBeUndefined();
    // The last day of the conditions is still a day they are in force.
    expect(adequate({ bailConditions: [{ from: "2025-01-01", to: asOf }] })).toBeUndefined();
    expect(adequate({ bailConditions: [{ from: asOf }] })).toBeUndefined();
  });

  it("one breached and one unbreached in force: unknown", () => {
    expect(
      adequate({ bailConditions: [{ from: "2025-01-01", breached: true }, { from: "2025-02-01" }] }),
    ).toBeUndefined();
  });

  it("orders: expired → false; in force and breached → false; in force and unbreached → unknown", () => {
    expect(
      adequate({ ordersInForce: [{ kind: "nmo", madeOn: "2024-01-01", expiresOn: "2025-01-01" }] }),
    ).toBe(false);
    expect(
      adequate({
        ordersInForce: [{ kind: "nmo", madeOn: "2024-01-01", expiresOn: "2026-01-01", breached: true }],
      }),
    ).toBe(false);
    expect(
      adequate({ ordersInForce: [{ kind: "nmo", madeOn: "2024-01-01", untilFurtherOrder: true }] }),
    ).toBeUndefined();
  });

  it("the assessor's adequate flag decides where adequacy is a judgement (protection in force and unbreached)", () => {
    expect(adequate({ adequate: true })).toBe(true);
    expect(adequate({ adequate: true, bailConditions: [{ from: "2025-01-01" }] })).toBe(true);
    expect(adequate({ adequate: false, bailConditions: [{ from: "2025-01-01" }] })).toBe(false);
    expect(
      adequate({
        adequate: true,
        ordersInForce: [{ kind: "nmo", madeOn: "2024-01-01", untilFurtherOrder: true }],
      }),
    ).toBe(true);
  });

  it("protection that has ended or been breached is not protection 'already in place' (§10), whatever the flag", () => {
    expect(adequate({ adequate: true, bailConditions: [{ to: "2024-01-01" }] })).toBe(false);
    expect(adequate({ adequate: true, bailConditions: [{ from: "2025-01-01", breached: true }] })).toBe(
      false,
    );
  });
});
