// `--rules FILE` (issue 15 item 6): a rule pack of your own beside the bundled law, its provisions cited as local
// policy in every output (the explanation, the records, the CSV columns), checked before any row is read.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assertBuilt, root, run, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

const LOCAL_PACK = join(root, "examples/rule-packs/local-policy.json");
const RULE = "example-constabulary-priority-spo-review";
/** The police test of SPA 2019 s.1(1) met, with threats of violence among the acts. */
const CASE = JSON.stringify({
  id: "local-1",
  jurisdiction: "england-and-wales",
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "threats-of-violence", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: { adequate: false },
});

describe("--rules FILE", () => {
  it("explain: the local rule beside the statute's, its citation marked local policy", async () => {
    const file = t.file("case.json", CASE);
    const r = await run(["explain", file, "--as-of", "2025-06-01", "--rules", LOCAL_PACK, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Priority SPO review (Example Constabulary policy): AVAILABLE");
    expect(r.stdout).toContain("Law: Example Constabulary stalking policy 2025, para 4.2 (local policy)");
    expect(r.stdout).toContain("Stalking Protection Order: AVAILABLE");
    // Without --rules, there is no local rule.
    const bundled = await run(["explain", file, "--as-of", "2025-06-01", "--quiet"]);
    expect(bundled.stdout).not.toContain("local policy");
  });

  it("assess: a column for the local rule (CSV), and the record's citation is local", async () => {
    const file = t.file("case2.json", CASE);
    const csv = await run([
      "assess",
      file,
      "--as-of",
      "2025-06-01",
      "--rules",
      LOCAL_PACK,
      "--format",
      "csv",
      "-q",
    ]);
    expect(csv.code).toBe(0);
    const [header, row] = csv.stdout.trim().split("\n");
    const column = header!.split(",").indexOf(RULE);
    expect(column).toBeGreaterThan(0);
    expect(row!.split(",")[column]).toBe("available");
    const full = await run([
      "assess",
      file,
      "--as-of",
      "2025-06-01",
      "--rules",
      LOCAL_PACK,
      "--detail",
      "full",
      "-q",
    ]);
    const record = JSON.parse(full.stdout.trim()) as {
      orders: Array<{ rule: string; citation: { local?: boolean } }>;
    };
    expect(record.orders.find((o) => o.rule === RULE)?.citation.local).toBe(true);
    expect(record.orders.find((o) => o.rule === "spo")?.citation.local).toBeUndefined();
  });

  it("an invalid rule pack is a usage error listing its problems by path, before any row", async () => {
    const bad = t.file("bad.json", JSON.stringify({ instrument: "mine", limbs: [], rules: [{ name: "r" }] }));
    const file = t.file("case3.json", CASE);
    const r = await run(["assess", file, "--rules", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mine: rules.0.citation");
    expect(r.stdout).toBe("");
    const missing = await run(["assess", file, "--rules", join(t.dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the rules file");
  });

  it("a pack's pilot areas: the DAPO after 31 March 2026 in its area, marked local (CSV and explain)", async () => {
    const tables = join(root, "examples/rule-packs/local-tables.json");
    // Former partners in Greater Manchester, threats among the acts: DAA 2021 s.27 once Part 3 is in force there.
    const gm = t.file(
      "gm.json",
      JSON.stringify({
        id: "gm-1",
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
      }),
    );
    const dapoColumn = async (extra: string[]) => {
      const r = await run(["assess", gm, "--as-of", "2026-06-01", "--format", "csv", "-q", ...extra]);
      expect(r.code).toBe(0);
      const [header, row] = r.stdout.trim().split("\n");
      return row!.split(",")[header!.split(",").indexOf("dapo")];
    };
    expect(await dapoColumn([])).toBe("needs-information");
    expect(await dapoColumn(["--rules", tables])).toBe("available");
    const explained = await run(["explain", gm, "--as-of", "2026-06-01", "--rules", tables, "--quiet"]);
    expect(explained.stdout).toContain("Domestic abuse protection order: AVAILABLE");
    expect(explained.stdout).toContain("— from local data: Example Constabulary data notice 2026, para 1");
  });
});
