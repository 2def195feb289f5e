// The citation registry: every provision resolves to an instrument and a public URL; titles are built from the
// instrument and provision; unverified points are flagged (digest §0).
import { describe, expect, it } from "vitest";
import { citationFor, getProvision, listInstruments, listProvisions, provisionUrl } from "../../src/index.js";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe("instruments and provisions", () => {
  const instruments = new Map(listInstruments().map((i) => [i.id, i]));

  it("instrument and provision ids are unique", () => {
    expect(instruments.size).toBe(listInstruments().length);
    const ids = listProvisions().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every provision's instrument exists", () => {
    for (const provision of listProvisions()) {
      expect(instruments.has(provision.instrument), `${provision.id} → ${provision.instrument}`).toBe(true);
    }
  });

  it("every instrument has a legislation.gov.uk path or a public https URL", () => {
    for (const instrument of listInstruments()) {
      const hasPath = instrument.legislationPath !== undefined;
      const hasUrl = instrument.url?.startsWith("https://") === true;
      expect(hasPath || hasUrl, instrument.id).toBe(true);
    }
  });

  it("every URL is on https://www.legislation.gov.uk/ or is the instrument's own URL", () => {
    for (const provision of listProvisions()) {
      const url = provisionUrl(provision);
      const instrument = instruments.get(provision.instrument)!;
      if (instrument.legislationPath) {
        expect(
          url.startsWith(`https://www.legislation.gov.uk/${instrument.legislationPath}`),
          `${provision.id}: ${url}`,
        ).toBe(true);
      } else {
        expect(url, provision.id).toBe(instrument.url);
      }
      expect(citationFor(provision.id).url).toBe(url);
    }
  });

  it("every provision has an in-force period with ISO dates (or from: null) and a digest reference", () => {
    for (const provision of listProvisions()) {
      const { from, to, noDataAfter } = provision.inForce;
      expect(from === null || ISO.test(from), provision.id).toBe(true);
      if (to !== undefined && to !== null) {
        expect(ISO.test(to), provision.id).toBe(true);
        if (from !== null) expect(from <= to, provision.id).toBe(true);
      }
      if (noDataAfter !== undefined) expect(ISO.test(noDataAfter), provision.id).toBe(true);
      expect(provision.digest.length, provision.id).toBeGreaterThan(0);
      expect(provision.summary.length, provision.id).toBeGreaterThan(0);
    }
  });

  it("getProvision returns undefined for an unknown id and citationFor throws", () => {
    expect(getProvision("spa-2019:s99")).toBeUndefined();
    expect(() => citationFor("spa-2019:s99")).toThrow();
  });
});

describe("citationFor", () => {
  it.each([
    [
      "spa-2019:s1(5)",
      "Stalking Protection Act 2019, s.1(5)",
      "https://www.legislation.gov.uk/ukpga/2019/9/section/1",
    ],
    [
      "spa-2019:s1(1)(a)",
      "Stalking Protection Act 2019, s.1(1)(a)",
      "https://www.legislation.gov.uk/ukpga/2019/9/section/1",
    ],
    [
      "spa-2019:s2",
      "Stalking Protection Act 2019, s.2",
      "https://www.legislation.gov.uk/ukpga/2019/9/section/2",
    ],
    [
      "spa-2019:s5(3)",
      "Stalking Protection Act 2019, s.5(3)",
      "https://www.legislation.gov.uk/ukpga/2019/9/section/5",
    ],
    [
      "fla-1996:s42(4)",
      "Family Law Act 1996, s.42(4)",
      "https://www.legislation.gov.uk/ukpga/1996/27/section/42",
    ],
    [
      "fla-1996:s62(3)(c)",
      "Family Law Act 1996, s.62(3)(c)",
      "https://www.legislation.gov.uk/ukpga/1996/27/section/62",
    ],
    [
      "pha-1997:s5A",
      "Protection from Harassment Act 1997, s.5A",
      "https://www.legislation.gov.uk/ukpga/1997/40/section/5A",
    ],
    [
      "sa-2020:s360",
      "Sentencing Act 2020, s.360",
      "https://www.legislation.gov.uk/ukpga/2020/17/section/360",
    ],
    [
      "daa-2021:s22(6)",
      "Domestic Abuse Act 2021, s.22(6)",
      "https://www.legislation.gov.uk/ukpga/2021/17/section/22",
    ],
    [
      "csa-2010:s24",
      "Crime and Security Act 2010, s.24",
      "https://www.legislation.gov.uk/ukpga/2010/17/section/24",
    ],
    [
      "dvcva-2004:s12",
      "Domestic Violence, Crime and Victims Act 2004, s.12",
      "https://www.legislation.gov.uk/ukpga/2004/28/section/12",
    ],
  ])("%s → %s", (id, title, url) => {
    const citation = citationFor(id);
    expect(citation.id).toBe(id);
    expect(citation.title).toBe(title);
    expect(citation.url).toBe(url);
  });

  it("an SI regulation links to the SI (S.I. 2020/26 commenced SPA s.1 on 20 Jan 2020)", () => {
    const citation = citationFor("si-2020-26:reg2");
    expect(citation.url).toBe("https://www.legislation.gov.uk/uksi/2020/26");
    expect(citation.title).toContain("S.I. 2020/26");
  });

  it("guidance and case law link to their own public pages", () => {
    expect(citationFor("malik-2023:costs").url).toBe(
      "https://caselaw.nationalarchives.gov.uk/ewhc/admin/2023/3213",
    );
    expect(citationFor("malik-2023:costs").title).toContain("Malik");
  });

  it("every provision marked UNVERIFIED yields unverified: true, and only those", () => {
    const provisions = listProvisions();
    expect(provisions.some((p) => p.confidence === "UNVERIFIED")).toBe(true);
    for (const provision of provisions) {
      const citation = citationFor(provision.id);
      expect(citation.confidence).toBe(provision.confidence);
      expect(citation.unverified, provision.id).toBe(provision.confidence === "UNVERIFIED");
    }
  });

  it("known unverified points are flagged: one act as 'acts' (§1.1), the CPA 2026 SPO power (§12.6)", () => {
    expect(citationFor("spa-2019:one-act").unverified).toBe(true);
    expect(citationFor("cpa-2026:spo-on-conviction-or-acquittal").unverified).toBe(true);
  });

  it("citations are immutable", () => {
    const citation = citationFor("spa-2019:s1(5)");
    expect(Object.isFrozen(citation)).toBe(true);
  });
});

describe("in-force dates in the registry match the digest", () => {
  const from = (id: string) => getProvision(id)?.inForce.from;

  it("SPA 2019 s.1 and s.2 from 20 January 2020 (S.I. 2020/26, digest §1.0)", () => {
    expect(from("spa-2019:s1")).toBe("2020-01-20");
    expect(from("spa-2019:s2")).toBe("2020-01-20");
    expect(from("si-2020-26:reg2")).toBe("2020-01-20");
  });

  it("PHA s.5A (restraining order on acquittal) and DVCVA s.12 from 30 September 2009 (digest §5.2)", () => {
    expect(from("pha-1997:s5A")).toBe("2009-09-30");
    expect(from("dvcva-2004:s12")).toBe("2009-09-30");
  });

  it("Sentencing Act 2020 s.360 from 1 December 2020 (S.I. 2020/1236, digest §5.1)", () => {
    expect(from("sa-2020:s360")).toBe("2020-12-01");
  });

  it("PHA s.2A from 25 November 2012 (digest §5.4)", () => {
    expect(from("pha-1997:s2A(3)")).toBe("2012-11-25");
  });

  it("FLA s.62(3)(ea) from 1 July 2007 (digest §12.3.5)", () => {
    expect(from("fla-1996:s62(3)(ea)")).toBe("2007-07-01");
  });

  it("DAA 2021 Part 3 pilot from 27 November 2024, no data after 31 March 2026 (digest §6.4)", () => {
    const pilot = getProvision("daa-2021:part3-pilot")!;
    expect(pilot.inForce.from).toBe("2024-11-27");
    expect(pilot.inForce.noDataAfter).toBe("2026-03-31");
  });

  it("DAA s.55 (repeal of DVPN/DVPO) is not commenced (digest §6.4)", () => {
    expect(from("daa-2021:s55")).toBeNull();
  });

  it("the Crime and Policing Act 2026 SPO power: enacted, commencement unknown (digest §12.6)", () => {
    expect(from("cpa-2026:spo-on-conviction-or-acquittal")).toBeNull();
  });

  it("NI SPOs in force 19 October 2023 (digest §7.1)", () => {
    expect(from("pfsa-ni-2022:ss6-17")).toBe("2023-10-19");
  });

  it("there is no civil-partnership-agreement time-limit provision (FLA s.42(4ZA) probably does not exist, §12.3.2)", () => {
    expect(listProvisions().some((p) => p.id.includes("4ZA") || p.provision.includes("4ZA"))).toBe(false);
  });
});
