// A thrown CaseFactsError says what did not validate: an order or a breach report is not "case facts".
import { describe, expect, it } from "vitest";
import { assess, assessBreaches, CaseFactsError, dapnHearingDeadline, orderDates } from "../../src/index.js";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFactsError);
    return (error as Error).message;
  }
  throw new Error("expected a CaseFactsError");
}

describe("CaseFactsError names its subject", () => {
  it('"invalid case facts" for case facts, "invalid input" for an order, reports or options', () => {
    expect(messageOf(() => assess({ id: "" } as never, { asOf: "2025-01-01" }))).toMatch(
      /^invalid case facts: id:/,
    );
    expect(messageOf(() => orderDates({} as never))).toMatch(/^invalid input: /);
    expect(messageOf(() => assessBreaches({} as never, [] as never))).toMatch(/^invalid input: /);
    expect(messageOf(() => dapnHearingDeadline(7 as never))).toMatch(/^invalid input: /);
  });
});
