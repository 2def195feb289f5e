// Issue #13, item 7: every entry point validates. The orders-in-practice functions and the
// json-rules-engine adapter's deriveJsonRulesEngineFacts validate like assess: a CaseFactsError
// listing problems by path (never a value), and a safe… twin that returns them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deriveJsonRulesEngineFacts,
  safeDeriveJsonRulesEngineFacts,
} from "../../src/evaluate/json-rules-engine-adapter.js";
import {
  assessBreaches,
  CaseFactsError,
  dapnHearingDeadline,
  draftSpoTerms,
  type InputProblem,
  notificationDuty,
  orderDates,
  safeAssessBreaches,
  safeDapnHearingDeadline,
  safeDraftSpoTerms,
  safeNotificationDuty,
  safeOrderDates,
} from "../../src/index.js";
import { caseFactsArbitrary, containsSecret, PROPERTY_TIMEOUT, params, SECRET } from "./support.js";

const ORDER = {
  kind: "spo",
  appliedForBy: { role: "chief-officer" },
  protectedPersons: ["v"],
  madeOn: "2025-01-10",
  servedOn: "2025-01-11",
  duration: { type: "fixed", endsOn: "2027-01-10" },
  prohibitions: [{ text: "Not to contact V by any means." }],
};
const REPORTS = [
  {
    id: "b1",
    date: "2025-03-01",
    kind: "contacting",
    reportedAt: "2025-03-01T10:00",
    respondedAt: "2025-03-03T10:00",
  },
];

function problemsOf(run: () => unknown): readonly InputProblem[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFactsError);
    return (error as CaseFactsError).problems;
  }
  throw new Error("expected a CaseFactsError");
}
const paths = (run: () => unknown) => problemsOf(run).map((p) => p.path);

// biome-ignore lint/suspicious/noExplicitAny: the reproductions call typed functions with bad input
const bad = (value: unknown): any => value;

describe("the issue's reproductions are CaseFactsErrors by path", () => {
  it("draftSpoTerms({ id: 'c', incidents: 'lots' })", () => {
    expect(paths(() => draftSpoTerms(bad({ id: "c", incidents: "lots" })))).toEqual(["incidents"]);
    expect(safeDraftSpoTerms({ id: "c", incidents: "lots" })).toMatchObject({ success: false });
    expect(paths(() => draftSpoTerms(bad(null)))).toEqual([""]);
  });

  it("deriveJsonRulesEngineFacts with asOf 'not-a-date', or bad facts", () => {
    expect(paths(() => deriveJsonRulesEngineFacts({ id: "c" }, bad("not-a-date")))).toEqual(["asOf"]);
    expect(paths(() => deriveJsonRulesEngineFacts(bad({ id: "c", risk: "yes" }), bad(20250601)))).toEqual([
      "asOf",
      "risk",
    ]);
    expect(safeDeriveJsonRulesEngineFacts({ id: "c" }, "2025-06-01")).toMatchObject({
      success: true,
      data: { "law.asOf": "2025-06-01" },
    });
  });

  it("assessBreaches with a bad order, bad reports or bad options", () => {
    expect(paths(() => assessBreaches(bad("spo"), bad("lots")))).toEqual(["order", "reports"]);
    expect(
      paths(() => assessBreaches(bad(ORDER), bad([{ date: "not-a-date", kind: "contacting" }]))),
    ).toContain("reports.0.date");
    expect(
      paths(() =>
        assessBreaches(
          bad(ORDER),
          bad(REPORTS),
          bad({ convictedOn: "not-a-date", responseThresholdHours: "24" }),
        ),
      ),
    ).toEqual(["convictedOn", "responseThresholdHours"]);
    expect(paths(() => assessBreaches(bad(ORDER), bad(REPORTS), bad(7)))).toEqual(["options"]);
    expect(paths(() => assessBreaches(bad({ ...ORDER, madeOn: SECRET }), bad(REPORTS)))).toEqual([
      "order.madeOn",
    ]);
  });

  it("orderDates with a bad order or renewalNoticeDays", () => {
    expect(paths(() => orderDates(bad({ ...ORDER, madeOn: "not-a-date" })))).toEqual(["order.madeOn"]);
    expect(paths(() => orderDates(bad(ORDER), { renewalNoticeDays: Number.NaN }))).toEqual([
      "renewalNoticeDays",
    ]);
    expect(paths(() => orderDates(bad(undefined)))).toEqual(["order"]);
  });

  it("notificationDuty with a bad order or person", () => {
    expect(paths(() => notificationDuty(bad(null)))).toEqual(["order"]);
    expect(paths(() => notificationDuty(bad(ORDER), bad("sex offender")))).toEqual(["person"]);
    expect(
      paths(() => notificationDuty(bad(ORDER), bad({ subjectToSexOffenderNotification: "no" }))),
    ).toEqual(["person.subjectToSexOffenderNotification"]);
  });

  it("dapnHearingDeadline with something other than a string", () => {
    expect(paths(() => dapnHearingDeadline(bad(20250602)))).toEqual(["givenAt"]);
    expect(paths(() => dapnHearingDeadline(bad(undefined)))).toEqual(["givenAt"]);
    // A string that is not a time stays an answer, with its reason.
    expect(dapnHearingDeadline("2025-02-30T10:00").known).toBe(false);
  });

  it("valid input gives the same answers as before, and the safe twin agrees with the throwing one", () => {
    expect(safeAssessBreaches(ORDER, REPORTS)).toEqual({
      success: true,
      data: assessBreaches(bad(ORDER), bad(REPORTS)),
    });
    expect(safeOrderDates(ORDER)).toEqual({ success: true, data: orderDates(bad(ORDER)) });
    expect(orderDates(bad(ORDER)).lastDay).toBe("2027-01-10");
    expect(
      safeNotificationDuty(ORDER, { subjectToSexOffenderNotification: false, replacesInterimSpo: false }),
    ).toMatchObject({
      success: true,
      data: { applies: true, notifyBy: "2025-01-13" },
    });
    expect(safeDapnHearingDeadline("2025-06-02T09:00")).toMatchObject({
      success: true,
      data: { known: true },
    });
  });
});

/** Each entry point's safe twin, and the throwing one, on arbitrary arguments. */
const ENTRY_POINTS: readonly [string, (args: unknown[]) => unknown, (args: unknown[]) => unknown][] = [
  ["draftSpoTerms", ([a]) => safeDraftSpoTerms(a), ([a]) => draftSpoTerms(bad(a))],
  [
    "assessBreaches",
    ([a, b, c]) => safeAssessBreaches(a, b, c),
    ([a, b, c]) => assessBreaches(bad(a), bad(b), bad(c)),
  ],
  ["orderDates", ([a, b]) => safeOrderDates(a, b), ([a, b]) => orderDates(bad(a), bad(b))],
  ["notificationDuty", ([a, b]) => safeNotificationDuty(a, b), ([a, b]) => notificationDuty(bad(a), bad(b))],
  ["dapnHearingDeadline", ([a]) => safeDapnHearingDeadline(a), ([a]) => dapnHearingDeadline(bad(a))],
  [
    "deriveJsonRulesEngineFacts",
    ([a, b]) => safeDeriveJsonRulesEngineFacts(a, b),
    ([a, b]) => deriveJsonRulesEngineFacts(bad(a), bad(b)),
  ],
];

// Arbitrary JSON values, valid arguments, and valid arguments with one field replaced by anything.
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.constant(ORDER),
  fc.constant(REPORTS),
  caseFactsArbitrary,
  fc.constantFrom("2025-06-01", "not-a-date", "2025-06-02T09:00"),
  fc
    .record({ key: fc.constantFrom(...Object.keys(ORDER)), value: fc.jsonValue() })
    .map(({ key, value }) => ({ ...ORDER, [key]: value })),
  fc
    .record({
      key: fc.constantFrom(
        "convictedOn",
        "responseThresholdHours",
        "renewalNoticeDays",
        "subjectToSexOffenderNotification",
      ),
      value: fc.jsonValue(),
    })
    .map(({ key, value }) => ({ [key]: value })),
);

describe("every entry point returns or throws a CaseFactsError, whatever its arguments", () => {
  it(
    "never a TypeError or RangeError; the safe twin never throws; no problem shows a value",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ENTRY_POINTS),
          fc.array(anyValue, { minLength: 0, maxLength: 3 }),
          ([, safe, throwing], args) => {
            const result = safe(args) as { success: boolean; problems?: readonly InputProblem[] };
            let thrown: unknown;
            try {
              throwing(args);
            } catch (error) {
              thrown = error;
            }
            if (result.success) expect(thrown).toBeUndefined();
            else {
              expect(thrown).toBeInstanceOf(CaseFactsError);
              expect((thrown as CaseFactsError).problems).toEqual(result.problems);
              for (const p of result.problems ?? []) {
                expect(typeof p.path).toBe("string");
                expect(containsSecret(p.message)).toBe(false);
              }
            }
          },
        ),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
