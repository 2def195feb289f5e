// addYearsToDate works out whole years by hand for speed; date-fns (on UTC dates) is the reference
// it must match on every date, leap days, both ends of the years an ISO date can hold, and beyond.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addYearsByDateFns, addYearsToDate } from "../../src/dates/calendar.js";
import { isRealCalendarDate } from "../../src/index.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const realDate = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
  .filter(isRealCalendarDate);
const leapDay = fc
  .integer({ min: 0, max: 2499 })
  .map((k) => `${pad(k * 4, 4)}-02-29`)
  .filter(isRealCalendarDate);

describe("addYearsToDate", () => {
  it("gives what date-fns gives, for any date and whole number of years", () => {
    fc.assert(
      fc.property(
        fc.oneof(realDate, leapDay, fc.constantFrom("0000-01-01", "9999-12-31", "2024-02-29", "1900-02-28")),
        fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -12_000, max: 12_000 })),
        (date, years) => {
          expect(addYearsToDate(date, years)).toBe(addYearsByDateFns(date, years));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("keeps to date-fns for text that is not a real date, and for fractions of a year", () => {
    for (const [date, years] of [
      ["2023-02-29", 1],
      ["garbage", 1],
      ["2024-02-29", 1.5],
    ] as const)
      expect(addYearsToDate(date, years)).toBe(addYearsByDateFns(date, years));
  });

  it("uses 28 February for 29 February in a common year, and clamps to 0000–9999", () => {
    expect(addYearsToDate("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYearsToDate("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYearsToDate("2000-02-29", 100)).toBe("2100-02-28");
    expect(addYearsToDate("9998-06-01", 3)).toBe("9999-12-31");
    expect(addYearsToDate("0001-06-01", -3)).toBe("0000-01-01");
  });
});
