// Issue #16, item by item: each reproduction from the issue as a test that failed on the old code,
// run in-process through main() (tests/cli/in-process.ts) to keep them cheap.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffFormat } from "../../src/batch/sniff.js";
import { terminalSafe } from "../../src/batch/terminal-safe.js";
import {
  assertBuilt,
  INVALID_TWO_PROBLEMS,
  jsonl,
  parseJsonl,
  SCOTLAND,
  STRANGER,
  tempDir,
} from "./helpers.js";
import { cli, FAILING_WORKER } from "./in-process.js";

const AS_OF = ["--as-of", "2025-06-01"];
const t = tempDir("po-batch-path-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** The issue's first reproduction: a first JSON line of about 70 KB, then a second case. */
const LONG_FIRST_LINE = `${JSON.stringify({
  id: "c0",
  incidents: Array.from({ length: 14 }, () => ({ kind: "following", description: "d".repeat(5000) })),
})}\n${JSON.stringify({ id: "c1" })}\n`;

describe("1. no silent loss", () => {
  it("CSV and table columns come from the command, not from row 1: an invalid row 1 costs later rows nothing", async () => {
    const file = t.file("first-invalid.jsonl", jsonl(INVALID_TWO_PROBLEMS, STRANGER));
    const csv = await cli(["assess", file, ...AS_OF, "-f", "csv"]);
    const rows = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    // SPA 2019 s.1(1): acts associated with stalking and an ongoing risk: an SPO is available, first.
    expect(rows[1]).toMatchObject({ row: "2", id: "cli-stranger", first: "spo", spo: "available" });
    expect(rows[0]).toMatchObject({ row: "1", line: "1", id: "cli-invalid", error: "invalid" });
    const table = await cli(["assess", file, ...AS_OF, "-f", "table"]);
    const [header, , second] = table.stdout.split("\n");
    expect(header).toMatch(/\bspo\b/);
    expect(second!.slice(header!.indexOf(" spo ") + 1)).toMatch(/^available/);
  });

  it("standard input: a first JSON line over 64 KB neither stalls nor loses a row (the issue's command)", async () => {
    const r = await cli(["assess", ...AS_OF], { input: LONG_FIRST_LINE, chunkSizes: [65_536] });
    expect(r.code).not.toBe(13);
    expect(parseJsonl(r.stdout).map((x) => x.id)).toEqual(["c0", "c1"]);
  });

  it("standard input: a first line that is not complete JSON costs that line only (2 rows for 2 lines)", async () => {
    const r = await cli(["assess", ...AS_OF], { input: '{"id":"c0"\n{"id":"c1"}\n' });
    const records = parseJsonl(r.stdout);
    expect(records.map((x) => [x.row, x.line, x.error])).toEqual([
      [1, 1, "unreadable"],
      [2, 2, null],
    ]);
  });

  it("standard input: CSV and TSV are detected; one pretty-printed JSON case is one row", async () => {
    const csv = await cli(["validate"], { input: "id,jurisdiction\r\nc1,scotland\r\nc2,mars\r\n" });
    expect(parseJsonl(csv.stdout).map((x) => [x.id, x.valid])).toEqual([
      ["c1", true],
      ["c2", false],
    ]);
    const tsv = await cli(["validate"], { input: "id\tjurisdiction\nc1\tscotland\n" });
    expect(parseJsonl(tsv.stdout).map((x) => [x.id, x.valid])).toEqual([["c1", true]]);
    const pretty = await cli(["validate"], { input: JSON.stringify(SCOTLAND, null, 2) });
    expect(parseJsonl(pretty.stdout).map((x) => x.id)).toEqual(["cli-scotland"]);
  });

  it("sniffFormat decides from a bounded prefix", () => {
    expect(sniffFormat('{"id":"c0"\n{"id":"c1"}\n', true)).toBe("jsonl");
    expect(sniffFormat('{\n  "id": "c0"\n}\n', true)).toBe("json");
    expect(sniffFormat("[", false)).toBe("json");
    expect(sniffFormat('{"id":"c0", "x": "', false)).toBeUndefined();
    expect(sniffFormat('{"id":"c0", "x": "', false, true)).toBe("jsonl");
    expect(sniffFormat("id;jurisdiction\n", true)).toBe("csv");
    expect(sniffFormat("not json\n", true)).toBe("jsonl");
  });

  it("JSON Lines with CR-only line ends are read line by line", async () => {
    const r = await cli(["validate", "-q"], {
      input: `${JSON.stringify(SCOTLAND)}\r${JSON.stringify(STRANGER)}\r`,
    });
    expect(parseJsonl(r.stdout).map((x) => [x.row, x.line, x.id])).toEqual([
      [1, 1, "cli-scotland"],
      [2, 2, "cli-stranger"],
    ]);
  });

  it("a U+FFFD written in valid UTF-8 is accepted; bytes that are not UTF-8 are still reported", async () => {
    const withReplacement = { ...SCOTLAND, id: "cli-\uFFFD" };
    for (const input of [
      jsonl(withReplacement),
      JSON.stringify([withReplacement]),
      "id,jurisdiction\ncli-\uFFFD,scotland\n",
    ]) {
      const r = await cli(["validate", "-q"], { input });
      expect(parseJsonl(r.stdout), input).toEqual([
        expect.objectContaining({ id: "cli-\uFFFD", valid: true }),
      ]);
    }
    const bad = await cli(["validate", "-q"], {
      input: Buffer.concat([Buffer.from('{"id":"x'), Buffer.from([0xff]), Buffer.from('"}\n')]),
    });
    expect(parseJsonl(bad.stdout)[0]).toMatchObject({
      error: "unreadable",
      problems: [{ message: "not valid UTF-8" }],
    });
  });

  it("an unbalanced CSV quote costs one row, with a warning naming its line; the run goes on", async () => {
    const file = t.file(
      "unbalanced.csv",
      'id,jurisdiction\nc1,scotland\nc2,"scotland\nc3,scotland\nc4,scotland\n',
    );
    const r = await cli(["validate", file]);
    expect(parseJsonl(r.stdout).map((x) => [x.row, x.line, x.id, x.error])).toEqual([
      [1, 2, "c1", null],
      [2, 3, null, "unreadable"],
      [3, 4, "c3", null],
      [4, 5, "c4", null],
    ]);
    expect(r.stderr).toMatch(/warning: line 3: a quoted cell is never closed/);
    expect(r.code).toBe(1);
  });

  it("a CSV cell of deeply nested JSON costs one row, with a warning naming its line; the run goes on", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const file = t.file("deep.csv", `id,jurisdiction,incidents\nc1,scotland,"${deep}"\nc2,scotland,\n`);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(parseJsonl(r.stdout).map((x) => [x.line, x.id, x.error])).toEqual([
      [2, null, "unreadable"],
      [3, "c2", null],
    ]);
    expect(r.stderr).toMatch(
      /warning: line 2: the cell in column "incidents" holds JSON nested more than 64 deep/,
    );
    expect(r.stderr).not.toMatch(/call stack/);
  });
});

describe("1. the date: resolved once per run, before any row, and recorded in the summary", () => {
  // A clock that strikes midnight in London just after its first reading.
  function midnightClock(): { now: () => Date; reads: () => number } {
    let reads = 0;
    return {
      now: () => {
        reads += 1;
        return new Date(reads === 1 ? "2025-06-01T22:59:59.999Z" : "2025-06-01T23:00:01.000Z");
      },
      reads: () => reads,
    };
  }

  for (const command of ["assess", "explain", "review"] as const) {
    it(`${command}: a run across midnight applies one date, the one recorded in the summary`, async () => {
      const clock = midnightClock();
      const cases = Array.from({ length: 300 }, (_, i) => ({ ...STRANGER, id: `m${i}` }));
      const summary = join(t.dir, `midnight-${command}.json`);
      const r = await cli([command, "-", "--format", "jsonl", "--jobs", "2", "--summary-json", summary], {
        input: jsonl(...cases),
        // Small pieces of standard input: many chunks, so the worker threads get some.
        chunkSizes: [8192],
        now: clock.now,
      });
      expect(r.code, r.stderr).toBe(0);
      // 23:59:59.999 BST on 1 June 2025 is 1 June in England and Wales.
      expect(new Set(parseJsonl(r.stdout).map((x) => x.asOf))).toEqual(new Set(["2025-06-01"]));
      expect(JSON.parse(readFileSync(summary, "utf8"))).toMatchObject({
        asOf: "2025-06-01",
        asOfFrom: "today",
      });
      expect(clock.reads()).toBe(1);
    }, 60_000);
  }

  it("review applies each case's decision date where it records one, else the run's date", async () => {
    const decided = {
      ...STRANGER,
      id: "d1",
      spoRequest: { decision: { decidedOn: "2025-03-01", outcome: "declined" } },
    };
    const r = await cli(["review", "-q"], {
      input: jsonl(decided, STRANGER),
      now: () => new Date("2025-06-01T12:00:00Z"),
    });
    expect(parseJsonl(r.stdout).map((x) => x.asOf)).toEqual(["2025-03-01", "2025-06-01"]);
  });
});

describe("1. a worker that fails loses no row, on every path, in order", () => {
  // Enough rows for several batches (256 rows) and chunks (256 KiB) per worker.
  const cases = Array.from({ length: 1500 }, (_, i) =>
    i % 7 === 3 ? { ...INVALID_TWO_PROBLEMS, id: `w${i}` } : { ...STRANGER, id: `w${i}` },
  );
  const asJsonl = jsonl(...cases);
  const paths: [string, string, string[]][] = [
    ["JSON Lines to JSON Lines", "w.jsonl", ["assess"]],
    ["JSON Lines to CSV", "w.jsonl", ["assess", "-f", "csv"]],
    ["JSON Lines to JSON", "w.jsonl", ["review", "-f", "json"]],
    ["--fields", "w.jsonl", ["validate", "--fields", "row,id,valid"]],
    ["CSV input", "w.csv", ["validate"]],
    ["a JSON array", "w.json", ["assess", "-f", "table"]],
    ["explain", "w-explain.jsonl", ["explain", "--jobs", "2"]],
  ];
  beforeAll(() => {
    t.file("w.jsonl", asJsonl);
    // Four batches on two workers: the first worker fails on its second (the third batch).
    t.file("w-explain.jsonl", jsonl(...cases.slice(0, 800)));
    t.file("w.json", JSON.stringify(cases));
    t.file("w.csv", `id,jurisdiction\n${cases.map((c) => `${c.id},${c.jurisdiction}`).join("\n")}\n`);
  });
  for (const [name, file, args] of paths) {
    it(`${name}: the same output as one thread`, async () => {
      const [command, ...rest] = args;
      const input = join(t.dir, file);
      const serial = await cli([command!, input, ...AS_OF, "-q", ...rest, "--jobs", "1"]);
      const failing = await cli([command!, input, ...AS_OF, "-q", ...rest, "--jobs", "3"], {
        workerUrl: FAILING_WORKER,
      });
      expect(failing.code).toBe(serial.code);
      expect(failing.stdout).toBe(serial.stdout);
      expect(failing.stdout.length).toBeGreaterThan(1000);
    }, 60_000);
  }
});

describe("2. safe to open", () => {
  const hostile = [
    { ...SCOTLAND, id: '=HYPERLINK("http://x")' },
    { ...INVALID_TWO_PROBLEMS, id: "+1" },
    { ...SCOTLAND, id: "-2" },
    { ...SCOTLAND, id: "@SUM(A1)" },
    { ...SCOTLAND, id: "\tx" },
  ];
  it("CSV: cells that a spreadsheet would run as formulas get a leading ', in result and error rows", async () => {
    const r = await cli(["validate", "-q", "-f", "csv"], { input: jsonl(...hostile) });
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.id)).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "'\tx"]);
    // A number is not a formula: the row numbers stay numbers.
    expect(rows.map((x) => x.row)).toEqual(["1", "2", "3", "4", "5"]);
    const raw = await cli(["validate", "-q", "-f", "csv", "--no-escape-formulas"], {
      input: jsonl(...hostile),
    });
    expect((parseCsv(raw.stdout, { columns: true }) as Record<string, string>[])[0]?.id).toBe(
      '=HYPERLINK("http://x")',
    );
  });

  it("table output and messages strip escape sequences and control characters from the data", async () => {
    const r = await cli(["validate", "-q", "-f", "table"], {
      input: jsonl({ ...SCOTLAND, id: "a\u001b[2J\u001b]0;pwn\u0007\nforged" }),
    });
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(2);
    const header = await cli(["validate"], { input: "id,\u001b[31mjurisdiction\n" });
    expect(header.code).toBe(2);
    expect(header.stderr).not.toContain("\u001b");
    expect(terminalSafe("x\u009b2Jy\u202ez")).toBe("xy z");
  });
});

describe("3. the conventions of csvkit and miller", () => {
  it("-d, -t and .tsv; a hint when the header looks separated by another delimiter", async () => {
    const semi = await cli(["validate", "-q", "-d", ";"], { input: "id;jurisdiction\nc1;scotland\n" });
    expect(parseJsonl(semi.stdout)).toEqual([expect.objectContaining({ id: "c1", valid: true })]);
    const tab = await cli(["validate", "-q", "-t"], { input: "id\tjurisdiction\nc1\tscotland\n" });
    expect(parseJsonl(tab.stdout)).toEqual([expect.objectContaining({ id: "c1", valid: true })]);
    const tsv = await cli(["validate", "-q", t.file("x.tsv", "id\tjurisdiction\nc1\tscotland\n")]);
    expect(parseJsonl(tsv.stdout)).toEqual([expect.objectContaining({ id: "c1", valid: true })]);
    const hint = await cli(["validate", t.file("semi.csv", "id;jurisdiction\nc1;scotland\n")]);
    expect(hint.code).toBe(2);
    expect(hint.stderr).toMatch(/separated by ";"\? Try -d ';'/);
  });

  it('unknown columns: "did you mean", --ignore-unknown-columns, or a mapping to ""', async () => {
    const file = t.file("typo.csv", "id,jurisdicton,Officer notes\nc1,scotland,private\n");
    const stop = await cli(["validate", file]);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toMatch(/"jurisdicton" \(column 2\): did you mean "jurisdiction"\?/);
    expect(stop.stderr).toMatch(/--ignore-unknown-columns/);
    const ignored = await cli(["validate", file, "--ignore-unknown-columns"]);
    expect(parseJsonl(ignored.stdout)).toHaveLength(1);
    expect(ignored.stderr).toMatch(/warning: columns that are not case facts were not read/);
    expect(ignored.stderr).not.toMatch(/private/);
    const mapping = t.file("m.json", JSON.stringify({ jurisdicton: "jurisdiction", "Officer notes": "" }));
    const mapped = await cli(["validate", "-q", file, "--mapping", mapping]);
    expect(mapped.code).toBe(0);
    expect(parseJsonl(mapped.stdout)).toEqual([expect.objectContaining({ id: "c1", valid: true })]);
  });

  it("duplicate headers stop the run naming the column; more cells than headers is an error row naming its line", async () => {
    const dup = await cli(["validate"], { input: "id,jurisdiction,id\nc1,scotland,c2\n" });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/names the column "id" twice \(columns 1 and 3\)/);
    const wide = await cli(["validate", "-q"], {
      input: "id,jurisdiction\nc1,scotland,extra\nc2,scotland\n",
    });
    expect(
      parseJsonl(wide.stdout).map((x) => [
        x.line,
        x.error,
        (x.problems as { message: string }[])[0]?.message ?? null,
      ]),
    ).toEqual([
      [2, "unreadable", "3 cells, but the header has 2 columns"],
      [3, null, null],
    ]);
  });

  it("--fields with a name that does not exist is a usage error listing the valid names", async () => {
    const r = await cli(["assess", "-f", "csv", "--fields", "id,frist"], { input: jsonl(STRANGER) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /unknown field "frist" for assess --format csv; the fields are: row, line, id, asOf, first, spo/,
    );
    expect(r.stderr).toMatch(/see protective-orders assess --help/);
  });

  it("explain --format json|jsonl: one record per case, with its text and Markdown", async () => {
    const r = await cli(["explain", "-q", ...AS_OF, "-f", "jsonl"], {
      input: jsonl(STRANGER, INVALID_TWO_PROBLEMS),
    });
    const records = parseJsonl(r.stdout);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ row: 1, id: "cli-stranger", first: "spo", error: null });
    expect(records[0]?.text).toEqual(expect.any(String));
    expect(records[0]?.markdown).toMatch(/^#/m);
    expect(records[0]?.text).not.toBe(records[0]?.markdown);
    expect(Object.keys(records[1]!)).toEqual(Object.keys(records[0]!));
    const json = await cli(["explain", "-q", ...AS_OF, "-f", "json"], { input: jsonl(STRANGER) });
    expect(JSON.parse(json.stdout)).toEqual([records[0]]);
  });

  it("--format vertical: one `field value` line each, a blank line between records; missingInputs name CSV columns", async () => {
    // missingInputs is written on request only (--fields): the widest field of a record (issue 28 item 6).
    const r = await cli(
      ["assess", "-q", ...AS_OF, "-f", "vertical", "--fields", "row,id,spo,missingInputs"],
      {
        input: jsonl(STRANGER, { id: "bare", jurisdiction: "england-and-wales" }),
      },
    );
    const blocks = r.stdout.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^row\s+1$/m);
    expect(blocks[0]).toMatch(/^spo\s+available$/m);
    const inputs = blocks[1]!.match(/^missingInputs\s+(.*)$/m)?.[1]?.split(";") ?? [];
    // Each is a column the CSV reader accepts: an analyst can add it and fill it in.
    expect(inputs).toContain("risk.ongoing");
    const filled = await cli(["validate", "-q"], {
      input: `id,jurisdiction,${inputs.join(",")}\nbare,england-and-wales${",".repeat(inputs.length)}\n`,
    });
    expect(filled.code, filled.stderr).toBe(0);
  });

  it("-q silences the summary too; --summary-json still gets it", async () => {
    const summary = join(t.dir, "quiet.json");
    const r = await cli(["assess", "-q", ...AS_OF, "--summary-json", summary], { input: jsonl(STRANGER) });
    expect(r.stderr).toBe("");
    expect(JSON.parse(readFileSync(summary, "utf8"))).toMatchObject({
      rows: 1,
      processed: 1,
      asOf: "2025-06-01",
    });
  });

  it("the progress bar: on stderr only, never when stdout is the terminal too, and line wrap left on", async () => {
    const file = t.file("bar.jsonl", jsonl(STRANGER, SCOTLAND));
    const bar = await cli(["assess", file, ...AS_OF], { env: {}, stderrIsTTY: true });
    expect(bar.stderr).toMatch(/rows/);
    expect(bar.stderr).not.toContain("\u001b[?7l"); // line wrap never turned off
    expect(bar.stderr).not.toContain("\u001b[?25l"); // nor the cursor hidden
    expect(parseJsonl(bar.stdout)).toHaveLength(2);
    const both = await cli(["assess", file, ...AS_OF, "-f", "table"], {
      env: {},
      stderrIsTTY: true,
      stdoutIsTTY: true,
    });
    expect(both.stderr).not.toMatch(/rows\/s/);
  });

  it("usage errors are short and point to --help; file errors are in words", async () => {
    const r = await cli(["assess", "--format", "bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
    expect(r.stderr).toMatch(/see --help/);
    expect(r.stderr).not.toMatch(/Usage:/);
    const missing = await cli(["assess", join(t.dir, "nope.jsonl")]);
    expect(missing.stderr).toMatch(/there is no such file/);
    const directory = await cli(["assess", t.dir]);
    expect(directory.stderr).toMatch(/it is a directory/);
    expect(`${missing.stderr}${directory.stderr}`).not.toMatch(/E[A-Z]{3,}/);
  });

  it("an unwritable --summary-json is found before the first row", async () => {
    const r = await cli(["assess", ...AS_OF, "--summary-json", join(t.dir, "no-such-dir", "s.json")], {
      input: jsonl(STRANGER),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot write the summary to .*: there is no such file/);
  });
});
