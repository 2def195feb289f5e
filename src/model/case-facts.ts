import * as z from "zod";
import { DeclineReasonCodeSchema } from "./decline-reason-code.js";
import { ExistingOrderSchema } from "./existing-order.js";
import { IsoDateSchema } from "./iso-date.js";
import { PoliceForceIdSchema } from "./police-forces.js";

// Every fact the law asks about is optional: absence means "unknown", never "false"
// (principle 2). Objects are strict so that a misspelt key is an error with its path rather
// than a silently unknown fact.

/**
 * The legal jurisdiction whose law governs the case.
 *
 * @example
 * ```ts
 * import { JurisdictionSchema } from "protective-orders";
 * JurisdictionSchema.parse("england-and-wales");
 * ```
 */
export const JurisdictionSchema = z.enum(["england-and-wales", "northern-ireland", "scotland"]);
/**
 * A jurisdiction of the United Kingdom.
 *
 * @example
 * ```ts
 * import type { Jurisdiction } from "protective-orders";
 * const jurisdiction: Jurisdiction = "england-and-wales";
 * ```
 */
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

const ageSchema = z.number().int().min(0).max(130);

/**
 * A party to the case. Give an `age`, a `dateOfBirth`, or both; the age on the assessment date
 * is worked out from the date of birth when it is given.
 *
 * @example
 * ```ts
 * import { PersonSchema } from "protective-orders";
 * PersonSchema.parse({ dateOfBirth: "1990-05-01" });
 * ```
 */
export const PersonSchema = z.strictObject({
  /** A reference for the person within the case (never shown with their name unless asked). */
  id: z.string().min(1).max(200).optional(),
  /** The person's name. Personal data: outputs leave it out unless the caller asks. */
  name: z.string().max(500).optional(),
  dateOfBirth: IsoDateSchema.optional(),
  /** Age in whole years, if the date of birth is not known. */
  age: ageSchema.optional(),
});
/**
 * A party to the case.
 *
 * @example
 * ```ts
 * import type { Person } from "protective-orders";
 * const person: Person = { id: "p1", dateOfBirth: "1990-05-01" };
 * ```
 */
export type Person = z.infer<typeof PersonSchema>;

/**
 * The person suspected of stalking (the "defendant" of SPA 2019 s.1, the "respondent" of FLA 1996
 * s.42, "P" of DAA 2021 Part 3).
 *
 * @example
 * ```ts
 * import { SuspectSchema } from "protective-orders";
 * SuspectSchema.parse({ age: 34, homeForceArea: "kent" });
 * ```
 */
export const SuspectSchema = PersonSchema.extend({
  /** The police area where the suspect lives (SPA 2019 s.1(3)(a)). */
  homeForceArea: PoliceForceIdSchema.optional(),
  /**
   * The part of the UK (or outside it) where the suspect lives, for a suspect whose home police area
   * is not recorded or who lives outside England and Wales (SPA 2019 s.1(3); NI 2022 Act s.7(3)).
   * Where both are recorded, `homeForceArea` must lie in it (a clash is read as unknown).
   */
  livesIn: z.enum(["england-and-wales", "scotland", "northern-ireland", "outside-the-uk"]).optional(),
  /** Police areas the suspect is believed to be in or to intend to come to (SPA 2019 s.1(3)(b)). */
  believedInOrComingTo: z.array(PoliceForceIdSchema).max(50).optional(),
  /** Already subject to sex-offender notification (Sexual Offences Act 2003 Part 2): SPA 2019 s.9(5). */
  subjectToSexOffenderNotification: z.boolean().optional(),
  /** Whether the suspect works, and when, so that terms can avoid it (SPA 2019 s.2(3)(b)). */
  work: z.string().max(1000).optional(),
  /** Education the suspect attends, and when (SPA 2019 s.2(3)(b)). */
  education: z.string().max(1000).optional(),
  /** Religious observance to respect (SPA 2019 s.2(3)(a)). */
  religion: z.string().max(1000).optional(),
});
/**
 * The person suspected of stalking.
 *
 * @example
 * ```ts
 * import type { Suspect } from "protective-orders";
 * const suspect: Suspect = { id: "s1", age: 34, homeForceArea: "kent", work: "Weekdays, 9–5, in Maidstone" };
 * ```
 */
export type Suspect = z.infer<typeof SuspectSchema>;

/**
 * A person the order would protect: the victim of the acts, or someone connected to them whom
 * the suspect targets ("stalking by proxy", SPA 2019 s.1(1)(c)).
 *
 * @example
 * ```ts
 * import { PersonToProtectSchema } from "protective-orders";
 * PersonToProtectSchema.parse({ id: "v1", role: "victim", age: 29 });
 * ```
 */
export const PersonToProtectSchema = PersonSchema.extend({
  role: z.enum(["victim", "connected-person"]).optional(),
  /** For a connected person: how they are connected to the victim. */
  connection: z.enum(["family", "partner", "friend", "colleague", "neighbour", "other"]).optional(),
});
/**
 * A person the order would protect.
 *
 * @example
 * ```ts
 * import type { PersonToProtect } from "protective-orders";
 * const victim: PersonToProtect = { id: "v1", role: "victim", age: 29 };
 * const sister: PersonToProtect = { id: "v2", role: "connected-person", connection: "family" };
 * ```
 */
export type PersonToProtect = z.infer<typeof PersonToProtectSchema>;

const periodState = z.enum(["current", "former", "never"]);

/**
 * A relationship that is, was, or never was (married, civil partners, cohabitants, same household).
 *
 * @example
 * ```ts
 * import { RelationshipPeriodSchema } from "protective-orders";
 * RelationshipPeriodSchema.parse({ status: "former", startedOn: "2018-06-01", endedOn: "2024-03-01" });
 * ```
 */
export const RelationshipPeriodSchema = z.strictObject({
  status: periodState,
  startedOn: IsoDateSchema.optional(),
  endedOn: IsoDateSchema.optional(),
});
/**
 * A relationship that is, was, or never was.
 *
 * @example
 * ```ts
 * import type { RelationshipPeriod } from "protective-orders";
 * const marriage: RelationshipPeriod = { status: "former", startedOn: "2015-08-15", endedOn: "2023-09-30" };
 * ```
 */
export type RelationshipPeriod = z.infer<typeof RelationshipPeriodSchema>;

/**
 * How the suspect and the victim (the first person to protect with role `victim`) are connected:
 * rich enough to decide every limb of FLA 1996 s.62(3) ("associated persons") and DAA 2021 s.2
 * ("personally connected"). A limb left out is unknown, unless `allConnectionsRecorded` is true,
 * which says the limbs given are all there are.
 *
 * @example
 * ```ts
 * import { RelationshipSchema } from "protective-orders";
 * RelationshipSchema.parse({
 *   intimateRelationship: { status: "former", endedOn: "2024-03-01", significantDuration: true },
 *   allConnectionsRecorded: true,
 * });
 * ```
 */
export const RelationshipSchema = z.strictObject({
  /** A short description for people; not read by the rules. */
  summary: z
    .enum([
      "stranger",
      "acquaintance",
      "colleague",
      "neighbour",
      "ex-partner",
      "partner",
      "family",
      "online-only",
      "other",
    ])
    .optional(),
  /** s.62(3)(a), DAA s.2(1)(a). */
  marriage: RelationshipPeriodSchema.optional(),
  /** s.62(3)(aa), DAA s.2(1)(b). */
  civilPartnership: RelationshipPeriodSchema.optional(),
  /** s.62(3)(b): living together as if a married couple or civil partners (s.62(1)). */
  cohabitation: RelationshipPeriodSchema.optional(),
  /** s.62(3)(c): same household, and whether *merely* as employee, tenant, lodger or boarder. */
  sameHousehold: RelationshipPeriodSchema.extend({
    merelyAs: z.enum(["employee", "tenant", "lodger", "boarder", "none"]).optional(),
  }).optional(),
  /** s.62(3)(d), DAA s.2(1)(g): relatives as defined in FLA 1996 s.63(1). */
  relatives: z.boolean().optional(),
  /** s.62(3)(e), DAA s.2(1)(c): an agreement to marry, and the day it ended if it did (s.42(4)). */
  agreementToMarry: z
    .strictObject({
      status: z.enum(["current", "ended", "never"]),
      agreedOn: IsoDateSchema.optional(),
      endedOn: IsoDateSchema.optional(),
    })
    .optional(),
  /** s.62(3)(eza), DAA s.2(1)(d): a civil partnership agreement (CPA 2004 s.73). */
  civilPartnershipAgreement: z
    .strictObject({
      status: z.enum(["current", "ended", "never"]),
      agreedOn: IsoDateSchema.optional(),
      endedOn: IsoDateSchema.optional(),
    })
    .optional(),
  /**
   * s.62(3)(ea) (needs "significant duration"), DAA s.2(1)(e) (does not): an intimate personal
   * relationship.
   */
  intimateRelationship: RelationshipPeriodSchema.extend({
    significantDuration: z.boolean().optional(),
  }).optional(),
  /** s.62(3)(f), DAA s.2(1)(f): each a parent of, or has or had parental responsibility for, the same child. */
  parentsOfSameChild: z.boolean().optional(),
  /** s.62(3)(g): parties to the same family proceedings (other than FLA 1996 Part IV proceedings). */
  partiesToSameFamilyProceedings: z.boolean().optional(),
  /** True when every connection between them has been recorded: limbs left out then count as "no". */
  allConnectionsRecorded: z.boolean().optional(),
});
/**
 * How the suspect and the victim are connected.
 *
 * @example
 * ```ts
 * import type { Relationship } from "protective-orders";
 * const relationship: Relationship = {
 *   summary: "ex-partner",
 *   intimateRelationship: { status: "former", endedOn: "2024-03-01", significantDuration: true },
 *   allConnectionsRecorded: true,
 * };
 * ```
 */
export type Relationship = z.infer<typeof RelationshipSchema>;

/**
 * Kinds of conduct. The first seven are the examples of acts associated with stalking in PHA 1997
 * s.2A(3)(a)–(g), which SPA 2019 s.1(6) adopts; the rest are other conduct police record.
 *
 * @example
 * ```ts
 * import { IncidentKindSchema } from "protective-orders";
 * IncidentKindSchema.parse("loitering");
 * ```
 */
export const IncidentKindSchema = z.enum([
  "following",
  "contacting",
  "publishing",
  "monitoring-electronic-communications",
  "loitering",
  "interfering-with-property",
  "watching-or-spying",
  "threats-of-violence",
  "violence",
  "leaving-items-or-gifts",
  "entering-premises",
  "third-party-contact",
  "impersonation",
  "other",
]);
/**
 * A kind of conduct.
 *
 * @example
 * ```ts
 * import type { IncidentKind } from "protective-orders";
 * const kinds: IncidentKind[] = ["following", "loitering", "monitoring-electronic-communications"];
 * ```
 */
export type IncidentKind = z.infer<typeof IncidentKindSchema>;

/**
 * One recorded act or incident of conduct by the suspect.
 *
 * @example
 * ```ts
 * import { IncidentSchema } from "protective-orders";
 * IncidentSchema.parse({ kind: "following", date: "2025-06-01", place: "uk", target: "victim" });
 * ```
 */
export const IncidentSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  kind: IncidentKindSchema,
  date: IsoDateSchema.optional(),
  /** In the UK or abroad: it does not matter for an SPO (SPA 2019 s.1(5)). */
  place: z.enum(["uk", "abroad"]).optional(),
  /** Whom it targeted: the victim, or someone connected to them (stalking by proxy). */
  target: z.enum(["victim", "connected-person"]).optional(),
  /** The id of the person targeted, from `personsToProtect`. */
  targetId: z.string().min(1).max(200).optional(),
  /**
   * The suspect knew or ought to have known the act was unwelcome (SPA 2019 s.1(4)(b)): the clear case of an act
   * associated with stalking.
   */
  suspectKnewOrOughtToKnowUnwelcome: z.boolean().optional(),
  /**
   * An assessor's judgement that this act is (or is not) associated with stalking; it decides either way. Left
   * out, the act counts when the suspect knew or ought to have known it was unwelcome; a kind PHA s.2A(3) lists
   * (examples 'in particular circumstances') with neither recorded is unknown, not proof (see `stalkingActBasis`).
   */
  associatedWithStalking: z.boolean().optional(),
  /** Free text. Personal data: never copied into outputs unless the caller asks. */
  description: z.string().max(5000).optional(),
});
/**
 * One recorded act or incident.
 *
 * @example
 * ```ts
 * import type { Incident } from "protective-orders";
 * const incident: Incident = { id: "i1", kind: "following", date: "2025-06-01", place: "uk", target: "victim" };
 * ```
 */
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * The result of a named risk tool (DASH, DARA, S-DASH, …), stored as data. No tool's questions or
 * thresholds are bundled: the rules do not read it.
 *
 * @example
 * ```ts
 * import { RiskToolResultSchema } from "protective-orders";
 * RiskToolResultSchema.parse({ tool: "DASH", level: "high", assessedOn: "2025-05-20" });
 * ```
 */
export const RiskToolResultSchema = z.strictObject({
  tool: z.string().min(1).max(100),
  version: z.string().max(50).optional(),
  level: z.string().max(100).optional(),
  assessedOn: IsoDateSchema.optional(),
});
/**
 * The result of a named risk tool.
 *
 * @example
 * ```ts
 * import type { RiskToolResult } from "protective-orders";
 * const dash: RiskToolResult = { tool: "DASH", level: "medium", assessedOn: "2025-05-20" };
 * ```
 */
export type RiskToolResult = z.infer<typeof RiskToolResultSchema>;

/**
 * The risk the suspect poses, as assessed. Each is optional: unknown until someone has said.
 *
 * @example
 * ```ts
 * import { RiskSchema } from "protective-orders";
 * RiskSchema.parse({ psychologicalHarm: true, ongoing: true });
 * ```
 */
export const RiskSchema = z.strictObject({
  /** Risk of physical harm (SPA 2019 s.1(4)(a)). */
  physicalHarm: z.boolean().optional(),
  /** Risk of psychological harm (SPA 2019 s.1(4)(a)). */
  psychologicalHarm: z.boolean().optional(),
  /** The conduct has caused fear of violence (PHA 1997 s.4A(1)(b)(i); Sentencing Act 2020 s.360). */
  fearOfViolence: z.boolean().optional(),
  /** Serious alarm or distress with a substantial adverse effect on usual day-to-day activities (PHA s.4A(1)(b)(ii)). */
  seriousAlarmOrDistress: z.boolean().optional(),
  /** The conduct is escalating. */
  escalating: z.boolean().optional(),
  /** The suspect still poses the risk now (the present tense of "poses a risk", SPA 2019 s.1(1)(b)). */
  ongoing: z.boolean().optional(),
  /** The suspect still contacts or tries to contact the person. */
  ongoingContact: z.boolean().optional(),
  tool: RiskToolResultSchema.optional(),
});
/**
 * The risk the suspect poses.
 *
 * @example
 * ```ts
 * import type { Risk } from "protective-orders";
 * const risk: Risk = { psychologicalHarm: true, ongoing: true, tool: { tool: "DASH", level: "high" } };
 * ```
 */
export type Risk = z.infer<typeof RiskSchema>;

/**
 * Protection already in place: bail conditions and orders.
 *
 * @example
 * ```ts
 * import { ProtectionSchema } from "protective-orders";
 * ProtectionSchema.parse({ bailConditions: [{ from: "2025-01-01", to: "2025-03-01" }] });
 * ```
 */
export const ProtectionSchema = z.strictObject({
  bailConditions: z
    .array(
      z.strictObject({
        from: IsoDateSchema.optional(),
        to: IsoDateSchema.optional(),
        breached: z.boolean().optional(),
      }),
    )
    .max(100)
    .optional(),
  ordersInForce: z.array(ExistingOrderSchema).max(100).optional(),
  /** An assessor's judgement that the protection in place is adequate to the risk. */
  adequate: z.boolean().optional(),
});
/**
 * Protection already in place.
 *
 * @example
 * ```ts
 * import type { Protection } from "protective-orders";
 * const protection: Protection = { bailConditions: [{ from: "2025-01-01", to: "2025-03-01", breached: true }], adequate: false };
 * ```
 */
export type Protection = z.infer<typeof ProtectionSchema>;

/**
 * Kinds of offence, as far as the restraining-order powers care: before 30 Sep 2009 PHA 1997
 * s.5 applied only on conviction under s.2 or s.4.
 *
 * @example
 * ```ts
 * import { OffenceKindSchema } from "protective-orders";
 * OffenceKindSchema.parse("pha-s4a"); // stalking involving fear of violence or serious alarm or distress
 * ```
 */
export const OffenceKindSchema = z.enum(["pha-s2", "pha-s2a", "pha-s4", "pha-s4a", "other"]);
/**
 * A kind of offence.
 *
 * @example
 * ```ts
 * import type { OffenceKind } from "protective-orders";
 * const offence: OffenceKind = "pha-s2a"; // stalking (PHA 1997 s.2A)
 * ```
 */
export type OffenceKind = z.infer<typeof OffenceKindSchema>;

/**
 * Criminal proceedings against the suspect arising from the conduct.
 *
 * @example
 * ```ts
 * import { CriminalProceedingsSchema } from "protective-orders";
 * CriminalProceedingsSchema.parse({ status: "convicted", offence: "other", convictedOn: "2021-05-04", courtCurrentlyDealing: true });
 * ```
 */
export const CriminalProceedingsSchema = z.strictObject({
  status: z
    .enum(["none", "under-investigation", "no-further-action", "charged", "convicted", "acquitted"])
    .optional(),
  offence: OffenceKindSchema.optional(),
  chargedOn: IsoDateSchema.optional(),
  convictedOn: IsoDateSchema.optional(),
  acquittedOn: IsoDateSchema.optional(),
  /** A criminal court is still dealing with the suspect (sentence or ancillary orders not yet made). */
  courtCurrentlyDealing: z.boolean().optional(),
  /** The court dealing is the Court of Appeal (DAA 2021 s.31(4)). */
  courtOfAppeal: z.boolean().optional(),
});
/**
 * Criminal proceedings against the suspect.
 *
 * @example
 * ```ts
 * import type { CriminalProceedings } from "protective-orders";
 * const criminal: CriminalProceedings = { status: "charged", offence: "pha-s2a", chargedOn: "2025-04-02" };
 * ```
 */
export type CriminalProceedings = z.infer<typeof CriminalProceedingsSchema>;

/**
 * Family proceedings between the parties.
 *
 * @example
 * ```ts
 * import { FamilyProceedingsSchema } from "protective-orders";
 * FamilyProceedingsSchema.parse({ underWay: true });
 * ```
 */
export const FamilyProceedingsSchema = z.strictObject({
  /** Family proceedings are under way to which both are parties (FLA 1996 s.42(2)(b); DAA 2021 s.31(2)). */
  underWay: z.boolean().optional(),
});
/**
 * Family proceedings between the parties.
 *
 * @example
 * ```ts
 * import type { FamilyProceedings } from "protective-orders";
 * const family: FamilyProceedings = { underWay: false };
 * ```
 */
export type FamilyProceedings = z.infer<typeof FamilyProceedingsSchema>;

/**
 * The victim's views. None of them decides whether an SPO is available: the police apply.
 *
 * @example
 * ```ts
 * import { VictimViewsSchema } from "protective-orders";
 * VictimViewsSchema.parse({ wantsProtection: true, supportsProsecution: false });
 * ```
 */
export const VictimViewsSchema = z.strictObject({
  wantsProtection: z.boolean().optional(),
  supportsProsecution: z.boolean().optional(),
  willingToApplyHerself: z.boolean().optional(),
});
/**
 * The victim's views.
 *
 * @example
 * ```ts
 * import type { VictimViews } from "protective-orders";
 * const views: VictimViews = { wantsProtection: true, willingToApplyHerself: false };
 * ```
 */
export type VictimViews = z.infer<typeof VictimViewsSchema>;

/**
 * Grounds for a without-notice NMO (FLA 1996 s.45(2)).
 *
 * @example
 * ```ts
 * import { WithoutNoticeGroundsSchema } from "protective-orders";
 * WithoutNoticeGroundsSchema.parse({ riskOfSignificantHarmIfNotImmediate: true });
 * ```
 */
export const WithoutNoticeGroundsSchema = z.strictObject({
  /** s.45(2)(a): risk of significant harm to the applicant or a relevant child if no order is made at once. */
  riskOfSignificantHarmIfNotImmediate: z.boolean().optional(),
  /** s.45(2)(b): the applicant is likely to be deterred or prevented from applying otherwise. */
  applicantLikelyDeterred: z.boolean().optional(),
  /** s.45(2)(c): the respondent is deliberately evading service and delay would seriously prejudice. */
  respondentEvadingService: z.boolean().optional(),
});
/**
 * Grounds for a without-notice NMO.
 *
 * @example
 * ```ts
 * import type { WithoutNoticeGrounds } from "protective-orders";
 * const grounds: WithoutNoticeGrounds = { applicantLikelyDeterred: true, respondentEvadingService: false };
 * ```
 */
export type WithoutNoticeGrounds = z.infer<typeof WithoutNoticeGroundsSchema>;

/**
 * A request to the police for an SPO, and the decision on it.
 *
 * @example
 * ```ts
 * import { SpoRequestSchema } from "protective-orders";
 * SpoRequestSchema.parse({ requestedOn: "2025-02-01", decision: { decidedOn: "2025-03-01", outcome: "declined", reasons: [{ code: "no-conviction" }] } });
 * ```
 */
export const SpoRequestSchema = z.strictObject({
  requestedOn: IsoDateSchema.optional(),
  decision: z
    .strictObject({
      decidedOn: IsoDateSchema.optional(),
      outcome: z.enum(["declined", "application-made", "pending"]).optional(),
      decidingForce: PoliceForceIdSchema.optional(),
      reasons: z
        .array(z.strictObject({ code: DeclineReasonCodeSchema, text: z.string().max(5000).optional() }))
        .max(50)
        .optional(),
      freeText: z.string().max(20000).optional(),
    })
    .optional(),
});
/**
 * A request to the police for an SPO, and the decision on it.
 *
 * @example
 * ```ts
 * import type { SpoRequest } from "protective-orders";
 * const request: SpoRequest = {
 *   requestedOn: "2025-02-01",
 *   decision: { decidedOn: "2025-03-01", outcome: "declined", reasons: [{ code: "no-conviction" }] },
 * };
 * ```
 */
export type SpoRequest = z.infer<typeof SpoRequestSchema>;

/**
 * Everything the law asks about a stalking case. Only `id` is required; every fact left out is
 * unknown, and an answer that needs it says so and asks for it.
 *
 * @example
 * ```ts
 * import { CaseFactsSchema, type CaseFacts } from "protective-orders";
 * const facts: CaseFacts = CaseFactsSchema.parse({
 *   id: "case-1",
 *   jurisdiction: "england-and-wales",
 *   incidents: [{ kind: "following", date: "2025-05-01" }],
 * });
 * ```
 */
export const CaseFactsSchema = z.strictObject({
  id: z.string().min(1).max(200),
  jurisdiction: JurisdictionSchema.optional(),
  /** The police force area where the case is dealt with (DAPO pilots; SPA 2019 s.1(3)). */
  policeForceArea: PoliceForceIdSchema.optional(),
  /** Local authority area, where a pilot covers only part of a force (e.g. London Boroughs of Croydon, Bromley and Sutton). */
  localAuthority: z.string().min(1).max(200).optional(),
  suspect: SuspectSchema.optional(),
  personsToProtect: z.array(PersonToProtectSchema).max(100).optional(),
  relationship: RelationshipSchema.optional(),
  incidents: z.array(IncidentSchema).max(100_000).optional(),
  risk: RiskSchema.optional(),
  protection: ProtectionSchema.optional(),
  criminal: CriminalProceedingsSchema.optional(),
  family: FamilyProceedingsSchema.optional(),
  victimViews: VictimViewsSchema.optional(),
  withoutNoticeGrounds: WithoutNoticeGroundsSchema.optional(),
  spoRequest: SpoRequestSchema.optional(),
  /** Free-text notes. Personal data: never copied into outputs unless the caller asks. */
  notes: z.string().max(20000).optional(),
});
/**
 * Everything the law asks about a stalking case.
 *
 * @example
 * ```ts
 * import type { CaseFacts } from "protective-orders";
 * const facts: CaseFacts = {
 *   id: "case-1",
 *   jurisdiction: "england-and-wales",
 *   incidents: [{ kind: "following", date: "2025-05-01" }],
 * };
 * ```
 */
export type CaseFacts = z.infer<typeof CaseFactsSchema>;
