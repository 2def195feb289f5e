import type { Outcome } from "../evaluate/types.js";
import type { CaseFacts } from "../model/case-facts.js";
import type { BreachFinding } from "../orders/assess-breaches.js";
import type { DeclineReview, ReasonFindingKind } from "../review/decline-review.js";
import type { Assessment } from "./assessment.js";

/**
 * Counts of one order's outcomes.
 *
 * @example
 * ```ts
 * import type { OutcomeCounts } from "protective-orders";
 * const counts: OutcomeCounts = { available: 3, "needs-information": 1, "not-available": 0 };
 * ```
 */
export type OutcomeCounts = Record<Outcome, number>;

/**
 * Aggregate figures over a caseload: counts only, never a name, an id or free text. The caseload
 * report draws its charts and tables from these, and the figures it prints on its first screen are
 * the same as the CLI's `--summary-json` for the same input.
 *
 * @example
 * ```ts
 * import { assess, createCaseloadFigures, type CaseloadFigures } from "protective-orders";
 * const counter = createCaseloadFigures("2025-06-01");
 * counter.addAssessment({ id: "c", jurisdiction: "england-and-wales" }, assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }));
 * const figures: CaseloadFigures = counter.figures();
 * figures.rows; // { read: 1, valid: 1, invalid: 0 }
 * ```
 */
export interface CaseloadFigures {
  /** The date whose law was applied to every row. */
  readonly asOf: string;
  /** Every input row is counted once: valid (assessed) or invalid (could not be assessed). */
  readonly rows: { readonly read: number; readonly valid: number; readonly invalid: number };
  /** For each rule (order): how many cases had each outcome. Rules in the order first seen. */
  readonly outcomes: Readonly<Record<string, OutcomeCounts>>;
  /** How many cases had each rule as the first recommendation (`none`: nothing available yet). */
  readonly firstRecommendation: Readonly<Record<string, number>>;
  /**
   * The derived facts most often missing, most decisive first: in how many cases each was unknown,
   * and how many order outcomes (summed over cases) some answer to it would settle.
   */
  readonly missingFacts: readonly {
    readonly fact: string;
    readonly cases: number;
    readonly outcomesSettled: number;
  }[];
  /** The Stalking Protection Order (`spo`, or `ni-spo` for a Northern Ireland case) and what became of it. */
  readonly spo: {
    readonly outcomes: OutcomeCounts;
    /** SPO available on the recorded facts, and a request for one recorded as declined. */
    readonly availableButDeclined: number;
    /** SPO available on the recorded facts, and no request or application recorded. */
    readonly availableNoRequestRecorded: number;
    /** By police force area (`not-recorded` where the case gives none). */
    readonly byPoliceForceArea: Readonly<Record<string, OutcomeCounts>>;
    /**
     * By calendar month (YYYY-MM) of the latest dated incident (`no-dated-incident` where none;
     * `after-as-of` where an incident is dated after the law date, a data problem).
     */
    readonly byMonthOfLatestIncident: Readonly<Record<string, OutcomeCounts>>;
    /** Cases with an incident dated after the law date (`asOf`): a data problem. */
    readonly incidentsAfterAsOf: number;
    /**
     * Days from the SPO request to the decision, where both are dated and in order: how many
     * requests took each number of days (a histogram, so memory does not grow with the rows).
     */
    readonly daysToDecision: Readonly<Record<string, number>>;
  };
  /** Reviews of declined SPO requests. */
  readonly declines: {
    readonly reviewed: number;
    readonly byVerdict: Readonly<Record<string, number>>;
    /** For each reason code given: how many findings of each kind. */
    readonly reasons: Readonly<Record<string, Readonly<Partial<Record<ReasonFindingKind, number>>>>>;
  };
  /** Reported breaches of orders, where the rows carry them. */
  readonly breaches: {
    readonly reports: number;
    /** Hours from the report to the police response, in bands. */
    readonly responseHours: Readonly<Record<ResponseBand, number>>;
    /** Responses slower than the threshold, or never recorded as made. */
    readonly flagged: number;
  };
}

/**
 * The bands of police response time used by the caseload figures.
 *
 * @example
 * ```ts
 * import { RESPONSE_BANDS } from "protective-orders";
 * RESPONSE_BANDS[0]; // "under 1 hour"
 * ```
 */
export const RESPONSE_BANDS = [
  "under 1 hour",
  "1 to 4 hours",
  "4 to 24 hours",
  "24 to 72 hours",
  "over 72 hours",
  "not recorded",
] as const;
/**
 * One band of police response time.
 *
 * @example
 * ```ts
 * import type { ResponseBand } from "protective-orders";
 * const slow: ResponseBand = "over 72 hours";
 * ```
 */
export type ResponseBand = (typeof RESPONSE_BANDS)[number];

/**
 * A running tally of caseload figures: add each row as it is processed, read the figures at the
 * end. Memory grows with the number of distinct codes (orders, facts, areas, months), never with
 * the number of rows.
 *
 * @example
 * ```ts
 * import { createCaseloadFigures, type CaseloadFigureCounter } from "protective-orders";
 * const counter: CaseloadFigureCounter = createCaseloadFigures("2025-06-01");
 * counter.addInvalid();
 * counter.figures().rows.invalid; // 1
 * ```
 */
export interface CaseloadFigureCounter {
  /** A valid row and its assessment (the facts are read for the area and incident dates only). */
  addAssessment(facts: CaseFacts, assessment: Assessment): void;
  /** A row that could not be assessed (it did not validate). */
  addInvalid(): void;
  /** The review of the row's declined SPO request. */
  addDeclineReview(review: DeclineReview): void;
  /** The findings on the row's reported breaches. */
  addBreachFindings(findings: readonly BreachFinding[]): void;
  figures(): CaseloadFigures;
}

const SPO_RULE_FOR: Readonly<Record<string, string>> = { "northern-ireland": "ni-spo" };

function zeroOutcomes(): OutcomeCounts {
  return { available: 0, "needs-information": 0, "not-available": 0 };
}

function bump(table: Record<string, number>, key: string, by = 1): void {
  table[key] = (table[key] ?? 0) + by;
}

function sortedKeys<T>(table: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A copy of a table of count tables, so the figures handed out never change as more rows are added. */
function copyTables<T extends object>(table: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).map(([key, counts]) => [key, { ...counts }]));
}

function responseBand(hours: number | null): ResponseBand {
  if (hours === null) return "not recorded";
  if (hours < 1) return "under 1 hour";
  if (hours < 4) return "1 to 4 hours";
  if (hours < 24) return "4 to 24 hours";
  if (hours <= 72) return "24 to 72 hours";
  return "over 72 hours";
}

function latestIncidentMonth(facts: CaseFacts, asOf: string): string {
  let latest = "";
  for (const incident of facts.incidents ?? []) {
    const date = incident.date;
    if (typeof date === "string" && date > latest) latest = date;
  }
  if (latest === "") return "no-dated-incident";
  // ISO dates compare as text; an incident after the law date is a data problem, not a period.
  return latest.slice(0, 10) > asOf ? "after-as-of" : latest.slice(0, 7);
}

const DAY_MS = 86_400_000;

function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return undefined;
  return Math.round((b - a) / DAY_MS);
}

/**
 * Starts a tally of caseload figures for a run that applies the law as at `asOf`.
 *
 * @example
 * ```ts
 * import { assess, createCaseloadFigures } from "protective-orders";
 * const facts = { id: "c", jurisdiction: "england-and-wales" as const, policeForceArea: "kent" as const };
 * const counter = createCaseloadFigures("2025-06-01");
 * counter.addAssessment(facts, assess(facts, { asOf: "2025-06-01" }));
 * counter.figures().spo.byPoliceForceArea.kent; // { available: 0, "needs-information": 1, "not-available": 0 }
 * ```
 */
export function createCaseloadFigures(asOf: string): CaseloadFigureCounter {
  let valid = 0;
  let invalid = 0;
  const outcomes: Record<string, OutcomeCounts> = {};
  const first: Record<string, number> = {};
  const missingCases: Record<string, number> = {};
  const missingSettles: Record<string, number> = {};
  const spoOutcomes = zeroOutcomes();
  let availableButDeclined = 0;
  let availableNoRequest = 0;
  const byArea: Record<string, OutcomeCounts> = {};
  const byMonth: Record<string, OutcomeCounts> = {};
  let afterAsOf = 0;
  const days: Record<string, number> = {};
  let reviewed = 0;
  const byVerdict: Record<string, number> = {};
  const reasons: Record<string, Partial<Record<ReasonFindingKind, number>>> = {};
  let breachReports = 0;
  let flagged = 0;
  const responseHours = Object.fromEntries(RESPONSE_BANDS.map((band) => [band, 0])) as Record<
    ResponseBand,
    number
  >;

  return {
    addAssessment(facts, assessment) {
      valid += 1;
      for (const order of assessment.orders) {
        const counts = outcomes[order.rule] ?? zeroOutcomes();
        counts[order.outcome] += 1;
        outcomes[order.rule] = counts;
      }
      bump(first, assessment.recommendation.first ?? "none");
      for (const fact of assessment.missingFacts) bump(missingCases, fact);
      for (const question of assessment.questions)
        bump(missingSettles, question.fact, question.settles.length);
      const spoRule = SPO_RULE_FOR[facts.jurisdiction ?? ""] ?? "spo";
      const spo =
        assessment.orders.find((order) => order.rule === spoRule) ??
        assessment.orders.find((order) => order.rule === "spo");
      if (spo === undefined) return;
      spoOutcomes[spo.outcome] += 1;
      const area = facts.policeForceArea ?? "not-recorded";
      const areaCounts = byArea[area] ?? zeroOutcomes();
      areaCounts[spo.outcome] += 1;
      byArea[area] = areaCounts;
      const month = latestIncidentMonth(facts, asOf);
      if (month === "after-as-of") afterAsOf += 1;
      const took = daysBetween(facts.spoRequest?.requestedOn, facts.spoRequest?.decision?.decidedOn);
      if (took !== undefined) bump(days, String(took));
      const monthCounts = byMonth[month] ?? zeroOutcomes();
      monthCounts[spo.outcome] += 1;
      byMonth[month] = monthCounts;
      if (spo.outcome === "available") {
        const decision = facts.spoRequest?.decision?.outcome;
        if (decision === "declined") availableButDeclined += 1;
        else if (facts.spoRequest === undefined) availableNoRequest += 1;
      }
    },
    addInvalid() {
      invalid += 1;
    },
    addDeclineReview(review) {
      reviewed += 1;
      bump(byVerdict, review.verdict);
      for (const finding of review.findings) {
        const kinds = reasons[finding.code] ?? {};
        kinds[finding.finding] = (kinds[finding.finding] ?? 0) + 1;
        reasons[finding.code] = kinds;
      }
    },
    addBreachFindings(findings) {
      for (const finding of findings) {
        breachReports += 1;
        responseHours[responseBand(finding.response.hours)] += 1;
        if (finding.response.flagged) flagged += 1;
      }
    },
    figures() {
      const missingFacts = Object.keys(missingCases)
        .map((fact) => ({ fact, cases: missingCases[fact] ?? 0, outcomesSettled: missingSettles[fact] ?? 0 }))
        .sort(
          (a, b) => b.outcomesSettled - a.outcomesSettled || b.cases - a.cases || (a.fact < b.fact ? -1 : 1),
        );
      return {
        asOf,
        rows: { read: valid + invalid, valid, invalid },
        outcomes: copyTables(outcomes),
        firstRecommendation: sortedKeys(first),
        missingFacts,
        spo: {
          outcomes: { ...spoOutcomes },
          availableButDeclined,
          availableNoRequestRecorded: availableNoRequest,
          byPoliceForceArea: copyTables(sortedKeys(byArea)),
          byMonthOfLatestIncident: copyTables(sortedKeys(byMonth)),
          incidentsAfterAsOf: afterAsOf,
          daysToDecision: { ...days },
        },
        declines: {
          reviewed,
          byVerdict: sortedKeys(byVerdict),
          reasons: copyTables(sortedKeys(reasons)),
        },
        breaches: { reports: breachReports, responseHours: { ...responseHours }, flagged },
      };
    },
  };
}
