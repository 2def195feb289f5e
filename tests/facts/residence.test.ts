import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, type Suspect } from "../../src/index.js";
import { POLICE_FORCES } from "../../src/model/police-forces.js";
import {
  defendantIsInOrComingToNorthernIreland,
  suspectTerritorialReach,
  whoMayApplyForAStalkingProtectionOrder,
} from "../../src/rule-authoring.js";

// SPA 2019 s.1(3): "a chief officer of police for a police area in England and Wales may apply ...
// only in respect of a person who lives in that area, or whom the chief officer believes is in
// that area or intends to come to it"; BTP and MoD Police are not so limited (explanatory notes).
// NI 2022 Act s.7(3): the same shape for the PSNI and Northern Ireland (digest §14).

const forces = POLICE_FORCES.map((f) => f.id);
const livesIn = ["england-and-wales", "scotland", "northern-ireland", "outside-the-uk"] as const;
const suspectArb = fc.record(
  {
    homeForceArea: fc.constantFrom(...forces),
    livesIn: fc.constantFrom(...livesIn),
    believedInOrComingTo: fc.array(fc.constantFrom(...forces), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const stalkingCase: CaseFacts = {
  id: "c",
  jurisdiction: "england-and-wales",
  policeForceArea: "kent",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    {
      kind: "following",
      date: "2025-03-02",
      place: "uk",
      target: "victim",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
    {
      kind: "contacting",
      date: "2025-04-02",
      place: "uk",
      target: "victim",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
};

const spoOutcome = (suspect: Suspect) =>
  assess({ ...stalkingCase, suspect }, { asOf: "2025-06-01" }).orders.find((o) => o.rule === "spo")?.outcome;

describe("where the suspect lives (SPA 2019 s.1(3), NI 2022 Act s.7(3))", () => {
  it("a case that records nothing about residence keeps the answer its other facts settle", () => {
    expect(spoOutcome({})).toBe("available");
    expect(spoOutcome({ homeForceArea: "kent" })).toBe("available");
  });

  it("not available only when recorded as living outside and believed to be in no area of the territory", () => {
    fc.assert(
      fc.property(suspectArb, (suspect) => {
        const reach = suspectTerritorialReach({ id: "c", suspect }, "england-and-wales");
        const home = POLICE_FORCES.find((f) => f.id === suspect.homeForceArea);
        const homeInEw = home?.territorial === true && home.id !== "psni";
        const believedEw = (suspect.believedInOrComingTo ?? []).some(
          (f) => f !== "psni" && POLICE_FORCES.find((p) => p.id === f)?.territorial === true,
        );
        if (reach === "outside-and-not-coming") {
          expect(homeInEw).toBe(false);
          expect(suspect.livesIn === "england-and-wales").toBe(false);
          expect(believedEw).toBe(false);
          expect(suspect.believedInOrComingTo).toBeDefined();
        }
        if (suspect.homeForceArea === undefined && suspect.livesIn === undefined) {
          expect(reach === "outside-and-not-coming" || reach === undefined).toBe(false);
        }
        if (believedEw) expect(["lives-in-territory", "believed-in-or-coming-to-territory"]).toContain(reach);
      }),
    );
  });

  it("the England and Wales and Northern Ireland readings come from the one mechanism", () => {
    fc.assert(
      fc.property(suspectArb, (suspect) => {
        const reach = suspectTerritorialReach({ id: "c", suspect }, "northern-ireland");
        const boolean = defendantIsInOrComingToNorthernIreland({ id: "c", suspect });
        if (reach === "outside-and-not-coming") expect(boolean).toBe(false);
        else if (reach === "lives-in-territory" || reach === "believed-in-or-coming-to-territory")
          expect(boolean).toBe(true);
        else expect(boolean).toBeUndefined();
      }),
    );
  });

  it("lives in Spain, not coming: not available, citing s.1(3) and naming BTP and MoD Police", () => {
    const a = assess(
      { ...stalkingCase, suspect: { livesIn: "outside-the-uk", believedInOrComingTo: [] } },
      { asOf: "2025-06-01" },
    );
    const spo = a.orders.find((o) => o.rule === "spo");
    expect(spo?.outcome).toBe("not-available");
    expect(JSON.stringify(spo?.conditions)).toMatch(/spa-2019:s1\(3\)/);
    expect(JSON.stringify(spo?.conditions)).toMatch(/British Transport Police/);
    const notice = a.notices.find((n) => n.code === "who-may-apply-for-spo");
    expect(notice?.text).toMatch(/no territorial force may apply/);
    expect(notice?.text).toMatch(
      /British Transport Police and the Ministry of Defence Police are not limited by area/,
    );
    expect(notice?.citations.map((c) => c.id)).toEqual(["spa-2019:s1(3)"]);
  });

  it("lives in another force area: available, naming the home force and the recording force's condition", () => {
    const text = whoMayApplyForAStalkingProtectionOrder({
      ...stalkingCase,
      suspect: { homeForceArea: "essex", believedInOrComingTo: [] },
    });
    expect(text).toMatch(/lives in the Essex Police area, so its chief officer may apply/);
    expect(text).toMatch(/Kent Police, where the case is recorded, may apply only if it believes/);
    const believed = whoMayApplyForAStalkingProtectionOrder({
      ...stalkingCase,
      suspect: { homeForceArea: "essex", believedInOrComingTo: ["kent"] },
    });
    expect(believed).toMatch(/area of Kent Police: that chief officer may apply/);
    expect(believed).not.toMatch(/may apply only if/);
  });

  it("residence unrecorded: the notice names who may apply instead of an answer of no", () => {
    const text = whoMayApplyForAStalkingProtectionOrder({ ...stalkingCase, suspect: {} });
    expect(text).toMatch(/where the suspect lives is not settled/);
    expect(text).toMatch(/Kent Police, where the case is recorded, may apply only if/);
  });

  it("recorded as living abroad with whereabouts unrecorded: needs information, asking where he is believed to be", () => {
    const a = assess({ ...stalkingCase, suspect: { livesIn: "outside-the-uk" } }, { asOf: "2025-06-01" });
    expect(a.orders.find((o) => o.rule === "spo")?.outcome).toBe("needs-information");
    expect(a.questions.map((q) => q.fact)).toContain("spa.suspectWithinAreaLimit");
  });

  it("a home area and livesIn that disagree are unknown, never a no", () => {
    expect(
      suspectTerritorialReach(
        { id: "c", suspect: { homeForceArea: "kent", livesIn: "scotland", believedInOrComingTo: [] } },
        "england-and-wales",
      ),
    ).toBeUndefined();
  });
});
