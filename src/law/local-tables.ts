import * as z from "zod";
import { IsoDateSchema, isRealCalendarDate } from "../model/iso-date.js";
import { PoliceForceIdSchema } from "../model/police-forces.js";
import holidays from "./bank-holidays/england-and-wales.json";
import type { Citation } from "./citation.js";
import pilot from "./domestic-abuse-act-2021/pilot-areas.json";

// A rule pack may supply the tables the bundled data stops short of (issue 15 item 6): DAA 2021 Part 3 pilot areas
// after the last day the law digest has data for, and bank holidays for years the bundled table does not list. Like
// a pack's own provisions they belong to that rule set only (never to a module-level table: one caller's data must
// not change another's answer, under any concurrency), are validated like the bundled data, are cited to one of the
// pack's own provisions, and mark every answer that used them with that citation (`local: true`).
//
// A pack cannot override the bundled data: a pilot period must start after the bundled table's last day of data,
// and a bank-holiday year must be one the bundled table does not list. Both are errors when the pack loads.

/** The last day the bundled pilot table has data for (31 March 2026). */
export const BUNDLED_PILOT_NO_DATA_AFTER: string = pilot.noDataAfter;

/** The years the bundled bank-holiday table lists. */
const BUNDLED_HOLIDAY_YEARS: ReadonlySet<string> = new Set(Object.keys(holidays.years));

/**
 * A rule pack's own DAA 2021 Part 3 pilot areas: where Part 3 (DAPNs and DAPOs) is in force after the bundled
 * table's last day of data, cited to one of the pack's own provisions (its commencement regulations or notice).
 * An entry says only where Part 3 *is* in force; everywhere else the answer stays unknown.
 *
 * @example
 * ```ts
 * import { LocalPilotAreasSchema } from "protective-orders/rule-authoring";
 * LocalPilotAreasSchema.safeParse({
 *   citation: "my-force-policy:pilot-notice",
 *   areas: [{ force: "kent", from: "2026-04-01", to: "2027-03-31" }],
 * }).success; // true
 * ```
 */
export const LocalPilotAreasSchema = z.strictObject({
  citation: z.string().min(1),
  areas: z
    .array(
      z.strictObject({
        force: PoliceForceIdSchema,
        /** In London, the boroughs (e.g. `croydon`); left out, the whole force area. */
        localAuthorities: z.array(z.string().min(1)).min(1).optional(),
        from: IsoDateSchema,
        to: IsoDateSchema,
      }),
    )
    .min(1),
});

/**
 * A rule pack's own bank holidays in England and Wales, for years the bundled table does not list: each year with
 * every bank holiday of that year (Good Friday included, as GOV.UK lists it), cited to one of the pack's own
 * provisions.
 *
 * @example
 * ```ts
 * import { LocalBankHolidaysSchema } from "protective-orders/rule-authoring";
 * LocalBankHolidaysSchema.safeParse({
 *   citation: "my-force-policy:bank-holidays",
 *   years: { "2028": ["2028-01-03", "2028-04-14", "2028-04-17"] },
 * }).success; // true
 * ```
 */
export const LocalBankHolidaysSchema = z.strictObject({
  citation: z.string().min(1),
  years: z.record(z.string().regex(/^\d{4}$/, "expected a year, YYYY"), z.array(IsoDateSchema)),
});

/**
 * One local pilot area, as a rule set holds it (`RuleSet.tables.pilotAreas`).
 *
 * @example
 * ```ts
 * import type { LocalPilotArea } from "protective-orders/rule-authoring";
 * const area: LocalPilotArea = { force: "kent", from: "2026-04-01", to: "2027-03-31" };
 * ```
 */
export interface LocalPilotArea {
  readonly force: string;
  readonly localAuthorities?: readonly string[];
  readonly from: string;
  readonly to: string;
}

/**
 * The tables a rule set's packs supply, with the citations of the pack provisions they rest on.
 *
 * @example
 * ```ts
 * import type { LocalTables } from "protective-orders/rule-authoring";
 * const describe = (t: LocalTables) => `${t.pilotAreas.length} local pilot areas, ${t.bankHolidayYears.size} years`;
 * ```
 */
export interface LocalTables {
  readonly pilotAreas: ReadonlyArray<LocalPilotArea & { readonly citation: Citation }>;
  /** Bank holidays by year, each year with the citation it rests on. */
  readonly bankHolidayYears: ReadonlyMap<
    string,
    { readonly days: ReadonlySet<string>; readonly citation: Citation }
  >;
}

/** A problem with a pack's tables, by path within the pack. Internal: loadRuleSet reports these. */
export interface LocalTableProblem {
  readonly pack: string;
  readonly path: string;
  readonly message: string;
}

/**
 * Checks the packs' pilot-area and bank-holiday tables beyond their schema and gathers them into the rule set's
 * {@link LocalTables}: the citation must be one of the pack's own (local) provisions; a pilot period must end on or
 * after it starts, start after the bundled table's last day of data, and not overlap another local period for the
 * same area; a bank-holiday year must not be in the bundled table nor in another pack, and its days must be in
 * that year. Internal to loadRuleSet.
 */
export function localTables(
  packs: ReadonlyArray<{
    readonly pack: string;
    readonly pilotAreas?: z.infer<typeof LocalPilotAreasSchema> | undefined;
    readonly bankHolidays?: z.infer<typeof LocalBankHolidaysSchema> | undefined;
  }>,
  localCitations: ReadonlyMap<string, Citation>,
): { tables: LocalTables | undefined; problems: LocalTableProblem[] } {
  const problems: LocalTableProblem[] = [];
  const pilotAreas: Array<LocalPilotArea & { citation: Citation }> = [];
  const bankHolidayYears = new Map<string, { days: ReadonlySet<string>; citation: Citation }>();
  const ownCitation = (pack: string, path: string, id: string): Citation | undefined => {
    const citation = localCitations.get(id);
    if (citation === undefined)
      problems.push({
        pack,
        path,
        message: `"${id}" is not one of the rule packs' own provisions: local tables cite the pack's own instrument`,
      });
    return citation;
  };
  for (const { pack, pilotAreas: areas, bankHolidays } of packs) {
    if (areas) {
      const citation = ownCitation(pack, "pilotAreas.citation", areas.citation);
      areas.areas.forEach((area, i) => {
        const path = `pilotAreas.areas.${i}`;
        if (area.to < area.from) {
          problems.push({ pack, path: `${path}.to`, message: "the period ends before it starts" });
          return;
        }
        if (area.from <= BUNDLED_PILOT_NO_DATA_AFTER) {
          problems.push({
            pack,
            path: `${path}.from`,
            message: `a local pilot period must start after ${BUNDLED_PILOT_NO_DATA_AFTER}, the bundled table's last day of data: a pack cannot override the bundled table`,
          });
          return;
        }
        // Compared as stored: `other`'s boroughs are already normalised, so this area's are too.
        const authorities = area.localAuthorities?.map(normaliseAuthority);
        const overlapping = pilotAreas.some(
          (other) =>
            other.force === area.force &&
            other.from <= area.to &&
            area.from <= other.to &&
            (other.localAuthorities === undefined ||
              authorities === undefined ||
              other.localAuthorities.some((la) => authorities.includes(la))),
        );
        if (overlapping) {
          problems.push({ pack, path, message: "overlaps another local pilot period for the same area" });
          return;
        }
        if (citation) {
          pilotAreas.push({
            force: area.force,
            ...(area.localAuthorities
              ? { localAuthorities: area.localAuthorities.map(normaliseAuthority) }
              : {}),
            from: area.from,
            to: area.to,
            citation,
          });
        }
      });
    }
    if (bankHolidays) {
      const citation = ownCitation(pack, "bankHolidays.citation", bankHolidays.citation);
      for (const [year, days] of Object.entries(bankHolidays.years)) {
        const path = `bankHolidays.years.${year}`;
        if (BUNDLED_HOLIDAY_YEARS.has(year)) {
          problems.push({
            pack,
            path,
            message: `${year} is in the bundled bank-holiday table: a pack may add only years it does not list`,
          });
          continue;
        }
        if (bankHolidayYears.has(year)) {
          problems.push({ pack, path, message: `${year} is supplied by another rule pack too` });
          continue;
        }
        const wrong = days.findIndex((day) => day.slice(0, 4) !== year || !isRealCalendarDate(day));
        if (wrong >= 0) {
          problems.push({ pack, path: `${path}.${wrong}`, message: `expected a real date in ${year}` });
          continue;
        }
        // DAA 2021 s.29(3) disregards Good Friday as well as bank holidays; the bundled years include it,
        // so a pack's year must too, or a deadline would count it as a working day.
        if (!days.includes(goodFridayOf(Number(year)))) {
          problems.push({
            pack,
            path,
            message:
              "the year's list must include Good Friday (DAA 2021 s.29(3) disregards it, as GOV.UK's list includes it)",
          });
          continue;
        }
        if (citation) bankHolidayYears.set(year, { days: new Set(days), citation });
      }
    }
  }
  const tables =
    pilotAreas.length > 0 || bankHolidayYears.size > 0 ? { pilotAreas, bankHolidayYears } : undefined;
  return { tables, problems };
}

/**
 * Good Friday of a year in the Gregorian calendar (two days before Easter Sunday, by the anonymous
 * Gregorian computus of Meeus/Jones/Butcher), as `YYYY-MM-DD`. Internal.
 */
function goodFridayOf(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  // Easter Sunday minus two days; Good Friday is never before 20 March, so it stays in March or April.
  const friday = new Date(Date.UTC(year, month - 1, day - 2));
  return friday.toISOString().slice(0, 10);
}

/** A London borough's name as the pilot tables write it (`London Borough of Croydon` → `croydon`). */
export function normaliseAuthority(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(the )?london borough of /, "")
    .trim();
}
