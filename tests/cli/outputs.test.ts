// Outputs: JSON Lines (default), JSON, CSV and a human table; --fields; --as-of; --detail; explain.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  assertBuilt,
  jsonl,
  NOTHING_AVAILABLE,
  parseJsonl,
  run,
  SCOTLAND,
  SERIAL,
  STRANGER,
  tempDir,
  todayInLondon,
} from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AS_OF = ["--as-of", "2025-06-01", ...SERIAL];
const t = tempDir();
const input = t.file("cases.jsonl", jsonl(STRANGER, SCOTLAND, NOTHING_AVAILABLE));
beforeAll(assertBuilt);
afterAll(t.cleanup);

let records: Record<string, unknown>[];
beforeAll(async () => {
  const r = await run(["assess", input, ...AS_OF]);
  expect(r.code).toBe(0);
  records = parseJsonl(r.stdout);
});

describe("output formats", () => {
  it("JSON Lines by default: one compact record per line, case ids and outcomes", () => {
    expect(records.map((r) => [r.row, r.id, r.first])).toEqual([
      [1, "cli-stranger", "spo"],
      [2, "cli-scotland", null],
      // One past act and no risk now: nothing is available (SPA s.1(1)(b); PHA s.7(3)).
      [3, "cli-nothing", null],
    ]);
    expect(Object.keys(records[0]!)).toEqual([
      "row",
      "line",
      "id",
      "asOf",
      "first",
      "outcomes",
      "unverified",
      "missingFacts",
      "questions",
      "error",
      "problems",
    ]);
    expect(Object.values(records[2]?.outcomes as object).every((o) => o === "not-available")).toBe(true);
  });

  it("compact by default (issue 28 item 6): the three most decisive questions, missingInputs only on request", async () => {
    const bare = t.file(
      "bare.jsonl",
      `${JSON.stringify({ id: "bare", jurisdiction: "england-and-wales" })}\n`,
    );
    const compact = parseJsonl((await run(["assess", bare, ...AS_OF])).stdout)[0]!;
    expect(compact).not.toHaveProperty("missingInputs");
    expect((compact.questions as string[]).length).toBe(3);
    expect((compact.missingFacts as string[]).length).toBeGreaterThan(3);
    const csv = (await run(["assess", bare, ...AS_OF, "--format", "csv"])).stdout.split("\n")[0]!;
    expect(csv.split(",")).not.toContain("missingInputs");
    expect(csv.split(",")).toContain("questions");
    const asked = parseJsonl(
      (await run(["assess", bare, ...AS_OF, "--fields", "id,missingInputs"])).stdout,
    )[0]!;
    expect((asked.missingInputs as string[]).length).toBeGreaterThan(0);
    const unknown = await run(["assess", bare, ...AS_OF, "--fields", "id,nope"]);
    expect(unknown.stderr).toMatch(/missingInputs/);
  });

  it("--format json: one JSON array of the same records", async () => {
    const r = await run(["assess", input, ...AS_OF, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(records);
  });

  it("--format json of no rows is an empty array, still valid JSON", async () => {
    const r = await run(["assess", t.file("none.json", "[]"), ...AS_OF, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("--format csv: a header, then one row per case with one column per order", async () => {
    const r = await run(["assess", input, ...AS_OF, "--format", "csv"]);
    expect(r.code).toBe(0);
    const table = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(table).toHaveLength(3);
    expect(Object.keys(table[0]!).slice(0, 5)).toEqual(["row", "line", "id", "asOf", "first"]);
    table.forEach((row, i) => {
      const record = records[i]!;
      expect(row.row).toBe(String(record.row));
      expect(row.id).toBe(record.id);
      expect(row.first).toBe(record.first ?? "");
      for (const [order, outcome] of Object.entries(record.outcomes as Record<string, string>))
        expect(row[order], order).toBe(outcome);
      expect(row.missingFacts).toBe((record.missingFacts as string[]).join(";"));
    });
  });

  it("--format table: a header line and one aligned line per case, for people", async () => {
    // Wide enough for the whole table (piped, it fits COLUMNS, else 80: see terminal-manners.test.ts).
    const r = await run(["assess", input, ...AS_OF, "--format", "table"], { env: { COLUMNS: "1000" } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^row\s+line\s+id\s+asOf\s+first\s+spo\s+/);
    // Columns stay aligned: each order's outcome starts under its header.
    const spoColumn = lines[0]!.indexOf(" spo ") + 1;
    expect(lines[1]!.slice(spoColumn)).toMatch(/^available\b/);
    expect(lines[2]!.slice(spoColumn)).toMatch(/^not-available\b/);
    expect(lines[1]).toMatch(/^1\s+1\s+cli-stranger\s+2025-06-01\s+spo\s/);
    expect(lines[2]).toMatch(/^2\s+2\s+cli-scotland\s+2025-06-01\s+not-available/);
  });
});

describe("--fields", () => {
  it("JSON Lines and JSON: only the named fields, in the order given", async () => {
    const [a, b] = await Promise.all([
      run(["assess", input, ...AS_OF, "--fields", "first,id"]),
      run(["assess", input, ...AS_OF, "--fields", "id, first", "-f", "json"]),
    ]);
    expect(a.stdout).toBe(
      `${JSON.stringify({ first: "spo", id: "cli-stranger" })}\n${JSON.stringify({ first: null, id: "cli-scotland" })}\n${JSON.stringify({ first: null, id: "cli-nothing" })}\n`,
    );
    expect(JSON.parse(b.stdout)).toEqual(records.map((r) => ({ id: r.id, first: r.first })));
  });

  it("CSV and table: only the named columns", async () => {
    const [csv, table] = await Promise.all([
      run(["assess", input, ...AS_OF, "-f", "csv", "--fields", "id,spo,nmo"]),
      run(["assess", input, ...AS_OF, "-f", "table", "--fields", "id,spo"]),
    ]);
    expect(csv.stdout.replaceAll("\r\n", "\n")).toBe(
      "id,spo,nmo\ncli-stranger,available,not-available\ncli-scotland,not-available,not-available\ncli-nothing,not-available,not-available\n",
    );
    expect(table.stdout.split("\n").map((l) => l.split(/\s+/))).toEqual([
      ["id", "spo"],
      ["cli-stranger", "available"],
      ["cli-scotland", "not-available"],
      ["cli-nothing", "not-available"],
      [""],
    ]);
  });
});

describe("--as-of: the law as at a date", () => {
  // Acts in March 2019. The SPA 2019 ss.1-2 came into force on 20 January 2020 (S.I. 2020/26): the day
  // before, no SPO; from that day, an SPO, since acts before commencement count (s.1(5)). A PHA 1997 s.3
  // injunction (in force since 1997) is there throughout, so it is first the day before.
  const early = {
    ...STRANGER,
    id: "cli-2019",
    incidents: [
      { kind: "following", date: "2019-03-02", suspectKnewOrOughtToKnowUnwelcome: true },
      { kind: "loitering", date: "2019-03-09", suspectKnewOrOughtToKnowUnwelcome: true },
    ],
  };
  const file = t.file("early.jsonl", jsonl(early));

  it("the day before the SPA 2019 commenced: no SPO, PHA s.3 injunction first", async () => {
    const r = await run(["assess", file, "--as-of", "2020-01-19", ...SERIAL]);
    expect(parseJsonl(r.stdout)).toEqual([
      expect.objectContaining({
        asOf: "2020-01-19",
        first: "pha-s3-injunction",
        outcomes: expect.objectContaining({ spo: "not-available", "pha-s3-injunction": "available" }),
      }),
    ]);
  });

  it("on commencement day: the SPO is available and first", async () => {
    const r = await run(["assess", file, "--as-of", "2020-01-20", ...SERIAL]);
    expect(parseJsonl(r.stdout)).toEqual([
      expect.objectContaining({
        asOf: "2020-01-20",
        first: "spo",
        outcomes: expect.objectContaining({ spo: "available" }),
      }),
    ]);
  });

  it("without --as-of, the law as at today in England and Wales", async () => {
    const r = await run(["assess", input, "--fields", "asOf", ...SERIAL]);
    expect(parseJsonl(r.stdout)).toEqual([
      { asOf: todayInLondon() },
      { asOf: todayInLondon() },
      { asOf: todayInLondon() },
    ]);
  });
});

describe("--detail full, review and explain", () => {
  it("assess --detail full: each order with its outcome and citation", async () => {
    const r = await run([
      "assess",
      input,
      ...AS_OF,
      "--detail",
      "full",
      "--fields",
      "id,orders,recommendation",
    ]);
    expect(r.code).toBe(0);
    const [first] = parseJsonl(r.stdout) as { id: string; orders: { rule: string; outcome: string }[] }[];
    expect(first?.id).toBe("cli-stranger");
    expect(first?.orders.find((o) => o.rule === "spo")?.outcome).toBe("available");
    expect(JSON.stringify(first)).toContain("legislation.gov.uk/ukpga/2019/9");
  });

  it("review: a verdict per case; a row with no SPO request recorded says so (no verdict)", async () => {
    const declined = {
      ...STRANGER,
      id: "cli-declined",
      spoRequest: {
        requestedOn: "2025-04-25",
        decision: { decidedOn: "2025-04-30", outcome: "declined", reasons: [{ code: "no-ongoing-risk" }] },
      },
    };
    const lawful = {
      ...NOTHING_AVAILABLE,
      id: "cli-lawful",
      spoRequest: {
        requestedOn: "2025-04-25",
        decision: { decidedOn: "2025-04-30", outcome: "declined", reasons: [{ code: "no-ongoing-risk" }] },
      },
    };
    const r = await run(["review", t.file("review.jsonl", jsonl(declined, lawful, SCOTLAND)), ...AS_OF]);
    expect(r.code).toBe(0);
    const rows = parseJsonl(r.stdout);
    // "No ongoing risk" when the facts say the risk is ongoing: contradicted by the facts, SPO available.
    expect(rows[0]).toMatchObject({ id: "cli-declined", spo: "available", daysFromRequestToDecision: 5 });
    expect(["likely-wrongly-declined", "review-recommended"]).toContain(rows[0]?.verdict);
    // The same reason when the police found no risk now: a lawful ground (SPA s.1(1)(b)).
    expect(rows[1]).toMatchObject({
      id: "cli-lawful",
      verdict: "consistent-with-the-law",
      spo: "not-available",
    });
    expect(rows[2]).toMatchObject({ id: "cli-scotland", verdict: "no-request-recorded" });
    expect(r.stderr).toMatch(/^review: 3 rows, 3 processed, 0 invalid$/m);
    expect(r.stderr).toMatch(/flagged: 1$/m);
  });

  it("explain: plain text by default, Markdown with --markdown; invalid rows say so with their line", async () => {
    const file = t.file("explain.jsonl", `${JSON.stringify(STRANGER)}\n{oops\n`);
    const [text, markdown] = await Promise.all([
      run(["explain", file, ...AS_OF]),
      run(["explain", file, ...AS_OF, "--markdown"]),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Case cli-stranger: law as at 2025-06-01$/m);
    expect(text.stdout).toContain("Stalking Protection Order: AVAILABLE");
    expect(text.stdout).toMatch(/^Row 2 \(line 2\): \(case\): not valid JSON$/m);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^#+ .*cli-stranger/m);
    expect(markdown.stdout).not.toBe(text.stdout);
  });
});
