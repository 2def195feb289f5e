import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyDomesticViolenceProtectionTerm as classify, validateOrder } from "../../src/index.js";

// CSA 2010 s.24, s.28 (digest §6.5, §14): a DVPN/DVPO "must contain a provision prohibiting P from
// molesting the person protected"; beyond that only the premises provisions ("not to evict or exclude,
// not to enter, to leave, not to come within a distance"). "Surrender a passport, stay in a county,
// attend a programme" are outside what the sections provide.

const notPremises = ["your passport", "his passport", "the keys", "your phone", "any firearms", "the car"];
const places = ["at the police station", "with the officer", "at the front desk", "in the safe", ""];
const wideAreas = ["the county", "the country", "the area", "the town", "England and Wales", "the UK"];
const premises = [
  "the premises",
  "the shared home",
  "the house",
  "the family home",
  "12 Example Road",
  "the flat",
];

describe("DVPN/DVPO terms are read by what they require, not by a word", () => {
  it("leaving a thing somewhere is never a requirement to leave premises", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Leave", "To leave", "You must leave", "P is to leave"),
        fc.constantFrom(...notPremises),
        fc.constantFrom(...places),
        (verb, thing, place) => {
          expect(classify({ text: `${verb} ${thing} ${place}.` }, "requirement")).not.toBe("premises");
        },
      ),
    );
  });

  it("not leaving (or staying in) a wide area is never a premises provision, on either side", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Do not leave", "Not to leave", "You must not leave", "Stay in", "Remain within"),
        fc.constantFrom(...wideAreas),
        fc.constantFrom("prohibition" as const, "requirement" as const),
        (verb, area, side) => {
          const kind = classify({ text: `${verb} ${area}.` }, side);
          expect(kind).toBe("outside");
        },
      ),
    );
  });

  it("leaving (or vacating) the shared premises is a premises provision", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("To leave", "Leave", "To vacate", "To leave and not return to"),
        fc.constantFrom(...premises),
        (verb, place) => {
          expect(classify({ text: `${verb} ${place} immediately.` }, "requirement")).toBe("premises");
        },
      ),
    );
  });

  it("a DVPO whose prohibitions never mention molestation, nor conduct that is molestation, has a defect", () => {
    fc.assert(
      fc.property(fc.constantFrom(...premises), (place) => {
        const result = validateOrder({
          kind: "dvpo",
          protectedPersons: ["v1"],
          madeOn: "2025-01-01",
          duration: { type: "fixed", endsOn: "2025-01-20" },
          prohibitions: [{ text: `Not to enter ${place}.` }],
        });
        expect(result.defects.map((d) => d.code)).toContain("dvp-no-molestation-prohibition");
        expect(result.valid).toBe(false);
      }),
    );
  });

  it("a category decides: 'device-surrender' or 'programme' is outside, 'leave-premises' is a premises provision", () => {
    expect(classify({ text: "Hand in devices.", category: "device-surrender" }, "requirement")).toBe(
      "outside",
    );
    expect(classify({ text: "Attend a course.", category: "programme" }, "requirement")).toBe("outside");
    expect(classify({ text: "Go.", category: "leave-premises" }, "requirement")).toBe("premises");
    expect(classify({ text: "Anything", category: "molestation" }, "prohibition")).toBe("molestation");
  });
});
