// Issue 28 item 5: a case with a police force area and no jurisdiction takes the force's jurisdiction,
// and says so. Kent is a territorial force of England and Wales (SPA 2019 extends to England and Wales);
// the PSNI's area is Northern Ireland (Protection from Stalking Act (Northern Ireland) 2022).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, POLICE_FORCES } from "../../src/index.js";

const ASOF = "2025-06-01";
const STRANGER: CaseFacts = {
  id: "c",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [{ kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true }],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: { adequate: false },
};
const withoutCode = (a: ReturnType<typeof assess>) =>
  a.notices.filter((n) => n.code !== "jurisdiction-inferred-from-police-force-area");

describe("the jurisdiction inferred from the police force area, said out loud", () => {
  it("Kent, no jurisdiction: assessed as England and Wales, with a notice naming the force", () => {
    const a = assess({ ...STRANGER, policeForceArea: "kent" }, { asOf: ASOF });
    expect(a.orders.find((o) => o.rule === "spo")?.outcome).toBe("available");
    const notice = a.notices.find((n) => n.code === "jurisdiction-inferred-from-police-force-area");
    expect(notice?.text).toMatch(/read as England and Wales, where the Kent Police area is/);
    expect(a.notices.map((n) => n.code)).not.toContain("jurisdiction-not-recorded");
  });

  it("the PSNI: assessed under the 2022 Act", () => {
    const a = assess({ ...STRANGER, policeForceArea: "psni" }, { asOf: ASOF });
    expect(a.orders.find((o) => o.rule === "ni-spo")?.outcome).toBe("available");
    expect(a.orders.find((o) => o.rule === "spo")?.outcome).toBe("not-available");
  });

  it("BTP and MoD Police have no territorial area: nothing is inferred", () => {
    for (const force of ["british-transport-police", "ministry-of-defence-police"] as const) {
      const a = assess({ ...STRANGER, policeForceArea: force }, { asOf: ASOF });
      expect(a.notices.map((n) => n.code)).toContain("jurisdiction-not-recorded");
    }
  });

  it("for every force, inferring gives what recording the jurisdiction would, apart from the notice", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICE_FORCES.filter((f) => f.territorial)), ({ id }) => {
        const jurisdiction = id === "psni" ? "northern-ireland" : "england-and-wales";
        const inferred = assess({ ...STRANGER, policeForceArea: id }, { asOf: ASOF });
        const recorded = assess({ ...STRANGER, policeForceArea: id, jurisdiction }, { asOf: ASOF });
        expect(JSON.stringify(inferred.orders)).toBe(JSON.stringify(recorded.orders));
        expect(JSON.stringify(withoutCode(inferred))).toBe(JSON.stringify(recorded.notices));
      }),
    );
  });
});
