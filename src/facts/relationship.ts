import { addDaysToDate, addYearsToDate } from "../dates/calendar.js";
import implications from "../law/relationship-implications.json";
import type { CaseFacts, Relationship, RelationshipPeriod } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * What one recorded connection implies for the other limbs of FLA 1996 s.62(3) and DAA 2021 s.2(1),
 * and what it does not, each entry cited (law/relationship-implications.json); the derived facts
 * below apply them, and `assess` reports the notices.
 *
 * @example
 * ```ts
 * import { RELATIONSHIP_IMPLICATIONS } from "protective-orders/rule-authoring";
 * RELATIONSHIP_IMPLICATIONS.implications.map((i) => i.id).includes("cohabitants-are-in-an-intimate-personal-relationship"); // true
 * ```
 */
export const RELATIONSHIP_IMPLICATIONS: RelationshipImplications = Object.freeze(implications);

/**
 * The shape of law/relationship-implications.json: what one recorded connection settles or leaves unknown,
 * what it does not imply, and the notices `assess` gives, each cited by provision id.
 *
 * @example
 * ```ts
 * import type { RelationshipImplications } from "protective-orders/rule-authoring";
 * const ids = (r: RelationshipImplications) => r.implications.map((i) => i.id);
 * ```
 */
export interface RelationshipImplications {
  /** What the file records, in words. */
  readonly description: string;
  /** Each implication: when it applies, the derived-fact paths it settles and those it leaves unknown. */
  readonly implications: readonly {
    readonly id: string;
    readonly when: string;
    readonly settles: Readonly<Record<string, boolean>>;
    readonly leavesUnknown: readonly string[];
    readonly citations: readonly string[];
    readonly statute: string;
    readonly reasoning: string;
  }[];
  /** What a recorded connection does not imply, and why. */
  readonly nonImplications: readonly {
    readonly id: string;
    readonly citations: readonly string[];
    readonly reasoning: string;
  }[];
  /** The notices by code: their text and citations. */
  readonly notices: Readonly<
    Record<string, { readonly text: string; readonly citations: readonly string[] }>
  >;
}

// Each function answers one limb of FLA 1996 s.62(3) or DAA 2021 s.2(1) for the suspect and the
// victim: true, false, or undefined (unknown). A limb left out of the case is unknown, unless
// the caller said every connection has been recorded (`allConnectionsRecorded`). What one recorded
// connection implies for another limb (cohabitants are a couple; a partner summary is an intimate
// relationship; a "no" the summary contradicts is unknown) is written down, cited, in
// law/relationship-implications.json; the functions below name the entry they apply.

function notRecorded(relationship: Relationship | undefined): false | undefined {
  return relationship?.allConnectionsRecorded === true ? false : undefined;
}

function isOrWas(
  period: RelationshipPeriod | undefined,
  relationship: Relationship | undefined,
): boolean | undefined {
  if (!period) return notRecorded(relationship);
  return period.status !== "never";
}

function flag(value: boolean | undefined, relationship: Relationship | undefined): boolean | undefined {
  return value ?? notRecorded(relationship);
}

/** The summary says they are or were partners (an intimate relationship, however brief). */
function summaryIsPartner(relationship: Relationship | undefined): boolean {
  return relationship?.summary === "partner" || relationship?.summary === "ex-partner";
}

/** They are or were cohabitants: living together as if a married couple or civil partners (s.62(1)). */
function livedTogetherAsACouple(relationship: Relationship | undefined): boolean {
  const status = relationship?.cohabitation?.status;
  return status === "current" || status === "former";
}

/**
 * Which note the relationship summary calls for, if any: the summary settles an intimate
 * relationship but not its duration (`summary-implies-intimate`), the record contradicts the
 * summary (`summary-contradicts-intimate`), or a "family" summary leaves the relatives limbs
 * unknown (`summary-family-relatives-unrecorded`). The codes are the notices of
 * law/relationship-implications.json; `assess` reports the notice.
 *
 * @example
 * ```ts
 * import { relationshipSummaryReading } from "protective-orders/rule-authoring";
 * relationshipSummaryReading({ id: "c", relationship: { summary: "ex-partner", allConnectionsRecorded: true } }); // "summary-implies-intimate"
 * relationshipSummaryReading({ id: "c", relationship: { summary: "stranger" } }); // undefined
 * ```
 */
export function relationshipSummaryReading(
  facts: CaseFacts,
):
  | "summary-implies-intimate"
  | "summary-contradicts-intimate"
  | "summary-family-relatives-unrecorded"
  | undefined {
  const relationship = facts.relationship;
  if (summaryIsPartner(relationship)) {
    const intimate = relationship?.intimateRelationship;
    if (intimate === undefined) return "summary-implies-intimate";
    if (intimate.status === "never" && !livedTogetherAsACouple(relationship))
      return "summary-contradicts-intimate";
    return undefined;
  }
  if (relationship?.summary === "family" && relationship.relatives === undefined) {
    return relationship.allConnectionsRecorded === true ? "summary-family-relatives-unrecorded" : undefined;
  }
  return undefined;
}

/**
 * FLA 1996 s.62(3)(a) / DAA 2021 s.2(1)(a): are or have been married to each other.
 *
 * @example
 * ```ts
 * import { areOrWereMarried } from "protective-orders/rule-authoring";
 * areOrWereMarried({ id: "c", relationship: { marriage: { status: "former" } } }); // true
 * areOrWereMarried({ id: "c" }); // undefined (unknown)
 * ```
 */
export function areOrWereMarried(facts: CaseFacts): boolean | undefined {
  return isOrWas(facts.relationship?.marriage, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(aa) / DAA 2021 s.2(1)(b): are or have been civil partners.
 *
 * @example
 * ```ts
 * import { areOrWereCivilPartners } from "protective-orders/rule-authoring";
 * areOrWereCivilPartners({ id: "c", relationship: { civilPartnership: { status: "current" } } }); // true
 * ```
 */
export function areOrWereCivilPartners(facts: CaseFacts): boolean | undefined {
  return isOrWas(facts.relationship?.civilPartnership, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(b): cohabitants or former cohabitants.
 *
 * @example
 * ```ts
 * import { areOrWereCohabitants } from "protective-orders/rule-authoring";
 * areOrWereCohabitants({ id: "c", relationship: { cohabitation: { status: "never" } } }); // false
 * ```
 */
export function areOrWereCohabitants(facts: CaseFacts): boolean | undefined {
  return isOrWas(facts.relationship?.cohabitation, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(c): live or have lived in the same household, otherwise than merely because one
 * is the other's employee, tenant, lodger or boarder.
 *
 * @example
 * ```ts
 * import { sharedHouseholdNotMerelyAsLodger } from "protective-orders/rule-authoring";
 * sharedHouseholdNotMerelyAsLodger({ id: "c", relationship: { sameHousehold: { status: "former", merelyAs: "lodger" } } }); // false
 * ```
 */
export function sharedHouseholdNotMerelyAsLodger(facts: CaseFacts): boolean | undefined {
  const household = facts.relationship?.sameHousehold;
  if (!household) return notRecorded(facts.relationship);
  if (household.status === "never") return false;
  if (household.merelyAs === undefined) return undefined;
  return household.merelyAs === "none";
}

/**
 * FLA 1996 s.62(3)(d) / DAA 2021 s.2(1)(g): relatives, as defined in FLA s.63(1). A summary of
 * "family" with no relatives record is unknown, not "no", even when every connection is said to be
 * recorded (`family-summary-leaves-relatives-unknown`); an explicit answer stands.
 *
 * @example
 * ```ts
 * import { areRelatives } from "protective-orders/rule-authoring";
 * areRelatives({ id: "c", relationship: { relatives: true } }); // true
 * areRelatives({ id: "c", relationship: { summary: "family", allConnectionsRecorded: true } }); // undefined
 * ```
 */
export function areRelatives(facts: CaseFacts): boolean | undefined {
  const relationship = facts.relationship;
  if (relationship?.relatives === undefined && relationship?.summary === "family") return undefined;
  return flag(relationship?.relatives, relationship);
}

/**
 * FLA 1996 s.62(3)(e) / DAA 2021 s.2(1)(c): have agreed to marry (whether or not ended).
 *
 * @example
 * ```ts
 * import { haveAgreedToMarry } from "protective-orders/rule-authoring";
 * haveAgreedToMarry({ id: "c", relationship: { agreementToMarry: { status: "ended", endedOn: "2019-01-01" } } }); // true
 * ```
 */
export function haveAgreedToMarry(facts: CaseFacts): boolean | undefined {
  const agreement = facts.relationship?.agreementToMarry;
  if (!agreement) return notRecorded(facts.relationship);
  return agreement.status !== "never";
}

/**
 * The last day of the FLA 1996 s.42(4) period: "three years beginning with the day on which [the
 * agreement to marry] is terminated". A period beginning with a day includes that day, so it ends
 * on the day before the third anniversary (ended 1 June 2020: last day 31 May 2023).
 *
 * @example
 * ```ts
 * import { lastDayOfAgreementToMarryPeriod } from "protective-orders/rule-authoring";
 * lastDayOfAgreementToMarryPeriod("2020-06-01"); // "2023-05-31"
 * lastDayOfAgreementToMarryPeriod("2021-03-01"); // "2024-02-29"
 * ```
 */
export function lastDayOfAgreementToMarryPeriod(endedOn: IsoDate): IsoDate {
  // A period running past the last date an ISO date can hold (9999-12-31) covers every such date.
  if (Number(endedOn.slice(0, 4)) + 3 > 9999) return "9999-12-31";
  const anniversary = addYearsToDate(endedOn, 3);
  // The law digest is silent on 29 February. An agreement ended on 29 February has no anniversary
  // in a common year; the period is read as ending with 28 February (the day before 1 March).
  if (endedOn.endsWith("-02-29") && !anniversary.endsWith("-02-29")) return anniversary;
  return addDaysToDate(anniversary, -1);
}

/**
 * FLA 1996 s.42(4): an application based on an agreement to marry is in time: the agreement is
 * current, or `asOf` (the day of the application) falls within the three years beginning with the
 * day it ended, so on or before the day before the third anniversary. Unknown when there is no
 * agreement or its end date is missing.
 *
 * @example
 * ```ts
 * import { agreementToMarryWithinThreeYears } from "protective-orders/rule-authoring";
 * const facts = { id: "c", relationship: { agreementToMarry: { status: "ended" as const, endedOn: "2020-06-01" } } };
 * agreementToMarryWithinThreeYears(facts, "2023-05-31"); // true
 * agreementToMarryWithinThreeYears(facts, "2023-06-01"); // false
 * ```
 */
export function agreementToMarryWithinThreeYears(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  const agreement = facts.relationship?.agreementToMarry;
  if (!agreement || agreement.status === "never") return undefined;
  if (agreement.status === "current") return true;
  if (!agreement.endedOn) return undefined;
  return asOf <= lastDayOfAgreementToMarryPeriod(agreement.endedOn);
}

/**
 * The caveat on the FLA 1996 s.42(4) period: an agreement to marry that ended on 29 February, whose
 * three-year period's end the law digest does not give (§14): `fla-1996:s42(4)-29-february`.
 *
 * @example
 * ```ts
 * import { agreementToMarryLeapDayCaveat } from "protective-orders/rule-authoring";
 * agreementToMarryLeapDayCaveat({ id: "c", relationship: { agreementToMarry: { status: "ended", endedOn: "2024-02-29" } } }); // "fla-1996:s42(4)-29-february"
 * ```
 */
export function agreementToMarryLeapDayCaveat(facts: CaseFacts): string | undefined {
  const agreement = facts.relationship?.agreementToMarry;
  return agreement?.status === "ended" && agreement.endedOn?.endsWith("-02-29") === true
    ? "fla-1996:s42(4)-29-february"
    : undefined;
}

/**
 * The caveat on DAA 2021 s.2(1)(e) when it is read from cohabitation alone: that cohabitants are in
 * an intimate personal relationship is the law digest's inference ([INF], §13, §14), not the Act's
 * words: `daa-2021:s2-cohabitants-intimate`.
 *
 * @example
 * ```ts
 * import { cohabitantsIntimateCaveat } from "protective-orders/rule-authoring";
 * cohabitantsIntimateCaveat({ id: "c", relationship: { cohabitation: { status: "former" } } }); // "daa-2021:s2-cohabitants-intimate"
 * ```
 */
export function cohabitantsIntimateCaveat(facts: CaseFacts): string | undefined {
  const relationship = facts.relationship;
  const intimate = relationship?.intimateRelationship;
  if (intimate && intimate.status !== "never") return undefined;
  return livedTogetherAsACouple(relationship) ? "daa-2021:s2-cohabitants-intimate" : undefined;
}

/**
 * FLA 1996 s.62(3)(eza) / DAA 2021 s.2(1)(d): have entered a civil partnership agreement.
 *
 * @example
 * ```ts
 * import { haveCivilPartnershipAgreement } from "protective-orders/rule-authoring";
 * haveCivilPartnershipAgreement({ id: "c", relationship: { allConnectionsRecorded: true } }); // false
 * ```
 */
export function haveCivilPartnershipAgreement(facts: CaseFacts): boolean | undefined {
  const agreement = facts.relationship?.civilPartnershipAgreement;
  if (!agreement) return notRecorded(facts.relationship);
  return agreement.status !== "never";
}

/**
 * FLA 1996 s.62(3)(ea): an intimate personal relationship *of significant duration*. Where an
 * intimate relationship is implied but its duration is not recorded (cohabitants, or a partner or
 * ex-partner summary), or the record contradicts the summary, the answer is unknown, never "no"
 * (`cohabitants-are-in-an-intimate-personal-relationship`,
 * `partner-summary-is-an-intimate-personal-relationship`,
 * `partner-summary-contradicts-no-intimate-relationship`).
 *
 * @example
 * ```ts
 * import { hadIntimateRelationshipOfSignificantDuration } from "protective-orders/rule-authoring";
 * hadIntimateRelationshipOfSignificantDuration({ id: "c", relationship: { intimateRelationship: { status: "former", significantDuration: false } } }); // false
 * hadIntimateRelationshipOfSignificantDuration({ id: "c", relationship: { summary: "ex-partner", allConnectionsRecorded: true } }); // undefined
 * ```
 */
export function hadIntimateRelationshipOfSignificantDuration(facts: CaseFacts): boolean | undefined {
  const relationship = facts.relationship;
  const intimate = relationship?.intimateRelationship;
  if (intimate && intimate.status !== "never") return intimate.significantDuration;
  if (livedTogetherAsACouple(relationship) || summaryIsPartner(relationship)) return undefined;
  if (intimate) return false;
  return notRecorded(relationship);
}

/**
 * DAA 2021 s.2(1)(e): are or have been in an intimate personal relationship (no duration test).
 * Cohabitants, who live together as if a married couple or civil partners (FLA 1996 s.62(1)), are
 * (`cohabitants-are-in-an-intimate-personal-relationship`); so are partners and ex-partners when
 * the summary says so and nothing contradicts it
 * (`partner-summary-is-an-intimate-personal-relationship`). A partner summary beside an intimate
 * relationship recorded as "never" is unknown (`partner-summary-contradicts-no-intimate-relationship`).
 *
 * @example
 * ```ts
 * import { areOrWereInIntimateRelationship } from "protective-orders/rule-authoring";
 * areOrWereInIntimateRelationship({ id: "c", relationship: { intimateRelationship: { status: "former", significantDuration: false } } }); // true
 * areOrWereInIntimateRelationship({ id: "c", relationship: { cohabitation: { status: "former" }, allConnectionsRecorded: true } }); // true
 * areOrWereInIntimateRelationship({ id: "c", relationship: { summary: "ex-partner", allConnectionsRecorded: true } }); // true
 * ```
 */
export function areOrWereInIntimateRelationship(facts: CaseFacts): boolean | undefined {
  const relationship = facts.relationship;
  const intimate = relationship?.intimateRelationship;
  if (intimate && intimate.status !== "never") return true;
  if (livedTogetherAsACouple(relationship)) return true;
  if (summaryIsPartner(relationship)) return intimate === undefined ? true : undefined;
  return isOrWas(intimate, relationship);
}

/**
 * FLA 1996 s.62(3)(f) / DAA 2021 s.2(1)(f): each a parent of, or with parental responsibility for, the same child.
 *
 * @example
 * ```ts
 * import { areParentsOfSameChild } from "protective-orders/rule-authoring";
 * areParentsOfSameChild({ id: "c", relationship: { parentsOfSameChild: true } }); // true
 * ```
 */
export function areParentsOfSameChild(facts: CaseFacts): boolean | undefined {
  return flag(facts.relationship?.parentsOfSameChild, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(g): parties to the same family proceedings (not Part IV proceedings).
 *
 * @example
 * ```ts
 * import { arePartiesToSameFamilyProceedings } from "protective-orders/rule-authoring";
 * arePartiesToSameFamilyProceedings({ id: "c" }); // undefined (unknown)
 * ```
 */
export function arePartiesToSameFamilyProceedings(facts: CaseFacts): boolean | undefined {
  return flag(facts.relationship?.partiesToSameFamilyProceedings, facts.relationship);
}
