import { JurisdictionSchema, OffenceKindSchema } from "../model/case-facts.js";
import { deepFreezeData } from "../model/plain-data.js";
import { domesticAbuseProtectionPilotInForce } from "./area.js";
import {
  hasBehavedAbusively,
  hasCarriedOutActsAssociatedWithStalking,
  hasUsedOrThreatenedViolence,
  isCourseOfConduct,
  singleActCaveat,
} from "./conduct.js";
import type { FactDefinition } from "./fact-definition.js";
import { NORTHERN_IRELAND_FACT_DEFINITIONS } from "./northern-ireland.js";
import { suspectIsAdult, suspectIsAged16OrOver, victimIsAged16OrOver } from "./parties.js";
import {
  agreementToMarryLeapDayCaveat,
  agreementToMarryWithinThreeYears,
  areOrWereCivilPartners,
  areOrWereCohabitants,
  areOrWereInIntimateRelationship,
  areOrWereMarried,
  areParentsOfSameChild,
  arePartiesToSameFamilyProceedings,
  areRelatives,
  cohabitantsIntimateCaveat,
  hadIntimateRelationshipOfSignificantDuration,
  haveAgreedToMarry,
  haveCivilPartnershipAgreement,
  relationshipSummaryReading,
  sharedHouseholdNotMerelyAsLodger,
} from "./relationship.js";
import { suspectTerritorialReach, TERRITORIAL_REACHES } from "./residence.js";
import { otherProtectionIsAdequate, posesRiskOfHarm, riskIsOngoing } from "./risk.js";

const boolean = "boolean" as const;

/**
 * Every derived fact the rule files may read, in a fixed order (the order breaks ties between
 * equally decisive questions).
 *
 * @example
 * ```ts
 * import { FACT_DEFINITIONS } from "protective-orders/rule-authoring";
 * FACT_DEFINITIONS.find((f) => f.id === "risk.ongoing")?.question;
 * ```
 */
export const FACT_DEFINITIONS: readonly FactDefinition[] = [
  {
    id: "case.jurisdiction",
    type: "enum",
    values: JurisdictionSchema.options,
    label: "Jurisdiction",
    question: "Which part of the UK is the case in: England and Wales, Northern Ireland or Scotland?",
    citation: "spa-2019:extent",
    reads: ["jurisdiction"],
    derive: (f) => f.jurisdiction,
  },
  {
    id: "conduct.actsAssociatedWithStalking",
    type: boolean,
    label: "The suspect has carried out acts associated with stalking",
    question:
      "What has the suspect done? Record each act (following, contact, monitoring, loitering, entering premises, …), wherever and whenever it happened, and for each whether it was unwelcome and the suspect knew or ought to have known it was (SPA s.1(4)(b)), or the assessor's judgement whether it is associated with stalking: PHA s.2A(3) lists examples that count only 'in particular circumstances', so a listed kind alone does not settle it.",
    citation: "spa-2019:s1(1)(a)",
    reads: ["incidents"],
    derive: hasCarriedOutActsAssociatedWithStalking,
    caveat: singleActCaveat,
  },
  {
    id: "risk.harm",
    type: boolean,
    label: "The risk is of physical or psychological harm (SPA s.1(4), an inclusive description)",
    question:
      "Does the suspect pose a risk of physical or psychological harm to the victim or someone connected to them (including from acts they know are unwelcome, however harmless they look)?",
    citation: "spa-2019:s1(4)",
    reads: ["risk.physicalHarm", "risk.psychologicalHarm"],
    derive: posesRiskOfHarm,
  },
  {
    id: "risk.ongoing",
    type: boolean,
    label: "The suspect still poses the risk now",
    question: "Does the suspect still pose that risk now (is the conduct continuing, or likely to resume)?",
    citation: "spa-2019:s1(1)(b)",
    reads: ["risk.ongoing"],
    derive: riskIsOngoing,
  },
  {
    id: "protection.otherProtectionAdequate",
    type: boolean,
    label: "Protection already in place is adequate",
    question:
      "What protection is already in place (bail conditions, other orders), is it still in force and unbreached, and is it adequate to the risk?",
    citation: "spa-2019:s1(1)(c)",
    reads: ["protection"],
    derive: otherProtectionIsAdequate,
  },
  {
    id: "relationship.married",
    type: boolean,
    label: "Are or have been married",
    question: "Are or were the suspect and the victim married to each other?",
    citation: "fla-1996:s62(3)(a)",
    reads: ["relationship.marriage"],
    derive: areOrWereMarried,
  },
  {
    id: "relationship.civilPartners",
    type: boolean,
    label: "Are or have been civil partners",
    question: "Are or were they civil partners of each other?",
    citation: "fla-1996:s62(3)(aa)",
    reads: ["relationship.civilPartnership"],
    derive: areOrWereCivilPartners,
  },
  {
    id: "relationship.cohabitants",
    type: boolean,
    label: "Cohabitants or former cohabitants",
    question: "Do or did they live together as if a married couple or civil partners?",
    citation: "fla-1996:s62(3)(b)",
    reads: ["relationship.cohabitation"],
    derive: areOrWereCohabitants,
  },
  {
    id: "relationship.sameHousehold",
    type: boolean,
    label: "Same household, not merely as employee, tenant, lodger or boarder",
    question:
      "Do or did they live in the same household, and if so was that merely because one was the other's employee, tenant, lodger or boarder?",
    citation: "fla-1996:s62(3)(c)",
    reads: ["relationship.sameHousehold"],
    derive: sharedHouseholdNotMerelyAsLodger,
  },
  {
    id: "relationship.relatives",
    type: boolean,
    label: "Relatives",
    question:
      "Are they relatives within FLA 1996 s.63(1): parent, step-parent, child, stepchild, grandparent, grandchild, brother, sister, uncle, aunt, niece, nephew or first cousin (of the full or half blood, or by marriage or civil partnership), including such a relative of the other's spouse, former spouse, civil partner or former civil partner, or of someone they live or lived with as a couple?",
    citation: "fla-1996:s62(3)(d)",
    reads: ["relationship.relatives", "relationship.summary"],
    derive: areRelatives,
  },
  {
    id: "relationship.agreedToMarry",
    type: boolean,
    label: "Have agreed to marry (whether or not the agreement has ended)",
    question: "Did they ever agree to marry each other?",
    citation: "fla-1996:s62(3)(e)",
    reads: ["relationship.agreementToMarry"],
    derive: haveAgreedToMarry,
  },
  {
    id: "relationship.agreementToMarryWithinThreeYears",
    type: boolean,
    label:
      "The agreement to marry is current, or ended within the three years beginning with the day it ended",
    question: "On what date did the agreement to marry end?",
    citation: "fla-1996:s42(4)",
    reads: ["relationship.agreementToMarry.endedOn"],
    derive: agreementToMarryWithinThreeYears,
    caveat: agreementToMarryLeapDayCaveat,
  },
  {
    id: "relationship.civilPartnershipAgreement",
    type: boolean,
    label: "Have entered a civil partnership agreement",
    question: "Did they ever enter into a civil partnership agreement?",
    citation: "fla-1996:s62(3)(eza)",
    reads: ["relationship.civilPartnershipAgreement"],
    derive: haveCivilPartnershipAgreement,
  },
  {
    id: "relationship.intimateOfSignificantDuration",
    type: boolean,
    label: "An intimate personal relationship of significant duration",
    question:
      "Were they in an intimate personal relationship, and was it of significant duration? (A partner or ex-partner summary, or cohabitation, settles the relationship but not its duration: record intimateRelationship.significantDuration.)",
    citation: "fla-1996:s62(3)(ea)",
    reads: ["relationship.intimateRelationship", "relationship.cohabitation", "relationship.summary"],
    derive: hadIntimateRelationshipOfSignificantDuration,
  },
  {
    id: "relationship.intimate",
    type: boolean,
    label: "Are or have been in an intimate personal relationship",
    question:
      "Are or were they in an intimate personal relationship with each other (however brief)? Cohabitants and partners or ex-partners are.",
    citation: "daa-2021:s2",
    reads: ["relationship.intimateRelationship", "relationship.cohabitation", "relationship.summary"],
    derive: areOrWereInIntimateRelationship,
    caveat: cohabitantsIntimateCaveat,
  },
  {
    id: "relationship.summaryReading",
    type: "enum",
    values: [
      "summary-implies-intimate",
      "summary-contradicts-intimate",
      "summary-family-relatives-unrecorded",
    ],
    label: "What the relationship summary means for the relationship limbs",
    question:
      "Does the relationship summary agree with the connections recorded (a partner or ex-partner summary beside an intimate relationship recorded as never; a family summary with no relatives record)?",
    citation: "daa-2021:s2",
    reads: [
      "relationship.summary",
      "relationship.intimateRelationship",
      "relationship.cohabitation",
      "relationship.relatives",
      "relationship.allConnectionsRecorded",
    ],
    derive: relationshipSummaryReading,
  },
  {
    id: "relationship.parentsOfSameChild",
    type: boolean,
    label: "Each a parent of, or with parental responsibility for, the same child",
    question: "Are they each a parent of, or have they had parental responsibility for, the same child?",
    citation: "fla-1996:s62(3)(f)",
    reads: ["relationship.parentsOfSameChild"],
    derive: areParentsOfSameChild,
  },
  {
    id: "relationship.sameFamilyProceedings",
    type: boolean,
    label: "Parties to the same family proceedings",
    question: "Are they parties to the same family proceedings (other than FLA 1996 Part IV proceedings)?",
    citation: "fla-1996:s62(3)(g)",
    reads: ["relationship.partiesToSameFamilyProceedings"],
    derive: arePartiesToSameFamilyProceedings,
  },
  {
    id: "conduct.courseOfConduct",
    type: boolean,
    label: "A course of conduct (conduct on at least two occasions)",
    question: "On how many separate occasions has the suspect acted?",
    citation: "pha-1997:s7",
    reads: ["incidents"],
    derive: isCourseOfConduct,
  },
  {
    id: "conduct.violenceOrThreats",
    type: boolean,
    label: "The suspect has been violent or threatened violence",
    question: "Has the suspect been violent towards the victim, or threatened violence?",
    citation: "csa-2010:s24",
    reads: ["incidents"],
    derive: hasUsedOrThreatenedViolence,
  },
  {
    id: "conduct.abusive",
    type: boolean,
    label: "The suspect's behaviour is abusive (DAA 2021 s.1(3))",
    question: "What has the suspect done to the victim? Record each incident and its kind.",
    citation: "daa-2021:s1",
    reads: ["incidents"],
    derive: hasBehavedAbusively,
  },
  {
    id: "suspect.aged18OrOver",
    type: boolean,
    label: "The suspect is 18 or over",
    question: "What is the suspect's date of birth (or age)?",
    citation: "daa-2021:s22(6)",
    reads: ["suspect.dateOfBirth", "suspect.age"],
    derive: suspectIsAdult,
  },
  {
    id: "suspect.aged16OrOver",
    type: boolean,
    label: "The suspect is 16 or over",
    question: "What is the suspect's date of birth (or age)?",
    citation: "daa-2021:s1",
    reads: ["suspect.dateOfBirth", "suspect.age"],
    derive: suspectIsAged16OrOver,
  },
  {
    id: "victim.aged16OrOver",
    type: boolean,
    label: "The victim is 16 or over",
    question: "What is the victim's date of birth (or age)?",
    citation: "daa-2021:s1",
    reads: ["personsToProtect"],
    derive: victimIsAged16OrOver,
  },
  {
    id: "area.domesticAbuseProtectionPilot",
    type: boolean,
    label: "DAA 2021 Part 3 is in force in this area on the date",
    question:
      "Which police force area (and, in London, which borough) is the case in? After 31 March 2026: is Part 3 of the Domestic Abuse Act 2021 in force there (the law digest has no data)?",
    citation: "daa-2021:part3-pilot",
    reads: ["policeForceArea", "localAuthority"],
    derive: domesticAbuseProtectionPilotInForce,
  },
  {
    id: "criminal.status",
    type: "enum",
    values: ["none", "under-investigation", "no-further-action", "charged", "convicted", "acquitted"],
    label: "Stage of criminal proceedings",
    question:
      "Where have criminal proceedings got to: none, under investigation, no further action, charged, convicted or acquitted?",
    citation: "sa-2020:s360",
    reads: ["criminal.status"],
    derive: (f) => f.criminal?.status,
  },
  {
    id: "criminal.offence",
    type: "enum",
    values: OffenceKindSchema.options,
    label: "The offence",
    question: "What offence was the suspect convicted of (PHA 1997 s.2, s.2A, s.4, s.4A, or another)?",
    citation: "pha-1997:s5-original",
    reads: ["criminal.offence"],
    derive: (f) => f.criminal?.offence,
  },
  {
    id: "criminal.convictedOn",
    type: "date",
    label: "Date of conviction",
    question: "On what date was the suspect convicted?",
    citation: "sa-2020:s360",
    reads: ["criminal.convictedOn"],
    derive: (f) => f.criminal?.convictedOn,
  },
  {
    id: "criminal.acquittedOn",
    type: "date",
    label: "Date of acquittal",
    question: "On what date was the suspect acquitted?",
    citation: "pha-1997:s5A",
    reads: ["criminal.acquittedOn"],
    derive: (f) => f.criminal?.acquittedOn,
  },
  {
    id: "criminal.courtCurrentlyDealing",
    type: boolean,
    label: "A criminal court is still dealing with the suspect",
    question: "Is a criminal court still dealing with the suspect (sentence or orders not yet made)?",
    citation: "sa-2020:s360",
    reads: ["criminal.courtCurrentlyDealing"],
    derive: (f) => f.criminal?.courtCurrentlyDealing,
  },
  {
    id: "criminal.courtOfAppeal",
    type: boolean,
    label: "The court dealing is the Court of Appeal",
    question: "Is the court dealing with the suspect the Court of Appeal?",
    citation: "daa-2021:s31",
    reads: ["criminal.courtOfAppeal"],
    derive: (f) => f.criminal?.courtOfAppeal,
  },
  {
    id: "withoutNotice.significantHarm",
    type: boolean,
    label: "Risk of significant harm if no order is made immediately",
    question:
      "Is there a risk of significant harm to the victim or a relevant child if an order is not made immediately?",
    citation: "fla-1996:s45(2)(a)",
    reads: ["withoutNoticeGrounds.riskOfSignificantHarmIfNotImmediate"],
    derive: (f) => f.withoutNoticeGrounds?.riskOfSignificantHarmIfNotImmediate,
  },
  {
    id: "withoutNotice.applicantDeterred",
    type: boolean,
    label: "The applicant is likely to be deterred or prevented from applying",
    question:
      "Is the victim likely to be deterred or prevented from applying if an order is not made immediately?",
    citation: "fla-1996:s45(2)(b)",
    reads: ["withoutNoticeGrounds.applicantLikelyDeterred"],
    derive: (f) => f.withoutNoticeGrounds?.applicantLikelyDeterred,
  },
  {
    id: "withoutNotice.respondentEvadingService",
    type: boolean,
    label: "The respondent is deliberately evading service",
    question:
      "Is the suspect deliberately evading service, so that delay would seriously prejudice the victim?",
    citation: "fla-1996:s45(2)(c)",
    reads: ["withoutNoticeGrounds.respondentEvadingService"],
    derive: (f) => f.withoutNoticeGrounds?.respondentEvadingService,
  },
  {
    id: "spa.suspectWithinAreaLimit",
    type: "enum",
    values: TERRITORIAL_REACHES,
    label: "The suspect lives in, or is believed to be in or coming to, an applying force's area",
    question:
      "Where does the suspect live, and if outside England and Wales, is the suspect believed to be in, or to intend to come to, a police area there (which)?",
    citation: "spa-2019:s1(3)",
    reads: ["suspect.homeForceArea", "suspect.livesIn", "suspect.believedInOrComingTo"],
    derive: (f) => suspectTerritorialReach(f, "england-and-wales"),
  },
  // Northern Ireland (Protection from Stalking Act (Northern Ireland) 2022): its own facts.
  ...NORTHERN_IRELAND_FACT_DEFINITIONS,
];
// Frozen (issue #13): an edit by one caller must not change another's answer.
deepFreezeData(FACT_DEFINITIONS);
