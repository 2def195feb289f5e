import { assessParsedFacts } from "../assess/assess.js";
import type { Question } from "../assess/assessment.js";
import { todayInLondon } from "../dates/calendar.js";
import { hasCarriedOutActsAssociatedWithStalking } from "../facts/conduct.js";
import { otherProtectionIsAdequate } from "../facts/risk.js";
import { citationFor } from "../law/citations.js";
import type { CaseFacts, SpoRequest } from "../model/case-facts.js";
import { SpoRequestSchema } from "../model/case-facts.js";
import { compileFastParser } from "../model/compile-fast-parser.js";
import { CaseFactsError } from "../model/errors.js";
import { type IsoDate, isRealCalendarDate } from "../model/iso-date.js";
import { type InputProblem, parseCaseFacts } from "../model/parse-case-facts.js";
import { parsePlainData } from "../model/parse-plain-data.js";
import { ownOption } from "../model/plain-data.js";
import { POLICE_FORCES, type PoliceForceId } from "../model/police-forces.js";
import type { CaseFactsInput, SpoRequestInput } from "../model/readonly-input.js";
import { assembleDeclineReview } from "./assemble-decline-review.js";
import { DECLINE_REASONS, type DeclineReasonDefinition } from "./decline-reasons.js";
import type { DeclineReview, DeclineVerdict, ReasonFinding, ReasonFindingKind } from "./decline-review.js";
import { reviewNorthernIrelandDecline } from "./review-northern-ireland-decline.js";

/**
 * Options for {@link reviewSpoDecline}.
 *
 * @example
 * ```ts
 * import { reviewSpoDecline, type ReviewOptions } from "protective-orders";
 * const options: ReviewOptions = { asOf: "2025-02-01" };
 * reviewSpoDecline({ id: "c", jurisdiction: "england-and-wales" }, { decision: { outcome: "declined" } }, options).asOf; // "2025-02-01"
 * ```
 */
export interface ReviewOptions {
  /** The date whose law the SPO assessment applies. Default: the decision date, else today in England and Wales. */
  readonly asOf?: IsoDate | undefined;
  /**
   * Copy the words of each part of the decision's free text into `decisionText.parts`. Default
   * false: decision text is case data, so parts are named by position only ("sentence 2 of 3").
   */
  readonly includeDecisionText?: boolean | undefined;
}

function forceName(id: PoliceForceId): string {
  return POLICE_FORCES.find((f) => f.id === id)?.name ?? id;
}

const BY_CODE = new Map(DECLINE_REASONS.map((r) => [r.code, r]));
const NON_TERRITORIAL: ReadonlySet<string> = new Set(
  POLICE_FORCES.filter((f) => !f.territorial).map((f) => f.id),
);

interface FactJudgement {
  readonly outcome: "contradicted" | "supported" | "unknown";
  readonly question?: { fact: string; question: string; citation: string };
}

/** Judges a fact-dependent reason against the case facts as they stood on the decision date. */
function judge(
  check: string | undefined,
  facts: CaseFacts,
  decisionDate: IsoDate,
  requestedOn: IsoDate | undefined,
): FactJudgement {
  switch (check) {
    case "known-unwelcome": {
      const incidents = facts.incidents ?? [];
      if (incidents.some((i) => i.suspectKnewOrOughtToKnowUnwelcome === true))
        return { outcome: "contradicted" };
      if (incidents.length > 0 && incidents.every((i) => i.suspectKnewOrOughtToKnowUnwelcome === false))
        return { outcome: "supported" };
      return {
        outcome: "unknown",
        question: {
          fact: "incidents.suspectKnewOrOughtToKnowUnwelcome",
          question: "Did the suspect know, or ought the suspect to have known, that the acts were unwelcome?",
          citation: "spa-2019:s1(4)",
        },
      };
    }
    case "several-incidents": {
      const count = facts.incidents?.length;
      if (count === undefined || count === 0) {
        return {
          outcome: "unknown",
          question: {
            fact: "incidents",
            question: "What incidents have been reported, and when?",
            citation: "spa-2019:s1(1)(a)",
          },
        };
      }
      return count >= 2 ? { outcome: "contradicted" } : { outcome: "supported" };
    }
    case "ongoing-risk": {
      const risk = facts.risk;
      const after =
        requestedOn !== undefined &&
        (facts.incidents ?? []).some((i) => i.date !== undefined && i.date > requestedOn);
      if (risk?.ongoing === true || risk?.escalating === true || risk?.ongoingContact === true || after)
        return { outcome: "contradicted" };
      if (risk?.ongoing === false) return { outcome: "supported" };
      return {
        outcome: "unknown",
        question: {
          fact: "risk.ongoing",
          question:
            "Does the suspect still pose a risk (is the conduct continuing, escalating, or likely to resume)?",
          citation: "spa-2019:s1(1)(b)",
        },
      };
    }
    case "stalking-acts": {
      const acts = hasCarriedOutActsAssociatedWithStalking(facts);
      if (acts === true) return { outcome: "contradicted" };
      if (acts === false) return { outcome: "supported" };
      return {
        outcome: "unknown",
        question: {
          fact: "incidents",
          question:
            "What has the suspect done? Record each act and its kind, and whether it was unwelcome and the suspect knew or ought to have known it was (SPA s.1(4)(b)), or the assessor's judgement: PHA s.2A(3) lists examples that count only 'in particular circumstances'.",
          citation: "spa-2019:s1(1)(a)",
        },
      };
    }
    case "other-protection": {
      const adequate = otherProtectionIsAdequate(facts, decisionDate);
      if (adequate === false) return { outcome: "contradicted" };
      if (adequate === true) return { outcome: "supported" };
      return {
        outcome: "unknown",
        question: {
          fact: "protection",
          question:
            "What protection was in force on the decision date (bail conditions, orders), had it been breached, and was it adequate?",
          citation: "spa-2019:s1(1)(c)",
        },
      };
    }
    case "victim-wants-protection": {
      const wants = facts.victimViews?.wantsProtection;
      if (wants === true) return { outcome: "contradicted" };
      if (wants === false) return { outcome: "supported" };
      return {
        outcome: "unknown",
        question: {
          fact: "victimViews.wantsProtection",
          question: "Does the victim want protection? Record the victim's views.",
          citation: "spa-2019:s1",
        },
      };
    }
    default:
      return { outcome: "unknown" };
  }
}

/** Per check: the finding when the facts contradict the reason, and when they support it. */
const FACT_FINDINGS: Record<
  string,
  { contradicted: ReasonFindingKind; supported: ReasonFindingKind; unknown: ReasonFindingKind }
> = {
  "known-unwelcome": {
    contradicted: "misstates-the-law",
    supported: "lawful-on-these-facts",
    unknown: "needs-information",
  },
  "several-incidents": {
    contradicted: "contradicted-by-facts",
    supported: "questionable",
    unknown: "needs-information",
  },
  "ongoing-risk": {
    contradicted: "contradicted-by-facts",
    supported: "lawful-on-these-facts",
    unknown: "needs-information",
  },
  "stalking-acts": {
    contradicted: "contradicted-by-facts",
    supported: "lawful-on-these-facts",
    unknown: "needs-information",
  },
  "other-protection": {
    contradicted: "contradicted-by-facts",
    supported: "lawful-on-these-facts",
    unknown: "needs-information",
  },
  "victim-wants-protection": {
    contradicted: "contradicted-by-facts",
    supported: "questionable",
    unknown: "questionable",
  },
};

function referrals(facts: CaseFacts, decidingForce: PoliceForceId | undefined): PoliceForceId[] {
  const candidates: PoliceForceId[] = [];
  const home = facts.suspect?.homeForceArea;
  if (home !== undefined && home !== decidingForce) candidates.push(home);
  for (const force of facts.suspect?.believedInOrComingTo ?? []) {
    if (force !== decidingForce && !candidates.includes(force)) candidates.push(force);
  }
  return candidates;
}

/** What the British Transport Police and MoD Police may do, and what the digest does not say. */
const NOT_AREA_LIMITED =
  "The British Transport Police and the Ministry of Defence Police are not limited by area (SPA 2019 Explanatory Notes); whether either would act on such a case is a practical question the law digest does not answer.";

/**
 * A decline because the suspect lives outside England and Wales (SPA 2019 s.1(3)): lawful for a
 * territorial force only when it does not believe the suspect is in, or intends to come to, its
 * area. Judged on `suspect.believedInOrComingTo` and `suspect.homeForceArea`; never a misstatement
 * of s.1(5), which is about where the acts took place.
 */
function residenceFinding(
  definition: DeclineReasonDefinition,
  facts: CaseFacts,
  decision: SpoRequest["decision"],
  questions: Question[],
  citations: ReasonFinding["citations"],
  unverified: boolean,
): Omit<ReasonFinding, "code" | "label" | "classifiedAs"> {
  const force = decision?.decidingForce;
  const believed = facts.suspect?.believedInOrComingTo;
  const base = { why: definition.why, citations, unverified };
  if (force !== undefined && NON_TERRITORIAL.has(force))
    return {
      finding: "misstates-the-law",
      ...base,
      onTheFacts: "The deciding force is not limited by area, so where the suspect lives does not bar it.",
    };
  if (force !== undefined && facts.suspect?.homeForceArea === force)
    return {
      finding: "contradicted-by-facts",
      ...base,
      onTheFacts: "The suspect is recorded as living in the deciding force's own area (s.1(3)(a)).",
    };
  if (force !== undefined && believed?.includes(force) === true)
    return {
      finding: "contradicted-by-facts",
      ...base,
      onTheFacts:
        "The suspect is recorded as believed to be in, or to intend to come to, the deciding force's area, so that force may apply (s.1(3)(b)).",
    };
  if (force !== undefined && believed !== undefined) {
    const referTo = believed.filter((f) => f !== force);
    if (referTo.length > 0)
      return {
        finding: "misdirected",
        ...base,
        onTheFacts: `The suspect is believed to be in, or to intend to come to, another area, whose chief officer may apply (s.1(3)(b)). Refer to: ${referTo.map(forceName).join(", ")}. ${NOT_AREA_LIMITED}`,
        referTo,
      };
    return {
      finding: "lawful-on-these-facts",
      ...base,
      onTheFacts: `The suspect is not recorded as believed to be in, or to intend to come to, the deciding force's area or any other: no territorial force may apply (s.1(3)). ${NOT_AREA_LIMITED}`,
    };
  }
  questions.push({
    fact: "suspect.believedInOrComingTo",
    question:
      "Does the deciding force believe the suspect is in its area, or intends to come to it (or is that believed of any other area)? A chief officer may apply about a person living outside the area only then (SPA 2019 s.1(3)(b)).",
    settles: [],
    citation: citationFor("spa-2019:s1(3)"),
  });
  return {
    finding: "needs-information",
    ...base,
    onTheFacts: `Lawful for a territorial force only if it does not believe the suspect is in, or intends to come to, its area: that is not recorded. ${NOT_AREA_LIMITED}`,
  };
}

function findingFor(
  definition: DeclineReasonDefinition,
  facts: CaseFacts,
  decision: SpoRequest["decision"],
  requestedOn: IsoDate | undefined,
  asOf: IsoDate,
  questions: Question[],
): Omit<ReasonFinding, "code" | "label" | "classifiedAs"> {
  const citations = definition.citations.map(citationFor);
  const unverifiedCitation = definition.unverified === true || citations.some((c) => c.unverified);
  const decisionDate = decision?.decidedOn ?? asOf;
  switch (definition.test) {
    case "misstates-law":
      return { finding: "misstates-the-law", why: definition.why, citations, unverified: unverifiedCitation };
    case "questionable":
      return { finding: "questionable", why: definition.why, citations, unverified: unverifiedCitation };
    case "misdirected": {
      const force = decision?.decidingForce;
      if (force !== undefined && facts.suspect?.homeForceArea === force) {
        return {
          finding: "contradicted-by-facts",
          why: definition.why,
          onTheFacts: "The suspect lives in the deciding force's own area.",
          citations,
          unverified: unverifiedCitation,
        };
      }
      if (force !== undefined && (facts.suspect?.believedInOrComingTo ?? []).includes(force)) {
        return {
          finding: "misstates-the-law",
          why: definition.why,
          onTheFacts:
            "The suspect is believed to be in, or to intend to come to, the deciding force's area, so that force may apply itself (s.1(3)(b)).",
          citations,
          unverified: unverifiedCitation,
        };
      }
      if (force !== undefined && NON_TERRITORIAL.has(force)) {
        return {
          finding: "misstates-the-law",
          why: `${definition.why} The deciding force is not limited by area.`,
          citations,
          unverified: unverifiedCitation,
        };
      }
      const referTo = referrals(facts, force);
      return {
        finding: "misdirected",
        why: definition.why,
        ...(referTo.length > 0
          ? { onTheFacts: `Refer to: ${referTo.map(forceName).join(", ")}.`, referTo }
          : {}),
        citations,
        unverified: unverifiedCitation,
      };
    }
    case "residence":
      return residenceFinding(definition, facts, decision, questions, citations, unverifiedCitation);
    case "guidance-dated": {
      const from = definition.guidanceFrom ?? "0000-01-01";
      if (decision?.decidedOn === undefined) {
        questions.push({
          fact: "spoRequest.decision.decidedOn",
          question:
            "On what date was the decision made? (The guidance on the standard of proof changed on 22 April 2024.)",
          settles: [],
          citation: citationFor("ho-spo-guidance:civil-standard"),
        });
        return {
          finding: "questionable",
          why: definition.beforeWhy ?? definition.why,
          citations,
          unverified: unverifiedCitation,
        };
      }
      // Contrary to the statutory guidance then in force: not a settled misstatement of the law.
      if (decision.decidedOn >= from)
        return {
          finding: "contrary-to-guidance",
          why: definition.why,
          citations,
          unverified: unverifiedCitation,
        };
      return {
        finding: "questionable",
        why: definition.beforeWhy ?? definition.why,
        citations,
        unverified: unverifiedCitation,
      };
    }
    case "depends-on-facts": {
      const judged = judge(definition.check, facts, decisionDate, requestedOn);
      const kinds = FACT_FINDINGS[definition.check ?? ""] ?? {
        contradicted: "contradicted-by-facts",
        supported: "lawful-on-these-facts",
        unknown: "needs-information",
      };
      const finding =
        judged.outcome === "contradicted"
          ? kinds.contradicted
          : judged.outcome === "supported"
            ? kinds.supported
            : kinds.unknown;
      const onTheFacts =
        judged.outcome === "contradicted"
          ? definition.whenContradicted
          : judged.outcome === "supported"
            ? definition.whenLawful
            : definition.whenUnknown;
      if (judged.question) {
        questions.push({
          fact: judged.question.fact,
          question: judged.question.question,
          settles: [],
          citation: citationFor(judged.question.citation),
        });
      }
      // A single incident is "questionable" because whether one act suffices is unverified.
      const unverified =
        unverifiedCitation && (definition.check !== "several-incidents" || judged.outcome === "supported");
      return { finding, why: definition.why, ...(onTheFacts ? { onTheFacts } : {}), citations, unverified };
    }
    default:
      return { finding: "needs-information", why: definition.why, citations, unverified: unverifiedCitation };
  }
}

const VERDICT_TEXT: Record<DeclineVerdict, string> = {
  "likely-wrongly-declined":
    "Likely wrongly declined: at least one reason misstates the law, is contradicted by the facts or should have led to a referral, no reason given is a lawful ground on these facts, and the SPO test appears to be met. Ask the force to reconsider.",
  "review-recommended":
    "Review recommended: some reasons do not hold, or are doubtful, but the decision may rest on another ground or on facts not recorded. Ask the force to explain or reconsider.",
  "consistent-with-the-law":
    "Consistent with the law on these facts: the decision rests on a lawful ground that the recorded facts support.",
  "needs-information": "Needs information: the facts recorded are not enough to judge the reasons given.",
};

function unjustifiedText(unread: readonly string[]): string {
  const parts =
    unread.length === 0
      ? "No reason was given that the library could read."
      : `The library could not read ${unread.length === 1 ? "one part" : `${unread.length} parts`} of the decision (${unread.join("; ")}): read ${unread.length === 1 ? "it" : "them"} against the three conditions of SPA 2019 s.1(1).`;
  return `Review recommended: the SPO test appears to be met on the recorded facts, and no reason the library could read justifies the decline. ${parts} Ask the force to explain which condition of s.1(1) it says is not met.`;
}

/**
 * Reviews a police decision declining a request for a Stalking Protection Order: a finding on each
 * reason (misstates the law, misdirected, contradicted by the facts, questionable, lawful on these
 * facts, or needs information) with citations; the SPO assessment on the same facts; the days from
 * request to decision; the questions that would settle an open verdict; and a verdict worded as a
 * prompt for review. The guidance in force on the decision date decides (the civil standard dates
 * from 22 April 2024). `decision` defaults to `facts.spoRequest`. Throws {@link CaseFactsError} for
 * input that does not validate. For a Northern Ireland case, the reasons are judged against the
 * Protection from Stalking Act (Northern Ireland) 2022 with its citations (no conviction or
 * charge needed, acts before 19 October 2023 or abroad count, stalking by proxy, s.7(3)
 * residence), and `spo` is the `ni-spo` assessment.
 *
 * @example
 * ```ts
 * import { reviewSpoDecline } from "protective-orders";
 * const review = reviewSpoDecline(
 *   {
 *     id: "c1",
 *     jurisdiction: "england-and-wales",
 *     incidents: [{ kind: "following", date: "2025-01-05" }, { kind: "loitering", date: "2025-01-09" }],
 *     risk: { psychologicalHarm: true, ongoing: true },
 *     protection: {},
 *   },
 *   { requestedOn: "2025-01-10", decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-conviction" }] } },
 * );
 * review.verdict; // "likely-wrongly-declined"
 * ```
 */
export function reviewSpoDecline(
  facts: CaseFactsInput,
  decision?: SpoRequestInput,
  options?: ReviewOptions | null,
): DeclineReview {
  const result = safeReviewSpoDecline(facts, decision, options);
  if (!result.success) throw new CaseFactsError(result.problems);
  return result.review;
}

/**
 * Like {@link reviewSpoDecline}, but never throws: returns the review or every input problem by path.
 *
 * @example
 * ```ts
 * import { safeReviewSpoDecline } from "protective-orders";
 * safeReviewSpoDecline({ id: "c" }, { decision: { reasons: [{ code: "bogus" }] } } as never).success; // false
 * ```
 */
export function safeReviewSpoDecline(
  input: unknown,
  decisionInput?: unknown,
  options?: ReviewOptions | null,
):
  | { readonly success: true; readonly review: DeclineReview }
  | { readonly success: false; readonly problems: readonly InputProblem[] } {
  let read: ReviewOptions;
  try {
    read = {
      asOf: ownOption(options, "asOf") as IsoDate | undefined,
      includeDecisionText: ownOption(options, "includeDecisionText") === true,
    };
  } catch {
    return { success: false, problems: [{ path: "options", message: "could not be read" }] };
  }
  return reviewUnsafely(input, decisionInput, read);
}

const readValidSpoRequest = compileFastParser(SpoRequestSchema);

function reviewUnsafely(
  input: unknown,
  decisionInput: unknown,
  options: ReviewOptions,
):
  | { readonly success: true; readonly review: DeclineReview }
  | { readonly success: false; readonly problems: readonly InputProblem[] } {
  const parsed = parseCaseFacts(input);
  const problems: InputProblem[] = parsed.success ? [] : [...parsed.problems];
  let request: SpoRequest | undefined;
  if (decisionInput !== undefined) {
    // Own plain data only, like the case (an inherited decision is no decision).
    const decision = parsePlainData(
      SpoRequestSchema,
      readValidSpoRequest,
      decisionInput,
      "could not be read as a decision",
    );
    if (decision.success) request = decision.data;
    else
      problems.push(
        ...decision.problems.map((p) => ({
          ...p,
          path: p.path ? `decision.${p.path}` : "decision",
        })),
      );
  } else if (parsed.success) {
    request = parsed.data.spoRequest;
  }
  if (options.asOf !== undefined && !(typeof options.asOf === "string" && isRealCalendarDate(options.asOf))) {
    problems.push({ path: "asOf", message: "expected a calendar date written YYYY-MM-DD" });
  }
  if (!parsed.success || problems.length > 0) return { success: false, problems };
  const facts = parsed.data;
  const asOf = options.asOf ?? request?.decision?.decidedOn ?? todayInLondon();
  // The facts are parsed once, above: assessed as they are, not parsed again.
  const assessment = assessParsedFacts(facts, asOf);
  // Northern Ireland: the reasons are judged against the Protection from Stalking Act (NI) 2022.
  if (facts.jurisdiction === "northern-ireland") {
    const review = reviewNorthernIrelandDecline(
      facts,
      request,
      asOf,
      assessment,
      options.includeDecisionText === true,
    );
    if (review) return { success: true, review };
  }
  const review = assembleDeclineReview(
    facts,
    request,
    asOf,
    assessment,
    {
      rule: "spo",
      findingFor: (code, questions) =>
        findingFor(
          BY_CODE.get(code) ?? BY_CODE.get("unclassified")!,
          facts,
          request?.decision,
          request?.requestedOn,
          asOf,
          questions,
        ),
      verdictText: VERDICT_TEXT,
      unjustifiedText,
    },
    options.includeDecisionText === true,
  );
  if (!review) return { success: false, problems: [{ path: "", message: "the rule set has no SPO rule" }] };
  return { success: true, review };
}
