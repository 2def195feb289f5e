// The mini class: the full one builds three Intl.DateTimeFormat objects at import, for its
// toString, which nothing here calls.
import { UTCDateMini } from "@date-fns/utc/date/mini";
// One module each, not the package index: the index loads all of date-fns (some 20 MB in memory).
import { addDays } from "date-fns/addDays";
import { addYears } from "date-fns/addYears";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { type IsoDate, isRealCalendarDate } from "../model/iso-date.js";
import { isLeapYear } from "./is-leap-year.js";

// Calendar arithmetic goes through date-fns on UTCDateMini (@date-fns/utc), which makes date-fns work in
// UTC: no local time zone is involved, so no zone that skipped a day (Pacific/Apia, 30 December 2011)
// or moved its clocks can change an answer. Results are written back with UTC getters, with
// four-digit years, and clamped to the years an ISO date can hold (0000–9999).

function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const value = new UTCDateMini(Date.UTC(2000, 0, 1));
  value.setUTCFullYear(y, m - 1, d);
  return value;
}

function fromUtc(value: Date): IsoDate {
  const year = value.getUTCFullYear();
  if (year > 9999) return "9999-12-31";
  if (year < 0) return "0000-01-01";
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
}

/**
 * The calendar date `years` years after `date`. With no 29 February in the target year, the last
 * day of February stands in for it (the corresponding-date convention; the law digest is silent on
 * 29 February, so the library uses this one convention for every period it counts in years).
 *
 * @example
 * ```ts
 * import { addYearsToDate } from "protective-orders";
 * addYearsToDate("2024-02-29", 3); // "2027-02-28"
 * ```
 */
export function addYearsToDate(date: IsoDate, years: number): IsoDate {
  // The common case, a real date and whole years, by hand: it runs for cases on the hot path, and
  // gives exactly what date-fns gives (a property test compares the two on every kind of date).
  if (!Number.isInteger(years) || !isRealCalendarDate(date)) return addYearsByDateFns(date, years);
  const year = Number(date.slice(0, 4)) + years;
  if (year > 9999) return "9999-12-31";
  if (year < 0) return "0000-01-01";
  const monthAndDay = date.slice(4);
  return `${String(year).padStart(4, "0")}${monthAndDay === "-02-29" && !isLeapYear(year) ? "-02-28" : monthAndDay}`;
}

/** {@link addYearsToDate} through date-fns: for anything but a real date and whole years, and for tests. */
export function addYearsByDateFns(date: IsoDate, years: number): IsoDate {
  return fromUtc(addYears(toUtc(date), years));
}

/**
 * The calendar date `days` days after (or, if negative, before) `date`.
 *
 * @example
 * ```ts
 * import { addDaysToDate } from "protective-orders";
 * addDaysToDate("2024-02-28", 1); // "2024-02-29"
 * ```
 */
export function addDaysToDate(date: IsoDate, days: number): IsoDate {
  return fromUtc(addDays(toUtc(date), days));
}

/**
 * A person's age in whole years on `onDate`, from their date of birth (a birthday on
 * 29 February is reached on 1 March in common years).
 *
 * @example
 * ```ts
 * import { ageOnDate } from "protective-orders";
 * ageOnDate("2008-06-15", "2026-06-14"); // 17
 * ageOnDate("2008-06-15", "2026-06-15"); // 18
 * ```
 */
export function ageOnDate(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * Today's date in England and Wales (Europe/London), read from the clock. The library calls
 * this only to resolve a missing `asOf` at the API edge, and echoes the date it used.
 *
 * @example
 * ```ts
 * import { todayInLondon } from "protective-orders";
 * todayInLondon(new Date("2026-03-29T00:30:00Z")); // "2026-03-29"
 * ```
 */
export function todayInLondon(now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The number of calendar days from `from` to `to` (negative if `to` is earlier).
 *
 * @example
 * ```ts
 * import { daysBetweenDates } from "protective-orders";
 * daysBetweenDates("2024-02-28", "2024-03-01"); // 2
 * ```
 */
export function daysBetweenDates(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}
