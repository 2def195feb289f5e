// Issue 15 item 7: a value that differs from an allowed one only in case (`England-and-Wales`, `Following`),
// spaces or underscores is rejected with a "did you mean" naming the schema's own value, which is safe to print;
// the value given is never echoed (case data is personal data).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IncidentKindSchema,
  JurisdictionSchema,
  OffenceKindSchema,
  OrderKindSchema,
  PoliceForceIdSchema,
  parseCaseFacts,
  safeAssess,
} from "../../src/index.js";

/** Where each enum sits in a case, and the case with `value` there. */
const PLACES = [
  { values: JurisdictionSchema.options, path: "jurisdiction", at: (v: string) => ({ jurisdiction: v }) },
  {
    values: IncidentKindSchema.options,
    path: "incidents.0.kind",
    at: (v: string) => ({ incidents: [{ kind: v }] }),
  },
  {
    values: PoliceForceIdSchema.options,
    path: "policeForceArea",
    at: (v: string) => ({ policeForceArea: v }),
  },
  {
    values: OffenceKindSchema.options,
    path: "criminal.offence",
    at: (v: string) => ({ criminal: { offence: v } }),
  },
  {
    values: OrderKindSchema.options,
    path: "protection.ordersInForce.0.kind",
    at: (v: string) => ({ protection: { ordersInForce: [{ kind: v }] } }),
  },
] as const;

function problemsFor(place: (typeof PLACES)[number], value: string) {
  const result = parseCaseFacts({ id: "c", ...place.at(value) });
  return result.success ? [] : result.problems.filter((p) => p.path === place.path);
}

describe('"did you mean" for values that differ only in case (issue 15 item 7)', () => {
  it.each([
    ["England-and-Wales", PLACES[0], "england-and-wales"],
    ["Following", PLACES[1], "following"],
    ["england and wales", PLACES[0], "england-and-wales"],
    ["West_Yorkshire", PLACES[2], "west-yorkshire"],
  ])("%s is rejected with did you mean %s", (given, place, suggestion) => {
    const [problem] = problemsFor(place, given);
    expect(problem?.message).toContain(`(did you mean ${JSON.stringify(suggestion)}?)`);
    expect(problem?.message).not.toContain(given);
  });

  it("safeAssess says the same (the reproduction: jurisdiction England-and-Wales)", () => {
    const result = safeAssess({ id: "c", jurisdiction: "England-and-Wales" }, { asOf: "2025-06-01" });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.problems).toContainEqual({
        path: "jurisdiction",
        message: expect.stringContaining('did you mean "england-and-wales"?'),
      });
  });

  it("any allowed value, its letters' case changed, gets that value as the suggestion and is not echoed", () => {
    const arbitrary = fc
      .constantFrom(...PLACES)
      .chain((place) =>
        fc.tuple(
          fc.constant(place),
          fc.constantFrom(...place.values),
          fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        ),
      )
      .map(([place, value, flips]) => {
        const mangled = [...value].map((ch, i) => (flips[i] ? ch.toUpperCase() : ch)).join("");
        return { place, value, mangled: mangled === value ? value.toUpperCase() : mangled };
      });
    fc.assert(
      fc.property(arbitrary, ({ place, value, mangled }) => {
        const [problem] = problemsFor(place, mangled);
        expect(problem?.message).toContain(`(did you mean ${JSON.stringify(value)}?)`);
        expect(problem?.message).not.toContain(mangled);
      }),
    );
  });

  it("a value that is not an allowed one in any case gets no suggestion and is not echoed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.string({ minLength: 1, maxLength: 30 }), (place, given) => {
        const loose = given
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, "-");
        fc.pre(!(place.values as readonly string[]).some((v) => v === loose || v === given));
        const [problem] = problemsFor(place, given);
        expect(problem?.message).not.toContain("did you mean");
        expect(problem?.message.startsWith("expected one of:")).toBe(true);
      }),
    );
  });
});
