/**
 * Whether a year of the proleptic Gregorian calendar has a 29 February: every fourth year, but not
 * every hundredth, except every four-hundredth (so 2024 and 2000 are, 1900 is not). Internal:
 * shared by date validation (`isRealCalendarDate`) and date arithmetic (`addYearsToDate`).
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
