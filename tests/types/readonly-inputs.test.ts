/**
 * Issue 29 item 3: every input type accepts readonly arrays and objects. This file is type-checked by
 * `npm run typecheck` (tests/ is in tsconfig's include): before the entry points took `CaseFactsInput` and the
 * other readonly input types, each call below with an `as const` or frozen argument failed with TS2769/TS2345
 * ("The type 'readonly [...]' is 'readonly' and cannot be assigned to the mutable type"). At run time each call
 * must give exactly what the same data gives as a plain mutable value.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  assess,
  assessBreaches,
  type CaseFactsInput,
  draftSpoTerms,
  nextQuestion,
  orderDates,
  reviewSpoDecline,
  spoRequestLetter,
  validateOrder,
} from "../../src/index.js";

/** The README's and Getting Started's example, written `as const`. */
const readmeFacts = {
  id: "case-1",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
} as const;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A mutable deep copy, for comparing answers. */
function mutable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const declineRequest = {
  requestedOn: "2025-01-10",
  decision: {
    decidedOn: "2025-02-01",
    outcome: "declined",
    reasons: [{ code: "no-charge-or-nfa" }, { code: "single-incident" }],
  },
} as const;

const spoOrder = {
  kind: "spo",
  appliedForBy: { role: "chief-officer", force: "kent" },
  protectedPersons: ["v1"],
  madeOn: "2025-04-01",
  duration: { type: "fixed", endsOn: "2027-04-01" },
  prohibitions: [{ text: "Not to contact V by any means." }],
  requirements: [{ text: "Attend a stalking perpetrator programme." }],
} as const;

describe("readonly inputs (issue 29 item 3)", () => {
  it("CaseFactsInput accepts the README's `as const` literal and frozen data at the type level", () => {
    expectTypeOf(readmeFacts).toExtend<CaseFactsInput>();
    expectTypeOf(deepFreeze(mutable(readmeFacts))).toExtend<CaseFactsInput>();
  });

  it("assess gives the same answer for `as const`, frozen and mutable facts, and the README's comment holds", () => {
    const fromConst = assess(readmeFacts, { asOf: "2025-06-01" });
    const fromFrozen = assess(deepFreeze(mutable(readmeFacts)), { asOf: "2025-06-01" });
    const fromMutable = assess(mutable(readmeFacts), { asOf: "2025-06-01" });
    expect(fromConst.recommendation.first).toBe("spo");
    expect(JSON.stringify(fromConst)).toBe(JSON.stringify(fromMutable));
    expect(JSON.stringify(fromFrozen)).toBe(JSON.stringify(fromMutable));
  });

  it("reviewSpoDecline, draftSpoTerms, nextQuestion and spoRequestLetter take frozen `as const` input", () => {
    const facts = deepFreeze(mutable(readmeFacts));
    expect(reviewSpoDecline(facts, declineRequest, { asOf: "2025-06-01" }).verdict).toBe(
      reviewSpoDecline(mutable(readmeFacts), mutable(declineRequest), { asOf: "2025-06-01" }).verdict,
    );
    expect(draftSpoTerms(facts)).toEqual(draftSpoTerms(mutable(readmeFacts)));
    expect(nextQuestion(facts, { asOf: "2025-06-01" })).toEqual(
      nextQuestion(mutable(readmeFacts), { asOf: "2025-06-01" }),
    );
    expect(spoRequestLetter(facts, { asOf: "2025-06-01" })).toBe(
      spoRequestLetter(mutable(readmeFacts), { asOf: "2025-06-01" }),
    );
  });

  it("orderDates, validateOrder and assessBreaches take an `as const` order and frozen reports", () => {
    expect(orderDates(spoOrder)).toEqual(orderDates(mutable(spoOrder)));
    expect(validateOrder(spoOrder)).toEqual(validateOrder(mutable(spoOrder)));
    const reports = deepFreeze([
      { date: "2025-07-01", kind: "contacting", reportedAt: "2025-07-01T09:00" },
    ] as const);
    expect(assessBreaches(spoOrder, reports)).toEqual(assessBreaches(mutable(spoOrder), mutable(reports)));
  });
});
