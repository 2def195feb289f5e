import * as z from "zod";
import declineReasons from "../law/stalking-protection-act-2019/decline-reasons.json";
import {
  CaseFactsSchema,
  CriminalProceedingsSchema,
  FamilyProceedingsSchema,
  IncidentKindSchema,
  IncidentSchema,
  JurisdictionSchema,
  OffenceKindSchema,
  PersonSchema,
  PersonToProtectSchema,
  ProtectionSchema,
  RelationshipPeriodSchema,
  RelationshipSchema,
  RiskSchema,
  RiskToolResultSchema,
  SpoRequestSchema,
  SuspectSchema,
  VictimViewsSchema,
  WithoutNoticeGroundsSchema,
} from "./case-facts.js";
import type { DeclineReasonCode } from "./decline-reason-code.js";
import { DeclineReasonCodeSchema } from "./decline-reason-code.js";
import { ExistingOrderSchema } from "./existing-order.js";
import { type OrderKind, OrderKindSchema } from "./order-kind.js";
import { POLICE_FORCES, type PoliceForceId, PoliceForceIdSchema } from "./police-forces.js";

// The titles, descriptions and enum labels of the case-facts schemas, kept as zod metadata in a registry of their
// own (`z.registry`, the mechanism behind `.meta()`), keyed by the very schema objects CaseFactsSchema is built
// from. They are not written as `.meta()` calls in case-facts.ts because that text would then load with
// `assess` into every browser bundle (about 15 kB); this module is imported only by the JSON Schema and OpenAPI
// generators. Where case-facts.ts documents a property in TSDoc, the description here is the same text
// (tests/model/schema-metadata.test.ts checks it, and that every property has a title and a description).

/**
 * What a case-facts schema says of itself: a form's label (`title`), its help text (`description`).
 *
 * @example
 * ```ts
 * import { caseFactsDocs, IncidentKindSchema, type CaseFactsDoc } from "protective-orders";
 * const doc: CaseFactsDoc | undefined = caseFactsDocs.get(IncidentKindSchema);
 * doc?.labels?.following; // "Following the person"
 * ```
 */
export interface CaseFactsDoc {
  readonly title: string;
  readonly description: string;
  /** For an enum: a label for each value, in the enum's order (JSON Schema `oneOf` of `const` + `title`). */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The registry of the case-facts schemas' titles, descriptions and enum labels (zod metadata, passed to
 * `z.toJSONSchema` as `metadata`).
 *
 * @example
 * ```ts
 * import { CaseFactsSchema, caseFactsDocs } from "protective-orders";
 * caseFactsDocs.get(CaseFactsSchema.shape.jurisdiction)?.title; // "Jurisdiction"
 * ```
 */
export const caseFactsDocs = z.registry<CaseFactsDoc>();

type Docs = readonly [title: string, description: string];
type Shape = Record<string, z.ZodType>;

/** Registers a title and description for every property of an object schema (a missing one is a type error). */
function describeProperties<S extends Shape>(shape: S, docs: { readonly [K in keyof S]: Docs }): void {
  for (const key of Object.keys(docs) as (keyof S & string)[]) {
    const [title, description] = docs[key];
    const property = shape[key];
    // A required enum property is the enum schema itself: keep its labels.
    if (property) caseFactsDocs.add(property, { ...caseFactsDocs.get(property), title, description });
  }
}

/** Registers the labels of an enum's values (every value needs one: a missing one is a type error). */
function labelEnum<T extends string>(
  schema: z.ZodType,
  title: string,
  description: string,
  labels: Record<T, string>,
) {
  // A property's own title and description, if registered first, win over the enum's general ones.
  caseFactsDocs.add(schema, { title, description, ...caseFactsDocs.get(schema), labels });
}

/** The schema inside `.optional()` (or the schema itself). */
function inner(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/** The shape of an (optional) object schema, or of an (optional) array of objects' items. */
function shapeOf(schema: z.ZodType): Shape {
  let s = inner(schema);
  if (s instanceof z.ZodArray) s = inner(s.element as z.ZodType);
  if (!(s instanceof z.ZodObject)) throw new Error("case-facts-docs: expected an object schema");
  return s.shape as Shape;
}

const PERIOD_STATUS = { current: "Current", former: "Former", never: "Never" } as const;

labelEnum<z.infer<typeof JurisdictionSchema>>(
  JurisdictionSchema,
  "Jurisdiction",
  "The legal jurisdiction whose law governs the case.",
  { "england-and-wales": "England and Wales", "northern-ireland": "Northern Ireland", scotland: "Scotland" },
);
labelEnum<PoliceForceId>(
  PoliceForceIdSchema,
  "Police force",
  "A police force that may apply for a Stalking Protection Order (SPA 2019 s.1, s.14; PfSA (NI) 2022 s.7).",
  Object.fromEntries(POLICE_FORCES.map((force) => [force.id, force.name])) as Record<PoliceForceId, string>,
);
labelEnum<z.infer<typeof IncidentKindSchema>>(
  IncidentKindSchema,
  "Kind of conduct",
  "The first seven are the examples of acts associated with stalking in PHA 1997 s.2A(3)(a)–(g), which SPA 2019 " +
    "s.1(6) adopts; the rest are other conduct police record.",
  {
    following: "Following the person",
    contacting: "Contacting, or attempting to contact, the person",
    publishing: "Publishing a statement or material about the person",
    "monitoring-electronic-communications":
      "Monitoring the person's use of the internet, email or other electronic communication",
    loitering: "Loitering in a public or private place",
    "interfering-with-property": "Interfering with property in the person's possession",
    "watching-or-spying": "Watching or spying on the person",
    "threats-of-violence": "Threats of violence",
    violence: "Violence",
    "leaving-items-or-gifts": "Leaving items or gifts",
    "entering-premises": "Entering premises",
    "third-party-contact": "Contact through a third party",
    impersonation: "Impersonation",
    other: "Other conduct",
  },
);
labelEnum<z.infer<typeof OffenceKindSchema>>(
  OffenceKindSchema,
  "Offence",
  "The offence, as far as the restraining-order powers care (before 30 September 2009 PHA 1997 s.5 applied only " +
    "on conviction under s.2 or s.4).",
  {
    "pha-s2": "Harassment (PHA 1997 s.2)",
    "pha-s2a": "Stalking (PHA 1997 s.2A)",
    "pha-s4": "Putting people in fear of violence (PHA 1997 s.4)",
    "pha-s4a": "Stalking involving fear of violence or serious alarm or distress (PHA 1997 s.4A)",
    other: "Another offence",
  },
);
labelEnum<OrderKind>(OrderKindSchema, "Kind of order", "The kind of protective order or notice.", {
  spo: "Stalking Protection Order",
  "interim-spo": "Interim Stalking Protection Order",
  "spo-on-conviction-or-acquittal": "SPO made by a criminal court on conviction or acquittal",
  nmo: "Non-molestation order",
  "restraining-order-on-conviction": "Restraining order on conviction",
  "restraining-order-on-acquittal": "Restraining order on acquittal",
  "pha-s3-injunction": "Injunction in a civil harassment claim (PHA 1997 s.3)",
  dapn: "Domestic abuse protection notice",
  dapo: "Domestic abuse protection order",
  "dapo-in-criminal-proceedings": "Domestic abuse protection order made by a criminal court",
  dvpn: "Domestic violence protection notice",
  dvpo: "Domestic violence protection order",
  "ni-spo": "Stalking Protection Order (Northern Ireland)",
  "ni-interim-spo": "Interim Stalking Protection Order (Northern Ireland)",
});
labelEnum<DeclineReasonCode>(
  DeclineReasonCodeSchema,
  "Reason",
  "A reason the police gave for declining, as a code of the decline-reason taxonomy.",
  Object.fromEntries(declineReasons.reasons.map((reason) => [reason.code, reason.label])) as Record<
    DeclineReasonCode,
    string
  >,
);

// Suspect and PersonToProtect extend Person: their id, name, dateOfBirth and age are Person's own schema objects.
const personDocs = {
  id: ["Reference", "A reference for the person within the case (never shown with their name unless asked)."],
  name: ["Name", "The person's name. Personal data: outputs leave it out unless the caller asks."],
  dateOfBirth: [
    "Date of birth",
    "The date of birth (YYYY-MM-DD); the age on the assessment date is worked out from it.",
  ],
  age: ["Age", "Age in whole years, if the date of birth is not known."],
} as const;
describeProperties(PersonSchema.shape, personDocs);
describeProperties(SuspectSchema.shape, {
  ...personDocs,
  homeForceArea: ["Home police area", "The police area where the suspect lives (SPA 2019 s.1(3)(a))."],
  livesIn: [
    "Where the suspect lives",
    "The part of the UK (or outside it) where the suspect lives, for a suspect whose home police area is not recorded or who lives outside England and Wales (SPA 2019 s.1(3); NI 2022 Act s.7(3)). Where both are recorded, `homeForceArea` must lie in it (a clash is read as unknown).",
  ],
  believedInOrComingTo: [
    "Police areas the suspect is in or coming to",
    "Police areas the suspect is believed to be in or to intend to come to (SPA 2019 s.1(3)(b)).",
  ],
  subjectToSexOffenderNotification: [
    "Subject to sex-offender notification",
    "Already subject to sex-offender notification (Sexual Offences Act 2003 Part 2): SPA 2019 s.9(5).",
  ],
  work: ["Work", "Whether the suspect works, and when, so that terms can avoid it (SPA 2019 s.2(3)(b))."],
  education: ["Education", "Education the suspect attends, and when (SPA 2019 s.2(3)(b))."],
  religion: ["Religion", "Religious observance to respect (SPA 2019 s.2(3)(a))."],
});
describeProperties(PersonToProtectSchema.shape, {
  ...personDocs,
  role: [
    "Role",
    "The victim of the acts, or a person connected to them whom the suspect targets (stalking by proxy, SPA 2019 s.1(1)(c)).",
  ],
  connection: ["Connection to the victim", "For a connected person: how they are connected to the victim."],
});
labelEnum(inner(SuspectSchema.shape.livesIn), "Where the suspect lives", "A part of the UK, or outside it.", {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
  "outside-the-uk": "Outside the UK",
});
labelEnum(inner(PersonToProtectSchema.shape.role), "Role", "The victim, or a connected person.", {
  victim: "Victim",
  "connected-person": "Connected person",
});
labelEnum(
  inner(PersonToProtectSchema.shape.connection),
  "Connection",
  "How a connected person is connected.",
  {
    family: "Family",
    partner: "Partner",
    friend: "Friend",
    colleague: "Colleague",
    neighbour: "Neighbour",
    other: "Other",
  },
);

const periodDocs = {
  status: ["Status", "Whether the relationship is current, former, or never was."],
  startedOn: ["Started on", "The day it began (YYYY-MM-DD)."],
  endedOn: ["Ended on", "The day it ended (YYYY-MM-DD), for a former one."],
} as const;
describeProperties(RelationshipPeriodSchema.shape, periodDocs);
labelEnum(RelationshipPeriodSchema.shape.status, "Status", "Current, former, or never.", PERIOD_STATUS);

describeProperties(RelationshipSchema.shape, {
  summary: ["Summary", "A short description for people; not read by the rules."],
  marriage: ["Marriage", "s.62(3)(a), DAA s.2(1)(a)."],
  civilPartnership: ["Civil partnership", "s.62(3)(aa), DAA s.2(1)(b)."],
  cohabitation: [
    "Cohabitation",
    "s.62(3)(b): living together as if a married couple or civil partners (s.62(1)).",
  ],
  sameHousehold: [
    "Same household",
    "s.62(3)(c): same household, and whether *merely* as employee, tenant, lodger or boarder.",
  ],
  relatives: ["Relatives", "s.62(3)(d), DAA s.2(1)(g): relatives as defined in FLA 1996 s.63(1)."],
  agreementToMarry: [
    "Agreement to marry",
    "s.62(3)(e), DAA s.2(1)(c): an agreement to marry, and the day it ended if it did (s.42(4)).",
  ],
  civilPartnershipAgreement: [
    "Civil partnership agreement",
    "s.62(3)(eza), DAA s.2(1)(d): a civil partnership agreement (CPA 2004 s.73).",
  ],
  intimateRelationship: [
    "Intimate personal relationship",
    's.62(3)(ea) (needs "significant duration"), DAA s.2(1)(e) (does not): an intimate personal relationship.',
  ],
  parentsOfSameChild: [
    "Parents of the same child",
    "s.62(3)(f), DAA s.2(1)(f): each a parent of, or has or had parental responsibility for, the same child.",
  ],
  partiesToSameFamilyProceedings: [
    "Parties to the same family proceedings",
    "s.62(3)(g): parties to the same family proceedings (other than FLA 1996 Part IV proceedings).",
  ],
  allConnectionsRecorded: [
    "All connections recorded",
    'True when every connection between them has been recorded: limbs left out then count as "no".',
  ],
});
labelEnum(inner(RelationshipSchema.shape.summary), "Summary", "A short description of the relationship.", {
  stranger: "Stranger",
  acquaintance: "Acquaintance",
  colleague: "Colleague",
  neighbour: "Neighbour",
  "ex-partner": "Ex-partner",
  partner: "Partner",
  family: "Family",
  "online-only": "Known only online",
  other: "Other",
});
const sameHousehold = shapeOf(RelationshipSchema.shape.sameHousehold);
describeProperties(sameHousehold, {
  ...periodDocs,
  merelyAs: [
    "Merely as",
    "Whether they shared the household merely as employee, tenant, lodger or boarder (FLA 1996 s.62(3)(c)); " +
      '"none" when not merely so.',
  ],
});
labelEnum(inner(sameHousehold.merelyAs as z.ZodType), "Merely as", "The capacity, if merely one.", {
  employee: "Employee",
  tenant: "Tenant",
  lodger: "Lodger",
  boarder: "Boarder",
  none: "None of these",
});
describeProperties(shapeOf(RelationshipSchema.shape.intimateRelationship), {
  ...periodDocs,
  significantDuration: [
    "Of significant duration",
    "The relationship was of significant duration (FLA 1996 s.62(3)(ea); DAA 2021 s.2(1)(e) does not need it).",
  ],
});
for (const agreement of [
  RelationshipSchema.shape.agreementToMarry,
  RelationshipSchema.shape.civilPartnershipAgreement,
]) {
  const shape = shapeOf(agreement);
  describeProperties(shape, {
    status: ["Status", "Whether the agreement is current, has ended, or never was."],
    agreedOn: ["Agreed on", "The day of the agreement (YYYY-MM-DD)."],
    endedOn: [
      "Ended on",
      "The day the agreement ended (YYYY-MM-DD): FLA 1996 s.42(4) and s.44 count from it.",
    ],
  });
  labelEnum(shape.status as z.ZodType, "Status", "Current, ended, or never.", {
    current: "Current",
    ended: "Ended",
    never: "Never",
  });
}

describeProperties(IncidentSchema.shape, {
  id: ["Reference", "A reference for the incident within the case."],
  kind: [
    "Kind of conduct",
    "What the suspect did (see the labels; the first seven are PHA 1997 s.2A(3)'s examples).",
  ],
  date: ["Date", "The day it happened (YYYY-MM-DD)."],
  place: ["Place", "In the UK or abroad: it does not matter for an SPO (SPA 2019 s.1(5))."],
  target: ["Target", "Whom it targeted: the victim, or someone connected to them (stalking by proxy)."],
  targetId: ["Person targeted", "The id of the person targeted, from `personsToProtect`."],
  suspectKnewOrOughtToKnowUnwelcome: [
    "Suspect knew or ought to have known it was unwelcome",
    "The suspect knew or ought to have known the act was unwelcome (SPA 2019 s.1(4)(b)): the clear case of an act " +
      "associated with stalking.",
  ],
  associatedWithStalking: [
    "Associated with stalking",
    "An assessor's judgement that this act is (or is not) associated with stalking; it decides either way. Left " +
      "out, the act counts when the suspect knew or ought to have known it was unwelcome; a kind PHA s.2A(3) lists " +
      "(examples 'in particular circumstances') with neither recorded is unknown, not proof (see `stalkingActBasis`).",
  ],
  description: ["Description", "Free text. Personal data: never copied into outputs unless the caller asks."],
});
labelEnum(inner(IncidentSchema.shape.place), "Place", "In the UK or abroad.", {
  uk: "In the UK",
  abroad: "Abroad",
});
labelEnum(inner(IncidentSchema.shape.target), "Target", "The victim or a connected person.", {
  victim: "The victim",
  "connected-person": "A connected person",
});

describeProperties(RiskToolResultSchema.shape, {
  tool: [
    "Risk tool",
    "The name of the risk tool (DASH, DARA, S-DASH, …). Stored as data: the rules do not read it.",
  ],
  version: ["Tool version", "The version of the tool used."],
  level: ["Risk level", "The level the tool gave (its own words, e.g. standard, medium, high)."],
  assessedOn: ["Assessed on", "The day of the assessment (YYYY-MM-DD)."],
});
describeProperties(RiskSchema.shape, {
  physicalHarm: ["Risk of physical harm", "Risk of physical harm (SPA 2019 s.1(4)(a))."],
  psychologicalHarm: ["Risk of psychological harm", "Risk of psychological harm (SPA 2019 s.1(4)(a))."],
  fearOfViolence: [
    "Fear of violence",
    "The conduct has caused fear of violence (PHA 1997 s.4A(1)(b)(i); Sentencing Act 2020 s.360).",
  ],
  seriousAlarmOrDistress: [
    "Serious alarm or distress",
    "Serious alarm or distress with a substantial adverse effect on usual day-to-day activities (PHA s.4A(1)(b)(ii)).",
  ],
  escalating: ["Escalating", "The conduct is escalating."],
  ongoing: [
    "Risk is ongoing",
    'The suspect still poses the risk now (the present tense of "poses a risk", SPA 2019 s.1(1)(b)).',
  ],
  ongoingContact: ["Contact is ongoing", "The suspect still contacts or tries to contact the person."],
  tool: ["Risk tool result", "The result of a named risk tool, stored as data (the rules do not read it)."],
});

describeProperties(ProtectionSchema.shape, {
  bailConditions: ["Bail conditions", "Bail conditions imposed on the suspect, with their dates."],
  ordersInForce: ["Orders already made", "Orders already made that may protect the victim."],
  adequate: [
    "Protection is adequate",
    "An assessor's judgement that the protection in place is adequate to the risk.",
  ],
});
describeProperties(shapeOf(ProtectionSchema.shape.bailConditions), {
  from: ["From", "The first day of the bail conditions (YYYY-MM-DD)."],
  to: ["To", "The last day of the bail conditions (YYYY-MM-DD)."],
  breached: ["Breached", "The suspect has breached the conditions."],
});
describeProperties(ExistingOrderSchema.shape, {
  kind: ["Kind of order", "The kind of order already made."],
  madeOn: ["Made on", "The day the order was made (YYYY-MM-DD)."],
  expiresOn: ["Expires on", "The day the order ends (YYYY-MM-DD), if it has an end date."],
  untilFurtherOrder: ["Until further order", "Made until further order (no expiry date)."],
  protectsVictim: ["Protects the victim", "The order protects the victim of this case."],
  breached: ["Breached", "The suspect has breached the order."],
});

describeProperties(CriminalProceedingsSchema.shape, {
  status: ["Status", "How far criminal proceedings against the suspect have gone."],
  offence: ["Offence", "The offence charged or convicted of (PHA 1997 s.2, s.2A, s.4, s.4A, or another)."],
  chargedOn: ["Charged on", "The day the suspect was charged (YYYY-MM-DD)."],
  convictedOn: ["Convicted on", "The day of the conviction (YYYY-MM-DD)."],
  acquittedOn: ["Acquitted on", "The day of the acquittal (YYYY-MM-DD)."],
  courtCurrentlyDealing: [
    "A criminal court is dealing with the suspect",
    "A criminal court is still dealing with the suspect (sentence or ancillary orders not yet made).",
  ],
  courtOfAppeal: ["Court of Appeal", "The court dealing is the Court of Appeal (DAA 2021 s.31(4))."],
});
labelEnum(inner(CriminalProceedingsSchema.shape.status), "Status", "How far proceedings have gone.", {
  none: "None",
  "under-investigation": "Under investigation",
  "no-further-action": "No further action",
  charged: "Charged",
  convicted: "Convicted",
  acquitted: "Acquitted",
});

describeProperties(FamilyProceedingsSchema.shape, {
  underWay: [
    "Family proceedings under way",
    "Family proceedings are under way to which both are parties (FLA 1996 s.42(2)(b); DAA 2021 s.31(2)).",
  ],
});
describeProperties(VictimViewsSchema.shape, {
  wantsProtection: ["Wants protection", "The victim wants an order to protect them."],
  supportsProsecution: ["Supports a prosecution", "The victim supports a prosecution of the suspect."],
  willingToApplyHerself: [
    "Willing to apply herself",
    "The victim is willing to apply for an order herself (an NMO or a PHA s.3 injunction is the victim's application).",
  ],
});
describeProperties(WithoutNoticeGroundsSchema.shape, {
  riskOfSignificantHarmIfNotImmediate: [
    "Risk of significant harm if not immediate",
    "s.45(2)(a): risk of significant harm to the applicant or a relevant child if no order is made at once.",
  ],
  applicantLikelyDeterred: [
    "Applicant likely to be deterred",
    "s.45(2)(b): the applicant is likely to be deterred or prevented from applying otherwise.",
  ],
  respondentEvadingService: [
    "Respondent evading service",
    "s.45(2)(c): the respondent is deliberately evading service and delay would seriously prejudice.",
  ],
});

describeProperties(SpoRequestSchema.shape, {
  requestedOn: ["Requested on", "The day the SPO was asked of the police (YYYY-MM-DD)."],
  decision: ["Decision", "The police's decision on the request, and their reasons."],
});
const decision = shapeOf(SpoRequestSchema.shape.decision);
describeProperties(decision, {
  decidedOn: ["Decided on", "The day of the decision (YYYY-MM-DD)."],
  outcome: ["Outcome", "Declined, an application made to the court, or still pending."],
  decidingForce: ["Deciding force", "The police force that decided."],
  reasons: [
    "Reasons",
    "The reasons given, each as a code of the decline-reason taxonomy (and its text, if kept).",
  ],
  freeText: [
    "Decision letter text",
    "The decision's own words. Personal data: never copied into outputs unless asked.",
  ],
});
labelEnum(inner(decision.outcome as z.ZodType), "Outcome", "The outcome of the request.", {
  declined: "Declined",
  "application-made": "Application made",
  pending: "Pending",
});
describeProperties(shapeOf(decision.reasons as z.ZodType), {
  code: ["Reason", "The reason, as a code of the decline-reason taxonomy."],
  text: [
    "Reason as written",
    "The reason in the decision's words. Personal data: never copied into outputs unless asked.",
  ],
});

describeProperties(CaseFactsSchema.shape, {
  id: ["Case reference", "A reference for the case (required; not personal data)."],
  jurisdiction: ["Jurisdiction", "The legal jurisdiction whose law governs the case."],
  policeForceArea: [
    "Police force area",
    "The police force area where the case is dealt with (DAPO pilots; SPA 2019 s.1(3)).",
  ],
  localAuthority: [
    "Local authority",
    "Local authority area, where a pilot covers only part of a force (e.g. London Boroughs of Croydon, Bromley and Sutton).",
  ],
  suspect: ["Suspect", "The person suspected of stalking."],
  personsToProtect: [
    "Persons to protect",
    "The victim, and anyone connected to them whom the suspect targets.",
  ],
  relationship: [
    "Relationship",
    "How the suspect and the victim are connected (FLA 1996 s.62(3); DAA 2021 s.2).",
  ],
  incidents: ["Incidents", "The recorded acts or incidents of conduct by the suspect."],
  risk: ["Risk", "The risk the suspect poses, as assessed."],
  protection: ["Protection in place", "Protection already in place: bail conditions and orders."],
  criminal: ["Criminal proceedings", "Criminal proceedings against the suspect arising from the conduct."],
  family: ["Family proceedings", "Family proceedings between the parties."],
  victimViews: [
    "Victim's views",
    "The victim's views. None of them decides whether an SPO is available: the police apply.",
  ],
  withoutNoticeGrounds: ["Without-notice grounds", "Grounds for a without-notice NMO (FLA 1996 s.45(2))."],
  spoRequest: ["SPO request", "A request to the police for an SPO, and the decision on it."],
  notes: ["Notes", "Free-text notes. Personal data: never copied into outputs unless the caller asks."],
});
