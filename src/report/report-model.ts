// The caseload report as data: sections, each a table of (suppressed) counts and the chart that
// draws the same numbers. HTML, Markdown and JSON are renderings of this one model, so the three
// formats always carry the same figures.

import { type CaseloadFigures, type OutcomeCounts, RESPONSE_BANDS } from "../assess/caseload-figures.js";
import { DEFAULT_RULES } from "../assess/default-rules.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { POLICE_FORCES } from "../model/police-forces.js";
import { DECLINE_REASONS } from "../review/decline-reasons.js";
import { type ShownCount, suppressCount, suppressRow } from "./suppress.js";

/** One cell of a report table: a label, or a count (`null` where suppressed). */
export type Cell = string | ShownCount;

export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A chart: which table columns it draws, and how. The numbers are the table's own. */
export interface ChartPlan {
  readonly kind: "stacked-bar" | "bar";
  /** Axis title of the category (the first column). */
  readonly category: string;
  /** Axis title of the counts. */
  readonly measure: string;
  /** For a stacked bar: the columns stacked (by name); for a bar: the one column drawn. */
  readonly series: readonly string[];
  /** Keep the categories in the table's order (months, bands) rather than sorting by size. */
  readonly ordered?: boolean;
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  /** One or two sentences on what the section shows and why it matters. */
  readonly lead: string;
  readonly table: ReportTable;
  readonly chart?: ChartPlan;
  /** Said where the section has nothing to show. */
  readonly empty?: string;
}

export interface CaseloadReport {
  readonly title: string;
  readonly asOf: string;
  readonly rows: CaseloadFigures["rows"];
  readonly suppressBelow: number;
  readonly convention: string;
  readonly headline: readonly { readonly label: string; readonly value: ShownCount | string }[];
  readonly sections: readonly ReportSection[];
  /** Only with `includeIds`: case ids worth a second look. */
  readonly ids?: {
    readonly availableButDeclined: readonly string[];
    readonly declinesToReview: readonly string[];
  };
}

const OUTCOME_COLUMNS = ["Available", "Needs information", "Not available"] as const;

function outcomeCells(counts: OutcomeCounts, below: number): ShownCount[] {
  return suppressRow([counts.available, counts["needs-information"], counts["not-available"]], below);
}

const ruleLabels = new Map(DEFAULT_RULES.rules.map((r) => [r.rule.name, r.rule.label]));
const factQuestions = new Map(FACT_DEFINITIONS.map((f) => [f.id, f.question]));
const forceNames = new Map<string, string>(POLICE_FORCES.map((f) => [f.id, f.name]));
const reasonLabels = new Map<string, string>(DECLINE_REASONS.map((r) => [r.code, r.label]));

function ruleLabel(rule: string): string {
  if (rule === "none") return "Nothing available yet";
  return ruleLabels.get(rule) ?? rule;
}

const VERDICT_LABELS: Readonly<Record<string, string>> = {
  "likely-wrongly-declined": "Likely wrongly declined",
  "review-recommended": "Review recommended",
  "consistent-with-the-law": "Consistent with the law",
  "needs-information": "Needs information",
};

const FINDING_COLUMNS = [
  ["misstates-the-law", "Misstates the law"],
  ["misdirected", "Misdirected"],
  ["contradicted-by-facts", "Contradicted by the facts"],
  ["questionable", "Questionable"],
  ["lawful-on-these-facts", "Lawful on these facts"],
  ["needs-information", "Needs information"],
] as const;

/** How many of the most often missing facts the report lists. */
export const MISSING_FACTS_LISTED = 15;

/**
 * Builds the report model from the caseload figures, suppressing small counts in every breakdown.
 */
export function caseloadReport(
  figures: CaseloadFigures,
  options: {
    readonly suppressBelow: number;
    readonly ids?: CaseloadReport["ids"];
  },
): CaseloadReport {
  const below = Math.max(0, Math.floor(options.suppressBelow));
  const sections: ReportSection[] = [];

  const ruleIds = Object.keys(figures.outcomes);
  sections.push({
    id: "outcomes",
    title: "Outcome of each order across the caseload",
    lead: "For each order, in how many cases it is available on the recorded facts, needs more information, or is not available.",
    table: {
      columns: ["Order", ...OUTCOME_COLUMNS],
      rows: ruleIds.map((rule) => [ruleLabel(rule), ...outcomeCells(figures.outcomes[rule]!, below)]),
    },
    chart: { kind: "stacked-bar", category: "Order", measure: "Cases", series: OUTCOME_COLUMNS },
    ...(ruleIds.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  const firstKeys = Object.keys(figures.firstRecommendation).sort(
    (a, b) =>
      (figures.firstRecommendation[b] ?? 0) - (figures.firstRecommendation[a] ?? 0) || (a < b ? -1 : 1),
  );
  const firstShown = suppressRow(
    firstKeys.map((k) => figures.firstRecommendation[k] ?? 0),
    below,
  );
  sections.push({
    id: "first-recommendation",
    title: "The first recommendation",
    lead: "The order the library would consider first in each case (nothing, where no order is yet available).",
    table: {
      columns: ["First recommendation", "Cases"],
      rows: firstKeys.map((k, i) => [ruleLabel(k), firstShown[i] ?? null]),
    },
    chart: { kind: "bar", category: "First recommendation", measure: "Cases", series: ["Cases"] },
    ...(firstKeys.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  const missing = figures.missingFacts.slice(0, MISSING_FACTS_LISTED);
  sections.push({
    id: "missing-facts",
    title: "What to record next: the facts most often missing",
    lead: `The facts still unknown, ranked by how many order outcomes (summed over cases) an answer would settle; the ${MISSING_FACTS_LISTED} most decisive are listed. Recording these is the quickest way to turn "needs information" into an answer.`,
    table: {
      columns: ["Fact", "Question to ask", "Cases where unknown", "Outcomes it would settle"],
      rows: missing.map((m) => [
        m.fact,
        factQuestions.get(m.fact) ?? "",
        suppressCount(m.cases, below),
        suppressCount(m.outcomesSettled, below),
      ]),
    },
    chart: {
      kind: "bar",
      category: "Fact",
      measure: "Outcomes it would settle",
      series: ["Outcomes it would settle"],
    },
    ...(missing.length === 0 ? { empty: "No fact is missing that would change an outcome." } : {}),
  });

  const spo = figures.spo;
  sections.push({
    id: "spo-not-pursued",
    title: "Stalking Protection Orders available but not pursued",
    lead: "Cases where an SPO is available on the recorded facts, yet a request for one was declined or no request or application is recorded.",
    table: {
      columns: ["SPO available, and", "Cases"],
      rows: [
        ["a request was declined", suppressCount(spo.availableButDeclined, below)],
        ["no request or application recorded", suppressCount(spo.availableNoRequestRecorded, below)],
      ],
    },
    chart: {
      kind: "bar",
      category: "SPO available, and",
      measure: "Cases",
      series: ["Cases"],
      ordered: true,
    },
  });

  const verdicts = Object.keys(figures.declines.byVerdict);
  const verdictShown = suppressRow(
    verdicts.map((v) => figures.declines.byVerdict[v] ?? 0),
    below,
  );
  sections.push({
    id: "decline-verdicts",
    title: "Declined SPO requests, by verdict",
    lead: "Each declined request reviewed reason by reason against the law; the verdict is a prompt for review, not a legal finding.",
    table: {
      columns: ["Verdict", "Declines"],
      rows: verdicts.map((v, i) => [VERDICT_LABELS[v] ?? v, verdictShown[i] ?? null]),
    },
    chart: { kind: "bar", category: "Verdict", measure: "Declines", series: ["Declines"] },
    ...(verdicts.length === 0 ? { empty: "No declined SPO request was recorded in these rows." } : {}),
  });

  const reasonCodes = Object.keys(figures.declines.reasons);
  sections.push({
    id: "decline-reasons",
    title: "Decline reasons, and which were found wrong in law",
    lead: "Each reason given for a decline, and what the review found of it: misstating the law, misdirected, or contradicted by the recorded facts are the reasons that do not hold.",
    table: {
      columns: ["Reason", ...FINDING_COLUMNS.map(([, label]) => label)],
      rows: reasonCodes.map((code) => {
        const kinds = figures.declines.reasons[code] ?? {};
        return [
          reasonLabels.get(code) ?? code,
          ...suppressRow(
            FINDING_COLUMNS.map(([kind]) => kinds[kind] ?? 0),
            below,
          ),
        ];
      }),
    },
    chart: {
      kind: "stacked-bar",
      category: "Reason",
      measure: "Findings",
      series: ["Misstates the law", "Misdirected", "Contradicted by the facts"],
    },
    ...(reasonCodes.length === 0 ? { empty: "No decline reason was recorded in these rows." } : {}),
  });

  const areas = Object.keys(spo.byPoliceForceArea);
  sections.push({
    id: "spo-by-area",
    title: "SPO availability by police force area",
    lead: "The SPO's outcome by the police force area dealing with the case.",
    table: {
      columns: ["Police force area", ...OUTCOME_COLUMNS],
      rows: areas.map((area) => [
        area === "not-recorded" ? "Not recorded" : (forceNames.get(area) ?? area),
        ...outcomeCells(spo.byPoliceForceArea[area]!, below),
      ]),
    },
    chart: { kind: "stacked-bar", category: "Police force area", measure: "Cases", series: OUTCOME_COLUMNS },
    ...(areas.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  const months = Object.keys(spo.byMonthOfLatestIncident);
  sections.push({
    id: "spo-by-month",
    title: "SPO availability by month of the latest incident",
    lead: "The SPO's outcome by the calendar month of each case's latest dated incident.",
    table: {
      columns: ["Month of latest incident", ...OUTCOME_COLUMNS],
      rows: months.map((month) => [
        month === "no-dated-incident" ? "No dated incident" : month,
        ...outcomeCells(spo.byMonthOfLatestIncident[month]!, below),
      ]),
    },
    chart: {
      kind: "stacked-bar",
      category: "Month of latest incident",
      measure: "Cases",
      series: OUTCOME_COLUMNS,
      ordered: true,
    },
    ...(months.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  const bands = suppressRow(
    RESPONSE_BANDS.map((band) => figures.breaches.responseHours[band]),
    below,
  );
  sections.push({
    id: "breach-response",
    title: "Police response to reported breaches",
    lead: "Hours from a reported breach of an order to the police response, where the rows carry breach reports.",
    table: {
      columns: ["Response time", "Reports"],
      rows: RESPONSE_BANDS.map((band, i) => [band, bands[i] ?? null]),
    },
    chart: { kind: "bar", category: "Response time", measure: "Reports", series: ["Reports"], ordered: true },
    ...(figures.breaches.reports === 0 ? { empty: "No breach reports were given in these rows." } : {}),
  });

  return {
    title: "Caseload report: protective orders against stalking",
    asOf: figures.asOf,
    rows: figures.rows,
    suppressBelow: below,
    convention:
      below > 1
        ? `Counts from 1 to ${below - 1} in any breakdown are shown as "<${below}" (and left out of the charts); where one count in a row is hidden, the next smallest is hidden too, so it cannot be worked out from the row's total. Zeros and the totals of rows read are shown.`
        : "No counts are suppressed in this report (--suppress-below 0 or 1): do not share it beyond those entitled to see the case-level data.",
    headline: [
      { label: "Law applied as at", value: figures.asOf },
      { label: "Rows read", value: figures.rows.read },
      { label: "Valid (assessed)", value: figures.rows.valid },
      { label: "Invalid (could not be assessed)", value: figures.rows.invalid },
      { label: "SPO available", value: suppressCount(spo.outcomes.available, below) },
      { label: "SPO available but declined", value: suppressCount(spo.availableButDeclined, below) },
      { label: "Declined requests reviewed", value: suppressCount(figures.declines.reviewed, below) },
      { label: "Breach reports", value: suppressCount(figures.breaches.reports, below) },
    ],
    sections,
    ...(options.ids ? { ids: options.ids } : {}),
  };
}

/** How a count is written in a table: the number, or "<N" where suppressed. */
export function shownCountText(value: Cell | undefined, below: number): string {
  if (value === null) return `<${below}`;
  if (value === undefined) return "";
  // Thousands separated by hand: the same text in every locale and ICU build.
  return typeof value === "number" ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : value;
}
