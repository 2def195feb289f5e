// Derived relationship facts against FLA 1996 s.62(3) ("associated persons"), s.42(4) (3-year limit for
// terminated agreements to marry) and DAA 2021 s.2(1) ("personally connected"). Digest §4.2, §6.1, §12.1.2, §12.3.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addYearsByDateFns } from "../../src/dates/calendar.js";
import type { CaseFacts, Relationship } from "../../src/index.js";
import { getProvision } from "../../src/law/registry.js";
import implications from "../../src/law/relationship-implications.json";
import {
  agreementToMarryWithinThreeYears,
  areOrWereCivilPartners,
  areOrWereCohabitants,
  areOrWereInIntimateRelationship,
  areOrWereMarried,
  areParentsOfSameChild,
  arePartiesToSameFamilyProceedings,
  areRelatives,
  hadIntimateRelationshipOfSignificantDuration,
  haveAgreedToMarry,
  haveCivilPartnershipAgreement,
  lastDayOfAgreementToMarryPeriod,
  relationshipSummaryReading,
  sharedHouseholdNotMerelyAsLodger,
} from "../../src/rule-authoring.js";

const withRelationship = (relationship: Relationship | undefined): CaseFacts =>
  relationship === undefined ? { id: "c" } : { id: "c", relationship };

describe("period limbs: married (s.62(3)(a)), civil partners (aa), cohabitants (b)", () => {
  const limbs = [
    ["marriage", areOrWereMarried],
    ["civilPartnership", areOrWereCivilPartners],
    ["cohabitation", areOrWereCohabitants],
  ] as const;

  it.each(limbs)("%s: current or former counts ('are or have been'); never does not", (key, derive) => {
    expect(derive(withRelationship({ [key]: { status: "current" } }))).toBe(true);
    expect(derive(withRelationship({ [key]: { status: "former", endedOn: "1999-01-01" } }))).toBe(true);
    expect(derive(withRelationship({ [key]: { status: "never" } }))).toBe(false);
  });

  it.each(limbs)("%s: unknown when not recorded", (key, derive) => {
    expect(derive(withRelationship(undefined))).toBeUndefined();
    expect(derive(withRelationship({}))).toBeUndefined();
    expect(derive(withRelationship({ allConnectionsRecorded: false }))).toBeUndefined();
    // Another limb being recorded says nothing about this one.
    const other =
      key === "marriage"
        ? { civilPartnership: { status: "current" as const } }
        : { marriage: { status: "current" as const } };
    expect(derive(withRelationship(other))).toBeUndefined();
  });

  it.each(limbs)("%s: false when left out and every connection is recorded", (_key, derive) => {
    expect(derive(withRelationship({ allConnectionsRecorded: true }))).toBe(false);
    expect(derive(withRelationship({ summary: "stranger", allConnectionsRecorded: true }))).toBe(false);
  });

  it("an ended marriage long ago still counts: no time limit for former spouses", () => {
    expect(
      areOrWereMarried(withRelationship({ marriage: { status: "former", endedOn: "1980-01-01" } })),
    ).toBe(true);
  });
});

describe("same household (s.62(3)(c)) and the employee/tenant/lodger/boarder exclusion", () => {
  it("living in the same household otherwise than merely as employee, tenant, lodger or boarder counts", () => {
    expect(
      sharedHouseholdNotMerelyAsLodger(
        withRelationship({ sameHousehold: { status: "current", merelyAs: "none" } }),
      ),
    ).toBe(true);
    expect(
      sharedHouseholdNotMerelyAsLodger(
        withRelationship({ sameHousehold: { status: "former", merelyAs: "none" } }),
      ),
    ).toBe(true);
  });

  it.each(["employee", "tenant", "lodger", "boarder"] as const)("merely as %s does not count", (merelyAs) => {
    expect(
      sharedHouseholdNotMerelyAsLodger(withRelationship({ sameHousehold: { status: "current", merelyAs } })),
    ).toBe(false);
    expect(
      sharedHouseholdNotMerelyAsLodger(withRelationship({ sameHousehold: { status: "former", merelyAs } })),
    ).toBe(false);
  });

  it("is unknown when they shared a household but whether it was merely as a lodger etc. is not recorded", () => {
    expect(
      sharedHouseholdNotMerelyAsLodger(withRelationship({ sameHousehold: { status: "former" } })),
    ).toBeUndefined();
    expect(
      sharedHouseholdNotMerelyAsLodger(
        withRelationship({ sameHousehold: { status: "former" }, allConnectionsRecorded: true }),
      ),
    ).toBeUndefined();
  });

  it("never shared a household: false; not recorded: unknown, or false if all connections recorded", () => {
    expect(sharedHouseholdNotMerelyAsLodger(withRelationship({ sameHousehold: { status: "never" } }))).toBe(
      false,
    );
    expect(sharedHouseholdNotMerelyAsLodger(withRelationship({}))).toBeUndefined();
    expect(sharedHouseholdNotMerelyAsLodger(withRelationship({ allConnectionsRecorded: true }))).toBe(false);
  });
});

describe("flag limbs: relatives (d), parents of the same child (f), same family proceedings (g)", () => {
  const limbs = [
    ["relatives", areRelatives],
    ["parentsOfSameChild", areParentsOfSameChild],
    ["partiesToSameFamilyProceedings", arePartiesToSameFamilyProceedings],
  ] as const;

  it.each(limbs)("%s: the recorded answer is the answer", (key, derive) => {
    expect(derive(withRelationship({ [key]: true }))).toBe(true);
    expect(derive(withRelationship({ [key]: false }))).toBe(false);
    // An explicit answer wins over allConnectionsRecorded.
    expect(derive(withRelationship({ [key]: true, allConnectionsRecorded: true }))).toBe(true);
  });

  it.each(limbs)(
    "%s: absent is unknown, unless all connections are recorded (then false)",
    (_key, derive) => {
      expect(derive(withRelationship(undefined))).toBeUndefined();
      expect(derive(withRelationship({}))).toBeUndefined();
      expect(derive(withRelationship({ allConnectionsRecorded: true }))).toBe(false);
    },
  );
});

describe("agreement to marry (s.62(3)(e)) and civil partnership agreement (s.62(3)(eza))", () => {
  const limbs = [
    ["agreementToMarry", haveAgreedToMarry],
    ["civilPartnershipAgreement", haveCivilPartnershipAgreement],
  ] as const;

  it.each(limbs)("%s: counts whether or not the agreement has been terminated", (key, derive) => {
    expect(derive(withRelationship({ [key]: { status: "current" } }))).toBe(true);
    expect(derive(withRelationship({ [key]: { status: "ended", endedOn: "2001-01-01" } }))).toBe(true);
    expect(derive(withRelationship({ [key]: { status: "ended" } }))).toBe(true);
    expect(derive(withRelationship({ [key]: { status: "never" } }))).toBe(false);
  });

  it.each(limbs)("%s: absent is unknown, or false when all connections are recorded", (_key, derive) => {
    expect(derive(withRelationship({}))).toBeUndefined();
    expect(derive(withRelationship({ allConnectionsRecorded: true }))).toBe(false);
  });
});

// FLA 1996 s.42(4): "no application ... may be made by virtue of section 62(3)(e) by reference to
// that agreement after the end of the period of three years beginning with the day on which it is
// terminated" (law digest §13). A period "beginning with" a day includes it: the last day is the
// day before the third anniversary.
describe("FLA 1996 s.42(4): three years beginning with the day the agreement to marry ended", () => {
  const ended = (endedOn: string | undefined): CaseFacts =>
    withRelationship({
      agreementToMarry: endedOn === undefined ? { status: "ended" } : { status: "ended", endedOn },
    });

  it("ended 2020-06-01: in time up to and including 2023-05-31 (the digest's example), out of time on the anniversary", () => {
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2020-06-01")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2022-12-31")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-05-31")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-06-01")).toBe(false);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-06-02")).toBe(false);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2030-01-01")).toBe(false);
  });

  it("ended on 29 February 2020: three years run to 28 February 2023 (no 29 Feb in 2023)", () => {
    // The digest is silent: the day before the (missing) anniversary is read as 28 February.
    expect(agreementToMarryWithinThreeYears(ended("2020-02-29"), "2023-02-28")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-02-29"), "2023-03-01")).toBe(false);
  });

  it("ended on 28 February 2021: three years run to 27 February 2024", () => {
    expect(agreementToMarryWithinThreeYears(ended("2021-02-27"), "2024-02-26")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2021-02-28"), "2024-02-27")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2021-02-28"), "2024-02-28")).toBe(false);
    expect(agreementToMarryWithinThreeYears(ended("2021-02-28"), "2024-02-29")).toBe(false);
  });

  it("ended on 1 March 2021: three years run to the leap day 29 February 2024", () => {
    expect(agreementToMarryWithinThreeYears(ended("2021-03-01"), "2024-02-29")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2021-03-01"), "2024-03-01")).toBe(false);
  });

  it("property: in time exactly on the days from the ending to the day before the third anniversary", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1998-01-01T00:00:00Z"),
          max: new Date("2040-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: -40, max: 1200 }),
        (end, offset) => {
          const endedOn = end.toISOString().slice(0, 10);
          const asOf = new Date(end.getTime() + (1095 + offset) * 86_400_000).toISOString().slice(0, 10);
          const anniversary = addYearsByDateFns(endedOn, 3);
          const inTime = agreementToMarryWithinThreeYears(ended(endedOn), asOf);
          // Before the anniversary: in time; on or after it: out of time (a 29 February ending,
          // with no anniversary, is out of time on 1 March).
          const outOfTimeFrom =
            endedOn.endsWith("-02-29") && !anniversary.endsWith("-02-29")
              ? new Date(Date.parse(`${anniversary}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
              : anniversary;
          expect(inTime).toBe(asOf < outOfTimeFrom);
        },
      ),
    );
  });

  it("ended on 29 February 2024: four years on it is leap day again, but three years ended on 28 Feb 2027", () => {
    expect(agreementToMarryWithinThreeYears(ended("2024-02-29"), "2027-02-28")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2024-02-29"), "2027-03-01")).toBe(false);
  });

  it("a current agreement is always in time", () => {
    expect(
      agreementToMarryWithinThreeYears(
        withRelationship({ agreementToMarry: { status: "current", agreedOn: "2000-01-01" } }),
        "2025-01-01",
      ),
    ).toBe(true);
  });

  it("an ended agreement with no end date is unknown", () => {
    expect(agreementToMarryWithinThreeYears(ended(undefined), "2025-01-01")).toBeUndefined();
  });

  it("is never true without an agreement", () => {
    expect(
      agreementToMarryWithinThreeYears(
        withRelationship({ agreementToMarry: { status: "never" } }),
        "2025-01-01",
      ),
    ).not.toBe(true);
    expect(agreementToMarryWithinThreeYears(withRelationship({}), "2025-01-01")).not.toBe(true);
  });
});

describe("intimate personal relationship: FLA s.62(3)(ea) needs significant duration; DAA s.2(1)(e) does not", () => {
  it("a brief former intimate relationship: personally connected (DAA) but not associated under (ea)", () => {
    const facts = withRelationship({
      intimateRelationship: { status: "former", significantDuration: false },
    });
    expect(areOrWereInIntimateRelationship(facts)).toBe(true);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBe(false);
  });

  it("an intimate relationship of significant duration satisfies both", () => {
    const facts = withRelationship({
      intimateRelationship: { status: "current", significantDuration: true },
    });
    expect(areOrWereInIntimateRelationship(facts)).toBe(true);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBe(true);
  });

  it("duration not recorded: DAA limb holds, the FLA limb is unknown (fact-specific, digest §4.2)", () => {
    const facts = withRelationship({ intimateRelationship: { status: "former" } });
    expect(areOrWereInIntimateRelationship(facts)).toBe(true);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBeUndefined();
    const recorded = withRelationship({
      intimateRelationship: { status: "former" },
      allConnectionsRecorded: true,
    });
    expect(hadIntimateRelationshipOfSignificantDuration(recorded)).toBeUndefined();
  });

  it("never intimate: both false", () => {
    const facts = withRelationship({ intimateRelationship: { status: "never" } });
    expect(areOrWereInIntimateRelationship(facts)).toBe(false);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBe(false);
  });

  it("not recorded: unknown, or false when all connections are recorded", () => {
    expect(areOrWereInIntimateRelationship(withRelationship({}))).toBeUndefined();
    expect(hadIntimateRelationshipOfSignificantDuration(withRelationship({}))).toBeUndefined();
    expect(areOrWereInIntimateRelationship(withRelationship({ allConnectionsRecorded: true }))).toBe(false);
    expect(
      hadIntimateRelationshipOfSignificantDuration(withRelationship({ allConnectionsRecorded: true })),
    ).toBe(false);
  });
});

describe("allConnectionsRecorded: absent limb unknown vs false", () => {
  const every = [
    areOrWereMarried,
    areOrWereCivilPartners,
    areOrWereCohabitants,
    sharedHouseholdNotMerelyAsLodger,
    areRelatives,
    haveAgreedToMarry,
    haveCivilPartnershipAgreement,
    hadIntimateRelationshipOfSignificantDuration,
    areOrWereInIntimateRelationship,
    areParentsOfSameChild,
    arePartiesToSameFamilyProceedings,
  ];

  it("a stranger with all connections recorded is connected by no limb", () => {
    const facts = withRelationship({ summary: "stranger", allConnectionsRecorded: true });
    for (const derive of every) expect(derive(facts), derive.name).toBe(false);
  });

  it("the summary alone ('stranger') decides nothing: every limb unknown", () => {
    const facts = withRelationship({ summary: "stranger" });
    for (const derive of every) expect(derive(facts), derive.name).toBeUndefined();
  });

  it("with no relationship recorded at all, every limb is unknown", () => {
    for (const derive of every) expect(derive({ id: "c" }), derive.name).toBeUndefined();
  });

  it("a recorded limb keeps its value when all connections are recorded; the others become false", () => {
    const facts = withRelationship({ marriage: { status: "former" }, allConnectionsRecorded: true });
    expect(areOrWereMarried(facts)).toBe(true);
    expect(areOrWereCohabitants(facts)).toBe(false);
    expect(areRelatives(facts)).toBe(false);
  });
});

// Implications between limbs (src/law/relationship-implications.json; law digest §13 "Relationships").
// FLA 1996 s.62(1): cohabitants "are living together as if they were a married couple or civil
// partners"; DAA 2021 s.2(1)(e): "they are, or have been, in an intimate personal relationship with
// each other" (no duration test); FLA s.62(3)(ea): "an intimate personal relationship with each other
// which is or was of significant duration".
describe("what one recorded connection implies for the other limbs", () => {
  it("every implication cites provisions that exist, and names facts the registry defines", () => {
    for (const entry of [...implications.implications, ...implications.nonImplications]) {
      for (const id of entry.citations) expect(getProvision(id), `${entry.id} cites ${id}`).toBeDefined();
    }
    for (const notice of Object.values(implications.notices)) {
      for (const id of notice.citations) expect(getProvision(id), id).toBeDefined();
    }
  });

  it("cohabitants are in an intimate personal relationship (DAA s.2(1)(e)); its duration stays unknown", () => {
    for (const status of ["current", "former"] as const) {
      const facts = withRelationship({ cohabitation: { status }, allConnectionsRecorded: true });
      expect(areOrWereInIntimateRelationship(facts)).toBe(true);
      expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBeUndefined();
      expect(areOrWereCohabitants(facts)).toBe(true);
    }
    // Never cohabited implies nothing.
    const never = withRelationship({ cohabitation: { status: "never" }, allConnectionsRecorded: true });
    expect(areOrWereInIntimateRelationship(never)).toBe(false);
  });

  it("a partner or ex-partner summary settles DAA s.2(1)(e), not the significant duration of s.62(3)(ea)", () => {
    for (const summary of ["partner", "ex-partner"] as const) {
      const facts = withRelationship({ summary, allConnectionsRecorded: true });
      expect(areOrWereInIntimateRelationship(facts)).toBe(true);
      expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBeUndefined();
      expect(relationshipSummaryReading(facts)).toBe("summary-implies-intimate");
      // Nothing else is implied: marriage, cohabitation and the rest stay "no".
      expect(areOrWereMarried(facts)).toBe(false);
      expect(areOrWereCohabitants(facts)).toBe(false);
    }
  });

  it("a recorded duration decides s.62(3)(ea) whatever the summary says", () => {
    const brief = withRelationship({
      summary: "ex-partner",
      intimateRelationship: { status: "former", significantDuration: false },
      allConnectionsRecorded: true,
    });
    expect(hadIntimateRelationshipOfSignificantDuration(brief)).toBe(false);
    expect(areOrWereInIntimateRelationship(brief)).toBe(true);
    expect(relationshipSummaryReading(brief)).toBeUndefined();
  });

  it("a partner summary beside an intimate relationship recorded as never: both intimate limbs unknown", () => {
    const facts = withRelationship({
      summary: "ex-partner",
      intimateRelationship: { status: "never" },
      allConnectionsRecorded: true,
    });
    expect(areOrWereInIntimateRelationship(facts)).toBeUndefined();
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBeUndefined();
    expect(relationshipSummaryReading(facts)).toBe("summary-contradicts-intimate");
  });

  it("a family summary makes the relatives limb unknown unless relatives is recorded (s.63(1))", () => {
    expect(
      areRelatives(withRelationship({ summary: "family", allConnectionsRecorded: true })),
    ).toBeUndefined();
    expect(
      relationshipSummaryReading(withRelationship({ summary: "family", allConnectionsRecorded: true })),
    ).toBe("summary-family-relatives-unrecorded");
    expect(areRelatives(withRelationship({ summary: "family", relatives: false }))).toBe(false);
    expect(areRelatives(withRelationship({ summary: "family", relatives: true }))).toBe(true);
  });

  it("marriage settles s.62(3)(a) only: nothing about an intimate relationship or its duration", () => {
    const facts = withRelationship({ marriage: { status: "former" }, allConnectionsRecorded: true });
    expect(areOrWereMarried(facts)).toBe(true);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBe(false);
    expect(areOrWereInIntimateRelationship(facts)).toBe(false);
  });

  it("an ended agreement to marry is not by itself an intimate relationship", () => {
    const facts = withRelationship({
      agreementToMarry: { status: "ended", endedOn: "2015-01-01" },
      allConnectionsRecorded: true,
    });
    expect(haveAgreedToMarry(facts)).toBe(true);
    expect(agreementToMarryWithinThreeYears(facts, "2025-01-01")).toBe(false);
    expect(areOrWereInIntimateRelationship(facts)).toBe(false);
    expect(hadIntimateRelationshipOfSignificantDuration(facts)).toBe(false);
  });

  it("the s.42(4) last day is the day before the third anniversary (digest §13 example)", () => {
    expect(lastDayOfAgreementToMarryPeriod("2020-06-01")).toBe("2023-05-31");
  });

  it('property: with a partner summary, no intimate-relationship limb is ever "no" unless the record says never-and-summary agree', () => {
    const period = fc.option(
      fc.record({ status: fc.constantFrom("current" as const, "former" as const, "never" as const) }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("partner" as const, "ex-partner" as const),
        period,
        fc.option(
          fc.record({
            status: fc.constantFrom("current" as const, "former" as const, "never" as const),
            significantDuration: fc.option(fc.boolean(), { nil: undefined }),
          }),
          { nil: undefined },
        ),
        fc.option(fc.boolean(), { nil: undefined }),
        (summary, cohabitation, intimate, all) => {
          const relationship: Relationship = { summary };
          if (cohabitation) relationship.cohabitation = cohabitation;
          if (intimate) {
            relationship.intimateRelationship =
              intimate.significantDuration === undefined
                ? { status: intimate.status }
                : { status: intimate.status, significantDuration: intimate.significantDuration };
          }
          if (all !== undefined) relationship.allConnectionsRecorded = all;
          const facts = withRelationship(relationship);
          expect(areOrWereInIntimateRelationship(facts)).not.toBe(false);
          // (ea) is "no" only on a recorded duration of "not significant".
          if (hadIntimateRelationshipOfSignificantDuration(facts) === false) {
            expect(intimate?.significantDuration).toBe(false);
            expect(intimate?.status).not.toBe("never");
          }
        },
      ),
    );
  });
});
