import type { Outcome } from "../evaluate/types.js";
import type { Assessment } from "./assessment.js";

/**
 * Counts over many assessments: outcomes per order, first recommendations, invalid rows.
 *
 * @example
 * ```ts
 * import { assess, summarizeAssessments, type CaseloadSummary } from "protective-orders";
 * const a = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" });
 * const summary: CaseloadSummary = summarizeAssessments([a]);
 * summary.outcomes.spo; // { available: 0, "needs-information": 1, "not-available": 0 }
 * ```
 */
export interface CaseloadSummary {
  readonly cases: number;
  readonly invalid: number;
  /** For each rule: how many cases had each outcome. */
  readonly outcomes: Readonly<Record<string, Readonly<Record<Outcome, number>>>>;
  /** How many cases had each rule as the first recommendation (`none` when nothing was available). */
  readonly firstRecommendation: Readonly<Record<string, number>>;
}

/**
 * Summarises assessments (and a count of inputs that did not validate) for a caseload report.
 * Keys are in a fixed order, so the summary serialises identically every run.
 *
 * @example
 * ```ts
 * import { assess, summarizeAssessments } from "protective-orders";
 * const a = assess({ id: "c", jurisdiction: "scotland" }, { asOf: "2025-01-01" });
 * summarizeAssessments([a], 1).firstRecommendation; // { none: 1 }
 * ```
 */
export function summarizeAssessments(assessments: Iterable<Assessment>, invalid = 0): CaseloadSummary {
  const outcomes: Record<string, Record<Outcome, number>> = {};
  const first: Record<string, number> = {};
  let cases = 0;
  for (const assessment of assessments) {
    cases += 1;
    for (const order of assessment.orders) {
      const counts = outcomes[order.rule] ?? { available: 0, "needs-information": 0, "not-available": 0 };
      counts[order.outcome] += 1;
      outcomes[order.rule] = counts;
    }
    const key = assessment.recommendation.first ?? "none";
    first[key] = (first[key] ?? 0) + 1;
  }
  const sortedFirst = Object.fromEntries(
    Object.entries(first).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return { cases: cases + invalid, invalid, outcomes, firstRecommendation: sortedFirst };
}
