// The officer's SPO application pack and the advocate's request letter (issue 31): made from the
// assessment, draftSpoTerms and the interview's own questions, in the layout and wording the decline
// challenge summary uses (src/render/spo-wording.ts). Every statement cites; what is still unknown
// is asked as a question; a point resting on something the law digest could not verify says so.
import { assess } from "../assess/assess.js";
import type { Assessment } from "../assess/assessment.js";
import { addDaysToDate } from "../dates/calendar.js";
import type { ConditionCheck, FactCheck, LimbCheck, RuleEvaluation } from "../evaluate/types.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { suspectTerritorialReach } from "../facts/residence.js";
import { interviewQuestionFor } from "../interview/interview.js";
import type { CaseFacts, Incident } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import { POLICE_FORCES } from "../model/police-forces.js";
import type { CaseFactsInput } from "../model/readonly-input.js";
import { draftSpoTerms } from "../orders/draft-spo-terms.js";
import { escapeMarkdown, linkTarget } from "./escape.js";
import {
  type DocumentStatement,
  englandAndWalesLaw,
  NOT_LEGAL_ADVICE,
  northernIrelandLaw,
  statement,
} from "./spo-wording.js";

/**
 * Options for {@link spoApplicationPack} and {@link spoRequestLetter}.
 *
 * @example
 * ```ts
 * import type { SpoDocumentOptions } from "protective-orders";
 * const options: SpoDocumentOptions = { asOf: "2025-06-01", format: "html", useNames: false };
 * ```
 */
export interface SpoDocumentOptions {
  /** The date whose law applies (YYYY-MM-DD): the documents read no clock. */
  readonly asOf: IsoDate;
  /** `markdown` (the default) or `html` (a whole print-ready A4 page). */
  readonly format?: "markdown" | "html" | undefined;
  /**
   * Whether to use the names recorded for the victim and the suspect. Default `false`: "the victim"
   * and "the suspect", so nothing written names anyone unless asked.
   */
  readonly useNames?: boolean | undefined;
  /** Letter only: the days the force is asked to answer within (default 14; a request, not law). */
  readonly answerWithinDays?: number | undefined;
}

/** A document: a title, sections of statements, and the closing line. */
interface SpoDocument {
  readonly title: string;
  readonly sections: readonly {
    readonly heading: string;
    readonly statements: readonly DocumentStatement[];
  }[];
}

interface Context {
  readonly facts: CaseFacts;
  readonly asOf: IsoDate;
  readonly ni: boolean;
  readonly victim: string;
  readonly suspect: string;
  readonly spo: RuleEvaluation;
  readonly interim: RuleEvaluation;
  /** Who may apply (SPA 2019 s.1(3); 2022 Act s.7(3)), as the assessment's notice says it. */
  readonly whoMayApply: DocumentStatement | undefined;
}

function contextFor(facts: CaseFacts, options: SpoDocumentOptions): Context {
  const assessment = assess(facts, { asOf: options.asOf });
  const ni = facts.jurisdiction === "northern-ireland";
  const find = (rule: string) => assessment.orders.find((o) => o.rule === rule)!;
  const names = options.useNames === true;
  const victimPerson =
    facts.personsToProtect?.find((p) => p.role === "victim") ?? facts.personsToProtect?.[0];
  return {
    facts,
    asOf: assessment.asOf,
    ni,
    victim: (names && victimPerson?.name) || "the victim",
    suspect: (names && facts.suspect?.name) || "the suspect",
    spo: find(ni ? "ni-spo" : "spo"),
    interim: find(ni ? "ni-interim-spo" : "interim-spo"),
    whoMayApply: whoMayApplyStatement(assessment.notices),
  };
}

function whoMayApplyStatement(notices: Assessment["notices"]): DocumentStatement | undefined {
  const notice = notices.find((n) => n.code === "who-may-apply-for-spo");
  return notice && notice.citations.length > 0 ? statement(notice.text, notice.citations) : undefined;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The limbs of the police test: s.1(1)(a)–(c) in England and Wales, s.7 in Northern Ireland. */
const CONDITION_LIMBS: Readonly<Record<string, { readonly title: string; readonly evidence: string }>> = {
  "spa-2019.s1(1)(a)": {
    title: "Condition (a): acts associated with stalking",
    evidence:
      "Attach the record of each act: statements, messages, call and social media logs, photographs and CCTV.",
  },
  "spa-2019.s1(1)(b)": {
    title: "Condition (b): a risk associated with stalking",
    evidence: "Attach the risk assessment and the victim's own account of how the acts affect them.",
  },
  "spa-2019.s1(1)(c)": {
    title: "Condition (c): the order is necessary to protect",
    evidence: "Attach the record of any bail conditions or orders in force, and of any breaches.",
  },
  "spa-2019.s1(3)": {
    title: "Who may apply: where the suspect lives, or is in or coming to",
    evidence:
      "Attach what shows where the suspect lives, or that the suspect is in or coming to the applying force's area.",
  },
  "pfsa-ni-2022.s7(3)": {
    title: "Where the suspect is: in, or coming to, Northern Ireland",
    evidence:
      "Attach what shows where the suspect lives, or that the suspect is in or coming to Northern Ireland.",
  },
  "pfsa-ni-2022.s7.acts": {
    title: "Condition (a): acts associated with stalking",
    evidence:
      "Attach the record of each act: statements, messages, call and social media logs, photographs and CCTV.",
  },
  "pfsa-ni-2022.s7.risk": {
    title: "Condition (b): a risk associated with stalking",
    evidence: "Attach the risk assessment and the victim's own account of how the acts affect them.",
  },
  "pfsa-ni-2022.s7.necessity": {
    title: "Condition (c): the order is necessary to protect",
    evidence: "Attach the record of any bail conditions or orders in force, and of any breaches.",
  },
};

function limbsOf(check: ConditionCheck, out: LimbCheck[] = []): LimbCheck[] {
  if (check.type === "limb") {
    out.push(check);
    limbsOf(check.condition, out);
  } else if (check.type !== "fact") for (const c of check.conditions) limbsOf(c, out);
  return out;
}

function factsOf(check: ConditionCheck, out: FactCheck[] = []): FactCheck[] {
  if (check.type === "fact") out.push(check);
  else if (check.type === "limb") factsOf(check.condition, out);
  else for (const c of check.conditions) factsOf(c, out);
  return out;
}

/** The question to ask about a fact: the interview's plain question, else the registry's. */
function questionFor(ctx: Context, fact: string): string {
  const asked = interviewQuestionFor(ctx.facts, fact, { asOf: ctx.asOf });
  return asked?.question ?? FACT_DEFINITIONS.find((f) => f.id === fact)?.question ?? fact;
}

const ACT_WORDS = (incident: Incident) => incident.kind.replace(/-/g, " ");

/** The acts recorded, one statement each, saying on what basis each counts. */
function actStatements(ctx: Context): DocumentStatement[] {
  const incidents = ctx.facts.incidents ?? [];
  const commenced = ctx.ni ? "2023-10-19" : "2020-01-20";
  const timeCite = ctx.ni ? "pfsa-ni-2022:s8(7)" : "spa-2019:s1(5)";
  const unwelcomeCite = ctx.ni ? "pfsa-ni-2022:s6(2)" : "spa-2019:s1(4)";
  return incidents.flatMap((incident, i) => {
    const parts = [
      `Act ${i + 1}: ${ACT_WORDS(incident)}${incident.date ? ` on ${incident.date}` : ", date not recorded"}.`,
    ];
    if (incident.associatedWithStalking !== undefined)
      parts.push(
        incident.associatedWithStalking
          ? "Judged an act associated with stalking."
          : "Judged not an act associated with stalking.",
      );
    else if (incident.suspectKnewOrOughtToKnowUnwelcome === true)
      parts.push(`It was unwelcome, and ${ctx.suspect} knew or ought to have known that.`);
    else if (incident.suspectKnewOrOughtToKnowUnwelcome === false)
      parts.push(
        `It is recorded that ${ctx.suspect} did not know, and ought not to have known, that it was unwelcome.`,
      );
    const cites = [unwelcomeCite];
    if (incident.place === "abroad" || (incident.date !== undefined && incident.date < commenced)) {
      parts.push(
        incident.place === "abroad"
          ? "It happened abroad, which still counts."
          : "It happened before the Act came into force, which still counts.",
      );
      cites.push(timeCite);
    }
    const act = statement(parts.join(" "), cites);
    // Unknown is not "no": whether an act of a listed kind was unwelcome, and known to be, is asked.
    if (
      incident.associatedWithStalking === undefined &&
      incident.suspectKnewOrOughtToKnowUnwelcome === undefined
    )
      return [
        act,
        statement(
          `Act ${i + 1} (${ACT_WORDS(incident)}): was it unwelcome to the victim, and did ${ctx.suspect} know, or ought ${ctx.suspect} to have known, that?`,
          [unwelcomeCite],
          "question",
        ),
      ];
    return [act];
  });
}

/** The area-limit limbs: SPA 2019 s.1(3) and the 2022 Act s.7(3). */
const RESIDENCE_LIMBS: ReadonlySet<string> = new Set(["spa-2019.s1(3)", "pfsa-ni-2022.s7(3)"]);

/**
 * Where the suspect lives, said from what is recorded (digest §14): s.1(3) / s.7(3) limits who may
 * apply; a suspect living outside the territory and not in or coming to it leaves no territorial force
 * (in Northern Ireland, no one) able to apply. Never "met" where the police area is not known.
 */
function residenceStatements(ctx: Context, limb: LimbCheck): DocumentStatement[] {
  const territory = ctx.ni ? "northern-ireland" : "england-and-wales";
  const where = ctx.ni ? "Northern Ireland" : "England and Wales";
  const reach = suspectTerritorialReach(ctx.facts, territory);
  const cite = [limb.citation];
  const Suspect = capital(ctx.suspect);
  const home = ctx.facts.suspect?.homeForceArea;
  const homeName = home === undefined ? undefined : POLICE_FORCES.find((f) => f.id === home)?.name;
  const out: DocumentStatement[] = [];
  switch (reach) {
    case "lives-in-territory":
      if (ctx.ni)
        out.push(statement(`${Suspect} lives in Northern Ireland, so the Chief Constable may apply.`, cite));
      else if (homeName !== undefined)
        out.push(
          statement(`${Suspect} lives in the ${homeName} area, so its chief officer may apply.`, cite),
        );
      else {
        out.push(
          statement(`${Suspect} lives in England and Wales; which police area is not recorded.`, cite),
        );
        out.push(
          statement(
            `Which police area does ${ctx.suspect} live in? Its chief officer may apply; another force may apply only if it believes ${ctx.suspect} is in or coming to its area.`,
            cite,
            "question",
          ),
        );
      }
      break;
    case "believed-in-or-coming-to-territory":
      out.push(
        statement(
          ctx.ni
            ? `${Suspect} is believed to be in, or coming to, Northern Ireland, so the Chief Constable may apply.`
            : `${Suspect} is believed to be in, or coming to, a police area in England and Wales: that area's chief officer may apply.`,
          cite,
        ),
      );
      break;
    case "outside-and-not-coming":
      out.push(
        statement(
          ctx.ni
            ? `${Suspect} lives outside Northern Ireland and is not believed to be in or coming to it, so the Chief Constable may not apply.`
            : `${Suspect} lives outside England and Wales and is not believed to be in or coming to any police area there, so no territorial police force may apply.`,
          cite,
        ),
      );
      break;
    default:
      out.push(
        statement(
          ctx.ni
            ? `Where ${ctx.suspect} lives is not recorded. The Chief Constable may apply only if ${ctx.suspect} lives in Northern Ireland or is believed to be in or coming to it.`
            : `Where ${ctx.suspect} lives is not recorded. It decides who may apply: if ${ctx.suspect} lives outside ${where} and is not in or coming to it, no territorial police force may apply.`,
          cite,
        ),
      );
      out.push(
        statement(
          `Where does ${ctx.suspect} live, and if outside ${where}, is ${ctx.suspect} believed to be in, or coming to, it?`,
          cite,
          "question",
        ),
      );
  }
  return out;
}

/** For each condition of the police test: whether it is met, the facts that meet it, the evidence, the questions. */
function conditionSections(ctx: Context, withEvidence: boolean): SpoDocument["sections"] {
  const sections: { heading: string; statements: DocumentStatement[] }[] = [];
  for (const limb of limbsOf(ctx.spo.conditions)) {
    const words = CONDITION_LIMBS[limb.id];
    if (!words) continue;
    const statements: DocumentStatement[] = [];
    const state =
      limb.result === "holds" ? "is met" : limb.result === "fails" ? "is not met" : "cannot be judged yet";
    const limbWords = limb.label.replace(/the defendant/gi, ctx.suspect);
    if (RESIDENCE_LIMBS.has(limb.id)) {
      statements.push(...residenceStatements(ctx, limb));
      if (withEvidence)
        statements.push(
          statement(`Evidence to attach (good practice, not law): ${words.evidence}`, [limb.citation]),
        );
      sections.push({ heading: words.title, statements });
      continue;
    }
    statements.push(
      statement(
        `On the facts recorded, this condition ${state}: ${limbWords.charAt(0).toLowerCase()}${limbWords.slice(1)}.`,
        [limb.citation],
        limb.unverified ? "unverified" : undefined,
      ),
    );
    for (const fact of factsOf(limb.condition)) {
      if (!fact.known) {
        statements.push(statement(questionFor(ctx, fact.fact), [limb.citation], "question"));
        continue;
      }
      const meets = fact.result === "holds" ? "meets" : "does not meet";
      const cites = fact.caveat ? [limb.citation, fact.caveat] : [limb.citation];
      const value =
        fact.actual === true ? "yes" : fact.actual === false ? "no" : String(fact.actual).replace(/-/g, " ");
      const label = fact.label.replace(/^The suspect/, capital(ctx.suspect)).replace(/ \(.*\)$/, "");
      statements.push(statement(`${label}: ${value}. This ${meets} the condition.`, cites));
    }
    if (limb.id.endsWith("(a)") || limb.id.endsWith(".acts")) statements.push(...actStatements(ctx));
    if (withEvidence)
      statements.push(
        statement(`Evidence to attach (good practice, not law): ${words.evidence}`, [limb.citation]),
      );
    sections.push({ heading: words.title, statements });
  }
  return sections;
}

function termsSection(ctx: Context): SpoDocument["sections"][number] {
  const draft = draftSpoTerms(ctx.facts);
  const necessity = ctx.ni ? "pfsa-ni-2022:s8(3)" : "spa-2019:s2(2)";
  const statements: DocumentStatement[] = [
    statement(
      "Each prohibition or requirement may be included only if it is itself necessary to protect the victim from the risk.",
      [necessity],
    ),
  ];
  for (const term of draft.terms) {
    const kind = term.kind === "prohibition" ? "Prohibition" : "Requirement";
    const consider = term.considerOnly ? " Consider it only if the facts show that need." : "";
    statements.push(statement(`${kind}: ${term.text} Why: ${term.necessity}${consider}`, term.citations));
  }
  for (const note of draft.notes)
    statements.push(statement(note, [ctx.ni ? "pfsa-ni-2022:s8" : "spa-2019:s2"]));
  if (draft.terms.length === 0)
    statements.push(
      statement(
        "What has the suspect done? No act is recorded, so no term can be drafted yet.",
        [necessity],
        "question",
      ),
    );
  return { heading: "Draft prohibitions and requirements", statements };
}

function interimSection(ctx: Context): SpoDocument["sections"][number] {
  const cite = ctx.ni ? "pfsa-ni-2022:s11" : "spa-2019:s5(3)";
  const statements: DocumentStatement[] = [];
  if (ctx.interim.outcome === "available")
    statements.push(
      statement(
        `Seek an interim order with the main application: ${ctx.suspect} still poses the risk now, and the court may make an interim order if it considers it appropriate.`,
        ctx.ni ? [cite] : ["spa-2019:s5(2)", cite],
      ),
    );
  else if (ctx.interim.outcome === "needs-information") {
    statements.push(statement("Whether to seek an interim order depends on what is still unknown.", [cite]));
    for (const fact of ctx.interim.missingFacts)
      statements.push(statement(questionFor(ctx, fact), [cite], "question"));
  } else
    statements.push(
      statement(
        "On the facts recorded, an interim order is not supported: the conditions above are not all met.",
        [cite],
      ),
    );
  return { heading: "Interim order", statements };
}

function notificationSection(ctx: Context): SpoDocument["sections"][number] {
  const exempt = ctx.facts.suspect?.subjectToSexOffenderNotification;
  const exemption = ctx.ni ? "pfsa-ni-2022:s14(5)" : "spa-2019:s9(5)";
  const heading = "Notification requirements the order will carry";
  // s.9(5) (NI s.14(5)): the duties do not apply to someone already under the notification rules.
  if (exempt === true)
    return {
      heading,
      statements: [
        statement(
          ctx.ni
            ? `${capital(ctx.suspect)} is recorded as already under notification rules, so the order's duties to tell the police a name and home address do not apply.`
            : `${capital(ctx.suspect)} is recorded as under the sex offender notification rules, so the order's duties to tell the police a name and home address do not apply.`,
          [exemption],
        ),
      ],
    };
  // Unless the suspect is known not to be exempt, the duties are said as conditional.
  const must = exempt === false ? "must" : "will have to";
  const unless = exempt === false ? "" : ", unless already under the notification rules (asked below)";
  const changes =
    exempt === false
      ? "A new name, or a change of home address, must be notified within 3 days."
      : "A new name, or a change of home address, will have to be notified within 3 days (on the same condition).";
  const statements: DocumentStatement[] = ctx.ni
    ? [
        statement(
          `Within 3 days beginning with the day the order comes into force, ${ctx.suspect} ${must} tell the police their name, any other names they use, and their home address${unless}.`,
          ["pfsa-ni-2022:s14(1)-(2)"],
        ),
        statement(changes, ["pfsa-ni-2022:s14(3)-(4)"]),
        statement(
          "These duties do not apply to someone already under the sex offender, violent offender or trafficking notification rules.",
          [exemption],
        ),
      ]
    : [
        statement(
          `Within 3 days beginning with the day the order is served, ${ctx.suspect} ${must} tell the police their name, any other names they use, and their home address${unless}.`,
          ["spa-2019:s9(1)"],
        ),
        statement(changes, ["spa-2019:s9"]),
        statement("These duties do not apply to someone under the sex offender notification rules.", [
          exemption,
        ]),
      ];
  // s.9(1)-(2) (NI s.14(1)-(2)), digest §14: the initial duty does not apply to a full order that
  // replaces an interim one (it ran from the interim order). Not assumed either way.
  statements.push(
    statement(
      "If the full order replaces an interim order, no new first notification is due: the duty ran from the interim order.",
      [ctx.ni ? "pfsa-ni-2022:s14(1)-(2)" : "spa-2019:s9"],
    ),
  );
  if (exempt === undefined)
    statements.push(
      statement(
        ctx.ni
          ? "Is the suspect already under the sex offender, violent offender or trafficking notification rules?"
          : "Is the suspect already under the sex offender notification rules?",
        [exemption],
        "question",
      ),
    );
  return { heading, statements };
}

function datesSection(ctx: Context): SpoDocument["sections"][number] {
  const dated = (ctx.facts.incidents ?? [])
    .map((i) => i.date)
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  const statements: DocumentStatement[] = [
    statement(`The law applied is the law as at ${ctx.asOf}.`, [
      ctx.ni ? "pfsa-ni-2022:commencement" : "spa-2019:s1",
    ]),
  ];
  if (dated.length > 0)
    statements.push(
      statement(`The acts recorded run from ${dated[0]} to ${dated[dated.length - 1]}.`, [
        ctx.ni ? "pfsa-ni-2022:s8(7)" : "spa-2019:s1(5)",
      ]),
    );
  if (ctx.ni) {
    // Digest §14, "inferences to flag": the two-year minimum rests on a press release ([V2]).
    statements.push(
      statement(
        "A full order lasts at least 2 years (from secondary sources).",
        ["pfsa-ni-2022:s9"],
        "unverified",
      ),
    );
    statements.push(
      statement("Whether there is a maximum length is not known.", ["pfsa-ni-2022:s9-maximum"]),
    );
    statements.push(
      statement("How long an interim order lasts is not known.", ["pfsa-ni-2022:s11-duration"]),
    );
  } else {
    statements.push(
      statement("A full order lasts for a fixed period of at least 2 years, or until a further order.", [
        "spa-2019:s3",
      ]),
    );
    statements.push(
      statement(
        "An interim order lasts for the fixed period it states, and ends in any case when the main application is decided.",
        ["spa-2019:s5(6)"],
      ),
    );
  }
  return { heading: "Dates", statements };
}

function missingSection(ctx: Context): SpoDocument["sections"][number] {
  const cite = ctx.spo.citation;
  const statements = ctx.spo.missingFacts.map((fact) =>
    statement(questionFor(ctx, fact), [cite], "question"),
  );
  if (statements.length === 0)
    statements.push(
      statement(
        "Nothing the SPO test's outcome needs is missing from the facts recorded; any questions above still need an answer.",
        [cite],
      ),
    );
  return { heading: "What is still missing", statements };
}

function lawSection(ctx: Context): SpoDocument["sections"][number] {
  return {
    heading: "The law in plain words",
    statements: [...(ctx.ni ? northernIrelandLaw() : englandAndWalesLaw())],
  };
}

function outcomeWords(outcome: RuleEvaluation["outcome"]): string {
  return outcome === "available" ? "met" : outcome === "not-available" ? "not met" : "not yet settled";
}

/**
 * The officer's SPO application pack: for each condition of the police test (SPA 2019 s.1(1); in
 * Northern Ireland, 2022 Act s.7) the facts that meet it and the evidence to attach; the draft
 * prohibitions and requirements from {@link draftSpoTerms} with their s.2(2) necessity; whether to
 * seek an interim order (s.5); the notification requirements (s.9); the dates; what is still missing
 * (as questions). Every statement cites. Names no one unless `useNames` is set.
 *
 * @example
 * ```ts
 * import { spoApplicationPack } from "protective-orders";
 * const pack = spoApplicationPack(
 *   {
 *     id: "case-1",
 *     jurisdiction: "england-and-wales",
 *     incidents: [{ kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true }],
 *     risk: { psychologicalHarm: true, ongoing: true },
 *     protection: {},
 *   },
 *   { asOf: "2025-06-01" },
 * );
 * pack.includes("Draft prohibitions and requirements"); // true
 * ```
 */
export function spoApplicationPack(input: CaseFactsInput, options: SpoDocumentOptions): string {
  const facts = input as CaseFacts; // read only
  const ctx = contextFor(facts, options);
  const test = ctx.ni ? "pfsa-ni-2022:s7" : "spa-2019:s1";
  const doc: SpoDocument = {
    title: `SPO application pack (case ${facts.id})`,
    sections: [
      {
        heading: "Summary",
        statements: [
          statement(
            `On the facts recorded, the test for a Stalking Protection Order to protect ${ctx.victim} from ${ctx.suspect} is ${outcomeWords(ctx.spo.outcome)}.`,
            [test],
            ctx.spo.unverified ? "unverified" : undefined,
          ),
          ...(ctx.whoMayApply ? [ctx.whoMayApply] : []),
        ],
      },
      ...conditionSections(ctx, true),
      termsSection(ctx),
      interimSection(ctx),
      notificationSection(ctx),
      datesSection(ctx),
      missingSection(ctx),
      lawSection(ctx),
    ],
  };
  return render(doc, options.format ?? "markdown");
}

/**
 * The advocate's request letter to the force: that the chief officer (in Northern Ireland, the
 * Chief Constable) apply for an SPO, and an interim SPO where the facts support one; the facts that
 * meet each condition; the law in plain words (no conviction needed, acts abroad or before the Act
 * count, requirements as well as prohibitions); and what the force is asked to answer by when (a
 * date the sender asks for, not one set by law). Every statement cites; what is unknown is asked.
 *
 * @example
 * ```ts
 * import { spoRequestLetter } from "protective-orders";
 * const letter = spoRequestLetter({ id: "case-1", jurisdiction: "northern-ireland" }, { asOf: "2025-06-01", format: "html" });
 * letter.includes("Chief Constable"); // true
 * ```
 */
export function spoRequestLetter(input: CaseFactsInput, options: SpoDocumentOptions): string {
  const facts = input as CaseFacts; // read only
  const ctx = contextFor(facts, options);
  const days = options.answerWithinDays ?? 14;
  const force = ctx.ni
    ? "the Chief Constable of the Police Service of Northern Ireland"
    : `the chief officer of ${POLICE_FORCES.find((f) => f.id === facts.policeForceArea)?.name ?? "the police force"}`;
  const apply = ctx.ni ? "pfsa-ni-2022:s7" : "spa-2019:s1";
  const interimCite = ctx.ni ? "pfsa-ni-2022:s11" : "spa-2019:s5(2)";
  const ask: DocumentStatement[] = [
    statement(`This letter is to ${force}.`, [apply]),
    statement(
      `We ask you to apply to the court for a Stalking Protection Order to protect ${ctx.victim} from ${ctx.suspect}.`,
      [apply],
    ),
  ];
  if (ctx.whoMayApply) ask.push(ctx.whoMayApply);
  if (ctx.interim.outcome === "available")
    ask.push(
      statement(
        "We also ask you to apply for an interim order with it, to protect the victim until the full hearing.",
        [interimCite],
      ),
    );
  else if (ctx.interim.outcome === "needs-information")
    ask.push(
      statement("Please also consider an interim order, once the open questions below are answered.", [
        interimCite,
      ]),
    );
  const conditions = conditionSections(ctx, false);
  const questionsAsked =
    ctx.spo.missingFacts.length > 0 ||
    conditions.some((section) => section.statements.some((s) => s.mark === "question"));
  const doc: SpoDocument = {
    title: `Request for a Stalking Protection Order (case ${facts.id})`,
    sections: [
      { heading: "What we ask", statements: ask },
      ...conditions,
      lawSection(ctx),
      {
        heading: "What we ask you to answer, and by when",
        statements: [
          // A request, not law: the citation is to the power to apply, whose use is the decision asked for.
          statement(
            `The decision whether to apply is yours. Please tell us in writing by ${addDaysToDate(ctx.asOf, days)} (a date we ask for, not one set by law) whether you will apply, and if not, why not.`,
            [apply],
          ),
          ...(questionsAsked
            ? [
                statement(
                  "Where a question is asked above, we will send the answer, or please tell us what you need.",
                  [apply],
                ),
              ]
            : []),
          ...(ctx.spo.missingFacts.length > 0
            ? []
            : [
                statement(
                  ctx.spo.outcome === "available"
                    ? "On the facts recorded, every condition of the test is met."
                    : "On the facts recorded, not every condition is met: please tell us what would change that.",
                  [apply],
                  ctx.spo.unverified ? "unverified" : undefined,
                ),
              ]),
        ],
      },
    ],
  };
  return render(doc, options.format ?? "markdown");
}

function render(doc: SpoDocument, format: "markdown" | "html"): string {
  return format === "html" ? renderHtml(doc) : renderMarkdown(doc);
}

function markdownStatement(s: DocumentStatement): string {
  const cites = s.citations
    .map((c) => {
      const url = linkTarget(c.url);
      return url ? `[${escapeMarkdown(c.title)}](${url})` : escapeMarkdown(c.title);
    })
    .join("; ");
  const prefix = s.mark === "question" ? "**Question:** " : s.mark === "unverified" ? "**Unverified:** " : "";
  return `- ${prefix}${escapeMarkdown(s.text)} (${cites})`;
}

function renderMarkdown(doc: SpoDocument): string {
  const out = [`## ${escapeMarkdown(doc.title)}`, ""];
  for (const section of doc.sections) {
    out.push(`### ${escapeMarkdown(section.heading)}`);
    for (const s of section.statements) out.push(markdownStatement(s));
    out.push("");
  }
  out.push(`_${NOT_LEGAL_ADVICE}_`);
  return `${out.join("\n")}\n`;
}

function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * The documents' print stylesheet (A4, the citations set smaller, questions and unverified points
 * marked), as the HTML format inlines it: for a page that shows a document's markup under its own CSP.
 *
 * @example
 * ```ts
 * import { SPO_DOCUMENT_CSS } from "protective-orders";
 * SPO_DOCUMENT_CSS.startsWith("@page{size:A4"); // true
 * ```
 */
export const SPO_DOCUMENT_CSS =
  "@page{size:A4;margin:18mm 20mm}body{font:11pt/1.5 Georgia,'Times New Roman',serif;color:#111;max-width:170mm;margin:0 auto;padding:8mm 0}h1{font-size:16pt;margin:0 0 6mm}h2{font-size:12.5pt;margin:6mm 0 2mm;break-after:avoid}ul{margin:0;padding-left:5mm}li{margin:0 0 1.5mm;break-inside:avoid}.cite{font-size:9pt;color:#333}.cite a{color:#1a3d6d}.mark{font-weight:bold}.closing{margin-top:8mm;font-style:italic}@media print{a{text-decoration:none}}";

/** The document's body as an HTML fragment (for a page that shows it), every value escaped. */
function htmlBody(doc: SpoDocument): string {
  const parts = [`<h1>${html(doc.title)}</h1>`];
  for (const section of doc.sections) {
    parts.push(`<section><h2>${html(section.heading)}</h2><ul>`);
    for (const s of section.statements) {
      const cites = s.citations
        .map((c) => {
          const url = linkTarget(c.url);
          return url ? `<a href="${html(url)}">${html(c.title)}</a>` : html(c.title);
        })
        .join("; ");
      const mark =
        s.mark === "question"
          ? '<span class="mark">Question:</span> '
          : s.mark === "unverified"
            ? '<span class="mark">Unverified:</span> '
            : "";
      parts.push(`<li>${mark}${html(s.text)} <span class="cite">(${cites})</span></li>`);
    }
    parts.push("</ul></section>");
  }
  parts.push(`<p class="closing">${html(NOT_LEGAL_ADVICE)}</p>`);
  return parts.join("\n");
}

function renderHtml(doc: SpoDocument): string {
  return documentPage(doc.title, htmlBody(doc));
}

/**
 * Internal: the print-ready A4 page every document shares (the pack, the request letter and the decline
 * challenge), around a body already escaped. `title` is escaped here.
 */
export function documentPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${html(title)}</title>\n<style>${SPO_DOCUMENT_CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

/** Internal: `text` with the five characters that matter in HTML (& < > " ') escaped. */
export function escapeHtml(text: string): string {
  return html(text);
}
