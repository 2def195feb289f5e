import { z } from "zod";

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
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
