import type { Assessment, Question } from "../assess/assessment.js";
import { daysBetweenDates } from "../dates/calendar.js";
import type { CaseFacts, SpoRequest } from "../model/case-facts.js";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import type { IsoDate } from "../model/iso-date.js";
import { DECLINE_REASONS } from "./decline-reasons.js";
import type { DeclineReview, DeclineVerdict, ReasonFinding, ReasonFindingKind } from "./decline-review.js";
import { type DeclineTextReading, readDeclineText } from "./read-decline-text.js";

// The part of a decline review that is the same in every jurisdiction: reading the coded reasons and
// the decision's free text into one finding per reason (with the positions it was read at), the
// verdict, the questions, and the review itself. What the law says of each reason, and the words of
// the verdict, come from the jurisdiction's own review (review-spo-decline.ts for England and Wales,
// review-northern-ireland-decline.ts for the 2022 Act).

/** A finding's body: what the law says of one reason, before it is named and placed. */
export type FindingBody = Omit<ReasonFinding, "code" | "label" | "classifiedAs" | "positions">;

/** What differs between jurisdictions. Internal, for the reviews. */
export interface DeclineReviewLaw {
  /** The rule whose assessment is reviewed: `spo`, or `ni-spo` in Northern Ireland. */
  readonly rule: string;
  /** The finding on a reason read as `code`; a question the finding needs is pushed to `questions`. */
  readonly findingFor: (code: DeclineReasonCode, questions: Question[]) => FindingBody;
  readonly verdictText: Readonly<Record<DeclineVerdict, string>>;
  /** The verdict text where the SPO is available and nothing read justifies the decline. */
  readonly unjustifiedText: (unread: readonly string[]) => string;
}

const LABELS = new Map(DECLINE_REASONS.map((reason) => [reason.code, reason.label]));

/** Findings that say a reason does not hold: on the law, on the facts, or for want of a referral. */
const DOES_NOT_HOLD: ReadonlySet<ReasonFindingKind> = new Set([
  "misstates-the-law",
  "misdirected",
  "contradicted-by-facts",
]);
/** Findings that say a reason is doubtful: worth a review, but not shown wrong. */
const DOUBTFUL: ReadonlySet<ReasonFindingKind> = new Set(["contrary-to-guidance", "questionable"]);

/** A finding on text the library could not read: it neither justifies nor condemns the decline. */
function isUnread(finding: ReasonFinding): boolean {
  return finding.code === "unclassified" && finding.classifiedAs === undefined;
}

/**
 * The verdict: a reason that does not hold, with no lawful ground and the SPO test met, is likely a
 * wrong decline; a lawful ground on these facts makes the decline consistent with the law unless
 * another reason does not hold; a doubtful reason is worth a review; and where nothing read
 * justifies the decline but the SPO is available on the recorded facts, a review is recommended
 * (issue 20: words not recognised are not missing facts). Needs-information is left for reasons
 * whose facts are genuinely not recorded, and for an SPO test that cannot yet be settled.
 */
function verdictFor(
  findings: readonly ReasonFinding[],
  spo: Assessment["orders"][number],
  declined: boolean,
): DeclineVerdict {
  const read = findings.filter((f) => !isUnread(f));
  const flagged = read.some((f) => DOES_NOT_HOLD.has(f.finding));
  const lawful = read.some((f) => f.finding === "lawful-on-these-facts");
  const doubtful = read.some((f) => DOUBTFUL.has(f.finding));
  if (flagged)
    return !lawful && spo.outcome === "available" ? "likely-wrongly-declined" : "review-recommended";
  if (lawful) return "consistent-with-the-law";
  if (doubtful) return "review-recommended";
  if (read.some((f) => f.finding === "needs-information")) return "needs-information";
  if (declined && spo.outcome === "available") return "review-recommended";
  return "needs-information";
}

/**
 * Internal, for the reviews: the review of a declined request under `law`, given the case's
 * assessment. `undefined` if the assessment has no outcome for `law.rule`.
 */
export function assembleDeclineReview(
  facts: CaseFacts,
  request: SpoRequest | undefined,
  asOf: IsoDate,
  assessment: Assessment,
  law: DeclineReviewLaw,
  includeDecisionText: boolean,
): DeclineReview | undefined {
  const spo = assessment.orders.find((o) => o.rule === law.rule);
  if (!spo) return undefined;
  const questions: Question[] = [];
  const findings: ReasonFinding[] = [];
  const unreadPositions: string[] = [];
  const reasonFinding = (code: DeclineReasonCode, classifiedAs?: DeclineReasonCode, positions?: string[]) => {
    const body = law.findingFor(classifiedAs ?? code, questions);
    findings.push({
      code,
      // A reason read from free text is named by what it was read as, in plain English (issue 26).
      label: LABELS.get(classifiedAs ?? code) ?? code,
      ...(classifiedAs ? { classifiedAs } : {}),
      ...body,
      ...(positions ? { positions } : {}),
    });
  };
  for (const [index, reason] of (request?.decision?.reasons ?? []).entries()) {
    if (reason.code !== "unclassified" || reason.text === undefined) {
      reasonFinding(reason.code);
      continue;
    }
    // An unclassified reason's text may state several reasons: a finding for each one read.
    const read = readDeclineText(reason.text).reasons;
    if (read.length === 0) {
      unreadPositions.push(`reason ${index + 1}`);
      reasonFinding("unclassified");
    } else for (const r of read) reasonFinding("unclassified", r.code);
  }
  const freeText = request?.decision?.freeText;
  let decisionText: DeclineTextReading | undefined;
  if (freeText !== undefined) {
    decisionText = readDeclineText(freeText, { includeText: includeDecisionText });
    // Each reason the letter states, once, unless a coded reason already gave it.
    const given = new Set(findings.map((f) => f.classifiedAs ?? f.code));
    for (const r of decisionText.reasons) {
      if (!given.has(r.code)) reasonFinding("unclassified", r.code, [...r.positions]);
    }
    unreadPositions.push(...decisionText.notRecognised);
    // A letter in which nothing was read still counts as one reason given, that could not be read.
    if (findings.length === 0) reasonFinding("unclassified");
  }
  const declined =
    request?.decision !== undefined &&
    request.decision.outcome !== "application-made" &&
    request.decision.outcome !== "pending";
  const verdict = verdictFor(findings, spo, declined);
  const noDecision = request?.decision === undefined && findings.length === 0;
  const unjustified =
    verdict === "review-recommended" &&
    !findings.some((f) => !isUnread(f) && f.finding !== "needs-information");
  const ruleQuestions = assessment.questions.filter((q) => q.settles.includes(law.rule));
  const seen = new Set<string>();
  const allQuestions = [...questions, ...ruleQuestions].filter((q) => {
    if (seen.has(q.question)) return false;
    seen.add(q.question);
    return true;
  });
  const requestedOn = request?.requestedOn;
  const decidedOn = request?.decision?.decidedOn;
  const decidingForce = request?.decision?.decidingForce;
  return {
    caseId: facts.id,
    asOf,
    decision: {
      ...(requestedOn !== undefined ? { requestedOn } : {}),
      ...(decidedOn !== undefined ? { decidedOn } : {}),
      ...(decidingForce !== undefined ? { decidingForce } : {}),
      reasons: findings.length,
    },
    verdict,
    verdictText: noDecision
      ? "Needs information: no decision on an SPO request is recorded for this case."
      : unjustified
        ? law.unjustifiedText(unreadPositions)
        : law.verdictText[verdict],
    findings,
    spo,
    daysFromRequestToDecision:
      requestedOn !== undefined && decidedOn !== undefined ? daysBetweenDates(requestedOn, decidedOn) : null,
    questions: allQuestions,
    ...(decisionText !== undefined ? { decisionText } : {}),
  };
}
