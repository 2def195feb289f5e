import offences from "../law/breach-offences.json";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import generalLimit from "../law/sentencing-act-2020/general-limit.json";
import type { BreachReport } from "../model/breach-report.js";
import type { IsoDate } from "../model/iso-date.js";
import type { Order, OrderTerm } from "../model/order.js";
import { generalLimitFor, type SummaryMaximum } from "./general-limit.js";

const GENERAL_LIMIT_CUTOFF = generalLimit.offenceDateCutoff;

import * as z from "zod";
import { CaseFactsError } from "../model/errors.js";
import {
  DATE_OPTION,
  parseBreachReports,
  parseOrder,
  readOptions,
  underPath,
} from "../model/parse-arguments.js";
import type { InputProblem, ParseResult } from "../model/parse-case-facts.js";
import type { BreachReportInput, OrderInput } from "../model/readonly-input.js";
import { datesOf } from "./order-dates.js";
import { ukWallTimeToUtc } from "./uk-time.js";

interface BreachEntry {
  readonly offence: boolean;
  readonly citation: string;
  readonly indictmentYears?: number;
  readonly summary?: string;
  readonly offenceDateCutoff?: boolean;
  readonly conditionalDischargeBarred?: boolean | null;
  /** A provision id: whether a conditional discharge is barred is an unverified point. */
  readonly conditionalDischargeCitation?: string;
  /** For a summary maximum resting on unverified wording: the provision that says so. */
  readonly summaryCitation?: string;
  readonly note?: string;
}

/**
 * What breaching an order is, in law, and its maximum penalties.
 *
 * @example
 * ```ts
 * import { breachOffenceFor, type BreachOffence } from "protective-orders";
 * const offence: BreachOffence = breachOffenceFor("nmo", { offenceOn: "2025-03-01", convictedOn: "2025-06-01" });
 * offence.citation.title; // "Family Law Act 1996, s.42A"
 * offence.indictmentMaxYears; // 5
 * ```
 */
export interface BreachOffence {
  readonly isOffence: boolean;
  readonly citation: Citation;
  readonly indictmentMaxYears?: number;
  /** The summary maximum: worked out when the conviction date is known, else described. */
  readonly summaryMax?: SummaryMaximum | string;
  readonly conditionalDischargeBarred?: boolean;
  readonly note?: string;
  /** True when any part of the answer (the offence, the summary maximum, a discharge bar) is unverified. */
  readonly unverified: boolean;
  /** The unverified points the answer touches, each with its citation. */
  readonly unverifiedPoints: readonly Citation[];
}

/**
 * The assessment of one reported incident against an order.
 *
 * @example
 * ```ts
 * import type { BreachFinding } from "protective-orders";
 * const needsAction = (finding: BreachFinding) => finding.breach === true || finding.response.flagged;
 * ```
 */
export interface BreachFinding {
  readonly report: string;
  /** Whether the order was in force on the day: unknown where its dates are missing. */
  readonly inForce: boolean | "unknown";
  /** For an order made without notice: whether the person knew of it (served) by then. */
  readonly knownToSuspect: boolean | "unknown";
  /** The terms the conduct appears to breach, by path. */
  readonly termsBreached: readonly { readonly path: string; readonly text: string }[];
  /** Whether it is a breach that can be prosecuted (or dealt with) now. */
  readonly breach: boolean | "unknown";
  readonly offence: BreachOffence;
  readonly response: {
    readonly hours: number | null;
    readonly flagged: boolean;
    readonly thresholdHours: number;
  };
}

const CONTACT_CATEGORIES = ["contact", "electronic-contact", "third-party-contact"];
const PLACE_CATEGORIES = ["exclusion-zone", "approach", "surveillance"];
const CATEGORIES: Record<string, readonly string[]> = {
  contacting: CONTACT_CATEGORIES,
  "third-party-contact": CONTACT_CATEGORIES,
  "monitoring-electronic-communications": ["electronic-contact", "surveillance", "contact"],
  publishing: ["publishing", "contact"],
  impersonation: ["publishing", "contact"],
  "leaving-items-or-gifts": ["contact", "exclusion-zone"],
  loitering: PLACE_CATEGORIES,
  following: PLACE_CATEGORIES,
  "watching-or-spying": PLACE_CATEGORIES,
  "entering-premises": ["exclusion-zone"],
  "interfering-with-property": ["exclusion-zone"],
  violence: ["approach", "contact"],
  "threats-of-violence": ["contact", "approach"],
};

const CONTACT =
  /\b(contact\w*|communicat\w*|messag\w*|electronic\w*|telephon\w*|email\w*|text messages?|social media|third part\w*)\b/i;
const PLACE = /\b(enter\w*|area|zone|approach\w*|metres|surveil\w*|watch\w*|follow\w*|track\w*)\b/i;
const MATCH: Record<string, RegExp> = {
  contacting: CONTACT,
  "third-party-contact": CONTACT,
  "monitoring-electronic-communications": /\b(electronic\w*|monitor\w*|surveil\w*|contact\w*)\b/i,
  publishing: /\b(publish\w*|posts?|posting|social media|statements?|material)\b/i,
  impersonation: /\b(publish\w*|purport\w*|impersonat\w*|contact\w*)\b/i,
  "leaving-items-or-gifts": /\b(contact\w*|leav\w*|items?|gifts?|enter\w*|area|zone)\b/i,
  loitering: PLACE,
  following: PLACE,
  "watching-or-spying": PLACE,
  "entering-premises": PLACE,
  "interfering-with-property": /\b(property|enter\w*|area|zone|interfer\w*)\b/i,
  violence: /\b(approach\w*|contact\w*|molest\w*|violen\w*)\b/i,
  "threats-of-violence": /\b(contact\w*|threat\w*|molest\w*)\b/i,
  other: /\bmolest\w*/i,
};

function termsFor(order: Order, report: BreachReport): { path: string; text: string }[] {
  if (report.kind === "missed-requirement") {
    const requirements: readonly OrderTerm[] =
      ("requirements" in order ? order.requirements : undefined) ?? [];
    return requirements
      .map((t, i) => ({ t, path: `requirements.${i}` }))
      .filter(({ t }) => report.termId === undefined || t.id === report.termId)
      .map(({ t, path }) => ({ path, text: t.text }));
  }
  // A term's category decides where it has one; otherwise its words do, matched as whole words.
  const categories = CATEGORIES[report.kind] ?? [];
  const pattern = MATCH[report.kind] ?? /\bmolest\w*/i;
  return order.prohibitions
    .map((t, i) => ({ t, path: `prohibitions.${i}` }))
    .filter(({ t }) =>
      t.category !== undefined
        ? categories.includes(t.category) || t.category === "molestation"
        : pattern.test(t.text),
    )
    .map(({ t, path }) => ({ path, text: t.text }));
}

/**
 * What breaching an order of this kind is, with its maximum penalties: SPA 2019 s.8, FLA 1996
 * s.42A, Sentencing Act 2020 s.363, PHA 1997 s.5A and s.3(6), DAA 2021 s.39; a DVPO breach is not a
 * criminal offence (civil contempt). The summary maximum turns on the conviction date (the general
 * limit), and, for offences whose statute says so, on whether the offence was before 2 May 2022.
 *
 * @example
 * ```ts
 * import { breachOffenceFor } from "protective-orders";
 * const o = breachOffenceFor("spo", { offenceOn: "2025-03-01", convictedOn: "2025-06-01" });
 * o.indictmentMaxYears; // 5
 * typeof o.summaryMax === "object" && o.summaryMax.months; // 12
 * ```
 */
export function breachOffenceFor(
  kind: Order["kind"],
  dates: { readonly offenceOn?: IsoDate | undefined; readonly convictedOn?: IsoDate | undefined } = {},
): BreachOffence {
  const entry = (offences.orders as unknown as Record<string, BreachEntry>)[kind];
  if (!entry) throw new Error(`no breach entry for ${kind}`);
  const citation = citationFor(entry.citation);
  if (!entry.offence) {
    return {
      isOffence: false,
      citation,
      ...(entry.note ? { note: entry.note } : {}),
      unverified: citation.unverified,
      unverifiedPoints: citation.unverified ? [citation] : [],
    };
  }
  const points: Citation[] = citation.unverified ? [citation] : [];
  const summaryCitation =
    entry.summaryCitation !== undefined ? citationFor(entry.summaryCitation) : undefined;
  const onOrAfterCutoff = dates.offenceOn === undefined || dates.offenceOn >= GENERAL_LIMIT_CUTOFF;
  let summaryMax: SummaryMaximum | string;
  switch (entry.summary) {
    case "general-limit":
    case "general-limit-wording-unverified": {
      const wordingUnverified = entry.summary === "general-limit-wording-unverified";
      if (dates.convictedOn) {
        const limit = generalLimitFor({ convictedOn: dates.convictedOn, offenceOn: dates.offenceOn });
        summaryMax = wordingUnverified
          ? {
              ...limit,
              reason: `${limit.reason} This reads the offence as punishable up to "the general limit in a magistrates' court"; that wording is unverified.`,
              citations: summaryCitation ? [...limit.citations, summaryCitation] : limit.citations,
              unverified: true,
            }
          : limit;
      } else {
        summaryMax =
          "the general limit in a magistrates' court: 6 months for an offence committed before 2 May 2022; otherwise it turns on the date of conviction (12 months from 2 May 2022, 6 from 30 March 2023, 12 from 18 November 2024)";
        if (wordingUnverified)
          summaryMax += " (that the offence is worded 'the general limit' is unverified)";
      }
      if (wordingUnverified && summaryCitation) points.push(summaryCitation);
      break;
    }
    case "6-months-as-written":
      if (onOrAfterCutoff) {
        summaryMax = {
          months: 6,
          reason:
            "6 months as written; whether CJA 2003 s.282 raises it to the general limit for an offence committed on or after 2 May 2022 is unverified.",
          citations: [citation, ...(summaryCitation ? [summaryCitation] : [])],
          unverified: true,
        };
        if (summaryCitation) points.push(summaryCitation);
      } else {
        summaryMax = {
          months: 6,
          reason: "6 months: the offence was committed before 2 May 2022.",
          citations: [citation],
          unverified: false,
        };
      }
      break;
    case "6-months-fixed":
      // A fixed 6 months in an Act outside England and Wales (the 2022 Act s.13): CJA 2003 s.282
      // and the general limit are England and Wales law.
      summaryMax = {
        months: 6,
        reason: "6 months, or a fine up to the statutory maximum, or both, as the offence provision says.",
        citations: [citation],
        unverified: false,
      };
      break;
    default:
      summaryMax = onOrAfterCutoff
        ? "not in the law digest; whether CJA 2003 s.282 raises it for an offence committed on or after 2 May 2022 is also unverified"
        : "not in the law digest";
      if (summaryCitation) points.push(summaryCitation);
  }
  let note = entry.note;
  if (entry.conditionalDischargeCitation !== undefined) {
    const discharge = citationFor(entry.conditionalDischargeCitation);
    points.push(discharge);
    const text = `Whether a conditional discharge is barred (${discharge.title}) is unverified: check before relying on either answer.`;
    note = note ? `${note} ${text}` : text;
  }
  const unique = [...new Map(points.map((c) => [c.id, c])).values()];
  return {
    isOffence: true,
    citation,
    ...(entry.indictmentYears !== undefined ? { indictmentMaxYears: entry.indictmentYears } : {}),
    summaryMax,
    ...(typeof entry.conditionalDischargeBarred === "boolean"
      ? { conditionalDischargeBarred: entry.conditionalDischargeBarred }
      : {}),
    ...(note ? { note } : {}),
    unverified: unique.length > 0,
    unverifiedPoints: unique,
  };
}

/**
 * Checks reported incidents against an order: which term each appears to breach (contact, an
 * exclusion zone, a missed requirement), whether the order was in force that day and, for an order
 * made without notice, known to the person (served); what the breach is in law and its maximum
 * penalty (take both dates: the conviction date sets the general limit, the offence date the
 * 2 May 2022 cut-off); and how long the police took to respond, flagged against
 * `responseThresholdHours` (default 24: a working standard, not law; more than 0, at most 8,784).
 * Validates its input like `assess`: throws {@link CaseFactsError} listing every problem by path
 * (never a value); {@link safeAssessBreaches} returns them instead.
 *
 * @example
 * ```ts
 * import { assessBreaches } from "protective-orders";
 * const [finding] = assessBreaches(
 *   { kind: "spo", appliedForBy: { role: "chief-officer" }, protectedPersons: ["v"], madeOn: "2025-01-10", servedOn: "2025-01-11",
 *     duration: { type: "fixed", endsOn: "2027-01-10" }, prohibitions: [{ text: "Not to contact V by any means." }] },
 *   [{ id: "b1", date: "2025-03-01", kind: "contacting", reportedAt: "2025-03-01T10:00", respondedAt: "2025-03-03T10:00" }],
 * );
 * finding?.breach; // true
 * finding?.response.flagged; // true (48 hours)
 * ```
 */
export function assessBreaches(
  order: OrderInput,
  reports: readonly BreachReportInput[],
  options: {
    readonly convictedOn?: IsoDate | undefined;
    readonly responseThresholdHours?: number | undefined;
  } = {},
): BreachFinding[] {
  const result = safeAssessBreaches(order, reports, options);
  if (!result.success) throw new CaseFactsError(result.problems, "input");
  return result.data;
}

const BREACH_OPTIONS = {
  convictedOn: DATE_OPTION,
  responseThresholdHours: {
    schema: z
      .number()
      .positive()
      .max(24 * 366),
    expected: "expected a number of hours more than 0 and at most 8784",
  },
};

/**
 * Like {@link assessBreaches}, but never throws: returns the findings, or every problem by path
 * (the order's under `order`, the reports' under `reports`, the options by name).
 *
 * @example
 * ```ts
 * import { safeAssessBreaches } from "protective-orders";
 * const result = safeAssessBreaches({ kind: "spo" }, "reports", { convictedOn: "not-a-date" });
 * result.success === false && result.problems.map((p) => p.path).includes("convictedOn"); // true
 * ```
 */
export function safeAssessBreaches(
  order: unknown,
  reports: unknown,
  options?: unknown,
): ParseResult<BreachFinding[]> {
  const problems: InputProblem[] = [];
  const parsedOrder = parseOrder(order);
  if (!parsedOrder.success) problems.push(...underPath(parsedOrder.problems, "order"));
  const parsedReports = parseBreachReports(reports);
  if (!parsedReports.success) problems.push(...underPath(parsedReports.problems, "reports"));
  const read = readOptions(options, BREACH_OPTIONS, problems);
  if (!parsedOrder.success || !parsedReports.success || problems.length > 0)
    return { success: false, problems };
  return {
    success: true,
    data: findingsFor(parsedOrder.data, parsedReports.data, {
      convictedOn: read.convictedOn as IsoDate | undefined,
      responseThresholdHours: read.responseThresholdHours as number | undefined,
    }),
  };
}

function findingsFor(
  order: Order,
  reports: readonly BreachReport[],
  options: { readonly convictedOn: IsoDate | undefined; readonly responseThresholdHours: number | undefined },
): BreachFinding[] {
  const threshold = options.responseThresholdHours ?? 24;
  const lastDay = datesOf(order, 28).lastDay;
  return reports.map((report, i) => {
    const inForce: boolean | "unknown" =
      order.madeOn === undefined
        ? "unknown"
        : report.date < order.madeOn
          ? false
          : lastDay !== null && report.date > lastDay
            ? false
            : order.duration === undefined && lastDay === null
              ? "unknown"
              : true;
    // Reports carry a day, not a time: conduct on the day of service may have come before it.
    const knownToSuspect: boolean | "unknown" =
      order.withoutNotice === true
        ? order.servedOn === undefined || report.date === order.servedOn
          ? "unknown"
          : report.date > order.servedOn
        : true;
    const termsBreached = termsFor(order, report);
    const breach: boolean | "unknown" =
      inForce === false || knownToSuspect === false || termsBreached.length === 0
        ? false
        : inForce === "unknown" || knownToSuspect === "unknown"
          ? "unknown"
          : true;
    let hours: number | null = null;
    if (report.reportedAt && report.respondedAt) {
      hours =
        Math.round(
          ((ukWallTimeToUtc(report.respondedAt) - ukWallTimeToUtc(report.reportedAt)) / 3_600_000) * 10,
        ) / 10;
    }
    return {
      report: report.id ?? `reports.${i}`,
      inForce,
      knownToSuspect,
      termsBreached,
      breach,
      offence: breachOffenceFor(order.kind, { offenceOn: report.date, convictedOn: options.convictedOn }),
      // No response recorded, a slow one, or one recorded before the report (an error in the record) is flagged.
      response: {
        hours,
        flagged: report.reportedAt !== undefined && (hours === null || hours < 0 || hours > threshold),
        thresholdHours: threshold,
      },
    };
  });
}
