// Metamorphic laws: how the answer must (or must not) change when the input changes in a known way.
//
//  - Recording one more act associated with stalking never takes away an order that was available,
//    and never turns an SPO that needed information into one that is not available.
//  - Settling an unknown fact the way that satisfies a limb (the risk is ongoing; there is a risk of
//    psychological harm; no protection is in place; …) never takes away an available order, and never
//    turns "needs information" into "not available". Every bundled rule reads these facts only
//    positively (criminal.courtOfAppeal only under `not`, so it is settled to false).
//  - Reordering incidents, or the keys of any object, changes nothing (JSON.stringify equality).
//  - The same input gives byte-identical output every time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assessment,
  type CaseFacts,
  IncidentKindSchema,
  safeAssess,
  safeReviewSpoDecline,
} from "../../src/index.js";
import { incidentKindIsListedStalkingAct } from "../../src/rule-authoring.js";
import {
  asOfArbitrary,
  caseFactsArbitrary,
  leaningCaseArbitrary,
  PROPERTY_TIMEOUT,
  params,
  permute,
  reorderKeys,
} from "./support.js";

function assessed(facts: unknown, asOf: string): Assessment {
  const result = safeAssess(facts, { asOf });
  if (!result.success) throw new Error(`expected a valid case: ${JSON.stringify(result.problems)}`);
  return result.assessment;
}

function outcomes(assessment: Assessment): Map<string, { outcome: string; exact: boolean }> {
  return new Map(assessment.orders.map((o) => [o.rule, { outcome: o.outcome, exact: o.exact }]));
}

const anyCase = fc.oneof(leaningCaseArbitrary, leaningCaseArbitrary, caseFactsArbitrary);

/** An act associated with stalking: a listed kind, or any kind the assessor judged to be one. */
const stalkingAct = fc.oneof(
  fc.record(
    {
      kind: fc.constantFrom(...IncidentKindSchema.options.filter((k) => incidentKindIsListedStalkingAct(k))),
      date: fc.constantFrom("2019-05-01", "2024-01-15", "2025-05-20"),
      place: fc.constantFrom("uk" as const, "abroad" as const),
      // A listed kind counts when the suspect knew or ought to have known it was unwelcome (PHA 1997
      // s.2A(3): examples "in particular circumstances"; SPA 2019 s.1(4)(b)).
      suspectKnewOrOughtToKnowUnwelcome: fc.constant(true),
    },
    { requiredKeys: ["kind", "suspectKnewOrOughtToKnowUnwelcome"] },
  ),
  fc.record({
    kind: fc.constantFrom(...IncidentKindSchema.options),
    associatedWithStalking: fc.constant(true),
  }),
);

type Settle = (facts: CaseFacts) => CaseFacts | undefined;

/**
 * Ways of settling an unknown fact so that it satisfies the limbs that read it. Each applies only where
 * the fact is unknown (absent), and returns undefined otherwise.
 */
const SETTLERS: Record<string, Settle> = {
  "risk.ongoing = true": (f) =>
    f.risk?.ongoing === undefined ? { ...f, risk: { ...f.risk, ongoing: true } } : undefined,
  "risk.psychologicalHarm = true": (f) =>
    f.risk?.psychologicalHarm === undefined
      ? { ...f, risk: { ...f.risk, psychologicalHarm: true } }
      : undefined,
  "risk.physicalHarm = true": (f) =>
    f.risk?.physicalHarm === undefined ? { ...f, risk: { ...f.risk, physicalHarm: true } } : undefined,
  "protection = {}": (f) => (f.protection === undefined ? { ...f, protection: {} } : undefined),
  "jurisdiction = england-and-wales": (f) =>
    f.jurisdiction === undefined ? { ...f, jurisdiction: "england-and-wales" } : undefined,
  "criminal.courtCurrentlyDealing = true": (f) =>
    f.criminal?.courtCurrentlyDealing === undefined
      ? { ...f, criminal: { ...f.criminal, courtCurrentlyDealing: true } }
      : undefined,
  "criminal.courtOfAppeal = false": (f) =>
    f.criminal?.courtOfAppeal === undefined
      ? { ...f, criminal: { ...f.criminal, courtOfAppeal: false } }
      : undefined,
  "suspect.age = 40": (f) =>
    f.suspect?.age === undefined && f.suspect?.dateOfBirth === undefined
      ? { ...f, suspect: { ...f.suspect, age: 40 } }
      : undefined,
  "personsToProtect = [adult victim]": (f) =>
    f.personsToProtect === undefined ? { ...f, personsToProtect: [{ role: "victim", age: 30 }] } : undefined,
  "relationship.relatives = true": (f) =>
    f.relationship?.relatives === undefined
      ? { ...f, relationship: { ...f.relationship, relatives: true } }
      : undefined,
  "relationship.parentsOfSameChild = true": (f) =>
    f.relationship?.parentsOfSameChild === undefined
      ? { ...f, relationship: { ...f.relationship, parentsOfSameChild: true } }
      : undefined,
  "relationship.partiesToSameFamilyProceedings = true": (f) =>
    f.relationship?.partiesToSameFamilyProceedings === undefined
      ? { ...f, relationship: { ...f.relationship, partiesToSameFamilyProceedings: true } }
      : undefined,
  "relationship.marriage = current": (f) =>
    f.relationship?.marriage === undefined
      ? { ...f, relationship: { ...f.relationship, marriage: { status: "current" } } }
      : undefined,
  "relationship.cohabitation = former": (f) =>
    f.relationship?.cohabitation === undefined
      ? { ...f, relationship: { ...f.relationship, cohabitation: { status: "former" } } }
      : undefined,
  "relationship.intimateRelationship = significant": (f) =>
    f.relationship?.intimateRelationship === undefined
      ? {
          ...f,
          relationship: {
            ...f.relationship,
            intimateRelationship: { status: "former", significantDuration: true },
          },
        }
      : undefined,
  "relationship.agreementToMarry = current": (f) =>
    f.relationship?.agreementToMarry === undefined
      ? { ...f, relationship: { ...f.relationship, agreementToMarry: { status: "current" } } }
      : undefined,
  "relationship.sameHousehold = not merely as lodger": (f) =>
    f.relationship?.sameHousehold === undefined
      ? { ...f, relationship: { ...f.relationship, sameHousehold: { status: "former", merelyAs: "none" } } }
      : undefined,
  "withoutNoticeGrounds.riskOfSignificantHarmIfNotImmediate = true": (f) =>
    f.withoutNoticeGrounds?.riskOfSignificantHarmIfNotImmediate === undefined
      ? {
          ...f,
          withoutNoticeGrounds: { ...f.withoutNoticeGrounds, riskOfSignificantHarmIfNotImmediate: true },
        }
      : undefined,
};
const SETTLER_NAMES = Object.keys(SETTLERS);

/**
 * available stays available; needs-information never becomes not-available (unless it was only
 * inexact). Returns how many orders went from needs-information to available.
 */
function expectNoLoss(before: Assessment, after: Assessment, orders?: readonly string[]): number {
  const b = outcomes(before);
  const a = outcomes(after);
  let gained = 0;
  for (const [rule, { outcome, exact }] of b) {
    if (orders && !orders.includes(rule)) continue;
    const now = a.get(rule)!.outcome;
    if (outcome === "needs-information" && now === "available") gained++;
    if (outcome === "available") expect(now, `${rule} was available`).toBe("available");
    // An inexact (Kleene fallback) "needs information" may already have been "not available" in truth.
    if (outcome === "needs-information" && exact)
      expect(now, `${rule} needed information`).not.toBe("not-available");
  }
  return gained;
}

describe("metamorphic: more facts never take an order away", () => {
  it(
    "adding an act associated with stalking never makes an available order unavailable",
    () => {
      let availableSpo = 0;
      fc.assert(
        fc.property(anyCase, asOfArbitrary, stalkingAct, fc.nat(), (facts, asOf, act, at) => {
          const before = assessed(facts, asOf);
          const incidents = [...(facts.incidents ?? [])];
          incidents.splice(at % (incidents.length + 1), 0, act);
          const after = assessed({ ...facts, incidents }, asOf);
          if (outcomes(before).get("spo")?.outcome === "available") availableSpo++;
          // Every order: each reads "acts associated with stalking", a course of conduct and abusive
          // behaviour positively; an added act of a listed kind cannot undo violence already recorded.
          const b = outcomes(before);
          const a = outcomes(after);
          for (const [rule, { outcome }] of b)
            if (outcome === "available") expect(a.get(rule)!.outcome, rule).toBe("available");
          // The SPO (and interim SPO): needs-information never becomes not-available either.
          expectNoLoss(before, after, ["spo", "interim-spo", "spo-on-conviction-or-acquittal"]);
        }),
        params(),
      );
      // The generator must actually reach the interesting case.
      if (params().numRuns >= 50) expect(availableSpo).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "settling an unknown fact the way that satisfies a limb never makes an order unavailable",
    () => {
      let gained = 0;
      fc.assert(
        fc.property(
          anyCase,
          asOfArbitrary,
          fc.shuffledSubarray(SETTLER_NAMES, { minLength: 1, maxLength: 4 }),
          (facts, asOf, settlers) => {
            let before = assessed(facts, asOf);
            let current = facts;
            for (const name of settlers) {
              const next = SETTLERS[name]!(current);
              if (next === undefined) continue;
              const after = assessed(next, asOf);
              gained += expectNoLoss(before, after);
              before = after;
              current = next;
            }
          },
        ),
        params(),
      );
      // The generator must actually reach the interesting case.
      if (params().numRuns >= 50) expect(gained).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT,
  );

  it("settling the SPO's unknown facts one by one turns needs-information into available (example)", () => {
    const asOf = "2025-06-01";
    let facts: CaseFacts = {
      id: "c",
      incidents: [
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
    };
    const seen: string[] = [outcomes(assessed(facts, asOf)).get("spo")!.outcome];
    for (const name of [
      "jurisdiction = england-and-wales",
      "risk.psychologicalHarm = true",
      "risk.ongoing = true",
      "protection = {}",
    ]) {
      facts = SETTLERS[name]!(facts)!;
      seen.push(outcomes(assessed(facts, asOf)).get("spo")!.outcome);
    }
    expect(seen).toEqual([
      "needs-information",
      "needs-information",
      "needs-information",
      "needs-information",
      "available",
    ]);
  });
});

describe("metamorphic: order and repetition change nothing", () => {
  it(
    "reordering incidents, or the keys of any object, gives byte-identical assessments and reviews",
    () => {
      fc.assert(
        fc.property(
          anyCase,
          asOfArbitrary,
          fc.array(fc.integer(), { minLength: 6, maxLength: 6 }),
          fc.integer(),
          (facts, asOf, order, seed) => {
            const reordered = reorderKeys(
              { ...facts, ...(facts.incidents ? { incidents: permute(facts.incidents, order) } : {}) },
              seed,
            );
            expect(JSON.stringify(safeAssess(reordered, { asOf }))).toBe(
              JSON.stringify(safeAssess(facts, { asOf })),
            );
            expect(JSON.stringify(safeReviewSpoDecline(reordered, undefined, { asOf }))).toBe(
              JSON.stringify(safeReviewSpoDecline(facts, undefined, { asOf })),
            );
            // The decision given separately, with its keys reordered too.
            if (facts.spoRequest) {
              expect(
                JSON.stringify(
                  safeReviewSpoDecline(reordered, reorderKeys(facts.spoRequest, seed + 1), { asOf }),
                ),
              ).toBe(JSON.stringify(safeReviewSpoDecline(facts, facts.spoRequest, { asOf })));
            }
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "the same input gives byte-identical output on every call (fresh copies of the input each time)",
    () => {
      fc.assert(
        fc.property(anyCase, asOfArbitrary, (facts, asOf) => {
          const copy = () => JSON.parse(JSON.stringify(facts)) as unknown;
          const first = JSON.stringify(safeAssess(copy(), { asOf }));
          const review = JSON.stringify(safeReviewSpoDecline(copy(), undefined, { asOf }));
          for (let i = 0; i < 3; i++) {
            expect(JSON.stringify(safeAssess(copy(), { asOf }))).toBe(first);
            expect(JSON.stringify(safeReviewSpoDecline(copy(), undefined, { asOf }))).toBe(review);
          }
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
