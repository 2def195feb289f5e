import { addDaysToDate } from "../dates/calendar.js";
import { type CompiledRuleSet, isCompiledRuleSet } from "../evaluate/compile.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import type { LocalTables } from "../law/local-tables.js";
import { CaseFactsError } from "../model/errors.js";
import { isRealCalendarDate } from "../model/iso-date.js";
import type { ParseResult } from "../model/parse-case-facts.js";
import { isDisregardedDay } from "./calendar-rules.js";
import { ukWallTimeToUtc, utcToUkWallTime } from "./uk-time.js";

/**
 * When the DAPO hearing must take place after a DAPN, or why that cannot be said.
 *
 * @example
 * ```ts
 * import { dapnHearingDeadline, type DapnHearingDeadline } from "protective-orders";
 * // Given on Monday 2 June 2025 at 09:00: no day in the 48 hours is disregarded.
 * const deadline: DapnHearingDeadline = dapnHearingDeadline("2025-06-02T09:00");
 * deadline.known ? deadline.hearingBy : deadline.reason; // "2025-06-04T09:00"
 * ```
 */
export type DapnHearingDeadline =
  | {
      readonly known: true;
      /** UK wall-clock time, `YYYY-MM-DDTHH:MM`. */
      readonly hearingBy: string;
      /** The days disregarded on the way. */
      readonly disregarded: readonly string[];
      readonly citations: readonly Citation[];
    }
  | { readonly known: false; readonly reason: string; readonly citations: readonly Citation[] };

/**
 * Options for {@link dapnHearingDeadline}.
 *
 * @example
 * ```ts
 * import { dapnHearingDeadline, type DapnHearingDeadlineOptions } from "protective-orders";
 * import { BUNDLED_RULE_PACKS, compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "protective-orders/rule-authoring";
 * const options: DapnHearingDeadlineOptions = { rules: compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS)) };
 * dapnHearingDeadline("2025-06-02T09:00", options).known; // true
 * ```
 */
export interface DapnHearingDeadlineOptions {
  /**
   * A rule set whose packs may supply bank holidays for years the bundled table does not list (see the guide
   * "Your own rules"). A day of such a year is judged by the pack's table, and the answer's citations then include
   * the pack's own provision, marked `local: true`.
   */
  readonly rules?: CompiledRuleSet | undefined;
}

/**
 * The latest time for the DAPO hearing after a DAPN given at `givenAt` (UK wall-clock time,
 * `YYYY-MM-DDTHH:MM`): 48 hours, disregarding Sundays, Christmas Day, Good Friday and bank
 * holidays (DAA 2021 s.29(3)). Hours are real elapsed hours, across clock changes. Outside the
 * years the cited bank-holiday table covers, the answer says so rather than guessing. A string
 * that is not such a time (or not a real date) is an answer too (`known: false`, with the reason);
 * anything other than a string throws {@link CaseFactsError} with the problem at `givenAt`
 * ({@link safeDapnHearingDeadline} returns it instead).
 *
 * @example
 * ```ts
 * import { dapnHearingDeadline } from "protective-orders";
 * // Given on Friday 18 April 2025 (Good Friday) at 10:00: Good Friday, Sunday 20 and Easter
 * // Monday 21 April are disregarded, so the 48 hours run through Saturday 19 and Tuesday 22.
 * const d = dapnHearingDeadline("2025-04-18T10:00");
 * d.known && d.hearingBy; // "2025-04-23T00:00"
 * ```
 */
export function dapnHearingDeadline(
  givenAt: string,
  options: DapnHearingDeadlineOptions = {},
): DapnHearingDeadline {
  const result = safeDapnHearingDeadline(givenAt, options);
  if (!result.success) throw new CaseFactsError(result.problems, "input");
  return result.data;
}

/**
 * Like {@link dapnHearingDeadline}, but never throws: returns the deadline, or the problem with
 * `givenAt` when it is not a string.
 *
 * @example
 * ```ts
 * import { safeDapnHearingDeadline } from "protective-orders";
 * safeDapnHearingDeadline(20250602).success; // false: { path: "givenAt", message: "expected a text: …" }
 * ```
 */
export function safeDapnHearingDeadline(
  givenAt: unknown,
  options: DapnHearingDeadlineOptions = {},
): ParseResult<DapnHearingDeadline> {
  if (typeof givenAt !== "string")
    return {
      success: false,
      problems: [{ path: "givenAt", message: "expected a text: the UK time written YYYY-MM-DDTHH:MM" }],
    };
  // Own properties only: a `rules` inherited from a polluted Object.prototype is nobody's rule set.
  const rules =
    typeof options === "object" && options !== null && Object.hasOwn(options, "rules")
      ? options.rules
      : undefined;
  if (rules !== undefined && !isCompiledRuleSet(rules))
    return {
      success: false,
      problems: [{ path: "options.rules", message: "expected a rule set from compileRuleSet" }],
    };
  return { success: true, data: deadlineFor(givenAt, rules?.ruleSet.tables) };
}

function deadlineFor(givenAt: string, tables: LocalTables | undefined): DapnHearingDeadline {
  const bundled = [citationFor("daa-2021:s29(3)"), citationFor("gov-uk-bank-holidays:england-and-wales")];
  // A pack's own bank-holiday years, where the answer used one: cited, and so marked local.
  const used = new Set<Citation>();
  const withUsed = () => [...bundled, ...used];
  const citations = bundled;
  const hh = Number(givenAt.slice(11, 13));
  const mm = Number(givenAt.slice(14, 16));
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(givenAt) ||
    !isRealCalendarDate(givenAt.slice(0, 10)) ||
    hh > 23 ||
    mm > 59
  ) {
    return {
      known: false,
      reason: "expected the time the notice was given as YYYY-MM-DDTHH:MM (UK time)",
      citations,
    };
  }
  let t = ukWallTimeToUtc(givenAt);
  let remaining = 48 * 3_600_000;
  const disregarded: string[] = [];
  for (let guard = 0; remaining > 0 && guard < 400; guard++) {
    const wall = utcToUkWallTime(t);
    const day = wall.slice(0, 10);
    const nextMidnight = ukWallTimeToUtc(`${addDaysToDate(day, 1)}T00:00`);
    let skip = isDisregardedDay(day);
    const localYear = skip === undefined ? tables?.bankHolidayYears.get(day.slice(0, 4)) : undefined;
    if (localYear) {
      skip = localYear.days.has(day);
      used.add(localYear.citation);
    }
    if (skip === undefined) {
      return {
        known: false,
        reason: `No bank-holiday data for ${day.slice(0, 4)}: the table covers only the years it lists, so the deadline cannot be worked out.`,
        citations: withUsed(),
      };
    }
    if (skip) {
      disregarded.push(day);
      t = nextMidnight;
      continue;
    }
    const step = Math.min(remaining, nextMidnight - t);
    t += step;
    remaining -= step;
  }
  return { known: true, hearingBy: utcToUkWallTime(t), disregarded, citations: withUsed() };
}
