// The caseload report as data: sections, each a table of (suppressed) counts and the chart that
// draws the same numbers. HTML, Markdown and JSON are renderings of this one model, so the three
// formats always carry the same figures.

import { type CaseloadFigures, type OutcomeCounts, RESPONSE_BANDS } from "../assess/caseload-figures.js";
import { DEFAULT_RULES } from "../assess/default-rules.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { getProvision } from "../law/registry.js";
import { POLICE_FORCES } from "../model/police-forces.js";
import { DECLINE_REASONS } from "../review/decline-reasons.js";
import { controlDisclosure, type Figure, type HiddenMark, type Line } from "./suppress.js";

/** A hidden count: why it is hidden. */
export interface HiddenCell {
  readonly hidden: HiddenMark;
}

/** One cell of a report table: a label, a count, or a hidden count. */
export type Cell = string | number | HiddenCell;

export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /**
   * The published figure behind each cell (its id in `published.figures`), or `null` for a label,
   * a rate or a statistic: what the disclosure audit matches every printed count to.
   */
  readonly figures?: readonly (readonly (string | null)[])[];
}

/** A reference to a figure, resolved to its (suppressed) cell when a table is built. */
interface FigureRef {
  readonly ref: string;
}
function isRef(c: Cell | FigureRef): c is FigureRef {
  return typeof c === "object" && "ref" in c;
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
  /** Keep the categories in the table's order (periods, bands) rather than sorting by size. */
  readonly ordered?: boolean;
  /** A time chart: the label of the period holding the SPA's commencement, to mark it. */
  readonly marker?: { readonly category: string; readonly label: string };
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
  /** Said where some of the breakdown cannot be shown without disclosure. */
  readonly note?: string;
}

/** Every figure the report prints, and the lines (sums) that link them: what the audit reads. */
export interface PublishedFigures {
  readonly figures: readonly {
    readonly id: string;
    readonly value: number | null;
    readonly mark?: HiddenMark;
  }[];
  readonly lines: readonly Line[];
  /**
   * What else a reader knows of the figures: each bound's members add up to no more than its total
   * (the SPOs available but declined or not requested are among the SPOs available; a missing fact
   * is missing in no more cases than were assessed). The audit reads them with the lines.
   */
  readonly atMost: readonly Line[];
}

export interface CaseloadReport {
  readonly title: string;
  readonly asOf: string;
  readonly suppressBelow: number;
  /** The period of the time table, as chosen or set. */
  readonly period: "month" | "quarter" | "year";
  /** True where suppression was turned off (`--no-suppression`): for internal use only. */
  readonly internalOnly: boolean;
  readonly convention: string;
  /** The headline figures; `figure` is the published figure each is read from. */
  readonly headline: readonly { readonly label: string; readonly value: Cell; readonly figure?: string }[];
  /** The rows read, valid and invalid, as the headline shows them (a hidden one is marked). */
  readonly rows: { readonly read: Cell; readonly valid: Cell; readonly invalid: Cell };
  readonly sections: readonly ReportSection[];
  readonly published: PublishedFigures;
  /** Only with `includeIds`: case ids worth a second look. */
  readonly ids?: {
    readonly availableButDeclined: readonly string[];
    readonly declinesToReview: readonly string[];
  };
}

/** How the periods of the time table are chosen: set, or `auto` (the finest where most cells show). */
export type ReportPeriod = "month" | "quarter" | "year" | "auto";

const OUTCOME_COLUMNS = ["Available", "Needs information", "Not available"] as const;

const ruleLabels = new Map(DEFAULT_RULES.rules.map((r) => [r.rule.name, r.rule.label]));
const factQuestions = new Map(FACT_DEFINITIONS.map((f) => [f.id, f.question]));
/** A fact's plain-English name, for a chart's axis (its question, often long, is in the table). */
const factLabels = new Map(FACT_DEFINITIONS.map((f) => [f.id, f.label]));
const forceNames = new Map<string, string>(POLICE_FORCES.map((f) => [f.id, f.name]));
const reasonLabels = new Map<string, string>(DECLINE_REASONS.map((r) => [r.code, r.label]));

/** The SPA 2019's commencement (s.1 in force), read from the law registry: marked on time charts. */
export const SPA_COMMENCEMENT = getProvision("spa-2019:s1")?.inForce.from ?? "2020-01-20";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** An ISO date written out: "2020-01-20" as "20 January 2020". */
function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ""} ${iso.slice(0, 4)}`;
}

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

const OUTCOME_KEYS = ["available", "needs-information", "not-available"] as const;

/** How many of the most often missing facts the report lists. */
export const MISSING_FACTS_LISTED = 15;

/** The share of a time table's non-zero cells that must be publishable for `auto` to pick a period. */
export const PERIOD_PUBLISHABLE_SHARE = 0.75;

function periodOf(month: string, period: "month" | "quarter" | "year"): string {
  if (period === "month") return month;
  if (period === "year") return month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)} Q${Math.ceil(m / 3)}`;
}

function periodCounts(
  byMonth: Readonly<Record<string, OutcomeCounts>>,
  period: "month" | "quarter" | "year",
): Map<string, OutcomeCounts> {
  const out = new Map<string, OutcomeCounts>();
  const keys = Object.keys(byMonth).filter((k) => /^\d{4}-\d{2}$/.test(k));
  keys.sort();
  for (const key of keys) {
    const p = periodOf(key, period);
    const into = out.get(p) ?? { available: 0, "needs-information": 0, "not-available": 0 };
    for (const k of OUTCOME_KEYS) into[k] += byMonth[key]?.[k] ?? 0;
    out.set(p, into);
  }
  return out;
}

function choosePeriod(
  byMonth: Readonly<Record<string, OutcomeCounts>>,
  threshold: number,
  asked: ReportPeriod,
): "month" | "quarter" | "year" {
  if (asked !== "auto") return asked;
  for (const period of ["month", "quarter"] as const) {
    const cells = [...periodCounts(byMonth, period).values()].flatMap((c) => OUTCOME_KEYS.map((k) => c[k]));
    const nonZero = cells.filter((n) => n > 0);
    if (nonZero.length === 0) return period;
    if (nonZero.filter((n) => n >= threshold).length / nonZero.length >= PERIOD_PUBLISHABLE_SHARE)
      return period;
  }
  return "year";
}

/** The nearest-rank percentile of a histogram of days. */
function percentile(histogram: Readonly<Record<string, number>>, p: number): number | undefined {
  const entries = Object.entries(histogram)
    .map(([d, n]) => [Number(d), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [d, n] of entries) {
    seen += n;
    if (seen >= rank) return d;
  }
  return undefined;
}

/**
 * Builds the report model from the caseload figures. Every count it prints is registered as a
 * figure, with the sums that link figures, and disclosure control runs once over all of them:
 * the tables, the headline, the charts, JSON and CSV all read the one result.
 */
export function caseloadReport(
  figures: CaseloadFigures,
  options: {
    readonly suppressBelow: number;
    readonly period?: ReportPeriod;
    readonly ids?: CaseloadReport["ids"];
  },
): CaseloadReport {
  const threshold = Math.max(0, Math.floor(options.suppressBelow));
  const all: Figure[] = [];
  const lines: Line[] = [];
  const fig = (id: string, value: number, notPrimary = false): string => {
    all.push(notPrimary ? { id, value, notPrimary } : { id, value });
    return id;
  };
  const line = (total: string, members: readonly string[]) => {
    lines.push({ total, members });
  };

  // Rows: read = valid + invalid.
  const read = fig("rows.read", figures.rows.read, true);
  const valid = fig("rows.valid", figures.rows.valid, true);
  const invalid = fig("rows.invalid", figures.rows.invalid, true);
  line(read, [valid, invalid]);

  // Outcomes by order: each order's outcomes add up to the cases assessed. The SPO is one row,
  // the order for the case's jurisdiction (SPA 2019, or the NI Act of 2022), as every SPO
  // breakdown below counts it: two rows would let the one be worked out from the other.
  // An order is not assessed in every case (a Northern Ireland order only in Northern Ireland
  // cases): a row that does not add up to the cases assessed gets its own total, shown.
  const orderRows: { label: string; ids: string[]; total: string }[] = [];
  const rowTotal = (prefix: string, counts: OutcomeCounts): string => {
    const sum = OUTCOME_KEYS.reduce((n, k) => n + counts[k], 0);
    return sum === figures.rows.valid ? valid : fig(`${prefix}.cases`, sum);
  };
  const spoIds = OUTCOME_KEYS.map((k) => fig(`spo.${k}`, figures.spo.outcomes[k]));
  if (figures.rows.valid > 0) {
    const total = rowTotal("spo", figures.spo.outcomes);
    orderRows.push({
      label: "Stalking Protection Order (the one for the case's jurisdiction)",
      ids: spoIds,
      total,
    });
    line(total, spoIds);
  }
  for (const rule of Object.keys(figures.outcomes)) {
    if (rule === "spo" || rule === "ni-spo") continue;
    const counts = figures.outcomes[rule]!;
    const ids = OUTCOME_KEYS.map((k) => fig(`outcome.${rule}.${k}`, counts[k]));
    const total = rowTotal(`outcome.${rule}`, counts);
    line(total, ids);
    orderRows.push({ label: ruleLabel(rule), ids, total });
  }

  const firstKeys = Object.keys(figures.firstRecommendation).sort(
    (a, b) =>
      (figures.firstRecommendation[b] ?? 0) - (figures.firstRecommendation[a] ?? 0) || (a < b ? -1 : 1),
  );
  const firstIds = firstKeys.map((k) => fig(`first.${k}`, figures.firstRecommendation[k] ?? 0));
  const firstSum = firstKeys.reduce((n, k) => n + (figures.firstRecommendation[k] ?? 0), 0);
  if (firstIds.length > 0)
    line(firstSum === figures.rows.valid ? valid : fig("first.cases", firstSum), firstIds);

  const missing = figures.missingFacts.slice(0, MISSING_FACTS_LISTED);
  const missingIds = missing.map((m) => [
    fig(`missing.${m.fact}.cases`, m.cases),
    fig(`missing.${m.fact}.settles`, m.outcomesSettled),
  ]);

  const spo = figures.spo;
  const declinedId = fig("spo.available-declined", spo.availableButDeclined);
  const noRequestId = fig("spo.available-no-request", spo.availableNoRequestRecorded);

  // A breakdown of the SPO by area or period: each outcome column adds up to the SPO's row above.
  const breakdown = (prefix: string, table: ReadonlyMap<string, OutcomeCounts>) => {
    const rows = [...table.entries()].map(([key, counts]) => ({
      key,
      ids: OUTCOME_KEYS.map((k) => fig(`${prefix}.${key}.${k}`, counts[k])),
    }));
    OUTCOME_KEYS.forEach((_, i) => {
      line(
        spoIds[i]!,
        rows.map((r) => r.ids[i]!),
      );
    });
    return rows;
  };
  const areaRows = breakdown("area", new Map(Object.entries(spo.byPoliceForceArea)));
  const period = choosePeriod(spo.byMonthOfLatestIncident, threshold, options.period ?? "auto");
  const timeTable = periodCounts(spo.byMonthOfLatestIncident, period);
  // A time table that starts before the SPA 2019's commencement shows the period holding it, so the
  // chart can mark it: a period with no case is a row of zeros (true, and it hides nothing).
  const commencementPeriod = periodOf(SPA_COMMENCEMENT.slice(0, 7), period);
  const periods = [...timeTable.keys()];
  if (
    periods.length > 0 &&
    periods[0]! < commencementPeriod &&
    !timeTable.has(commencementPeriod) &&
    commencementPeriod <= periodOf(figures.asOf.slice(0, 7), period)
  ) {
    const dated = [
      ...timeTable.entries(),
      [commencementPeriod, { available: 0, "needs-information": 0, "not-available": 0 }] as const,
    ];
    dated.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    timeTable.clear();
    for (const [k, c] of dated) timeTable.set(k, c);
  }
  for (const extra of ["after-as-of", "no-dated-incident"]) {
    const counts = spo.byMonthOfLatestIncident[extra];
    if (counts) timeTable.set(extra, counts);
  }
  const timeRows = breakdown("period", timeTable);

  const reviewedId = fig("declines.reviewed", figures.declines.reviewed);
  const verdicts = Object.keys(figures.declines.byVerdict);
  const verdictIds = verdicts.map((v) => fig(`verdict.${v}`, figures.declines.byVerdict[v] ?? 0));
  if (verdictIds.length > 0) line(reviewedId, verdictIds);

  const reasonCodes = Object.keys(figures.declines.reasons);
  const reasonIds = reasonCodes.map((code) =>
    FINDING_COLUMNS.map(([kind]) =>
      fig(`reason.${code}.${kind}`, figures.declines.reasons[code]?.[kind] ?? 0),
    ),
  );

  const reportsId = fig("breaches.reports", figures.breaches.reports);
  const bandIds = RESPONSE_BANDS.map((band) => fig(`breach.${band}`, figures.breaches.responseHours[band]));
  if (figures.breaches.reports > 0) line(reportsId, bandIds);

  const decided = Object.values(spo.daysToDecision).reduce((n, c) => n + c, 0);
  const decidedId = fig("decisions.dated", decided);

  const atMost: Line[] = [
    { total: spoIds[0]!, members: [declinedId, noRequestId] },
    { total: valid, members: [reviewedId] },
    { total: valid, members: [decidedId] },
    ...missingIds.map(([cases]) => ({ total: valid, members: [cases!] })),
  ];

  const disclosure = controlDisclosure(all, lines, threshold, atMost);
  const figureValue = new Map(all.map((f) => [f.id, f.value]));
  const cell = (id: string): Cell => {
    const mark = disclosure.hidden.get(id);
    return mark ? { hidden: mark } : (figureValue.get(id) ?? 0);
  };
  const isShown = (id: string) => !disclosure.hidden.has(id);
  // A table is written with references to figures; it is resolved to its cells, and the figure
  // behind each cell is kept beside it, for the audit to match every printed cell to its figure.
  const ref = (id: string): FigureRef => ({ ref: id });
  const tableOf = (t: {
    readonly columns: readonly string[];
    readonly rows: readonly (readonly (Cell | FigureRef)[])[];
  }): ReportTable => ({
    columns: t.columns,
    rows: t.rows.map((row) => row.map((c) => (isRef(c) ? cell(c.ref) : c))),
    figures: t.rows.map((row) => row.map((c) => (isRef(c) ? c.ref : null))),
  });

  const sections: ReportSection[] = [];
  sections.push({
    id: "outcomes",
    title: "Outcome of each order across the caseload",
    lead: "For each order, in how many cases it is available on the recorded facts, needs more information, or is not available. Each row adds up to its last column.",
    table: tableOf({
      columns: ["Order", ...OUTCOME_COLUMNS, "Cases assessed for it"],
      rows: orderRows.map((r) => [r.label, ...r.ids.map(ref), ref(r.total)]),
    }),
    chart: { kind: "stacked-bar", category: "Order", measure: "Cases", series: OUTCOME_COLUMNS },
    ...(orderRows.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  sections.push({
    id: "first-recommendation",
    title: "The first recommendation",
    lead: "The order the library would consider first in each case (nothing, where no order is yet available). The rows add up to the cases assessed.",
    table: tableOf({
      columns: ["First recommendation", "Cases"],
      rows: firstKeys.map((k, i) => [ruleLabel(k), ref(firstIds[i]!)]),
    }),
    chart: { kind: "bar", category: "First recommendation", measure: "Cases", series: ["Cases"] },
    ...(firstKeys.length === 0 ? { empty: "No case could be assessed." } : {}),
  });

  sections.push({
    id: "missing-facts",
    title: "What to record next: the facts most often missing",
    lead: `The facts still unknown, each named in plain English with the question that would settle it, ranked by how many order outcomes (summed over cases) an answer would settle; the ${MISSING_FACTS_LISTED} most decisive are listed. A case can miss several facts, so these do not add up.`,
    table: tableOf({
      columns: ["Fact", "Question to ask", "Fact id", "Cases where unknown", "Outcomes it would settle"],
      rows: missing.map((m, i) => [
        factLabels.get(m.fact) ?? m.fact,
        factQuestions.get(m.fact) ?? m.fact,
        m.fact,
        ref(missingIds[i]![0]!),
        ref(missingIds[i]![1]!),
      ]),
    }),
    chart: {
      kind: "bar",
      category: "Fact",
      measure: "Outcomes it would settle",
      series: ["Outcomes it would settle"],
    },
    ...(missing.length === 0 ? { empty: "No fact is missing that would change an outcome." } : {}),
  });

  sections.push({
    id: "spo-not-pursued",
    title: "Stalking Protection Orders available but not pursued",
    lead: "Cases where an SPO is available on the recorded facts, yet a request for one was declined or no request or application is recorded.",
    table: tableOf({
      columns: ["SPO available, and", "Cases"],
      rows: [
        ["a request was declined", ref(declinedId)],
        ["no request or application recorded", ref(noRequestId)],
      ],
    }),
    chart: {
      kind: "bar",
      category: "SPO available, and",
      measure: "Cases",
      series: ["Cases"],
      ordered: true,
    },
  });

  const rate = (ids: readonly string[]): Cell => {
    const [a, , x] = ids;
    if (!a || !x || !isShown(a) || !isShown(x)) return "[c]";
    const av = figureValue.get(a) ?? 0;
    const na = figureValue.get(x) ?? 0;
    return av + na === 0 ? "no case with enough facts" : `${Math.round((100 * av) / (av + na))}%`;
  };
  const RATE = "SPO available, among cases with enough facts";
  const hiddenNote = (rows: readonly { ids: readonly string[] }[], what: string) =>
    rows.some((r) =>
      r.ids.some((id) => disclosure.hidden.get(id) === "secondary" && figureValue.get(id) === 0),
    )
      ? `Some whole columns of ${what} are hidden, zeros too: shown, they would let a hidden count above be worked out.`
      : undefined;
  const areaNote = hiddenNote(areaRows, "this table");
  sections.push({
    id: "spo-by-area",
    title: "SPO availability by police force area",
    lead: "The SPO's outcome by the police force area dealing with the case; each column adds up to the SPO's row in the first table. The rate is of cases with enough facts to decide (available or not available).",
    table: tableOf({
      columns: ["Police force area", ...OUTCOME_COLUMNS, RATE],
      rows: areaRows.map((r) => [
        r.key === "not-recorded" ? "Not recorded" : (forceNames.get(r.key) ?? r.key),
        ...r.ids.map(ref),
        rate(r.ids),
      ]),
    }),
    chart: { kind: "stacked-bar", category: "Police force area", measure: "Cases", series: OUTCOME_COLUMNS },
    ...(areaRows.length === 0 ? { empty: "No case could be assessed." } : {}),
    ...(areaNote ? { note: areaNote } : {}),
  });

  const firstPeriod = timeRows.find((r) => /^\d{4}/.test(r.key))?.key;
  const timeNote = hiddenNote(timeRows, "this table");
  const periodWord = period === "month" ? "Month" : period === "quarter" ? "Quarter" : "Year";
  sections.push({
    id: "spo-by-period",
    title: `SPO availability by ${period} of the latest incident`,
    lead: `The SPO's outcome by the ${period} of each case's latest dated incident, in date order (${period}s chosen so that most counts can be shown). Each column adds up to the SPO's row in the first table. Cases with an incident dated after the law date are a data problem and have their own line.`,
    table: tableOf({
      columns: [`${periodWord} of latest incident`, ...OUTCOME_COLUMNS],
      rows: timeRows.map((r) => [
        r.key === "no-dated-incident"
          ? "No dated incident"
          : r.key === "after-as-of"
            ? "Dated after the law date (a data problem)"
            : r.key,
        ...r.ids.map(ref),
      ]),
    }),
    chart: {
      kind: "stacked-bar",
      category: `${periodWord} of latest incident`,
      measure: "Cases",
      series: OUTCOME_COLUMNS,
      ordered: true,
      ...(firstPeriod !== undefined && firstPeriod <= commencementPeriod
        ? {
            marker: {
              category: commencementPeriod,
              label: `Stalking Protection Act 2019 in force from ${longDate(SPA_COMMENCEMENT)}`,
            },
          }
        : {}),
    },
    ...(timeRows.length === 0 ? { empty: "No case could be assessed." } : {}),
    ...(timeNote ? { note: timeNote } : {}),
  });

  sections.push({
    id: "decline-verdicts",
    title: "Declined SPO requests, by verdict",
    lead: "Each declined request reviewed reason by reason against the law; the verdict is a prompt for review, not a legal finding. The rows add up to the declines reviewed.",
    table: tableOf({
      columns: ["Verdict", "Declines"],
      rows: verdicts.map((v, i) => [VERDICT_LABELS[v] ?? v, ref(verdictIds[i]!)]),
    }),
    chart: { kind: "bar", category: "Verdict", measure: "Declines", series: ["Declines"] },
    ...(verdicts.length === 0 ? { empty: "No declined SPO request was recorded in these rows." } : {}),
  });

  sections.push({
    id: "decline-reasons",
    title: "Decline reasons, and how many misstate the law",
    lead: "Each reason given for a decline, and what the review found of it: misstating the law, misdirected, or contradicted by the recorded facts are the reasons that do not hold. A decline can give several reasons.",
    table: tableOf({
      columns: ["Reason", ...FINDING_COLUMNS.map(([, label]) => label)],
      rows: reasonCodes.map((code, i) => [reasonLabels.get(code) ?? code, ...reasonIds[i]!.map(ref)]),
    }),
    chart: {
      kind: "stacked-bar",
      category: "Reason",
      measure: "Findings",
      series: ["Misstates the law", "Misdirected", "Contradicted by the facts"],
    },
    ...(reasonCodes.length === 0 ? { empty: "No decline reason was recorded in these rows." } : {}),
  });

  const median = percentile(spo.daysToDecision, 0.5);
  const p90 = percentile(spo.daysToDecision, 0.9);
  const daysShown = threshold <= 1 || decided >= threshold;
  sections.push({
    id: "days-to-decision",
    title: "Days from an SPO request to its decision",
    lead: "Where both the request and the decision are dated. The median and the 90th percentile are shown only where at least as many decisions are dated as the disclosure threshold.",
    table: tableOf({
      columns: ["Measure", "Value"],
      rows: [
        ["Decisions dated", ref(decidedId)],
        ["Median days", daysShown && median !== undefined ? String(median) : "[c]"],
        ["90th percentile, days", daysShown && p90 !== undefined ? String(p90) : "[c]"],
      ],
    }),
    ...(decided === 0 ? { empty: "No SPO request and decision were both dated in these rows." } : {}),
    ...(decided > 0 && !daysShown
      ? { note: "Too few dated decisions to show the median or the 90th percentile without disclosure." }
      : {}),
  });

  sections.push({
    id: "breach-response",
    title: "Police response to reported breaches",
    lead: "Hours from a reported breach of an order to the police response, where the rows carry breach reports. The rows add up to the breach reports.",
    table: tableOf({
      columns: ["Response time", "Reports"],
      rows: RESPONSE_BANDS.map((band, i) => [band, ref(bandIds[i]!)]),
    }),
    chart: { kind: "bar", category: "Response time", measure: "Reports", series: ["Reports"], ordered: true },
    ...(figures.breaches.reports === 0 ? { empty: "No breach reports were given in these rows." } : {}),
  });

  // A breakdown with nothing to show says so.
  const withNotes = sections.map((s) =>
    !s.empty &&
    s.table.rows.length > 0 &&
    s.table.rows.every((r) => r.slice(1).every((c) => typeof c === "object" || c === 0 || c === "[c]"))
      ? {
          ...s,
          // A section's own, more specific note is kept.
          note:
            s.note ??
            "This breakdown cannot be shown without disclosing small counts: every count in it is hidden.",
        }
      : s,
  );

  const internalOnly = threshold <= 1;
  const convention = internalOnly
    ? "INTERNAL USE ONLY: no count is hidden in this report (--no-suppression). It may identify people: do not publish it or share it beyond those entitled to see the case-level data."
    : `To protect the people in these cases, any count from 1 to ${threshold - 1} is hidden and shown as "[c]" (confidential): "[c]" therefore means a count from 1 to ${threshold - 1}, and says no more than that. Some larger counts, or zeros, are hidden too, shown as "[c] (secondary)": each could be any number, and is hidden because with the totals printed it would let a "[c]" be worked out by subtraction; where that could not be avoided, a whole column, zeros included, is hidden. Every total and breakdown in this report, its headline, its charts, and its JSON and CSV versions were checked together, so no hidden count can be worked out, exactly or to within ${threshold} either way, from the other figures printed. Zeros are shown unless marked.`;

  return {
    title: "Caseload report: protective orders against stalking",
    asOf: figures.asOf,
    suppressBelow: threshold,
    period,
    internalOnly,
    convention,
    rows: { read: cell(read), valid: cell(valid), invalid: cell(invalid) },
    headline: [
      { label: "Law applied as at", value: figures.asOf },
      { label: "Rows read", value: cell(read), figure: read },
      { label: "Valid (assessed)", value: cell(valid), figure: valid },
      { label: "Invalid (could not be assessed)", value: cell(invalid), figure: invalid },
      { label: "SPO available (first table)", value: cell(spoIds[0]!), figure: spoIds[0]! },
      { label: "SPO available but declined", value: cell(declinedId), figure: declinedId },
      { label: "Declined requests reviewed", value: cell(reviewedId), figure: reviewedId },
      { label: "Breach reports", value: cell(reportsId), figure: reportsId },
    ],
    sections: withNotes,
    published: {
      figures: all.map((f) => {
        const mark = disclosure.hidden.get(f.id);
        return mark ? { id: f.id, value: null, mark } : { id: f.id, value: f.value };
      }),
      lines,
      atMost,
    },
    ...(options.ids ? { ids: options.ids } : {}),
  };
}

/** How a cell is written: the number (thousands separated), the label, or its "[c]" mark. */
export function shownCountText(value: Cell | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "object") return value.hidden === "primary" ? "[c]" : "[c] (secondary)";
  // Thousands separated by hand: the same text in every locale and ICU build.
  return typeof value === "number" ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : value;
}
