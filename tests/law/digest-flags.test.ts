import { describe, expect, it } from "vitest";
import { assess, breachOffenceFor, citationFor, orderDates, validateOrder } from "../../src/index.js";
import familyLawRules from "../../src/law/family-law-act-1996/rules.json";
import { FACT_DEFINITIONS } from "../../src/rule-authoring.js";

// Issue 26 item 6: what the law digest marks as less than verified reaches the output as an
// `unverified` flag with the digest's level (digest §0; §14 "Inferences to flag, not present as settled").

const fact = (id: string) => FACT_DEFINITIONS.find((f) => f.id === id)!;

describe("flags the digest asks for", () => {
  it("cohabitation → intimate personal relationship is an inference [INF], flagged", () => {
    const caveat = fact("relationship.intimate").caveat?.(
      { id: "c", relationship: { cohabitation: { status: "former" } } },
      "2025-06-01",
    );
    expect(caveat).toBe("daa-2021:s2-cohabitants-intimate");
    expect(citationFor(caveat!).confidence).toBe("INF");
    // An intimate relationship recorded as such rests on no inference.
    expect(
      fact("relationship.intimate").caveat?.(
        {
          id: "c",
          relationship: { cohabitation: { status: "former" }, intimateRelationship: { status: "former" } },
        },
        "2025-06-01",
      ),
    ).toBeUndefined();
  });

  it("a DAPO resting on cohabitation alone is flagged unverified", () => {
    const a = assess(
      {
        id: "c",
        jurisdiction: "england-and-wales",
        policeForceArea: "greater-manchester",
        suspect: { age: 40 },
        personsToProtect: [{ id: "v", role: "victim", age: 35 }],
        relationship: { cohabitation: { status: "former" }, allConnectionsRecorded: true },
        incidents: [{ kind: "threats-of-violence", date: "2025-05-01", target: "victim" }],
        risk: { physicalHarm: true, ongoing: true },
        protection: {},
      },
      { asOf: "2025-06-01" },
    );
    const dapo = a.orders.find((o) => o.rule === "dapo");
    expect(JSON.stringify(dapo?.conditions ?? {})).toMatch(/daa-2021:s2-cohabitants-intimate/);
  });

  it("an agreement to marry ended on 29 February: the s.42(4) period's end is flagged UNVERIFIED", () => {
    const caveat = fact("relationship.agreementToMarryWithinThreeYears").caveat?.(
      { id: "c", relationship: { agreementToMarry: { status: "ended", endedOn: "2024-02-29" } } },
      "2027-02-27",
    );
    expect(caveat).toBe("fla-1996:s42(4)-29-february");
    expect(citationFor(caveat!).unverified).toBe(true);
    expect(
      fact("relationship.agreementToMarryWithinThreeYears").caveat?.(
        { id: "c", relationship: { agreementToMarry: { status: "ended", endedOn: "2024-03-01" } } },
        "2027-02-27",
      ),
    ).toBeUndefined();
  });

  it("Northern Ireland's two-year minimum (a press release, [V2]) is flagged on its defect", () => {
    const result = validateOrder({
      kind: "ni-spo",
      appliedForBy: { role: "chief-constable" },
      protectedPersons: ["v1"],
      madeOn: "2025-01-01",
      duration: { type: "fixed", endsOn: "2026-01-01" },
      prohibitions: [{ text: "Not to contact V." }],
    });
    const defect = result.defects.find((d) => d.code === "ni-spo-term-under-two-years");
    expect(defect).toMatchObject({ unverified: true, confidence: "V2" });
  });

  it("orderDates carries a top-level unverified flag when a point inside it is unverified (SPA s.4)", () => {
    const dates = orderDates({
      kind: "spo",
      appliedForBy: { role: "chief-officer" },
      protectedPersons: ["v"],
      madeOn: "2025-01-10",
      duration: { type: "fixed", endsOn: "2027-01-10" },
      prohibitions: [{ text: "Not to contact V by any means." }],
    });
    expect(dates.citations.some((c) => c.unverified)).toBe(true);
    expect(dates.unverified).toBe(true);
  });

  it("the general limit for an NMO breach, whose transitional source (FLA s.42A(5)) is unverified, is flagged", () => {
    // second-verification-pass §C.4: "whether a transitional rule read '12 months' as 6 months before 2 May 2022,
    // and under which provision" is UNVERIFIED.
    for (const dates of [
      { offenceOn: "2022-03-01", convictedOn: "2023-06-01" },
      { offenceOn: "2024-12-01", convictedOn: "2025-01-10" },
    ]) {
      const offence = breachOffenceFor("nmo", dates);
      expect(offence.unverified).toBe(true);
      expect(typeof offence.summaryMax === "object" && offence.summaryMax.unverified).toBe(true);
    }
  });

  it("the s.62(3)(eza) limb says no s.42(4ZA) limit is encoded, and why", () => {
    const limb = familyLawRules.limbs.find((l) => l.id === "fla-1996.s62(3)(eza)") as { note?: string };
    expect(limb.note).toMatch(/No time limit is encoded/);
    expect(limb.note).toMatch(/4ZA/);
    expect(limb.note).toMatch(/§12\.3\.2/);
  });
});
