import { addYearsToDate } from "../dates/calendar.js";
import type { CaseFacts, Relationship, RelationshipPeriod } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

// Each function answers one limb of FLA 1996 s.62(3) or DAA 2021 s.2(1) for the suspect and the
// victim: true, false, or undefined (unknown). A limb left out of the case is unknown, unless
// the caller said every connection has been recorded (`allConnectionsRecorded`).

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

/**
 * FLA 1996 s.62(3)(a) / DAA 2021 s.2(1)(a): are or have been married to each other.
 *
 * @example
 * ```ts
 * import { areOrWereMarried } from "protective-orders";
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
 * import { areOrWereCivilPartners } from "protective-orders";
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
 * import { areOrWereCohabitants } from "protective-orders";
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
 * import { sharedHouseholdNotMerelyAsLodger } from "protective-orders";
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
 * FLA 1996 s.62(3)(d) / DAA 2021 s.2(1)(g): relatives.
 *
 * @example
 * ```ts
 * import { areRelatives } from "protective-orders";
 * areRelatives({ id: "c", relationship: { relatives: true } }); // true
 * ```
 */
export function areRelatives(facts: CaseFacts): boolean | undefined {
  return flag(facts.relationship?.relatives, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(e) / DAA 2021 s.2(1)(c): have agreed to marry (whether or not ended).
 *
 * @example
 * ```ts
 * import { haveAgreedToMarry } from "protective-orders";
 * haveAgreedToMarry({ id: "c", relationship: { agreementToMarry: { status: "ended", endedOn: "2019-01-01" } } }); // true
 * ```
 */
export function haveAgreedToMarry(facts: CaseFacts): boolean | undefined {
  const agreement = facts.relationship?.agreementToMarry;
  if (!agreement) return notRecorded(facts.relationship);
  return agreement.status !== "never";
}

/**
 * FLA 1996 s.42(4): an application based on an agreement to marry is in time: the agreement is
 * current, or ended no more than three years before `asOf` (the day of the application).
 * Unknown when there is no agreement or its end date is missing.
 *
 * @example
 * ```ts
 * import { agreementToMarryWithinThreeYears } from "protective-orders";
 * const facts = { id: "c", relationship: { agreementToMarry: { status: "ended" as const, endedOn: "2020-06-01" } } };
 * agreementToMarryWithinThreeYears(facts, "2023-06-01"); // true
 * agreementToMarryWithinThreeYears(facts, "2023-06-02"); // false
 * ```
 */
export function agreementToMarryWithinThreeYears(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  const agreement = facts.relationship?.agreementToMarry;
  if (!agreement || agreement.status === "never") return undefined;
  if (agreement.status === "current") return true;
  if (!agreement.endedOn) return undefined;
  // The law digest is silent on 29 February: the corresponding-date convention is used (with no
  // 29 February in the final year, the anniversary is the last day of February).
  return asOf <= addYearsToDate(agreement.endedOn, 3);
}

/**
 * FLA 1996 s.62(3)(eza) / DAA 2021 s.2(1)(d): have entered a civil partnership agreement.
 *
 * @example
 * ```ts
 * import { haveCivilPartnershipAgreement } from "protective-orders";
 * haveCivilPartnershipAgreement({ id: "c", relationship: { allConnectionsRecorded: true } }); // false
 * ```
 */
export function haveCivilPartnershipAgreement(facts: CaseFacts): boolean | undefined {
  const agreement = facts.relationship?.civilPartnershipAgreement;
  if (!agreement) return notRecorded(facts.relationship);
  return agreement.status !== "never";
}

/**
 * FLA 1996 s.62(3)(ea): an intimate personal relationship *of significant duration*.
 *
 * @example
 * ```ts
 * import { hadIntimateRelationshipOfSignificantDuration } from "protective-orders";
 * hadIntimateRelationshipOfSignificantDuration({ id: "c", relationship: { intimateRelationship: { status: "former", significantDuration: false } } }); // false
 * ```
 */
export function hadIntimateRelationshipOfSignificantDuration(facts: CaseFacts): boolean | undefined {
  const intimate = facts.relationship?.intimateRelationship;
  if (!intimate) return notRecorded(facts.relationship);
  if (intimate.status === "never") return false;
  return intimate.significantDuration;
}

/**
 * DAA 2021 s.2(1)(e): are or have been in an intimate personal relationship (no duration test).
 *
 * @example
 * ```ts
 * import { areOrWereInIntimateRelationship } from "protective-orders";
 * areOrWereInIntimateRelationship({ id: "c", relationship: { intimateRelationship: { status: "former", significantDuration: false } } }); // true
 * ```
 */
export function areOrWereInIntimateRelationship(facts: CaseFacts): boolean | undefined {
  return isOrWas(facts.relationship?.intimateRelationship, facts.relationship);
}

/**
 * FLA 1996 s.62(3)(f) / DAA 2021 s.2(1)(f): each a parent of, or with parental responsibility for, the same child.
 *
 * @example
 * ```ts
 * import { areParentsOfSameChild } from "protective-orders";
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
 * import { arePartiesToSameFamilyProceedings } from "protective-orders";
 * arePartiesToSameFamilyProceedings({ id: "c" }); // undefined (unknown)
 * ```
 */
export function arePartiesToSameFamilyProceedings(facts: CaseFacts): boolean | undefined {
  return flag(facts.relationship?.partiesToSameFamilyProceedings, facts.relationship);
}
