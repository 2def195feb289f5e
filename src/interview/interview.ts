import { type AssessOptions, assess } from "../assess/assess.js";
import type { Question } from "../assess/assessment.js";
import type { Outcome } from "../evaluate/types.js";
import { stalkingActBasis } from "../facts/conduct.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { suspectTerritorialReach } from "../facts/residence.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import type { CaseFacts, Incident, IncidentKind } from "../model/case-facts.js";
import { type IsoDate, isRealCalendarDate } from "../model/iso-date.js";
import { POLICE_FORCES, type PoliceForceId } from "../model/police-forces.js";
import type { CaseFactsInput } from "../model/readonly-input.js";

// One question at a time (issue 31). The interview asks the questions `assess` ranks (SPO first,
// then the most decisive), each reworded for the people in the room and paired with a writer that
// records the answer in the case facts, so a case system can drive the same interview with
// `answerQuestion`. A ranked question the interview has no way to record (a judgement the case
// facts have no field for) is left out, never answered by guessing.

/**
 * How a question is answered: `yes-no` (`true` / `false`), `choice` (one of `answers`' values),
 * `age` (whole years, 0–130), `date` (YYYY-MM-DD) or `acts` (a list of {@link InterviewAct}; an
 * empty list means no act).
 *
 * @example
 * ```ts
 * import type { InterviewAnswerType } from "protective-orders";
 * const type: InterviewAnswerType = "yes-no";
 * ```
 */
export type InterviewAnswerType = "yes-no" | "choice" | "age" | "date" | "acts";

/**
 * One act the suspect did, as the interview records it: its kind, when (if known), and whether it
 * was unwelcome and the suspect knew or ought to have known that (SPA 2019 s.1(4)(b)); leave
 * `unwelcome` out when that is not known (it then stays unknown, never "no").
 *
 * @example
 * ```ts
 * import type { InterviewAct } from "protective-orders";
 * const act: InterviewAct = { kind: "following", date: "2025-05-01", unwelcome: true };
 * ```
 */
export interface InterviewAct {
  readonly kind: Exclude<IncidentKind, "other">;
  readonly date?: IsoDate | undefined;
  readonly unwelcome?: boolean | undefined;
}

/**
 * An answer: a boolean for `yes-no`, a string for `choice` and `date`, a number for `age`, a list of
 * acts for `acts`.
 *
 * @example
 * ```ts
 * import type { InterviewAnswer } from "protective-orders";
 * const answer: InterviewAnswer = [{ kind: "loitering", unwelcome: true }];
 * ```
 */
export type InterviewAnswer = boolean | string | number | readonly InterviewAct[];

/**
 * One answer a question offers, and what it would settle: for each order still open that this
 * answer alone would decide, the outcome it would then have.
 *
 * @example
 * ```ts
 * import { nextQuestion, type InterviewAnswerOption } from "protective-orders";
 * const options: readonly InterviewAnswerOption[] = nextQuestion({ id: "c" }, { asOf: "2025-06-01" })?.answers ?? [];
 * options.map((o) => o.label);
 * ```
 */
export interface InterviewAnswerOption {
  readonly value: InterviewAnswer;
  readonly label: string;
  /** The orders this answer would settle, with the outcome each would then have. */
  readonly settles: readonly {
    readonly rule: string;
    readonly outcome: Exclude<Outcome, "needs-information">;
  }[];
}

/**
 * The next question of the interview.
 *
 * @example
 * ```ts
 * import { nextQuestion, type InterviewQuestion } from "protective-orders";
 * const question: InterviewQuestion | null = nextQuestion({ id: "c" }, { asOf: "2025-06-01" });
 * question?.id; // "case.jurisdiction"
 * ```
 */
export interface InterviewQuestion {
  /** The id to pass to {@link answerQuestion}: the derived fact the answer settles. */
  readonly id: string;
  /** The question, in plain words. */
  readonly question: string;
  /** What the question means and why it matters, in plain words. */
  readonly help: string;
  readonly answerType: InterviewAnswerType;
  /**
   * The answers offered: every allowed answer for `yes-no` and `choice`; for `age`, `date` and
   * `acts`, representative answers (any age in a band settles the same orders).
   */
  readonly answers: readonly InterviewAnswerOption[];
  /** The orders some answer to this question would settle. */
  readonly settles: readonly string[];
  readonly citation: Citation;
}

/**
 * Options for {@link nextQuestion}: the date whose law applies (required: the interview reads no clock).
 *
 * @example
 * ```ts
 * import type { NextQuestionOptions } from "protective-orders";
 * const options: NextQuestionOptions = { asOf: "2025-06-01" };
 * ```
 */
export interface NextQuestionOptions {
  readonly asOf: IsoDate;
  /** Question ids not to ask (the person does not know): their facts stay unknown, never "no". */
  readonly skip?: readonly string[] | undefined;
  readonly rules?: AssessOptions["rules"];
}

/**
 * An answer that does not fit its question: names the question and what was expected, never the value.
 *
 * @example
 * ```ts
 * import { answerQuestion, InterviewAnswerError } from "protective-orders";
 * try { answerQuestion({ id: "c" }, "risk.ongoing", "maybe"); } catch (e) { e instanceof InterviewAnswerError; }
 * ```
 */
export class InterviewAnswerError extends Error {
  readonly path: string;
  constructor(path: string, expected: string) {
    super(`${path}: expected ${expected}`);
    this.name = "InterviewAnswerError";
    this.path = path;
  }
}

interface Writer {
  readonly question: string;
  readonly help: string;
  readonly answerType: InterviewAnswerType;
  /** Allowed (or representative) answers with their labels. */
  readonly answers: readonly { readonly value: InterviewAnswer; readonly label: string }[];
  readonly write: (facts: CaseFacts, answer: InterviewAnswer) => CaseFacts;
}

const YES_NO = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
] as const;

const ACT_KINDS: readonly InterviewAct["kind"][] = [
  "following",
  "contacting",
  "third-party-contact",
  "publishing",
  "monitoring-electronic-communications",
  "loitering",
  "interfering-with-property",
  "watching-or-spying",
  "entering-premises",
  "leaving-items-or-gifts",
  "impersonation",
  "threats-of-violence",
  "violence",
];

/**
 * The kinds of act the interview offers (every kind the case facts record but "other", whose
 * reading needs a judgement the interview cannot record), for a picker.
 *
 * @example
 * ```ts
 * import { INTERVIEW_ACT_KINDS } from "protective-orders";
 * INTERVIEW_ACT_KINDS.includes("following"); // true
 * ```
 */
export const INTERVIEW_ACT_KINDS: readonly InterviewAct["kind"][] = ACT_KINDS;

const AGE_BANDS = [
  { value: 15, label: "Under 16 (for example 15)" },
  { value: 17, label: "16 or 17" },
  { value: 18, label: "18 or over" },
] as const;

function set<K extends keyof CaseFacts>(facts: CaseFacts, key: K, value: CaseFacts[K]): CaseFacts {
  return { ...facts, [key]: value };
}

function yesNo(path: string, answer: InterviewAnswer): boolean {
  if (typeof answer !== "boolean") throw new InterviewAnswerError(path, "true or false");
  return answer;
}

function choice<T extends string>(path: string, answer: InterviewAnswer, allowed: readonly T[]): T {
  if (typeof answer !== "string" || !(allowed as readonly string[]).includes(answer))
    throw new InterviewAnswerError(path, `one of ${allowed.join(", ")}`);
  return answer as T;
}

function age(path: string, answer: InterviewAnswer): number {
  if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer > 130)
    throw new InterviewAnswerError(path, "a whole number of years from 0 to 130");
  return answer;
}

function date(path: string, answer: InterviewAnswer): IsoDate {
  if (typeof answer !== "string" || !isRealCalendarDate(answer))
    throw new InterviewAnswerError(path, "a calendar date written YYYY-MM-DD");
  return answer as IsoDate;
}

function acts(path: string, answer: InterviewAnswer): readonly InterviewAct[] {
  if (!Array.isArray(answer)) throw new InterviewAnswerError(path, "a list of acts");
  answer.forEach((act: unknown, i) => {
    const a = act as Partial<InterviewAct> | null;
    if (typeof a !== "object" || a === null || !ACT_KINDS.includes(a.kind as InterviewAct["kind"]))
      throw new InterviewAnswerError(`${path}[${i}].kind`, `one of ${ACT_KINDS.join(", ")}`);
    if (a.unwelcome !== undefined && typeof a.unwelcome !== "boolean")
      throw new InterviewAnswerError(`${path}[${i}].unwelcome`, "true, false, or left out when not known");
    if (a.date !== undefined && !(typeof a.date === "string" && isRealCalendarDate(a.date)))
      throw new InterviewAnswerError(`${path}[${i}].date`, "a calendar date written YYYY-MM-DD");
  });
  return answer as readonly InterviewAct[];
}

function toIncident(act: InterviewAct): Incident {
  return {
    kind: act.kind,
    ...(act.date === undefined ? {} : { date: act.date }),
    ...(act.unwelcome === undefined ? {} : { suspectKnewOrOughtToKnowUnwelcome: act.unwelcome }),
  };
}

const ACTS_WRITER: Writer = {
  question: "What has the suspect done? Add each act, with its date if known.",
  help:
    "Include every act, wherever and whenever it happened: acts abroad and acts before the law began count. " +
    "For each act, say whether it was unwelcome and the suspect knew, or ought to have known, that. " +
    "Following, contacting, watching, loitering and interfering with property are examples of acts linked to stalking.",
  answerType: "acts",
  answers: [
    // An empty list records that no act has happened (the SPO then cannot be made): not "not yet asked".
    { value: [], label: "No act has happened" },
    {
      value: [
        { kind: "following", unwelcome: true },
        { kind: "loitering", unwelcome: true },
      ],
      label: "Two unwelcome acts (for example following and loitering)",
    },
  ],
  write: (facts, answer) => set(facts, "incidents", acts("answer", answer).map(toIncident)),
};

/** The follow-up once acts are recorded but some are not settled: the officer's judgement. */
const ACTS_JUDGEMENT_WRITER: Writer = {
  question:
    "Are the recorded acts not yet settled (the acts not known to be unwelcome, or of another kind) linked to stalking?",
  help:
    "The law's list of examples counts these acts only 'in particular circumstances': for example where the act " +
    "was unwelcome and the suspect knew, or ought to have known, that. Say whether, on what is known, they are " +
    "acts linked to stalking.",
  answerType: "yes-no",
  answers: YES_NO,
  write: (facts, answer) => {
    const judgement = yesNo("answer", answer);
    return set(
      facts,
      "incidents",
      (facts.incidents ?? []).map((incident) =>
        stalkingActBasis(incident) === undefined
          ? { ...incident, associatedWithStalking: judgement }
          : incident,
      ),
    );
  },
};

const HARM_ANSWERS = ["physical", "psychological", "both", "neither"] as const;
const HARM_WRITER: Writer = {
  question: "Does the suspect pose a risk of harm to the victim, or to someone close to them?",
  help:
    "Harm can be physical or psychological. It includes fear, alarm and distress. " +
    "Acts that look harmless count when the suspect knows they are unwelcome.",
  answerType: "choice",
  answers: [
    { value: "physical", label: "Yes: physical harm" },
    { value: "psychological", label: "Yes: psychological harm" },
    { value: "both", label: "Yes: both" },
    { value: "neither", label: "No risk of harm" },
  ],
  write: (facts, answer) => {
    const harm = choice("answer", answer, HARM_ANSWERS);
    return set(facts, "risk", {
      ...facts.risk,
      physicalHarm: harm === "physical" || harm === "both",
      psychologicalHarm: harm === "psychological" || harm === "both",
    });
  },
};

const ONGOING_WRITER: Writer = {
  question: "Does the suspect still pose that risk now?",
  help: "Is the conduct continuing, or likely to start again? An order protects against what may happen next.",
  answerType: "yes-no",
  answers: YES_NO,
  write: (facts, answer) => set(facts, "risk", { ...facts.risk, ongoing: yesNo("answer", answer) }),
};

const PROTECTION_WRITER: Writer = {
  question: "Is the victim already protected well enough without a new order?",
  help:
    "For example by bail conditions or another order that covers the victim and is being kept to. " +
    "Protection that has ended or been breached does not count. Answer no if there is none.",
  answerType: "yes-no",
  answers: YES_NO,
  write: (facts, answer) =>
    set(facts, "protection", { ...facts.protection, adequate: yesNo("answer", answer) }),
};

const SUMMARY_VALUES = [
  "stranger",
  "acquaintance",
  "colleague",
  "neighbour",
  "online-only",
  "ex-partner",
  "partner",
  "family",
  "other",
] as const;
const SUMMARY_WRITER: Writer = {
  question: "How does the victim know the suspect?",
  help:
    "Some orders depend on a personal connection (family, a partner or former partner, living together). " +
    "If they are strangers, no such connection is recorded; otherwise the next question asks about the connections.",
  answerType: "choice",
  answers: [
    { value: "stranger", label: "They are strangers" },
    { value: "acquaintance", label: "An acquaintance" },
    { value: "colleague", label: "A colleague" },
    { value: "neighbour", label: "A neighbour" },
    { value: "online-only", label: "Only online" },
    { value: "ex-partner", label: "A former partner" },
    { value: "partner", label: "A current partner" },
    { value: "family", label: "Family" },
    { value: "other", label: "Another connection" },
  ],
  write: (facts, answer) => {
    const summary = choice("answer", answer, SUMMARY_VALUES);
    // Strangers have no personal connection, so every connection the Family Law Act 1996 s.62(3) and
    // the Domestic Abuse Act 2021 s.2 list is recorded as absent. An acquaintance, colleague,
    // neighbour or online contact may still be a former partner or a relative: those connections
    // are asked next (CONNECTIONS_WRITER), never assumed absent.
    return set(facts, "relationship", {
      ...facts.relationship,
      summary,
      ...(summary === "stranger" ? { allConnectionsRecorded: true } : {}),
    });
  },
};

type Connection = Pick<
  NonNullable<CaseFacts["relationship"]>,
  | "marriage"
  | "civilPartnership"
  | "agreementToMarry"
  | "civilPartnershipAgreement"
  | "cohabitation"
  | "intimateRelationship"
  | "relatives"
  | "parentsOfSameChild"
  | "partiesToSameFamilyProceedings"
>;

/** Each connection the connections question offers, with what it records (nothing more than was said). */
const CONNECTIONS: readonly {
  readonly value: string;
  readonly label: string;
  readonly records: Connection;
}[] = [
  { value: "married-now", label: "Married to each other now", records: { marriage: { status: "current" } } },
  {
    value: "married-before",
    label: "Married to each other in the past",
    records: { marriage: { status: "former" } },
  },
  {
    value: "civil-partners-now",
    label: "Civil partners now",
    records: { civilPartnership: { status: "current" } },
  },
  {
    value: "civil-partners-before",
    label: "Civil partners in the past",
    records: { civilPartnership: { status: "former" } },
  },
  {
    value: "engaged-now",
    label: "Agreed to marry, and it stands",
    records: { agreementToMarry: { status: "current" } },
  },
  {
    value: "engaged-before",
    label: "Agreed to marry, but it has ended",
    records: { agreementToMarry: { status: "ended" } },
  },
  {
    value: "partnership-agreement-now",
    label: "Agreed to form a civil partnership, and it stands",
    records: { civilPartnershipAgreement: { status: "current" } },
  },
  {
    value: "partnership-agreement-before",
    label: "Agreed to form a civil partnership, but it has ended",
    records: { civilPartnershipAgreement: { status: "ended" } },
  },
  {
    value: "living-together-now",
    label: "Living together as a couple now",
    records: { cohabitation: { status: "current" } },
  },
  {
    value: "lived-together-before",
    label: "Lived together as a couple in the past",
    records: { cohabitation: { status: "former" } },
  },
  {
    value: "intimate-now",
    label: "In an intimate personal relationship now",
    records: { intimateRelationship: { status: "current" } },
  },
  {
    value: "intimate-before",
    label: "In an intimate personal relationship in the past",
    records: { intimateRelationship: { status: "former" } },
  },
  { value: "relatives", label: "Related to each other", records: { relatives: true } },
  {
    value: "parents-of-same-child",
    label: "Parents of the same child",
    records: { parentsOfSameChild: true },
  },
  {
    value: "same-family-proceedings",
    label: "Both in the same family court case",
    records: { partiesToSameFamilyProceedings: true },
  },
];
const CONNECTION_VALUES = ["none", ...CONNECTIONS.map((c) => c.value)];

/**
 * After a summary that names no personal connection (an acquaintance, a colleague, a neighbour, only
 * online, another connection): whether they have, or ever had, any connection the orders turn on
 * (FLA 1996 s.62(3), DAA 2021 s.2). "None of these" records every connection as absent; one
 * connection records that one, and the others are then asked one at a time.
 */
const CONNECTIONS_WRITER: Writer = {
  question:
    "Have the victim and the suspect ever had any of these connections? If several apply, choose one: the others are asked next.",
  help:
    "Some orders depend on a personal connection, now or in the past: marriage or an agreement to marry, " +
    "civil partnership or an agreement to form one, living together as a couple, an intimate relationship, " +
    "being related, being parents of the same child, or being in the same family court case. Knowing each " +
    "other through work, as neighbours or online is not such a connection.",
  answerType: "choice",
  answers: [
    { value: "none", label: "None of these" },
    ...CONNECTIONS.map(({ value, label }) => ({ value, label })),
  ],
  write: (facts, answer) => {
    const connection = choice("answer", answer, CONNECTION_VALUES);
    const records = CONNECTIONS.find((c) => c.value === connection)?.records;
    return set(facts, "relationship", {
      ...facts.relationship,
      ...(records ?? { allConnectionsRecorded: true }),
    });
  },
};

/** Whether any personal connection is recorded (then the others are asked one at a time). */
function anyConnectionRecorded(facts: CaseFacts): boolean {
  const r = facts.relationship;
  if (r === undefined) return false;
  return CONNECTIONS.some(({ records }) =>
    Object.keys(records).some((key) => r[key as keyof Connection] !== undefined),
  );
}

const PERIOD_ANSWERS = ["current", "former", "never"] as const;
function periodWriter(
  key: "marriage" | "civilPartnership" | "cohabitation" | "intimateRelationship",
  question: string,
): Writer {
  return {
    question,
    help: "Some orders depend on this connection, now or in the past.",
    answerType: "choice",
    answers: [
      { value: "current", label: "Yes, now" },
      { value: "former", label: "Yes, in the past" },
      { value: "never", label: "Never" },
    ],
    write: (facts, answer) =>
      set(facts, "relationship", {
        ...facts.relationship,
        [key]: { ...facts.relationship?.[key], status: choice("answer", answer, PERIOD_ANSWERS) },
      }),
  };
}

const AGREEMENT_ANSWERS = ["current", "ended", "never"] as const;
function agreementWriter(key: "agreementToMarry" | "civilPartnershipAgreement", question: string): Writer {
  return {
    question,
    help: "Some orders depend on this connection, now or in the past.",
    answerType: "choice",
    answers: [
      { value: "current", label: "Yes, and it stands" },
      { value: "ended", label: "Yes, but it has ended" },
      { value: "never", label: "Never" },
    ],
    write: (facts, answer) =>
      set(facts, "relationship", {
        ...facts.relationship,
        [key]: { ...facts.relationship?.[key], status: choice("answer", answer, AGREEMENT_ANSWERS) },
      }),
  };
}

const SIGNIFICANT_DURATION_WRITER: Writer = {
  question: "Did the intimate relationship last a significant time?",
  help: "Some orders treat a former intimate relationship as a connection only if it lasted a significant time.",
  answerType: "yes-no",
  answers: YES_NO,
  write: (facts, answer) => {
    const significantDuration = yesNo("answer", answer);
    const relationship = facts.relationship;
    // The relationship's status is what was recorded, what the summary says, or what living together
    // as a couple implies (the registry's own inference, flagged there: relationship-implications.json):
    // never invented.
    const cohabitation = relationship?.cohabitation?.status;
    const status =
      relationship?.intimateRelationship?.status ??
      (relationship?.summary === "partner"
        ? "current"
        : relationship?.summary === "ex-partner"
          ? "former"
          : undefined) ??
      (cohabitation === "current" || cohabitation === "former" ? cohabitation : undefined);
    if (status === undefined)
      throw new InterviewAnswerError("questionId", "a question the interview asks of these facts");
    return set(facts, "relationship", {
      ...relationship,
      intimateRelationship: { ...relationship?.intimateRelationship, status, significantDuration },
    });
  },
};

function relationshipFlag(
  key: "relatives" | "parentsOfSameChild" | "partiesToSameFamilyProceedings",
  question: string,
): Writer {
  return {
    question,
    help: "Some orders depend on this connection.",
    answerType: "yes-no",
    answers: YES_NO,
    write: (facts, answer) =>
      set(facts, "relationship", { ...facts.relationship, [key]: yesNo("answer", answer) }),
  };
}

const SUSPECT_AGE_WRITER: Writer = {
  question: "How old is the suspect?",
  help: "Some orders can only be made against someone aged 16 or 18 and over.",
  answerType: "age",
  answers: AGE_BANDS,
  write: (facts, answer) => set(facts, "suspect", { ...facts.suspect, age: age("answer", answer) }),
};

const VICTIM_AGE_WRITER: Writer = {
  question: "How old is the victim?",
  help: "Some orders protect only people aged 16 and over.",
  answerType: "age",
  answers: AGE_BANDS,
  write: (facts, answer) => {
    const years = age("answer", answer);
    const people = facts.personsToProtect ?? [];
    const index = people.findIndex((p) => p.role === "victim");
    const at = index === -1 ? 0 : index;
    if (people.length === 0) return set(facts, "personsToProtect", [{ role: "victim", age: years }]);
    return set(
      facts,
      "personsToProtect",
      people.map((p, i) => (i === at ? { ...p, age: years } : p)),
    );
  },
};

const FORCE_IDS = POLICE_FORCES.map((f) => f.id);
const AREA_WRITER: Writer = {
  question: "Which police force area is the case in?",
  help: "Some orders are, for now, available only in the areas piloting them.",
  answerType: "choice",
  answers: POLICE_FORCES.map((f) => ({ value: f.id, label: f.name })),
  write: (facts, answer) =>
    set(facts, "policeForceArea", choice("answer", answer, FORCE_IDS) as CaseFacts["policeForceArea"]),
};

const JURISDICTION_VALUES = ["england-and-wales", "northern-ireland", "scotland"] as const;
const JURISDICTION_WRITER: Writer = {
  question: "Which part of the UK is the case in?",
  help: "The orders differ between England and Wales, Northern Ireland and Scotland.",
  answerType: "choice",
  answers: [
    { value: "england-and-wales", label: "England and Wales" },
    { value: "northern-ireland", label: "Northern Ireland" },
    { value: "scotland", label: "Scotland" },
  ],
  write: (facts, answer) => set(facts, "jurisdiction", choice("answer", answer, JURISDICTION_VALUES)),
};

// Asked when the suspect is recorded as living outside the territory: whether the suspect is
// believed to be in, or coming to, it (SPA 2019 s.1(3)(b); 2022 Act s.7(3)). "No" records that no
// area there is believed, which makes the SPO unavailable; not knowing is a skip, never a "no".
const NI_PRESENCE_WRITER: Writer = {
  question: "Is the suspect believed to be in Northern Ireland, or to intend to come to it?",
  help: "The Chief Constable can apply for an order against someone who lives outside Northern Ireland only if the suspect is believed to be in or coming to it.",
  answerType: "yes-no",
  answers: YES_NO,
  write: (facts, answer) => {
    const coming = yesNo("answer", answer);
    const suspect = facts.suspect ?? {};
    const others = (suspect.believedInOrComingTo ?? []).filter((f) => f !== "psni");
    return set(facts, "suspect", { ...suspect, believedInOrComingTo: coming ? [...others, "psni"] : others });
  },
};

const ENGLAND_AND_WALES_FORCES = POLICE_FORCES.filter((f) => f.territorial && f.id !== "psni");
const ENGLAND_AND_WALES_PRESENCE_WRITER: Writer = {
  question:
    "Is the suspect believed to be in, or to intend to come to, a police area in England and Wales? Which one?",
  help: "A chief officer can apply for an order against someone who lives outside England and Wales only if the suspect is believed to be in or coming to that officer's area.",
  answerType: "choice",
  answers: [
    { value: "none", label: "No area in England and Wales" },
    ...ENGLAND_AND_WALES_FORCES.map((f) => ({ value: f.id, label: f.name })),
  ],
  write: (facts, answer) => {
    const area = choice("answer", answer, ["none", ...ENGLAND_AND_WALES_FORCES.map((f) => f.id)]);
    const suspect = facts.suspect ?? {};
    const believed = suspect.believedInOrComingTo ?? [];
    return set(facts, "suspect", {
      ...suspect,
      believedInOrComingTo:
        area === "none" ? believed : [...believed.filter((f) => f !== area), area as PoliceForceId],
    });
  },
};

const CRIMINAL_STATUS = [
  "none",
  "under-investigation",
  "no-further-action",
  "charged",
  "convicted",
  "acquitted",
] as const;
const OFFENCES = ["pha-s2", "pha-s2a", "pha-s4", "pha-s4a", "other"] as const;

function criminalWriter(
  key: "courtCurrentlyDealing" | "courtOfAppeal",
  question: string,
  help: string,
): Writer {
  return {
    question,
    help,
    answerType: "yes-no",
    answers: YES_NO,
    write: (facts, answer) => set(facts, "criminal", { ...facts.criminal, [key]: yesNo("answer", answer) }),
  };
}

function criminalDate(key: "convictedOn" | "acquittedOn", question: string): Writer {
  return {
    question,
    help: "The date matters for which version of the law applies.",
    answerType: "date",
    answers: [],
    write: (facts, answer) => set(facts, "criminal", { ...facts.criminal, [key]: date("answer", answer) }),
  };
}

function withoutNotice(
  key: "riskOfSignificantHarmIfNotImmediate" | "applicantLikelyDeterred" | "respondentEvadingService",
  question: string,
): Writer {
  return {
    question,
    help: "A court can act before the suspect is told only for reasons like this.",
    answerType: "yes-no",
    answers: YES_NO,
    write: (facts, answer) =>
      set(facts, "withoutNoticeGrounds", { ...facts.withoutNoticeGrounds, [key]: yesNo("answer", answer) }),
  };
}

const FIXED_WRITERS: Readonly<Record<string, Writer>> = {
  "case.jurisdiction": JURISDICTION_WRITER,
  "risk.harm": HARM_WRITER,
  "ni.riskOfHarm": HARM_WRITER,
  "risk.ongoing": ONGOING_WRITER,
  "ni.riskOngoing": ONGOING_WRITER,
  "protection.otherProtectionAdequate": PROTECTION_WRITER,
  "ni.otherProtectionAdequate": PROTECTION_WRITER,
  "relationship.married": periodWriter(
    "marriage",
    "Are, or were, the victim and the suspect married to each other?",
  ),
  "relationship.civilPartners": periodWriter(
    "civilPartnership",
    "Are, or were, the victim and the suspect civil partners of each other?",
  ),
  "relationship.cohabitants": periodWriter(
    "cohabitation",
    "Do, or did, the victim and the suspect live together as a couple?",
  ),
  "relationship.intimate": periodWriter(
    "intimateRelationship",
    "Are, or were, the victim and the suspect in an intimate personal relationship?",
  ),
  "relationship.agreedToMarry": agreementWriter(
    "agreementToMarry",
    "Have the victim and the suspect ever agreed to marry each other?",
  ),
  "relationship.civilPartnershipAgreement": agreementWriter(
    "civilPartnershipAgreement",
    "Have the victim and the suspect ever agreed to form a civil partnership?",
  ),
  "relationship.intimateOfSignificantDuration": SIGNIFICANT_DURATION_WRITER,
  "relationship.relatives": relationshipFlag("relatives", "Are the victim and the suspect related?"),
  "relationship.parentsOfSameChild": relationshipFlag(
    "parentsOfSameChild",
    "Are the victim and the suspect both parents of the same child?",
  ),
  "relationship.sameFamilyProceedings": relationshipFlag(
    "partiesToSameFamilyProceedings",
    "Are the victim and the suspect both parties to the same family court case?",
  ),
  "suspect.aged18OrOver": SUSPECT_AGE_WRITER,
  "suspect.aged16OrOver": SUSPECT_AGE_WRITER,
  "victim.aged16OrOver": VICTIM_AGE_WRITER,
  "area.domesticAbuseProtectionPilot": AREA_WRITER,
  "criminal.status": {
    question: "Where have any criminal proceedings against the suspect got to?",
    help: "Some orders are made by a criminal court on conviction or acquittal. An SPO needs no conviction.",
    answerType: "choice",
    answers: [
      { value: "none", label: "None" },
      { value: "under-investigation", label: "Under investigation" },
      { value: "no-further-action", label: "No further action" },
      { value: "charged", label: "Charged" },
      { value: "convicted", label: "Convicted" },
      { value: "acquitted", label: "Acquitted" },
    ],
    write: (facts, answer) =>
      set(facts, "criminal", { ...facts.criminal, status: choice("answer", answer, CRIMINAL_STATUS) }),
  },
  "criminal.offence": {
    question: "Which offence is it?",
    help: "Harassment and stalking offences are in the Protection from Harassment Act 1997.",
    answerType: "choice",
    answers: [
      { value: "pha-s2", label: "Harassment (section 2)" },
      { value: "pha-s2a", label: "Stalking (section 2A)" },
      { value: "pha-s4", label: "Putting people in fear of violence (section 4)" },
      {
        value: "pha-s4a",
        label: "Stalking involving fear of violence or serious alarm or distress (section 4A)",
      },
      { value: "other", label: "Another offence" },
    ],
    write: (facts, answer) =>
      set(facts, "criminal", { ...facts.criminal, offence: choice("answer", answer, OFFENCES) }),
  },
  "criminal.convictedOn": criminalDate("convictedOn", "On what date was the suspect convicted?"),
  "criminal.acquittedOn": criminalDate("acquittedOn", "On what date was the suspect acquitted?"),
  "criminal.courtCurrentlyDealing": criminalWriter(
    "courtCurrentlyDealing",
    "Is a criminal court dealing with the suspect now?",
    "A criminal court can make some orders while it deals with the case.",
  ),
  "criminal.courtOfAppeal": criminalWriter(
    "courtOfAppeal",
    "Is the case before the Court of Appeal?",
    "The Court of Appeal can make some orders when it deals with an appeal.",
  ),
  "withoutNotice.significantHarm": withoutNotice(
    "riskOfSignificantHarmIfNotImmediate",
    "Is there a risk of significant harm if an order is not made at once?",
  ),
  "withoutNotice.applicantDeterred": withoutNotice(
    "applicantLikelyDeterred",
    "Is the victim likely to be put off applying if the suspect is told first?",
  ),
  "withoutNotice.respondentEvadingService": withoutNotice(
    "respondentEvadingService",
    "Is the suspect avoiding being served with court papers?",
  ),
  "ni.suspectWithinAreaLimit": NI_PRESENCE_WRITER,
  "spa.suspectWithinAreaLimit": ENGLAND_AND_WALES_PRESENCE_WRITER,
};

const CONDUCT_FACTS = new Set([
  "conduct.actsAssociatedWithStalking",
  "ni.actsAssociatedWithStalking",
  "conduct.courseOfConduct",
  "conduct.violenceOrThreats",
  "conduct.abusive",
]);
/** Summaries that name no personal connection, after which the connections question is asked. */
const NO_PERSONAL_CONNECTION_NAMED: ReadonlySet<string> = new Set([
  "acquaintance",
  "colleague",
  "neighbour",
  "online-only",
  "other",
]);
const RELATIONSHIP_FACTS = new Set(
  FACT_DEFINITIONS.filter((f) => f.id.startsWith("relationship.")).map((f) => f.id),
);

/** How the interview records an answer to the question about `factId`, given the facts so far. */
function writerFor(facts: CaseFacts, factId: string): Writer | undefined {
  if (CONDUCT_FACTS.has(factId)) {
    if (facts.incidents === undefined) return ACTS_WRITER;
    if (
      (factId === "conduct.actsAssociatedWithStalking" || factId === "ni.actsAssociatedWithStalking") &&
      facts.incidents.some((i) => stalkingActBasis(i) === undefined)
    )
      return ACTS_JUDGEMENT_WRITER;
    // A recorded act whose kind the record does not settle (abusive in other ways, "other"
    // conduct): the case facts have no field for that judgement, so the interview does not ask.
    return undefined;
  }
  // The relationship first, in one question: strangers settle every connection at once. A summary
  // naming no personal connection is followed by one question over all of them.
  if (RELATIONSHIP_FACTS.has(factId)) {
    const relationship = facts.relationship;
    if (relationship?.summary === undefined) return SUMMARY_WRITER;
    if (
      NO_PERSONAL_CONNECTION_NAMED.has(relationship.summary) &&
      relationship.allConnectionsRecorded !== true &&
      !anyConnectionRecorded(facts)
    )
      return CONNECTIONS_WRITER;
  }
  // The duration of an intimate relationship presupposes one, recorded or named by the summary.
  if (
    factId === "relationship.intimateOfSignificantDuration" &&
    facts.relationship?.intimateRelationship === undefined &&
    facts.relationship?.summary !== "partner" &&
    facts.relationship?.summary !== "ex-partner" &&
    facts.relationship?.cohabitation?.status !== "current" &&
    facts.relationship?.cohabitation?.status !== "former"
  )
    return FIXED_WRITERS["relationship.intimate"];
  // A date or an offence presupposes proceedings: asked only once the status says there were some
  // (asking "on what date was the suspect acquitted?" of an unknown status would suggest an acquittal).
  const status = facts.criminal?.status;
  if (factId === "criminal.convictedOn" && status !== "convicted") return undefined;
  if (factId === "criminal.acquittedOn" && status !== "acquitted") return undefined;
  if (factId === "criminal.offence" && (status === undefined || status === "none")) return undefined;
  // The force area, once answered, is not asked again: where the pilot also turns on the local
  // authority (which the interview does not ask), another answer would only contradict the first.
  if (factId === "area.domesticAbuseProtectionPilot" && facts.policeForceArea !== undefined) return undefined;
  if (factId === RESIDENCE_QUESTION_ID)
    return facts.jurisdiction === "england-and-wales" || facts.jurisdiction === "northern-ireland"
      ? RESIDENCE_WRITERS[facts.jurisdiction]
      : undefined;
  return FIXED_WRITERS[factId];
}

/**
 * The question `assess` ranks first (the one settling the order to consider first, the SPO, then
 * the most decisive) that the interview can record an answer to, or `null` when no open question
 * could change an outcome. Pure: the same facts and date give the same question.
 *
 * @example
 * ```ts
 * import { nextQuestion } from "protective-orders";
 * const question = nextQuestion({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" });
 * question?.id; // "risk.ongoing"
 * question?.answerType; // "yes-no"
 * question?.citation.id; // "spa-2019:s1(1)(b)"
 * ```
 */
export function nextQuestion(input: CaseFactsInput, options: NextQuestionOptions): InterviewQuestion | null {
  // The interview never writes to its input (answerQuestion returns new facts), so the readonly view is safe here.
  const facts = input as CaseFacts;
  const assessOptions = { asOf: options.asOf, rules: options.rules };
  const assessment = assess(facts, assessOptions);
  // One question can stand for several facts (the relationship summary for every connection, the
  // acts for every conduct fact): skipping it under any of their ids skips it for all of them.
  const skipped = new Set<Writer>();
  for (const id of options.skip ?? []) {
    const writer = writerFor(facts, id);
    if (writer) skipped.add(writer);
  }
  for (const question of assessment.questions) {
    if (question.settles.length === 0 || options.skip?.includes(question.fact)) continue;
    const writer = writerFor(facts, question.fact);
    if (!writer || skipped.has(writer) || !canSettleItsFact(facts, question.fact, writer, options.asOf))
      continue;
    return describe(facts, question, writer, assessOptions);
  }
  return options.skip?.includes(RESIDENCE_QUESTION_ID) ? null : residenceQuestion(facts, assessOptions);
}

/**
 * The id of the question the interview asks last: where the suspect lives. The ranked list never
 * asks it, because an unrecorded residence is not a "no" (it settles who may apply, SPA 2019 s.1(3),
 * 2022 Act s.7(3), digest §14); but the force must know who applies, and a suspect living outside
 * the territory and not in or coming to it makes the SPO unavailable.
 */
const RESIDENCE_QUESTION_ID = "suspect.livesIn";

const PLACES = ["england-and-wales", "scotland", "northern-ireland", "outside-the-uk"] as const;

function residenceWriter(ni: boolean): Writer {
  const where = ni ? "Northern Ireland" : "England and Wales";
  return {
    question: "Where does the suspect live?",
    help:
      (ni
        ? "The Chief Constable can apply for an order against someone who lives in Northern Ireland, or is believed to be in or coming to it."
        : "The chief officer of the police area where the suspect lives can apply, or one who believes the suspect is in or coming to their area; British Transport Police and the Ministry of Defence Police are not limited by area.") +
      ` Not knowing does not stop the order: it decides who applies. If the suspect lives outside ${where}, the next question asks whether the suspect is in or coming to it.`,
    answerType: "choice",
    answers: [
      { value: "england-and-wales", label: "England and Wales" },
      { value: "scotland", label: "Scotland" },
      { value: "northern-ireland", label: "Northern Ireland" },
      { value: "outside-the-uk", label: "Outside the UK" },
    ],
    write: (facts, answer) =>
      set(facts, "suspect", { ...facts.suspect, livesIn: choice("answer", answer, PLACES) }),
  };
}
const RESIDENCE_WRITERS = {
  "england-and-wales": residenceWriter(false),
  "northern-ireland": residenceWriter(true),
};

/** The residence question, when the SPO's area limit reads an unrecorded residence. */
function residenceQuestion(facts: CaseFacts, options: AssessOptions): InterviewQuestion | null {
  const jurisdiction = facts.jurisdiction;
  if (jurisdiction !== "england-and-wales" && jurisdiction !== "northern-ireland") return null;
  const territory = jurisdiction;
  if (suspectTerritorialReach(facts, territory) !== "residence-not-recorded") return null;
  const writer = RESIDENCE_WRITERS[territory];
  const before = assess(facts, options).orders;
  const spoRules = territory === "northern-ireland" ? ["ni-spo", "ni-interim-spo"] : ["spo", "interim-spo"];
  // Only while the SPO could still be made: once it is not available, who applies does not matter.
  if (!before.some((o) => spoRules.includes(o.rule) && o.outcome !== "not-available")) return null;
  const outcomes = new Map(before.map((o) => [o.rule, o.outcome]));
  const changed = new Set<string>();
  const answers: InterviewAnswerOption[] = writer.answers.map(({ value, label }) => {
    const settles: { rule: string; outcome: Exclude<Outcome, "needs-information"> }[] = [];
    for (const order of assess(writer.write(facts, value), options).orders) {
      if (order.outcome === outcomes.get(order.rule)) continue;
      changed.add(order.rule);
      if (order.outcome !== "needs-information") settles.push({ rule: order.rule, outcome: order.outcome });
    }
    return { value, label, settles };
  });
  return {
    id: RESIDENCE_QUESTION_ID,
    question: writer.question,
    help: writer.help,
    answerType: writer.answerType,
    answers,
    settles: spoRules.filter((rule) => changed.has(rule) || outcomes.get(rule) !== "not-available"),
    citation: citationFor(territory === "northern-ireland" ? "pfsa-ni-2022:s7(3)" : "spa-2019:s1(3)"),
  };
}

/**
 * Whether some answer the writer offers would make the fact known. A fact that stays unknown
 * whatever is answered (the police force area recorded, the pilot also depending on the local
 * authority, which the interview does not ask) is not asked again: asking would change nothing.
 */
function canSettleItsFact(facts: CaseFacts, factId: string, writer: Writer, asOf: IsoDate): boolean {
  const definition = FACT_DEFINITIONS.find((f) => f.id === factId);
  if (!definition || writer.answers.length === 0) return true;
  return writer.answers.some(
    ({ value }) => definition.derive(writer.write(facts, value), asOf) !== undefined,
  );
}

function describe(
  facts: CaseFacts,
  question: Question,
  writer: Writer,
  options: AssessOptions,
): InterviewQuestion {
  const before = new Map(assess(facts, options).orders.map((o) => [o.rule, o.outcome]));
  const answers: InterviewAnswerOption[] = writer.answers.map(({ value, label }) => {
    const after = assess(writer.write(facts, value), options).orders;
    const settles: { rule: string; outcome: Exclude<Outcome, "needs-information"> }[] = [];
    for (const order of after) {
      if (before.get(order.rule) === "needs-information" && order.outcome !== "needs-information")
        settles.push({ rule: order.rule, outcome: order.outcome });
    }
    return { value, label, settles };
  });
  const citation = question.citation;
  return {
    id: question.fact,
    question: writer.question,
    help: writer.help,
    answerType: writer.answerType,
    answers,
    settles: question.settles,
    citation,
  };
}

/**
 * Records an answer to the question `questionId` (an {@link InterviewQuestion}'s id) and returns
 * the new case facts; the facts given are not changed. Throws {@link InterviewAnswerError} (naming
 * what was expected, never the value) for an answer that does not fit, or a question the
 * interview cannot record.
 *
 * @example
 * ```ts
 * import { answerQuestion } from "protective-orders";
 * const facts = answerQuestion({ id: "c", jurisdiction: "england-and-wales" }, "risk.ongoing", true);
 * facts.risk?.ongoing; // true
 * ```
 */
export function answerQuestion(
  input: CaseFactsInput,
  questionId: string,
  answer: InterviewAnswer,
): CaseFacts {
  const facts = input as CaseFacts;
  const writer = writerFor(facts, questionId);
  if (!writer) throw new InterviewAnswerError("questionId", "a question the interview asks of these facts");
  return writer.write(facts, answer);
}

/**
 * Internal, for the tests: the interview's question about `factId` on these facts (whether or not
 * `nextQuestion` would ask it now), or `null` when the interview cannot record an answer to it.
 */
export function interviewQuestionFor(
  facts: CaseFacts,
  factId: string,
  options: NextQuestionOptions,
): InterviewQuestion | null {
  const assessOptions = { asOf: options.asOf, rules: options.rules };
  const question = assess(facts, assessOptions).questions.find((q) => q.fact === factId);
  const writer = writerFor(facts, factId);
  return question && writer && canSettleItsFact(facts, factId, writer, options.asOf)
    ? describe(facts, question, writer, assessOptions)
    : null;
}
