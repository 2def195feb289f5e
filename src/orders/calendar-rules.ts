import holidays from "../law/bank-holidays/england-and-wales.json";
import type { IsoDate } from "../model/iso-date.js";

const BY_YEAR: Readonly<Record<string, readonly string[]>> = holidays.years;

/**
 * Whether a day is a bank holiday in England and Wales, from the cited table
 * (`law/bank-holidays/england-and-wales.json`, GOV.UK). `undefined` for a year the table does not
 * cover: the answer is then unknown, not "no".
 *
 * @example
 * ```ts
 * import { isBankHolidayInEnglandAndWales } from "protective-orders";
 * isBankHolidayInEnglandAndWales("2026-12-28"); // true (substitute day for Boxing Day)
 * isBankHolidayInEnglandAndWales("2026-12-26"); // false
 * isBankHolidayInEnglandAndWales("2031-12-25"); // undefined
 * ```
 */
export function isBankHolidayInEnglandAndWales(date: IsoDate): boolean | undefined {
  const list = BY_YEAR[date.slice(0, 4)];
  return list === undefined ? undefined : list.includes(date);
}

/**
 * The years the bank-holiday table covers.
 *
 * @example
 * ```ts
 * import { bankHolidayYears } from "protective-orders";
 * bankHolidayYears(); // ["2024", "2025", "2026", "2027"]
 * ```
 */
export function bankHolidayYears(): readonly string[] {
  return Object.keys(BY_YEAR);
}

const GOOD_FRIDAY: Readonly<Record<string, string>> = holidays.goodFriday;

/**
 * Whether DAA 2021 s.29(3) disregards a day in the 48-hour DAPN period: a Sunday, Christmas Day,
 * Good Friday or a bank holiday. `undefined` for a year the bank-holiday table does not cover.
 *
 * @example
 * ```ts
 * import { isDisregardedDay } from "protective-orders";
 * isDisregardedDay("2025-04-18"); // true (Good Friday)
 * isDisregardedDay("2025-04-19"); // false (a Saturday)
 * ```
 */
export function isDisregardedDay(date: IsoDate): boolean | undefined {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0) return true;
  if (date.slice(5) === "12-25") return true;
  const year = date.slice(0, 4);
  if (GOOD_FRIDAY[year] === date) return true;
  return isBankHolidayInEnglandAndWales(date);
}
