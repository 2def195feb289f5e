// The batch path's promise, as a property over generated files: whatever the rows (valid and
// invalid mixed, row 1 invalid, rows that cannot be read, lines over the sniffer's 64 KiB), the line
// ends (LF, CRLF, CR), a byte-order mark or not, the CSV delimiter, the command, the output format,
// the --jobs value, and whether the input comes from a file or from standard input (in chunks of
// any size): every input row gives one output record, in input order, and every record has the
// same keys (or columns). Run in-process (tests/cli/in-process.ts): a child process per case
// would make the property too slow to try many cases.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

const RUNS = Number(process.env.CLI_PROPERTY_RUNS ?? 15);

type Kind = "valid" | "invalid" | "unreadable" | "long" | "multiline";
type InputFormat = "jsonl" | "json" | "csv";

interface GeneratedRow {
  readonly kind: Kind;
  /** The id the output record carries: null for a row that cannot be read. */
  readonly id: string | null;
}

const t = tempDir("po-batch-property-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** A valid case: a stranger who follows, with an ongoing risk (an SPO is available: SPA 2019 s.1). */
function validCase(id: string, description?: string): Record<string, unknown> {
  return {
    id,
    jurisdiction: "england-and-wales",
    relationship: { summary: "stranger", allConnectionsRecorded: true },
    incidents: description
      ? LONG_INCIDENTS
      : [
          { kind: "following", date: "2025-05-01" },
          { kind: "loitering", date: "2025-05-03" },
        ],
    risk: { psychologicalHarm: true, ongoing: true },
    spoRequest: {
      requestedOn: "2025-05-05",
      decision: { decidedOn: "2025-05-10", outcome: "declined", reasons: [{ code: "no-conviction" }] },
    },
  };
}

/** Fourteen incidents of 5,000 characters each: a line over the sniffer's 64 KiB (the issue's reproduction). */
const LONG = "d".repeat(5_000);
const LONG_INCIDENTS = Array.from({ length: 14 }, () => ({
  kind: "following",
  date: "2025-05-01",
  description: LONG,
}));

/** One row as JSON text (for JSON Lines and JSON arrays). */
function jsonText(row: GeneratedRow, eol: string): string {
  switch (row.kind) {
    case "valid":
      return JSON.stringify(validCase(row.id!));
    case "long":
      return JSON.stringify(validCase(row.id!, LONG));
    case "multiline":
      // Pretty-printed: valid in a JSON array; in JSON Lines each line would be its own row, so
      // the generator only uses it for arrays.
      return JSON.stringify(validCase(row.id!), null, 1).replaceAll("\n", eol);
    case "invalid":
      return JSON.stringify({ id: row.id, jurisdiction: "mars", risk: { ongoing: "perhaps" } });
    default:
      return '{"id": "broken", "jurisdiction": }';
  }
}

const CSV_HEADER = [
  "id",
  "jurisdiction",
  "relationship.summary",
  "incidents",
  "risk.psychologicalHarm",
  "risk.ongoing",
  "spoRequest.requestedOn",
  "spoRequest.decision.decidedOn",
  "spoRequest.decision.outcome",
  "spoRequest.decision.reasons",
];

function csvCell(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row as a CSV record. */
function csvText(row: GeneratedRow, d: string, eol: string): string {
  const incidents = (description?: string, pretty = false) =>
    JSON.stringify(
      description
        ? LONG_INCIDENTS
        : [
            { kind: "following", date: "2025-05-01" },
            { kind: "loitering", date: "2025-05-03" },
          ],
      null,
      pretty ? 1 : undefined,
    ).replaceAll("\n", eol);
  const spo = ["2025-05-05", "2025-05-10", "declined", "no-conviction"];
  const cells = (() => {
    switch (row.kind) {
      case "valid":
        return [row.id!, "england-and-wales", "stranger", incidents(), "yes", "yes", ...spo];
      case "long":
        return [row.id!, "england-and-wales", "stranger", incidents(LONG), "yes", "yes", ...spo];
      case "multiline":
        return [row.id!, "england-and-wales", "stranger", incidents(undefined, true), "yes", "yes", ...spo];
      case "invalid":
        return [row.id!, "mars", "", "", "", "perhaps", "", "", "", ""];
      default:
        // More cells than the header has columns.
        return [...Array.from({ length: CSV_HEADER.length }, () => "x"), "extra", "cells"];
    }
  })();
  return cells.map((c) => csvCell(c, d)).join(d);
}

const kindArb = fc.constantFrom<Kind>("valid", "valid", "invalid", "unreadable", "long", "multiline");

const caseArb = fc.record({
  kinds: fc.array(kindArb, { minLength: 1, maxLength: 8 }),
  firstInvalid: fc.boolean(),
  input: fc.constantFrom<InputFormat>("jsonl", "json", "csv"),
  eol: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
  delimiter: fc.constantFrom(",", ";", "\t", "|"),
  command: fc.constantFrom("assess", "review", "validate", "explain"),
  output: fc.constantFrom("jsonl", "json", "csv", "tsv", "table", "vertical"),
  jobs: fc.constantFrom(1, 1, 2, 3),
  viaStdin: fc.boolean(),
  withFields: fc.boolean(),
  chunkSizes: fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 4 }),
});

type ArbCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: ArbCase): {
  bytes: Buffer;
  rows: GeneratedRow[];
} {
  const kinds = c.firstInvalid ? (["invalid", ...c.kinds] as Kind[]) : c.kinds;
  const rows: GeneratedRow[] = kinds
    // A pretty-printed case is one JSON value over many lines: only a JSON array holds one as a row.
    .map((kind) => (kind === "multiline" && c.input === "jsonl" ? "valid" : kind))
    .map((kind, i) => ({ kind, id: kind === "unreadable" ? null : `p${i + 1}` }));
  let text: string;
  if (c.input === "jsonl") text = rows.map((r) => jsonText(r, c.eol)).join(c.eol) + c.eol;
  else if (c.input === "json")
    text = `[${c.eol}${rows.map((r) => jsonText(r, c.eol)).join(`,${c.eol}`)}${c.eol}]${c.eol}`;
  else
    text =
      [CSV_HEADER.join(c.delimiter), ...rows.map((r) => csvText(r, c.delimiter, c.eol))].join(c.eol) + c.eol;
  return { bytes: Buffer.from(`${c.bom ? "\uFEFF" : ""}${text}`), rows };
}

/** The records of an output, each as field → text, whatever the format. */
function recordsOf(output: string, format: string): Record<string, unknown>[] {
  switch (format) {
    case "jsonl":
      return output
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    case "json":
      return JSON.parse(output) as Record<string, unknown>[];
    case "csv":
    case "tsv":
      return parseCsv(output, {
        columns: true,
        delimiter: format === "tsv" ? "\t" : ",",
        relax_column_count: false,
      });
    case "table": {
      const [header, ...lines] = output.replace(/\n$/, "").split("\n");
      const columns = header!.split(/\s{2,}/);
      return lines.map((line) => ({
        row: line.split(/\s+/)[0],
        line: line.split(/\s+/)[1],
        columns: columns.length,
      }));
    }
    default: {
      // vertical: blocks of `field  value` lines, a blank line between records.
      return output
        .replace(/\n$/, "")
        .split("\n\n")
        .map((block) =>
          Object.fromEntries(block.split("\n").map((l) => [l.split(/\s+/)[0], l.replace(/^\S+\s*/, "")])),
        );
    }
  }
}

describe("every input row gives one output record, in order, with the same keys", () => {
  it("for every command, input and output format, line end, BOM, delimiter and --jobs, from a file or stdin", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { bytes, rows } = build(c);
        const args = [
          c.command,
          "--as-of",
          "2025-06-01",
          "-q",
          "--jobs",
          String(c.jobs),
          "--format",
          c.output,
        ];
        if (c.input === "csv" && c.delimiter !== ",") args.push("-d", c.delimiter);
        if (c.withFields) args.push("--fields", "row,id,error");
        let result: Awaited<ReturnType<typeof cli>>;
        if (c.viaStdin) {
          // Standard input is sniffed (JSON, JSON Lines or CSV), except a CSV with another delimiter, given by -d.
          result = await cli(args, { input: bytes, chunkSizes: c.chunkSizes });
        } else {
          const file = join(
            t.dir,
            `case-${n++}.${c.input === "csv" && c.delimiter === "\t" ? "tsv" : c.input}`,
          );
          writeFileSync(file, bytes);
          result = await cli([...args.slice(0, 1), file, ...args.slice(1)]);
          rmSync(file);
        }
        expect(result.code, result.stderr).not.toBe(2);
        expect(result.code).toBe(rows.every((r) => r.kind !== "invalid" && r.kind !== "unreadable") ? 0 : 1);
        const records = recordsOf(result.stdout, c.output);
        // Rows in = rows out, in the same order.
        expect(records.map((r) => String(r.row))).toEqual(rows.map((_, i) => String(i + 1)));
        // Every record has the same keys (columns).
        const keys = JSON.stringify(Object.keys(records[0]!));
        for (const record of records) expect(JSON.stringify(Object.keys(record))).toBe(keys);
        if (c.withFields && c.output !== "table" && c.output !== "vertical")
          expect(Object.keys(records[0]!)).toEqual(["row", "id", "error"]);
        // Each record is its row: the same id (none for a row that cannot be read), an error exactly when invalid.
        if (c.output !== "table" && c.output !== "vertical") {
          const blank = (v: unknown) => (v === null || v === "" || v === undefined ? null : v);
          expect(records.map((r) => blank(r.id))).toEqual(rows.map((r) => r.id));
          expect(records.map((r) => blank(r.error) !== null)).toEqual(
            rows.map((r) => r.kind === "invalid" || r.kind === "unreadable"),
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
