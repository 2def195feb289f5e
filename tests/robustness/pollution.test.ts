// Issue #13, items 2 and 10: whatever another part of the host process adds to Object.prototype (any
// field name the schema, the options or the rules use, with any value), no entry point's answer changes.
// Every property cleans up after itself: the pollution is removed in a `finally`, and checked gone.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { safeDeriveJsonRulesEngineFacts } from "../../src/evaluate/json-rules-engine-adapter.js";
import {
  CaseFactsSchema,
  challengeSummary,
  explain,
  OrderSchema,
  parseCaseFacts,
  safeAssess,
  safeAssessBreaches,
  safeDapnHearingDeadline,
  safeDraftSpoTerms,
  safeNotificationDuty,
  safeOrderDates,
  safeReviewSpoDecline,
  summarizeAssessments,
} from "../../src/index.js";
import {
  asOfArbitrary,
  caseFactsArbitrary,
  leaningCaseArbitrary,
  PROPERTY_TIMEOUT,
  params,
} from "./support.js";

/** Every field name at every level of a zod schema. */
function fieldNames(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  if (shape) {
    for (const [key, inner] of Object.entries(shape)) {
      into.add(key);
      fieldNames(inner, into);
    }
  }
  for (const key of ["innerType", "element", "in", "out"]) {
    const inner = def[key] as z.ZodType | undefined;
    if (inner && typeof inner === "object" && "_zod" in inner) fieldNames(inner, into);
  }
  for (const inner of (def.options as z.ZodType[] | undefined) ?? []) fieldNames(inner, into);
  return into;
}

/** Field names that, inherited, could change an answer: the schema's, the options', the renderers'. */
const POLLUTABLE_KEYS: readonly string[] = [
  ...fieldNames(CaseFactsSchema),
  "asOf",
  "rules",
  "format",
  "orders",
  "facts",
  "decision",
  "renewalNoticeDays",
].sort();

const pollutionValue = fc.constantFrom<unknown>(
  true,
  false,
  "scotland",
  "england-and-wales",
  "2020-01-01",
  "markdown",
  "open",
  0,
  1,
  [],
  ["x"],
  {},
  { ongoing: true, adequate: true, outcome: "declined", reasons: [{ code: "no-conviction" }] },
);

const pollutionArbitrary = fc.dictionary(fc.constantFrom(...POLLUTABLE_KEYS), pollutionValue, {
  minKeys: 1,
  maxKeys: 6,
});

const proto = Object.prototype as Record<string, unknown>;
const ownBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** Runs `fn` with Object.prototype polluted by `pollution`, always cleaning up. */
function polluted<T>(pollution: Record<string, unknown>, fn: () => T): T {
  const added: string[] = [];
  try {
    for (const [key, value] of Object.entries(pollution)) {
      if (Object.hasOwn(proto, key)) continue;
      proto[key] = value;
      added.push(key);
    }
    return fn();
  } finally {
    for (const key of added) delete proto[key];
  }
}

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(ownBefore);
});

/** Every answer the entry points give for one case, as JSON. */
function answers(input: unknown, asOf: string): string {
  const assessed = safeAssess(input, { asOf });
  const reviewed = safeReviewSpoDecline(input, undefined, { asOf });
  const out: unknown[] = [parseCaseFacts(input), assessed, reviewed];
  if (assessed.success) {
    out.push(
      explain(assessed.assessment),
      explain(assessed.assessment, { format: "markdown", orders: "open" }),
    );
    out.push(summarizeAssessments([assessed.assessment]));
  }
  if (reviewed.success) {
    out.push(challengeSummary(reviewed.review), challengeSummary(reviewed.review, { format: "markdown" }));
    const parsed = parseCaseFacts(input);
    if (parsed.success) out.push(challengeSummary(reviewed.review, { facts: parsed.data }));
  }
  return JSON.stringify(out);
}

describe("a polluted Object.prototype changes no answer", () => {
  it(
    "valid cases give the same answers from every entry point, polluted or not",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(caseFactsArbitrary, leaningCaseArbitrary),
          asOfArbitrary,
          pollutionArbitrary,
          (facts, asOf, pollution) => {
            const clean = answers(facts, asOf);
            expect(polluted(pollution, () => answers(facts, asOf))).toBe(clean);
            // The same case as JSON text, as from a file or a request.
            const json = JSON.stringify(facts);
            expect(polluted(pollution, () => answers(JSON.parse(json), asOf))).toBe(clean);
          },
        ),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "a case with fields left out is not completed from the prototype",
    () => {
      fc.assert(
        fc.property(asOfArbitrary, pollutionArbitrary, (asOf, pollution) => {
          const bare = {
            id: "c",
            risk: {},
            protection: {},
            relationship: {},
            incidents: [{ kind: "other" }],
          };
          const clean = answers(bare, asOf);
          expect(polluted(pollution, () => answers(bare, asOf))).toBe(clean);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

// Issue #13, item 7: the orders-in-practice entry points and the json-rules-engine adapter too.
const ORDER_KEYS: readonly string[] = [
  ...fieldNames(OrderSchema),
  "convictedOn",
  "responseThresholdHours",
  "renewalNoticeDays",
  "subjectToSexOffenderNotification",
  "subjectToSpoNotification",
  "replacesInterimSpo",
  "subjectToViolentOffenderNotification",
  "subjectToTraffickingNotification",
  "withoutNotice",
  "mainApplicationDeterminedOn",
  "comesIntoForceOn",
].sort();
const orderPollution = fc.dictionary(
  fc.constantFrom(...ORDER_KEYS, ...POLLUTABLE_KEYS),
  fc.oneof(pollutionValue, fc.constantFrom<unknown>("2020-06-01", "2030-01-01", 1000, "ni-spo", "fixed")),
  { minKeys: 1, maxKeys: 6 },
);
const ORDERS: readonly unknown[] = [
  {
    kind: "spo",
    appliedForBy: { role: "chief-officer" },
    protectedPersons: ["v"],
    madeOn: "2025-01-10",
    servedOn: "2025-01-11",
    duration: { type: "fixed", endsOn: "2027-01-10" },
    prohibitions: [{ text: "Not to contact V by any means." }],
  },
  {
    kind: "interim-spo",
    appliedForBy: { role: "chief-officer" },
    protectedPersons: ["v"],
    prohibitions: [{ text: "No contact." }],
  },
  {
    kind: "nmo",
    appliedForBy: { role: "person-to-be-protected" },
    protectedPersons: ["v"],
    prohibitions: [{ text: "No contact." }],
  },
];
const REPORTS: readonly unknown[] = [
  { date: "2025-03-01", kind: "contacting", reportedAt: "2025-03-01T10:00" },
  { id: "b2", date: "2024-03-01", kind: "missed-requirement" },
];

function orderAnswers(facts: unknown, order: unknown, asOf: string): string {
  return JSON.stringify([
    safeDraftSpoTerms(facts),
    safeDeriveJsonRulesEngineFacts(facts, asOf),
    safeAssessBreaches(order, REPORTS, {}),
    safeOrderDates(order, {}),
    safeNotificationDuty(order, {}),
    safeNotificationDuty(order),
    safeDapnHearingDeadline("2025-06-02T09:00"),
  ]);
}

describe("a polluted Object.prototype changes no answer of the orders-in-practice entry points", () => {
  it(
    "draft terms, breaches, dates, notification, DAPN deadline and json-rules-engine facts",
    () => {
      fc.assert(
        fc.property(
          caseFactsArbitrary,
          fc.constantFrom(...ORDERS),
          asOfArbitrary,
          orderPollution,
          (facts, order, asOf, pollution) => {
            const clean = orderAnswers(facts, order, asOf);
            expect(polluted(pollution, () => orderAnswers(facts, order, asOf))).toBe(clean);
          },
        ),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
