// Issue 15 item 6: a rule pack may supply DAA 2021 Part 3 pilot areas and bank-holiday tables for dates the
// bundled data does not cover. They reach the answer through the rule set (never a module-level table), are
// validated like the bundled data, cannot override it, and every answer that used them cites the pack's own
// provision, marked `local: true`.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assess,
  type CaseFacts,
  dapnHearingDeadline,
  explain,
  safeDapnHearingDeadline,
} from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  LOCAL_POLICY_MARK,
  loadRuleSet,
  RulePackError,
} from "../../src/rule-authoring.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TABLES_PACK = JSON.parse(readFileSync(join(root, "examples/rule-packs/local-tables.json"), "utf8"));
const rules = compileRuleSet(loadRuleSet([...BUNDLED_RULE_PACKS, TABLES_PACK], FACT_DEFINITIONS));

/**
 * Former partners in Greater Manchester, threats of violence among the acts: DAA 2021 s.27 (a DAPO) on
 * application, with the victim 16 or over and personally connected (s.2: they have been in an intimate personal
 * relationship). Part 3 is in force there only per the pilot table.
 */
const GM_CASE: CaseFacts = {
  id: "tables-1",
  jurisdiction: "england-and-wales",
  policeForceArea: "greater-manchester",
  localAuthority: "Manchester",
  suspect: { age: 30 },
  personsToProtect: [{ id: "v1", role: "victim", age: 29 }],
  relationship: { summary: "ex-partner", allConnectionsRecorded: true },
  incidents: [
    { kind: "contacting", date: "2026-02-01", place: "uk", target: "victim" },
    { kind: "threats-of-violence", date: "2026-03-01", place: "uk", target: "victim" },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
};

function problemsOf(pack: unknown): string[] {
  try {
    loadRuleSet([...BUNDLED_RULE_PACKS, pack], FACT_DEFINITIONS);
    return [];
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

function citationsIn(value: unknown): Array<{ id: string; title: string; local?: boolean }> {
  const found: Array<{ id: string; title: string; local?: boolean }> = [];
  JSON.stringify(value, (key, v) => {
    if (key === "citation" || key === "caveat") found.push(v);
    if (key === "citations" && Array.isArray(v)) found.push(...v);
    return v;
  });
  return found;
}

describe("a pack's pilot areas (issue 15 item 6)", () => {
  const dapo = (facts: CaseFacts, asOf: string, withPack: boolean) =>
    assess(facts, { asOf, ...(withPack ? { rules } : {}) }).orders.find((o) => o.rule === "dapo");

  it("bundled data ends 31 March 2026: a DAPO after it needs information", () => {
    expect(dapo(GM_CASE, "2025-06-01", false)?.outcome).toBe("available");
    expect(dapo(GM_CASE, "2026-06-01", false)?.outcome).toBe("needs-information");
  });

  it("a pack adding the area for a later period makes the DAPO available there, marked local", () => {
    const order = dapo(GM_CASE, "2026-06-01", true);
    expect(order?.outcome).toBe("available");
    const local = citationsIn(order).filter((c) => c.local === true);
    expect(local.map((c) => c.id)).toContain("example-constabulary-tables:pilot");
    for (const c of local) expect(c.title.endsWith(LOCAL_POLICY_MARK)).toBe(true);
    // The rest of the answer's citations are the bundled law's, unmarked.
    for (const c of citationsIn(order))
      expect(c.local === true).toBe(c.id.startsWith("example-constabulary"));
    expect(explain(assess(GM_CASE, { asOf: "2026-06-01", rules }))).toContain(
      "— from local data: Example Constabulary data notice 2026, para 1 (DAPN/DAPO pilot areas from 1 April 2026) (local policy)",
    );
  });

  it("only the pack's areas and period: elsewhere, and after its period, the answer is unchanged", () => {
    const kent: CaseFacts = { ...GM_CASE, policeForceArea: "kent", localAuthority: "Maidstone" };
    expect(dapo(kent, "2026-06-01", true)?.outcome).toBe("needs-information");
    expect(dapo(GM_CASE, "2027-04-01", true)?.outcome).toBe("needs-information");
    // Within the bundled data the pack changes no answer and nothing is marked local; the order only
    // gains the note that says what the pack's table extends (after 31 March 2026).
    const before = assess(GM_CASE, { asOf: "2025-06-01", rules });
    const bundled = assess(GM_CASE, { asOf: "2025-06-01" });
    const withPack = before.orders.find((o) => o.rule === "dapo")!;
    const withoutPack = bundled.orders.find((o) => o.rule === "dapo")!;
    const extension = withPack.notes.filter((n) => !withoutPack.notes.includes(n));
    expect(extension).toHaveLength(1);
    expect(extension[0]).toMatch(/^Treated as in force after 2026-03-31 \(to 2027-03-31\) only because/);
    expect({ ...withPack, notes: withoutPack.notes }).toEqual(withoutPack);
    expect(citationsIn(before).some((c) => c.local === true)).toBe(false);
  });

  it("property: the pack's table is the rule set's own; the bundled answer is the same before, after and between", () => {
    const dates = fc.constantFrom("2025-06-01", "2026-03-31", "2026-04-01", "2026-06-01", "2027-03-31");
    fc.assert(
      fc.property(dates, fc.boolean(), (asOf, first) => {
        const run = () => [dapo(GM_CASE, asOf, false), dapo(GM_CASE, asOf, true)];
        const [a, b] = first ? run() : run().reverse();
        const [c, d] = first ? run() : run().reverse();
        return JSON.stringify(a) === JSON.stringify(c) && JSON.stringify(b) === JSON.stringify(d);
      }),
      { numRuns: 30 },
    );
    expect(dapo(GM_CASE, "2026-06-01", false)?.outcome).toBe("needs-information");
  });
});

describe("a pack's bank holidays (issue 15 item 6)", () => {
  // DAA 2021 s.29(3): the 48 hours disregard "a Sunday, Christmas Day, Good Friday or a day which is a bank holiday
  // in England and Wales". Given Thursday 13 April 2028 at 10:00: Good Friday 14, Sunday 16 and Easter Monday 17
  // April are disregarded, so the hours run 14 on Thursday, 24 on Saturday 15, and 10 on Tuesday 18.
  it("the bundled table has no 2028: no answer", () => {
    const d = dapnHearingDeadline("2028-04-13T10:00");
    expect(d.known).toBe(false);
  });

  it("a pack adding 2028 gives the deadline, citing its own provision, marked local", () => {
    const d = dapnHearingDeadline("2028-04-13T10:00", { rules });
    expect(d).toMatchObject({
      known: true,
      hearingBy: "2028-04-18T10:00",
      disregarded: ["2028-04-14", "2028-04-16", "2028-04-17"],
    });
    const local = d.citations.filter((c) => c.local === true);
    expect(local.map((c) => c.id)).toEqual(["example-constabulary-tables:bank-holidays"]);
    // A deadline within the bundled years is as before, and not marked local.
    const bundled = dapnHearingDeadline("2025-04-18T10:00", { rules });
    expect(bundled).toEqual(dapnHearingDeadline("2025-04-18T10:00"));
    expect(bundled.citations.some((c) => c.local === true)).toBe(false);
  });

  it("a rule set that is not compiled is a problem at options.rules", () => {
    const r = safeDapnHearingDeadline("2028-04-13T10:00", { rules: {} as never });
    expect(r.success).toBe(false);
    expect(!r.success && r.problems[0]?.path).toBe("options.rules");
  });
});

describe("bad tables are errors by path, and a pack cannot override the bundled data", () => {
  const withTables = (change: Record<string, unknown>) => ({ ...TABLES_PACK, ...change });
  const pilot = (area: Record<string, unknown>, citation = "example-constabulary-tables:pilot") =>
    withTables({
      pilotAreas: { citation, areas: [{ force: "kent", from: "2026-04-01", to: "2026-12-31", ...area }] },
    });
  const holidays = (years: Record<string, unknown>, citation = "example-constabulary-tables:bank-holidays") =>
    withTables({ bankHolidays: { citation, years } });

  it("the shipped example loads", () => {
    expect(problemsOf(TABLES_PACK)).toEqual([]);
  });

  it("a pilot period within the bundled data, or a bank-holiday year the bundled table lists, is refused", () => {
    expect(problemsOf(pilot({ from: "2026-03-31" })).join("\n")).toMatch(
      /^pilotAreas\.areas\.0\.from: .*cannot override the bundled table/m,
    );
    expect(problemsOf(holidays({ "2026": ["2026-12-28"] })).join("\n")).toMatch(
      /^bankHolidays\.years\.2026: 2026 is in the bundled bank-holiday table/m,
    );
  });

  it("the citation must be the pack's own provision", () => {
    expect(problemsOf(pilot({}, "spa-2019:s1")).join("\n")).toMatch(/^pilotAreas\.citation: /m);
    expect(problemsOf(holidays({ "2029": [] }, "nowhere:1")).join("\n")).toMatch(
      /^bankHolidays\.citation: /m,
    );
  });

  it("dates, years, forces and periods are checked, and no value is echoed", () => {
    const secret = "Jane Doe, 12 Acacia Avenue";
    const all = [
      ...problemsOf(pilot({ force: secret })),
      ...problemsOf(pilot({ to: "2026-02-30" })),
      ...problemsOf(pilot({ from: "2026-09-01", to: "2026-08-01" })),
      ...problemsOf(holidays({ "2029": ["2029-02-30"] })),
      ...problemsOf(holidays({ "2029": ["2030-01-01"] })),
      ...problemsOf(holidays({ twenty: ["2029-01-01"] })),
      ...problemsOf(withTables({ pilotAreas: { citation: "example-constabulary-tables:pilot", areas: [] } })),
    ];
    const text = all.join("\n");
    expect(text).toMatch(/^pilotAreas\.areas\.0\.force: /m);
    expect(text).toMatch(/^pilotAreas\.areas\.0\.to: /m);
    expect(text).toMatch(/^pilotAreas\.areas\.0\.to: the period ends before it starts/m);
    expect(text).toMatch(/^bankHolidays\.years\.2029\.0: /m);
    expect(text).toMatch(/^bankHolidays\.years\.2029\.0: expected a real date in 2029/m);
    expect(text).toMatch(/^bankHolidays\.years\.twenty: /m);
    expect(text).toMatch(/^pilotAreas\.areas: /m);
    expect(text).not.toContain(secret);
    expect(text).not.toContain("Acacia");
  });

  it("overlapping local periods for the same area, or the same year twice, are refused", () => {
    const twice = withTables({
      pilotAreas: {
        citation: "example-constabulary-tables:pilot",
        areas: [
          { force: "kent", from: "2026-04-01", to: "2026-12-31" },
          { force: "kent", from: "2026-06-01", to: "2027-03-31" },
        ],
      },
    });
    expect(problemsOf(twice).join("\n")).toMatch(/^pilotAreas\.areas\.1: overlaps/m);
    const other = {
      instrument: "other-tables",
      provisions: {
        instruments: [{ id: "other-tables", title: "Other", url: "https://example.org/o", extent: "x" }],
        provisions: [
          {
            id: "other-tables:1",
            instrument: "other-tables",
            provision: "1",
            summary: "s",
            inForce: { from: "2028-01-01" },
            confidence: "V2",
            digest: "d",
          },
        ],
      },
      limbs: [],
      rules: [],
      bankHolidays: { citation: "other-tables:1", years: { "2028": ["2028-01-03"] } },
    };
    let problems: string[] = [];
    try {
      loadRuleSet([...BUNDLED_RULE_PACKS, TABLES_PACK, other], FACT_DEFINITIONS);
    } catch (error) {
      if (!(error instanceof RulePackError)) throw error;
      problems = error.problems.map((p) => `${p.pack}: ${p.path}: ${p.message}`);
    }
    expect(problems.join("\n")).toContain(
      "other-tables: bankHolidays.years.2028: 2028 is supplied by another",
    );
  });
});

describe("what a pack's tables may not leave out or hide", () => {
  const withTables = (change: Record<string, unknown>) => ({ ...TABLES_PACK, ...change });

  it("a bank-holiday year must include Good Friday (DAA 2021 s.29(3) disregards it), by path", () => {
    // Good Friday 2029 is 30 March (Easter Sunday 1 April 2029).
    const citation = "example-constabulary-tables:bank-holidays";
    const without = problemsOf(withTables({ bankHolidays: { citation, years: { "2029": ["2029-01-01"] } } }));
    expect(without.join("\n")).toMatch(
      /^bankHolidays\.years\.2029: the year's list must include Good Friday/m,
    );
    const empty = problemsOf(withTables({ bankHolidays: { citation, years: { "2029": [] } } }));
    expect(empty.join("\n")).toMatch(/^bankHolidays\.years\.2029: .*Good Friday/m);
    expect(problemsOf(withTables({ bankHolidays: { citation, years: { "2029": ["2029-03-30"] } } }))).toEqual(
      [],
    );
  });

  it("two periods for the same borough overlap however the borough is written", () => {
    const citation = "example-constabulary-tables:pilot";
    const area = (name: string) => ({
      force: "metropolitan",
      localAuthorities: [name],
      from: "2026-04-01",
      to: "2026-12-31",
    });
    const problems = problemsOf(
      withTables({ pilotAreas: { citation, areas: [area("croydon"), area("London Borough of Croydon")] } }),
    );
    expect(problems.join("\n")).toMatch(/^pilotAreas\.areas\.1: overlaps another local pilot period/m);
  });

  it("outside the pack's areas, an order the pack's table keeps in force says so (the bundled law has no data)", () => {
    const kent: CaseFacts = {
      ...GM_CASE,
      id: "tables-kent",
      policeForceArea: "kent",
      localAuthority: "Maidstone",
    };
    const dapo = (rs?: typeof rules) =>
      assess(kent, { asOf: "2026-06-01", ...(rs ? { rules: rs } : {}) }).orders.find(
        (o) => o.rule === "dapo",
      )!;
    const withPack = dapo(rules);
    expect(withPack.outcome).toBe("needs-information");
    expect(withPack.notes.join(" ")).toMatch(/only because this rule set's local pilot areas say so/);
    expect(withPack.notes.join(" ")).toMatch(/local policy, not the bundled law/);
    expect(dapo().notes.join(" ")).not.toMatch(/local pilot areas say so/);
  });
});
