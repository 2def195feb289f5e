import type { Question } from "../assess/assessment.js";
import type { RuleEvaluation } from "../evaluate/types.js";
import type { Citation } from "../law/citation.js";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import type { IsoDate } from "../model/iso-date.js";
import type { PoliceForceId } from "../model/police-forces.js";
import type { DeclineTextReading } from "./read-decline-text.js";

/**
 * What the law says of one reason given for declining an SPO request:
 * - `misstates-the-law`: the reason rests on a reading of the law that is wrong;
 * - `misdirected`: the reason is about who should apply: refer, don't close;
 * - `contradicted-by-facts`: the reason can be lawful, but the recorded facts say otherwise;
 * - `contrary-to-guidance`: the reason goes against the statutory guidance in force on the decision
 *   date (the criminal standard of proof after 22 April 2024), a point no court has settled: flagged
 *   `unverified`, not a misstatement of the law;
 * - `questionable`: the reason is doubtful (a mistaken fear such as costs, the guidance then in force,
 *   or an open legal question);
 * - `lawful-on-these-facts`: a lawful ground that the recorded facts support;
 * - `needs-information`: the facts needed to judge the reason are not recorded.
 *
 * @example
 * ```ts
 * import type { ReasonFindingKind } from "protective-orders";
 * const doesNotHold = (kind: ReasonFindingKind) => kind === "misstates-the-law" || kind === "contradicted-by-facts";
 * ```
 */
export type ReasonFindingKind =
  | "misstates-the-law"
  | "misdirected"
  | "contradicted-by-facts"
  | "contrary-to-guidance"
  | "questionable"
  | "lawful-on-these-facts"
  | "needs-information";

/**
 * The finding on one reason.
 *
 * @example
 * ```ts
 * import { reviewSpoDecline, type ReasonFinding } from "protective-orders";
 * const review = reviewSpoDecline({ id: "c1", jurisdiction: "england-and-wales" }, { decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] } });
 * const finding: ReasonFinding | undefined = review.findings[0];
 * finding?.finding; // "misstates-the-law"
 * ```
 */
export interface ReasonFinding {
  readonly code: DeclineReasonCode;
  readonly label: string;
  /** For a free-text reason matched to a known category: the category it was read as. */
  readonly classifiedAs?: DeclineReasonCode;
  readonly finding: ReasonFindingKind;
  /** Why, in plain English. */
  readonly why: string;
  /** What the recorded facts show, where the finding depends on them. */
  readonly onTheFacts?: string;
  readonly citations: readonly Citation[];
  /** True when the finding rests on a point the law digest marks unverified. */
  readonly unverified: boolean;
  /** Where a force other than the deciding one should be asked (SPA 2019 s.1(3)). */
  readonly referTo?: readonly PoliceForceId[];
  /** For a reason read from the decision's free text: where in the text it was read ("sentence 2 of 3"). */
  readonly positions?: readonly string[];
}

/**
 * The overall verdict, worded as a prompt for review, not a legal finding:
 * `likely-wrongly-declined`, `review-recommended`, `consistent-with-the-law` or `needs-information`.
 *
 * @example
 * ```ts
 * import type { DeclineVerdict } from "protective-orders";
 * const worthChallenging = (verdict: DeclineVerdict) =>
 *   verdict === "likely-wrongly-declined" || verdict === "review-recommended";
 * ```
 */
export type DeclineVerdict =
  | "likely-wrongly-declined"
  | "review-recommended"
  | "consistent-with-the-law"
  | "needs-information";

/**
 * The review of one declined SPO request.
 *
 * @example
 * ```ts
 * import { reviewSpoDecline, type DeclineReview } from "protective-orders";
 * const review: DeclineReview = reviewSpoDecline(
 *   { id: "c1", jurisdiction: "england-and-wales", incidents: [{ kind: "following" }, { kind: "loitering" }], risk: { psychologicalHarm: true, ongoing: true }, protection: {} },
 *   { decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-conviction" }] } },
 * );
 * review.verdict; // "likely-wrongly-declined"
 * ```
 */
export interface DeclineReview {
  readonly caseId: string;
  /** The date whose law the SPO assessment applied (by default, the decision date). */
  readonly asOf: IsoDate;
  readonly decision: {
    readonly requestedOn?: IsoDate;
    readonly decidedOn?: IsoDate;
    readonly decidingForce?: PoliceForceId;
    readonly reasons: number;
  };
  readonly verdict: DeclineVerdict;
  readonly verdictText: string;
  readonly findings: readonly ReasonFinding[];
  /** The SPO assessment on the same facts. */
  readonly spo: RuleEvaluation;
  /** Calendar days from the request to the decision, or `null` if either date is missing. */
  readonly daysFromRequestToDecision: number | null;
  /** Questions whose answers would settle an open verdict or finding. */
  readonly questions: readonly Question[];
  /**
   * The decision's free text (`spoRequest.decision.freeText`) read part by part: every sentence or
   * clause by its position, what it was read as, and which parts were not recognised. The words
   * themselves are copied only with the review option `includeDecisionText`.
   */
  readonly decisionText?: DeclineTextReading;
}
