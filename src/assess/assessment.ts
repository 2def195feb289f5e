import type { BundledVocabulary, RuleEvaluation, Vocabulary } from "../evaluate/types.js";
import type { Citation } from "../law/citation.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * A question to ask, and which outcomes its answer could settle.
 *
 * @example
 * ```ts
 * import { assess, type Question } from "protective-orders";
 * const questions: readonly Question[] = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).questions;
 * questions[0]?.fact; // "risk.ongoing": its answer would settle the most orders
 * ```
 */
export interface Question<V extends Vocabulary = Vocabulary> {
  readonly fact: V["fact"];
  readonly question: string;
  /** The rules (orders) whose outcome some answer to this question would settle. */
  readonly settles: readonly V["rule"][];
  readonly citation: Citation;
}

/**
 * One entry of the ranked recommendation.
 *
 * @example
 * ```ts
 * import { assess, type RecommendedOrder } from "protective-orders";
 * const describe = (entry: RecommendedOrder) => `${entry.label} (${entry.role}, ${entry.outcome}): ${entry.reason}`;
 * assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).recommendation.ranked.map(describe);
 * ```
 */
export interface RecommendedOrder<V extends Vocabulary = Vocabulary> {
  readonly rule: V["rule"];
  readonly order: V["order"];
  readonly label: string;
  readonly role: "primary" | "alternative" | "complement";
  readonly outcome: "available" | "needs-information";
  readonly reason: string;
  readonly citations: readonly Citation[];
}

/**
 * Which order to consider first, and why.
 *
 * @example
 * ```ts
 * import { assess, type Recommendation } from "protective-orders";
 * const recommendation: Recommendation = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).recommendation;
 * recommendation.first; // null: nothing is available until the open questions are answered
 * ```
 */
export interface Recommendation<V extends Vocabulary = Vocabulary> {
  /** The rule to pursue first, or `null` when nothing is available yet. */
  readonly first: V["rule"] | null;
  /** Available orders first (by rank), then those that need information. */
  readonly ranked: readonly RecommendedOrder<V>[];
  readonly summary: string;
  /** Where nothing is available: for each main route, what stands in the way. */
  readonly whatWouldChange: readonly string[];
}

/**
 * What a notice is about: `as-of-defaulted` (no `asOf` was given, so today's date in England and Wales was used),
 * `outside-england-and-wales` (the case is in Scotland or Northern Ireland, where the England and Wales orders do
 * not apply), the Scottish routes (`scotland-…`, src/law/outside-england-and-wales/notices.json),
 * `jurisdiction-not-recorded`, `stalking-acts-basis` (on which basis each recorded act counts as an act associated
 * with stalking, PHA 1997 s.2A(3) and SPA 2019 s.1(4)(b)), or
 * `relationship-…`, one per notice of src/law/relationship-implications.json (what the relationship summary
 * implies or contradicts; a type test checks the two agree).
 *
 * @example
 * ```ts
 * import type { NoticeCode } from "protective-orders";
 * const isAboutJurisdiction = (code: NoticeCode) => code === "outside-england-and-wales";
 * ```
 */
export type NoticeCode =
  | "as-of-defaulted"
  | "outside-england-and-wales"
  | "scotland-civil-non-harassment-order"
  | "scotland-criminal-non-harassment-order"
  | "scotland-domestic-abuse-protection-orders-not-in-force"
  | "jurisdiction-not-recorded"
  | "jurisdiction-inferred-from-police-force-area"
  | "stalking-acts-basis"
  | "who-may-apply-for-spo"
  | "relationship-summary-implies-intimate"
  | "relationship-summary-contradicts-intimate"
  | "relationship-summary-family-relatives-unrecorded";

/**
 * A notice about the assessment as a whole (jurisdiction, defaults, data limits).
 *
 * @example
 * ```ts
 * import { assess, type Notice } from "protective-orders";
 * const notices: readonly Notice[] = assess({ id: "c", jurisdiction: "scotland" }, { asOf: "2025-01-01" }).notices;
 * notices.map((n) => n.code); // ["outside-england-and-wales"]
 * ```
 */
export interface Notice {
  readonly code: NoticeCode;
  readonly text: string;
  readonly citations: readonly Citation[];
}

/**
 * The answer for one case: for each order, available / not-available / needs-information with the
 * tree of limbs and citations; the recommendation; the questions still open, most decisive first.
 * Plain JSON: it serialises byte-identically.
 *
 * @example
 * ```ts
 * import { assess, type Assessment } from "protective-orders";
 * function availableOrders(assessment: Assessment): string[] {
 *   return assessment.orders.filter((o) => o.outcome === "available").map((o) => o.order);
 * }
 * availableOrders(assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" })); // []
 * ```
 */
export interface Assessment<V extends Vocabulary = Vocabulary> {
  readonly caseId: string;
  /** The date whose law was applied. */
  readonly asOf: IsoDate;
  readonly orders: readonly RuleEvaluation<V>[];
  readonly recommendation: Recommendation<V>;
  readonly questions: readonly Question<V>[];
  /** Every derived fact still unknown that could change some outcome. */
  readonly missingFacts: readonly V["fact"][];
  readonly notices: readonly Notice[];
  /** False if any order's outcome fell back to plain Kleene logic (see `RuleEvaluation.exact`). */
  readonly exact: boolean;
}

/**
 * The assessment `assess` returns with the bundled rules: every rule id, order, limb and fact is a literal
 * union (see {@link BundledVocabulary}), so `o.rule === "nmoo"` does not compile.
 *
 * @example
 * ```ts
 * import { assess, type BundledAssessment } from "protective-orders";
 * const assessment: BundledAssessment = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" });
 * assessment.recommendation.first; // null
 * ```
 */
export type BundledAssessment = Assessment<BundledVocabulary>;
