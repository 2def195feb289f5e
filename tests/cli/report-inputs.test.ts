// `protective-orders report` reads its input as `assess` does (#16's batch path, #19 item 1 "over the
// same inputs as assess"): standard input sniffed (JSON, JSON Lines or CSV), a file's format from its
// name, the same CSV options, the law date from one clock read, an unwritable --summary-json found
// before any row. Run in-process through main() (tests/cli/in-process.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, jsonl, SCOTLAND, STRANGER, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

const AS_OF = ["--as-of", "2025-06-01"];
const t = tempDir("po-report-inputs-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

interface ReportJson {
  readonly asOf: string;
  readonly rows: { readonly read: number; readonly valid: number; readonly invalid: number };
}

async function reportJson(args: readonly string[], input?: string, now?: () => Date, suppression = false) {
  // --no-suppression: these tests are about which rows are read, not about disclosure control (tests/report),
  // and a report of two or three rows hides its row counts to protect its other cells.
  const r = await cli(["report", "--format", "json", ...(suppression ? [] : ["--no-suppression"]), ...args], {
    ...(input !== undefined ? { input } : {}),
    ...(now ? { now } : {}),
  });
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as ReportJson) : undefined };
}

const CSV = "id,jurisdiction\r\nc1,scotland\r\nc2,mars\r\nc3,scotland\r\n";

describe("report reads the same inputs as assess", () => {
  it("CSV on standard input is detected (it was read as JSON Lines: every row unreadable)", async () => {
    const r = await reportJson(AS_OF, CSV);
    expect(r.json?.rows).toEqual({ read: 3, valid: 2, invalid: 1 });
    const assess = await cli(["assess", ...AS_OF, "--summary-json", join(t.dir, "csv-assess.json")], {
      input: CSV,
    });
    const summary = JSON.parse(readFileSync(join(t.dir, "csv-assess.json"), "utf8"));
    expect(assess.code).toBe(1);
    expect(r.json?.rows).toEqual({ read: summary.rows, valid: summary.processed, invalid: summary.invalid });
  });

  it("a JSON array on standard input is one row per element", async () => {
    const r = await reportJson(
      AS_OF,
      JSON.stringify([STRANGER, SCOTLAND, { id: "x", jurisdiction: "mars" }]),
    );
    expect(r.json?.rows).toEqual({ read: 3, valid: 2, invalid: 1 });
  });

  it("-d, -t and a .tsv file name, as for assess; --ignore-unknown-columns", async () => {
    const semicolons = await reportJson([...AS_OF, "-d", ";"], "id;jurisdiction\nc1;scotland\n");
    expect(semicolons.json?.rows).toEqual({ read: 1, valid: 1, invalid: 0 });
    const tabs = await reportJson([...AS_OF, "-t"], "id\tjurisdiction\nc1\tscotland\n");
    expect(tabs.json?.rows).toEqual({ read: 1, valid: 1, invalid: 0 });
    const file = join(t.dir, "cases.tsv");
    writeFileSync(file, "id\tjurisdiction\nc1\tscotland\nc2\tmars\n");
    const named = await reportJson([...AS_OF, file]);
    expect(named.json?.rows).toEqual({ read: 2, valid: 1, invalid: 1 });
    const extra = "id,jurisdiction,our_ref\nc1,scotland,A-1\n";
    const stopped = await reportJson(AS_OF, extra);
    expect(stopped.code).toBe(2);
    const ignored = await reportJson([...AS_OF, "--ignore-unknown-columns"], extra);
    expect(ignored.json?.rows).toEqual({ read: 1, valid: 1, invalid: 0 });
    expect(ignored.stderr).toMatch(/our_ref/);
  });

  it("the default law date comes from one clock read before any row, and the summary says so", async () => {
    let reads = 0;
    // 23:59:59.999 BST on 1 June 2025 is still 1 June in England and Wales; later reads are 2 June.
    const now = () => new Date(reads++ === 0 ? "2025-06-01T22:59:59.999Z" : "2025-06-01T23:00:01.000Z");
    const summaryFile = join(t.dir, "report-summary.json");
    const r = await reportJson(["--summary-json", summaryFile], jsonl(STRANGER, SCOTLAND), now, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json?.asOf).toBe("2025-06-01");
    expect(reads).toBe(1);
    expect(JSON.parse(readFileSync(summaryFile, "utf8"))).toMatchObject({
      command: "report",
      asOf: "2025-06-01",
      asOfFrom: "today",
      inputFormat: "jsonl",
      rows: 2,
    });
  });

  it("an unwritable --summary-json is found before the first row; file errors are in words", async () => {
    const r = await reportJson(
      [...AS_OF, "--summary-json", join(t.dir, "no-such-dir", "s.json")],
      jsonl(STRANGER),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot write the summary to .*: there is no such file/);
    const missing = await reportJson([...AS_OF, join(t.dir, "absent.jsonl")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*absent\.jsonl: there is no such file/);
  });

  it("property: for any rows, format and source, report counts the rows assess counts", async () => {
    type Row = "valid" | "invalid" | "unreadable";
    const rowsArb = fc.array(fc.constantFrom<Row>("valid", "valid", "invalid", "unreadable"), {
      minLength: 1,
      maxLength: 12,
    });
    const formatArb = fc.constantFrom("jsonl", "json", "csv");
    const sourceArb = fc.constantFrom("stdin", "file");
    let run = 0;
    await fc.assert(
      fc.asyncProperty(rowsArb, formatArb, sourceArb, async (rows, format, source) => {
        run += 1;
        const kinds = format === "jsonl" ? rows : rows.filter((r) => r !== "unreadable");
        if (kinds.length === 0) return;
        const text =
          format === "csv"
            ? `id,jurisdiction\n${kinds.map((k, i) => `r${i},${k === "valid" ? "scotland" : "mars"}`).join("\n")}\n`
            : format === "json"
              ? JSON.stringify(
                  kinds.map((k, i) => ({ id: `r${i}`, jurisdiction: k === "valid" ? "scotland" : "mars" })),
                )
              : `${kinds
                  .map((k, i) =>
                    k === "unreadable"
                      ? "{not json"
                      : JSON.stringify({ id: `r${i}`, jurisdiction: k === "valid" ? "scotland" : "mars" }),
                  )
                  .join("\n")}\n`;
        const file = join(t.dir, `p${run}.${format}`);
        if (source === "file") writeFileSync(file, text);
        const input = source === "stdin" ? text : undefined;
        const where = source === "file" ? [file] : [];
        const summaryFile = join(t.dir, `p${run}-assess.json`);
        await cli(["assess", ...AS_OF, ...where, "-q", "--summary-json", summaryFile], {
          ...(input !== undefined ? { input } : {}),
        });
        const a = JSON.parse(readFileSync(summaryFile, "utf8"));
        const r = await reportJson([...AS_OF, ...where], input);
        expect(r.json?.rows).toEqual({ read: a.rows, valid: a.processed, invalid: a.invalid });
        expect(r.json?.rows.read).toBe(kinds.length);
      }),
      { numRuns: 20, seed: 19 },
    );
  }, 120_000);
});
