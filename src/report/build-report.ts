// Builds the caseload figures from input rows, streaming: each row is assessed (and its declined SPO
// request reviewed, and its breach reports assessed) and then dropped; only the aggregates stay, so
// memory does not grow with the number of rows.
import { safeAssess } from "../assess/assess.js";
import { type CaseloadFigures, createCaseloadFigures } from "../assess/caseload-figures.js";
import { BreachReportSchema } from "../model/breach-report.js";
import type { CaseFacts } from "../model/case-facts.js";
import { OrderSchema } from "../model/order.js";
import { parseCaseFacts } from "../model/parse-case-facts.js";
import { assessBreaches } from "../orders/assess-breaches.js";
import { safeReviewSpoDecline } from "../review/review-spo-decline.js";

/** The key of a row that carries breach reports beside the case facts: `{ order, reports }`. */
export const BREACHES_KEY = "breaches";

/** At most this many case ids are listed with `--include-ids`, per list. */
export const MAX_IDS_LISTED = 1_000;

/** One input row as the report reads it: a value, or why it could not be read. */
export type ReportRow =
  | { readonly value: unknown }
  | { readonly unreadable: string }
  | { readonly text: string };

export interface ReportRun {
  readonly figures: CaseloadFigures;
  readonly ids?: { availableButDeclined: string[]; declinesToReview: string[] };
  /** Rows whose `breaches` could not be read (the case itself was still assessed). */
  readonly breachRowsInvalid: number;
}

function splitBreaches(value: unknown): { facts: unknown; breaches: unknown } {
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    !Object.hasOwn(value, BREACHES_KEY)
  ) {
    return { facts: value, breaches: undefined };
  }
  const { [BREACHES_KEY]: breaches, ...facts } = value as Record<string, unknown>;
  return { facts, breaches };
}

function readBreaches(breaches: unknown) {
  if (typeof breaches !== "object" || breaches === null || Array.isArray(breaches)) return undefined;
  const record = breaches as Record<string, unknown>;
  const order = OrderSchema.safeParse(record.order);
  const reports = BreachReportSchema.array().max(10_000).safeParse(record.reports);
  if (!order.success || !reports.success) return undefined;
  return { order: order.data, reports: reports.data };
}

/**
 * Reads every row and returns the caseload figures. `asOf` is resolved once by the caller, before
 * any row, so a run across midnight applies one law date throughout.
 */
export async function buildReportFigures(
  rows: AsyncIterable<ReportRow> | Iterable<ReportRow>,
  options: { readonly asOf: string; readonly includeIds?: boolean },
): Promise<ReportRun> {
  const counter = createCaseloadFigures(options.asOf);
  const ids = options.includeIds
    ? { availableButDeclined: [] as string[], declinesToReview: [] as string[] }
    : undefined;
  let breachRowsInvalid = 0;
  for await (const row of rows) {
    let value: unknown;
    if ("value" in row) value = row.value;
    else if ("text" in row) {
      try {
        value = JSON.parse(row.text);
      } catch {
        counter.addInvalid();
        continue;
      }
    } else {
      counter.addInvalid();
      continue;
    }
    const { facts: input, breaches } = splitBreaches(value);
    const parsed = parseCaseFacts(input);
    if (!parsed.success) {
      counter.addInvalid();
      continue;
    }
    const facts: CaseFacts = parsed.data;
    const assessed = safeAssess(facts, { asOf: options.asOf });
    if (!assessed.success) {
      counter.addInvalid();
      continue;
    }
    counter.addAssessment(facts, assessed.assessment);
    const spoAvailable = assessed.assessment.orders.some(
      (o) => o.rule === "spo" && o.outcome === "available",
    );
    if (facts.spoRequest?.decision?.outcome === "declined") {
      const reviewed = safeReviewSpoDecline(facts);
      if (reviewed.success) {
        counter.addDeclineReview(reviewed.review);
        const verdict = reviewed.review.verdict;
        if (ids && (verdict === "likely-wrongly-declined" || verdict === "review-recommended")) {
          if (ids.declinesToReview.length < MAX_IDS_LISTED) ids.declinesToReview.push(facts.id);
        }
      }
      if (ids && spoAvailable && ids.availableButDeclined.length < MAX_IDS_LISTED) {
        ids.availableButDeclined.push(facts.id);
      }
    }
    if (breaches !== undefined) {
      const read = readBreaches(breaches);
      if (read) counter.addBreachFindings(assessBreaches(read.order, read.reports));
      else breachRowsInvalid += 1;
    }
  }
  return { figures: counter.figures(), ...(ids ? { ids } : {}), breachRowsInvalid };
}
