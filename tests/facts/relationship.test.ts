// Derived relationship facts against FLA 1996 s.62(3) ("associated persons"), s.42(4) (3-year limit for
// terminated agreements to marry) and DAA 2021 s.2(1) ("personally connected"). Digest §4.2, §6.1, §12.1.2, §12.3.
import { describe, expect, it } from "vitest";
import {
  agreementToMarryWithinThreeYears,
  areOrWereCivilPartners,
  areOrWereCohabitants,
  areOrWereInIntimateRelationship,
  areOrWereMarried,
  areParentsOfSameChild,
  arePartiesToSameFamilyProceedings,
  areRelatives,
  type CaseFacts,
  hadIntimateRelationshipOfSignificantDuration,
  haveAgreedToMarry,
  haveCivilPartnershipAgreement,
  type Relationship,
  sharedHouseholdNotMerelyAsLodger,
} from "../../src/index.js";

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

describe("FLA 1996 s.42(4): no application on a terminated agreement to marry more than 3 years after it ended", () => {
  const ended = (endedOn: string | undefined): CaseFacts =>
    withRelationship({
      agreementToMarry: endedOn === undefined ? { status: "ended" } : { status: "ended", endedOn },
    });

  it("ended 2020-06-01: in time up to and including 2023-06-01, out of time from 2023-06-02", () => {
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2020-06-01")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2022-12-31")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-05-31")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-06-01")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2023-06-02")).toBe(false);
    expect(agreementToMarryWithinThreeYears(ended("2020-06-01"), "2030-01-01")).toBe(false);
  });

  it("ended on 29 February 2020: three years run to 28 February 2023 (no 29 Feb in 2023)", () => {
    // Corresponding-date rule: with no 29 February in the final year the period ends on the last day of February.
    expect(agreementToMarryWithinThreeYears(ended("2020-02-29"), "2023-02-28")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2020-02-29"), "2023-03-01")).toBe(false);
  });

  it("ended on 28 February 2021: three years run to 28 February 2024, not to the leap day", () => {
    expect(agreementToMarryWithinThreeYears(ended("2021-02-28"), "2024-02-28")).toBe(true);
    expect(agreementToMarryWithinThreeYears(ended("2021-02-28"), "2024-02-29")).toBe(false);
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
