// Breaches (issue part 4): the magistrates' general limit, what breaching each order is in law, and
// assessBreaches over reported incidents. Expected values come from the law digest:
// - §12.5: the general limit for one either-way offence turns on the CONVICTION date: 6 months before
//   2 May 2022; 12 months 2 May 2022 – 29 Mar 2023 (S.I. 2022/500); 6 months 30 Mar 2023 – 17 Nov 2024
//   (S.I. 2023/298); 12 months from 18 Nov 2024 (S.I. 2024/1067). The "6 months for an offence committed
//   before 2 May 2022" cut-off written into SPA 2019 s.8(3) and DAA 2021 s.39(5) turns on the OFFENCE date.
//   FLA 1996 s.42A(5) reads "the general limit" with no cut-off encoded (§4.5, §12.3.5).
// - Offences and maxima: SPA s.8 (§1.7, §12.2.4: 5 years; no conditional-discharge bar encoded); FLA s.42A
//   (§4.5: 5 years; without-notice → only while aware); SA 2020 s.363 (§5.1: 5 years; summary 6 months in
//   the 2021 text, "general limit" UNVERIFIED); PHA s.5A (§5.2: 5 years / 6 months); PHA s.3(6) (§5.3:
//   5 years, or contempt, not both); DAA s.39 (§6.3, §12.1.8: 5 years, no conditional discharge, only once
//   aware of a without-notice order); DVPO: not a criminal offence, fine or committal (§6.5, §12.4.3).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessBreaches,
  type BreachReport,
  breachOffenceFor,
  generalLimitFor,
  getProvision,
  type Order,
} from "../../src/index.js";

// ---------------------------------------------------------------------------------------------------
// The general limit
// ---------------------------------------------------------------------------------------------------

/** §12.5 as a plain function of the conviction date. */
function oracleGeneralLimit(convictedOn: string): 6 | 12 {
  if (convictedOn < "2022-05-02") return 6;
  if (convictedOn <= "2023-03-29") return 12;
  if (convictedOn <= "2024-11-17") return 6;
  return 12;
}

// Law digest §13 and second-verification-pass §C.3: the 2 May 2022 rise goes by OFFENCE date (CJA 2003
// s.282(4): "an offence committed before 2 May 2022 ... has a 6-month summary maximum, whatever the
// order breached"); the 30 March 2023 and 18 November 2024 changes go by CONVICTION date (Sentencing
// Act 2020 Sch 23 para 14A(2): "only for offences of which a person is convicted on or after" the day).
describe("generalLimitFor: offence date for 2 May 2022, conviction date after (§13, §C.3)", () => {
  it.each([
    ["2021-12-01", "2021-06-01", 6, "sa-2020:s224"],
    ["2022-05-01", "2022-04-01", 6, "sa-2020:s224"],
    ["2022-05-02", "2022-05-02", 12, "si-2022-500"],
    ["2022-06-01", "2022-05-20", 12, "si-2022-500"],
    ["2023-03-29", "2022-10-01", 12, "si-2022-500"],
    ["2023-03-30", "2022-10-01", 6, "si-2023-298"],
    ["2023-04-01", "2023-01-01", 6, "si-2023-298"],
    ["2024-11-17", "2024-01-01", 6, "si-2023-298"],
    ["2024-11-18", "2024-01-01", 12, "si-2024-1067"],
    ["2026-01-15", "2025-06-01", 12, "si-2024-1067"],
  ])("convicted %s, offence %s → %i months (%s)", (convictedOn, offenceOn, months, citation) => {
    const limit = generalLimitFor({ convictedOn, offenceOn });
    expect(limit.months).toBe(months);
    expect(limit.citations.map((c) => c.id)).toContain(citation);
  });

  it("the digest's example: committed 1 April 2022, convicted 1 June 2022 → 6 months, whatever the order", () => {
    const limit = generalLimitFor({ convictedOn: "2022-06-01", offenceOn: "2022-04-01" });
    expect(limit.months).toBe(6);
    expect(limit.citations.map((c) => c.id)).toContain("cja-2003:s282(4)");
    for (const kind of ["spo", "nmo", "dapo"] as const) {
      expect(
        breachOffenceFor(kind, { offenceOn: "2022-04-01", convictedOn: "2022-06-01" }).summaryMax,
      ).toMatchObject({
        months: 6,
      });
    }
  });

  it("committed 2022-04-30, convicted 2025 → 6, with or without the old offenceDateCutoff switch", () => {
    expect(generalLimitFor({ convictedOn: "2025-03-01", offenceOn: "2022-04-30" }).months).toBe(6);
    expect(
      generalLimitFor({ convictedOn: "2025-03-01", offenceOn: "2022-04-30", offenceDateCutoff: false })
        .months,
    ).toBe(6);
  });

  it("committed after the cut-off but convicted in the 2023–24 window → 6 (the conviction date governs)", () => {
    expect(generalLimitFor({ convictedOn: "2023-06-01", offenceOn: "2022-06-01" }).months).toBe(6);
  });

  it("without the offence date, a 12-month conviction date gives no single figure: both, with the condition", () => {
    const limit = generalLimitFor({ convictedOn: "2025-03-01" });
    expect(limit.months).toBeNull();
    expect(limit.reason).toMatch(
      /12 months if the offence was committed on or after 2022-05-02, 6 months if before/,
    );
    // In the 6-month window the offence date cannot matter.
    expect(generalLimitFor({ convictedOn: "2023-06-01" }).months).toBe(6);
  });

  it("property: both dates, checked against the §C.3 table", () => {
    const date = fc
      .integer({ min: Date.UTC(2020, 0, 20) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.boolean(), (a, b, cutoff) => {
        const [offenceOn, convictedOn] = a <= b ? [a, b] : [b, a];
        const expected = offenceOn < "2022-05-02" ? 6 : oracleGeneralLimit(convictedOn);
        return generalLimitFor({ convictedOn, offenceOn, offenceDateCutoff: cutoff }).months === expected;
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// What breaching each order is
// ---------------------------------------------------------------------------------------------------

describe("breachOffenceFor", () => {
  it.each([
    ["spo", "spa-2019:s8"],
    ["interim-spo", "spa-2019:s8"],
    ["nmo", "fla-1996:s42A"],
    ["restraining-order-on-conviction", "sa-2020:s363"],
    ["restraining-order-on-acquittal", "pha-1997:s5A"],
    ["pha-s3-injunction", "pha-1997:s3(3)-(9)"],
    ["dapo", "daa-2021:s39"],
    ["dapo-in-criminal-proceedings", "daa-2021:s39"],
  ] as const)("%s: an offence under %s, 5 years on indictment", (kind, citation) => {
    const offence = breachOffenceFor(kind);
    expect(offence.isOffence).toBe(true);
    expect(offence.citation.id).toBe(citation);
    expect(offence.indictmentMaxYears).toBe(5);
  });

  it("SPO breach, committed 2022-04-30, convicted 2025 → 6 months summarily (offence-date cut-off)", () => {
    const offence = breachOffenceFor("spo", { offenceOn: "2022-04-30", convictedOn: "2025-06-01" });
    expect(offence.summaryMax).toMatchObject({ months: 6 });
  });

  it("DAPO breach, committed 2022-04-30, convicted 2025 → 6 (s.39(5)); and no conditional discharge", () => {
    const offence = breachOffenceFor("dapo", { offenceOn: "2022-04-30", convictedOn: "2025-06-01" });
    expect(offence.summaryMax).toMatchObject({ months: 6 });
    expect(offence.conditionalDischargeBarred).toBe(true);
  });

  it("NMO breach, committed 2022-04-30, convicted 2025 → 6 (CJA 2003 s.282(4)); the s.42A(5) wording is flagged", () => {
    const offence = breachOffenceFor("nmo", { offenceOn: "2022-04-30", convictedOn: "2025-06-01" });
    expect(offence.summaryMax).toMatchObject({ months: 6, unverified: true });
    expect(offence.unverified).toBe(true);
    expect(offence.unverifiedPoints.map((c) => c.id)).toContain("fla-1996:s42A(5)");
    const later = breachOffenceFor("nmo", { offenceOn: "2025-01-10", convictedOn: "2025-06-01" });
    expect(later.summaryMax).toMatchObject({ months: 12, unverified: true });
  });

  it("SPO breach: general limit settled, conditional discharge (s.8(4)) flagged, never 'no bar'", () => {
    const offence = breachOffenceFor("spo", { offenceOn: "2025-01-10", convictedOn: "2025-06-01" });
    expect(offence.summaryMax).toMatchObject({ months: 12, unverified: false });
    expect(offence.unverified).toBe(true);
    expect(offence.unverifiedPoints.map((c) => c.id)).toEqual(["spa-2019:s8(4)"]);
    expect(offence.note).toMatch(/conditional discharge.*unverified/i);
    expect(JSON.stringify(offence)).not.toMatch(/no bar/i);
  });

  it("DAPO breach: no flag (s.39 wording and its s.39(6) bar are verified)", () => {
    const offence = breachOffenceFor("dapo", { offenceOn: "2025-01-10", convictedOn: "2025-06-01" });
    expect(offence.unverified).toBe(false);
    expect(offence.unverifiedPoints).toEqual([]);
  });

  it("SPO breach committed 2024-06-01: convicted 2024-11-17 → 6; convicted 2024-11-18 → 12", () => {
    expect(
      breachOffenceFor("spo", { offenceOn: "2024-06-01", convictedOn: "2024-11-17" }).summaryMax,
    ).toMatchObject({
      months: 6,
    });
    expect(
      breachOffenceFor("spo", { offenceOn: "2024-06-01", convictedOn: "2024-11-18" }).summaryMax,
    ).toMatchObject({
      months: 12,
    });
  });

  it("without a conviction date the summary maximum is described, not guessed", () => {
    const offence = breachOffenceFor("spo", { offenceOn: "2025-03-01" });
    expect(typeof offence.summaryMax).toBe("string");
    expect(String(offence.summaryMax)).toMatch(/general limit/);
  });

  it("SPO: no conditional-discharge bar is asserted (UNVERIFIED, §12.2.4)", () => {
    expect(breachOffenceFor("spo").conditionalDischargeBarred).not.toBe(true);
  });

  it.each(["restraining-order-on-conviction", "restraining-order-on-acquittal"] as const)(
    "%s: 6 months as written; flagged for an offence on or after 2 May 2022 (§13, §C.7), settled before",
    (kind) => {
      const after = breachOffenceFor(kind, { offenceOn: "2025-01-01", convictedOn: "2025-06-01" });
      expect(after.unverified).toBe(true);
      expect(after.summaryMax).toMatchObject({ months: 6, unverified: true });
      expect(JSON.stringify(after.summaryMax)).toMatch(/s\.282.*unverified/);
      const before = breachOffenceFor(kind, { offenceOn: "2022-01-01", convictedOn: "2022-06-01" });
      expect(before.summaryMax).toMatchObject({ months: 6, unverified: false });
      expect(before.unverified).toBe(false);
    },
  );

  it("PHA s.3 injunction: s.3(9) summary maximum not in the digest, flagged; offence in force 1 September 1998", () => {
    const offence = breachOffenceFor("pha-s3-injunction", {
      offenceOn: "2025-01-01",
      convictedOn: "2025-06-01",
    });
    expect(offence.unverified).toBe(true);
    expect(String(offence.summaryMax)).toMatch(/not in the law digest.*unverified/);
    expect(getProvision(offence.citation.id)?.inForce.from).toBe("1998-09-01");
  });

  it("DVPO breach: not a criminal offence, but a fine or committal (MCA 1980 s.63(3)); figures unverified", () => {
    const offence = breachOffenceFor("dvpo", { offenceOn: "2025-01-01", convictedOn: "2025-02-01" });
    expect(offence.isOffence).toBe(false);
    expect(offence.indictmentMaxYears).toBeUndefined();
    expect(offence.summaryMax).toBeUndefined();
    expect(offence.note).toMatch(/not a criminal offence/i);
    expect(offence.note).toMatch(/fine/i);
    expect(offence.note).toMatch(/committal/i);
    expect(offence.unverified).toBe(true);
  });

  it.each(["dapn", "dvpn"] as const)("%s breach is not itself an offence", (kind) => {
    expect(breachOffenceFor(kind).isOffence).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// assessBreaches
// ---------------------------------------------------------------------------------------------------

const SPO: Order = {
  kind: "spo",
  appliedForBy: { role: "chief-officer", force: "kent" },
  protectedPersons: ["v1"],
  madeOn: "2025-01-10",
  servedOn: "2025-01-11",
  duration: { type: "fixed", endsOn: "2027-01-10" },
  prohibitions: [
    { id: "p-contact", category: "contact", text: "Not to contact V by any means, directly or indirectly." },
    {
      id: "p-zone",
      category: "exclusion-zone",
      text: "Not to enter the area marked on the attached map around V's home and workplace.",
    },
  ],
  requirements: [
    { id: "r-programme", category: "programme", text: "To attend a stalking perpetrator programme." },
    { id: "r-sign", category: "sign-on", text: "To report to Hove police station every Monday." },
  ],
};

const one = (order: Order, report: BreachReport, options?: Parameters<typeof assessBreaches>[2]) => {
  const [finding] = assessBreaches(order, [report], options);
  return finding!;
};

describe("assessBreaches: which term", () => {
  it("contact → the no-contact prohibition only", () => {
    const f = one(SPO, { id: "b1", date: "2025-03-01", kind: "contacting" });
    expect(f.termsBreached.map((t) => t.path)).toEqual(["prohibitions.0"]);
    expect(f.breach).toBe(true);
    expect(f.report).toBe("b1");
  });

  it("contact through a third party → the no-contact term ('directly or indirectly')", () => {
    expect(
      one(SPO, { date: "2025-03-01", kind: "third-party-contact" }).termsBreached.map((t) => t.path),
    ).toEqual(["prohibitions.0"]);
  });

  it("loitering → the exclusion zone only", () => {
    expect(one(SPO, { date: "2025-03-01", kind: "loitering" }).termsBreached.map((t) => t.path)).toEqual([
      "prohibitions.1",
    ]);
  });

  it("a missed requirement → that requirement, by id", () => {
    const f = one(SPO, { date: "2025-03-03", kind: "missed-requirement", termId: "r-sign" });
    expect(f.termsBreached).toEqual([
      { path: "requirements.1", text: "To report to Hove police station every Monday." },
    ]);
    expect(f.breach).toBe(true);
  });

  it("a missed requirement on an order with none (NMO) breaches nothing", () => {
    const nmo: Order = {
      kind: "nmo",
      appliedForBy: { role: "person-to-be-protected" },
      protectedPersons: ["v1"],
      madeOn: "2025-01-10",
      duration: { type: "until-further-order" },
      prohibitions: [{ text: "Not to molest V." }],
    };
    const f = one(nmo, { date: "2025-03-03", kind: "missed-requirement" });
    expect(f.termsBreached).toEqual([]);
    expect(f.breach).toBe(false);
  });

  it("conduct no term covers is not a breach", () => {
    const contactOnly: Order = { ...SPO, prohibitions: [SPO.prohibitions[0]!], requirements: [] };
    const f = one(contactOnly, { date: "2025-03-01", kind: "loitering" });
    expect(f.termsBreached).toEqual([]);
    expect(f.breach).toBe(false);
  });

  // BUG (src/orders/assess-breaches.ts): terms are matched by regular expressions over the category AND
  // text, and the contact pattern includes /post/ and the place pattern includes /within/. So a contact
  // incident "breaches" an exclusion zone defined by a postcode, and loitering "breaches" a no-contact term
  // that says "within the United Kingdom". The category the order gives ("exclusion-zone", "contact") should
  // decide; the issue asks which term each incident breaches.
  it("contact does not breach an exclusion zone whose wording mentions a postcode", () => {
    const order: Order = {
      ...SPO,
      prohibitions: [
        { category: "exclusion-zone", text: "Not to enter postcode district BN2, as marked on the map." },
      ],
      requirements: [],
    };
    expect(one(order, { date: "2025-03-01", kind: "contacting" }).termsBreached).toEqual([]);
  });
  it("loitering does not breach a no-contact term that says 'within the United Kingdom'", () => {
    const order: Order = {
      ...SPO,
      prohibitions: [
        { category: "contact", text: "Not to contact V, directly or indirectly, within the United Kingdom." },
      ],
      requirements: [],
    };
    expect(one(order, { date: "2025-03-01", kind: "loitering" }).termsBreached).toEqual([]);
  });
});

describe("assessBreaches: in force, and known to the suspect", () => {
  it.each([
    ["2025-01-09", false, "the day before it was made"],
    ["2025-01-10", true, "the day it was made"],
    ["2027-01-10", true, "its last day"],
    ["2027-01-11", false, "the day after its last day"],
  ])("incident on %s → in force: %s (%s)", (date, inForce) => {
    const f = one(SPO, { date, kind: "contacting" });
    expect(f.inForce).toBe(inForce);
    expect(f.breach).toBe(inForce);
  });

  it("an interim SPO after the main application was determined is no longer in force (s.5(6))", () => {
    const order: Order = {
      kind: "interim-spo",
      appliedForBy: { role: "chief-officer" },
      protectedPersons: ["v1"],
      madeOn: "2025-01-10",
      servedOn: "2025-01-10",
      duration: { type: "fixed", endsOn: "2025-04-10" },
      mainApplicationDeterminedOn: "2025-03-01",
      prohibitions: [{ category: "contact", text: "Not to contact V by any means." }],
    };
    expect(one(order, { date: "2025-02-15", kind: "contacting" }).inForce).toBe(true);
    expect(one(order, { date: "2025-03-05", kind: "contacting" })).toMatchObject({
      inForce: false,
      breach: false,
    });
  });

  it("an SPO until further order is in force from the day made; with no made date it is unknown", () => {
    const open: Order = { ...SPO, duration: { type: "until-further-order" } };
    expect(one(open, { date: "2031-01-01", kind: "contacting" }).inForce).toBe(true);
    const { madeOn: _m, ...noMade } = SPO;
    const f = one(noMade as Order, { date: "2025-03-01", kind: "contacting" });
    expect(f.inForce).toBe("unknown");
    expect(f.breach).toBe("unknown");
  });

  it("an NMO made without notice: conduct before service is not shown to be while aware (s.42A)", () => {
    const nmo: Order = {
      kind: "nmo",
      appliedForBy: { role: "person-to-be-protected" },
      protectedPersons: ["v1"],
      madeOn: "2025-01-10",
      withoutNotice: true,
      servedOn: "2025-01-15",
      duration: { type: "fixed", endsOn: "2025-07-10" },
      prohibitions: [{ category: "contact", text: "Not to contact V by any means." }],
    };
    expect(one(nmo, { date: "2025-01-12", kind: "contacting" })).toMatchObject({
      inForce: true,
      knownToSuspect: false,
      breach: false,
    });
    expect(one(nmo, { date: "2025-01-20", kind: "contacting" })).toMatchObject({
      knownToSuspect: true,
      breach: true,
    });
    const { servedOn: _s, ...unserved } = nmo;
    expect(one(unserved as Order, { date: "2025-01-20", kind: "contacting" })).toMatchObject({
      knownToSuspect: "unknown",
      breach: "unknown",
    });
  });

  // SUSPECTED BUG (src/orders/assess-breaches.ts): conduct on the very day of service counts as "known to
  // the suspect" (report.date >= servedOn), but a report carries only the date of the conduct, not its
  // time, and conduct earlier that day precedes service. FLA s.42A / DAA s.39 make a without-notice order
  // bite only on conduct while the person was aware of it (§4.5, §6.3), so on the day of service the
  // answer is "unknown", not true.
  it("a without-notice order: conduct on the day of service → awareness unknown", () => {
    const order: Order = { ...SPO, withoutNotice: true, servedOn: "2025-01-15" };
    expect(one(order, { date: "2025-01-15", kind: "contacting" }).knownToSuspect).toBe("unknown");
  });

  it("an order made on notice is known to the suspect from the day made", () => {
    expect(one(SPO, { date: "2025-01-10", kind: "contacting" }).knownToSuspect).toBe(true);
  });
});

describe("assessBreaches: the offence and its maximum, from both dates", () => {
  const longSpo: Order = {
    ...SPO,
    madeOn: "2022-01-10",
    servedOn: "2022-01-10",
    duration: { type: "until-further-order" },
  };

  it("SPO breach committed 2022-04-30, convicted 2025-06-01 → s.8, 5 years, 6 months summarily", () => {
    const f = one(longSpo, { date: "2022-04-30", kind: "contacting" }, { convictedOn: "2025-06-01" });
    expect(f.offence).toMatchObject({
      isOffence: true,
      citation: { id: "spa-2019:s8" },
      indictmentMaxYears: 5,
      summaryMax: { months: 6 },
    });
  });

  it("SPO breach committed 2022-05-02, convicted 2025-06-01 → 12 months", () => {
    const f = one(longSpo, { date: "2022-05-02", kind: "contacting" }, { convictedOn: "2025-06-01" });
    expect(f.offence.summaryMax).toMatchObject({ months: 12 });
  });

  it("NMO breach committed 2022-04-30, convicted 2025-06-01 → s.42A, 6 months (CJA 2003 s.282(4), §13)", () => {
    const nmo: Order = {
      kind: "nmo",
      appliedForBy: { role: "person-to-be-protected" },
      protectedPersons: ["v1"],
      madeOn: "2022-01-01",
      duration: { type: "until-further-order" },
      prohibitions: [{ category: "contact", text: "Not to contact V by any means." }],
    };
    const f = one(nmo, { date: "2022-04-30", kind: "contacting" }, { convictedOn: "2025-06-01" });
    expect(f.offence).toMatchObject({
      citation: { id: "fla-1996:s42A" },
      summaryMax: { months: 6 },
      unverified: true,
    });
  });

  it("DVPO breach: a breach of the order, but not a criminal offence", () => {
    const dvpo: Order = {
      kind: "dvpo",
      protectedPersons: ["v1"],
      madeOn: "2025-01-01",
      duration: { type: "fixed", endsOn: "2025-01-20" },
      prohibitions: [{ text: "Not to molest V, and not to use or threaten violence against V." }],
    };
    const f = one(dvpo, { date: "2025-01-05", kind: "violence" }, { convictedOn: "2025-02-01" });
    expect(f.breach).toBe(true);
    expect(f.offence.isOffence).toBe(false);
    expect(f.offence.note).toMatch(/committal/);
  });
});

describe("assessBreaches: police response time against a configurable threshold", () => {
  it("48 hours against the default 24 → flagged", () => {
    const f = one(SPO, {
      date: "2025-03-01",
      kind: "contacting",
      reportedAt: "2025-03-01T10:00",
      respondedAt: "2025-03-03T10:00",
    });
    expect(f.response).toEqual({ hours: 48, flagged: true, thresholdHours: 24 });
  });

  it("48 hours against a threshold of 72 → not flagged", () => {
    const f = one(
      SPO,
      {
        date: "2025-03-01",
        kind: "contacting",
        reportedAt: "2025-03-01T10:00",
        respondedAt: "2025-03-03T10:00",
      },
      { responseThresholdHours: 72 },
    );
    expect(f.response).toEqual({ hours: 48, flagged: false, thresholdHours: 72 });
  });

  it("exactly at the threshold is within it", () => {
    const f = one(SPO, {
      date: "2025-03-01",
      kind: "contacting",
      reportedAt: "2025-03-01T10:00",
      respondedAt: "2025-03-02T10:00",
    });
    expect(f.response).toMatchObject({ hours: 24, flagged: false });
  });

  it("real elapsed hours across the clock changes: noon to noon is 23 hours in March, 25 in October", () => {
    const spring = one(SPO, {
      date: "2025-03-29",
      kind: "contacting",
      reportedAt: "2025-03-29T12:00",
      respondedAt: "2025-03-30T12:00",
    });
    expect(spring.response).toMatchObject({ hours: 23, flagged: false });
    const autumn = one(SPO, {
      date: "2025-10-25",
      kind: "contacting",
      reportedAt: "2025-10-25T12:00",
      respondedAt: "2025-10-26T12:00",
    });
    expect(autumn.response).toMatchObject({ hours: 25, flagged: true });
  });

  it("reported but no response recorded → flagged, hours unknown; nothing reported → not flagged", () => {
    expect(
      one(SPO, { date: "2025-03-01", kind: "contacting", reportedAt: "2025-03-01T10:00" }).response,
    ).toMatchObject({
      hours: null,
      flagged: true,
    });
    expect(one(SPO, { date: "2025-03-01", kind: "contacting" }).response).toMatchObject({
      hours: null,
      flagged: false,
    });
  });

  it("minutes are kept to a tenth of an hour", () => {
    const f = one(SPO, {
      date: "2025-03-01",
      kind: "contacting",
      reportedAt: "2025-03-01T10:00",
      respondedAt: "2025-03-01T11:30",
    });
    expect(f.response.hours).toBe(1.5);
  });

  // BUG (src/orders/assess-breaches.ts): a response recorded before the report gives a negative number of
  // hours (here −25) and is not flagged, so a data error reads as a prompt response. It should at least be
  // flagged (or the hours left unknown).
  it("a response time before the report time is not passed off as prompt", () => {
    const f = one(SPO, {
      date: "2025-10-25",
      kind: "contacting",
      reportedAt: "2025-10-26T12:00",
      respondedAt: "2025-10-25T12:00",
    });
    expect(f.response.flagged).toBe(true);
  });

  it("each report gets its own finding, in order, with ids or their position", () => {
    const findings = assessBreaches(SPO, [
      { id: "a", date: "2025-03-01", kind: "contacting" },
      { date: "2025-03-02", kind: "loitering" },
    ]);
    expect(findings.map((f) => f.report)).toEqual(["a", "reports.1"]);
  });
});
