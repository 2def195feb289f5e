import * as z from "zod";
import { isLeapYear } from "../dates/is-leap-year.js";

/**
 * An ISO 8601 calendar date, `YYYY-MM-DD`, that exists in the proleptic Gregorian calendar.
 *
 * Dates in this library are calendar dates, never instants: they are compared as strings and
 * never pass through `Date` in the local time zone, so the answer is the same in every zone.
 *
 * @example
 * ```ts
 * import { IsoDateSchema } from "protective-orders";
 * IsoDateSchema.parse("2020-01-20"); // "2020-01-20"
 * IsoDateSchema.safeParse("2020-02-30").success; // false
 * ```
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a calendar date written YYYY-MM-DD" })
  // Only for text of the right shape: a malformed date gets one problem, not two.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealCalendarDate(value), {
    message: "expected a calendar date that exists (YYYY-MM-DD)",
  });

/**
 * A calendar date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { IsoDateSchema, type IsoDate } from "protective-orders";
 * const asOf: IsoDate = IsoDateSchema.parse("2025-06-01");
 * ```
 */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/**
 * Whether a `YYYY-MM-DD` string names a day that exists (leap years included).
 *
 * @example
 * ```ts
 * import { isRealCalendarDate } from "protective-orders";
 * isRealCalendarDate("2024-02-29"); // true
 * isRealCalendarDate("2023-02-29"); // false
 * ```
 */
export function isRealCalendarDate(value: string): boolean {
  // Read digit by digit rather than with a regular expression: this runs for every date of every
  // case, and is the same test as /^(\d{4})-(\d{2})-(\d{2})$/ followed by a day-of-month check.
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth =
    month === 2
      ? isLeapYear(year)
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return day <= daysInMonth;
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number written by `count` ASCII digits from `start`, or -1 if any is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = value.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
