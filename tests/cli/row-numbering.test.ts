// Issue #28 item 8: row N is row N, whatever the cell. A quoted CSV cell of 2 MB or more was cut
// short at the reader's 1 MB limit and reading resumed inside it, so a file of 4 records gave 5
// rows and every later row's `row` and `line` were off by one. Generated over cell sizes around
// every limit the reader has (the quoted-cell limit, the sniffer's prefix, the file stream's
// chunk), for CSV, TSV and JSON Lines, through files and standard input.
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_QUOTED_RECORD_BYTES } from "../../src/batch/csv-reader.js";
import { readRows } from "../../src/batch/read-rows.js";
import { SNIFF_LIMIT } from "../../src/batch/sniff.js";
import { assertBuilt, parseJsonl, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

const t = tempDir("po-row-numbering-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** The file stream's chunk (open-input.ts) and the limits of the reader. */
const LIMITS = [SNIFF_LIMIT, 256 * 1024, MAX_QUOTED_RECORD_BYTES, 2 * MAX_QUOTED_RECORD_BYTES];
const cellSize = fc.oneof(
  fc.integer({ min: 0, max: 64 }),
  fc.tuple(fc.constantFrom(...LIMITS), fc.integer({ min: -40, max: 40 })).map(([l, d]) => Math.max(0, l + d)),
);

interface Layout {
  readonly text: string;
  /** Each record's id and the line it starts on. */
  readonly records: readonly { readonly id: string; readonly line: number }[];
  readonly big: number;
}

/** Four records; record `at` has a quoted cell of `size` bytes holding `breaks` line ends. */
function csvLayout(delimiter: string, size: number, breaks: number, at: number): Layout {
  const filler = "x".repeat(Math.max(0, size - breaks));
  const body = breaks > 0 ? `${filler.slice(0, 10)}${"\n".repeat(breaks)}${filler.slice(10)}` : filler;
  let text = `id${delimiter}jurisdiction${delimiter}incidents\n`;
  let line = 2;
  const records = [];
  for (let i = 0; i < 4; i++) {
    records.push({ id: `c${i}`, line });
    const cell = i === at ? `"${body}"` : "";
    text += `c${i}${delimiter}scotland${delimiter}${cell}\n`;
    line += 1 + (i === at ? breaks : 0);
  }
  return { text, records, big: at };
}

function jsonlLayout(size: number, at: number): Layout {
  const records = [];
  let text = "";
  for (let i = 0; i < 4; i++) {
    records.push({ id: `c${i}`, line: i + 1 });
    text += `${JSON.stringify({ id: `c${i}`, jurisdiction: "scotland", ...(i === at ? { notes: "x".repeat(size) } : {}) })}\n`;
  }
  return { text, records, big: at };
}

async function readAll(text: string, format: "csv" | "jsonl", delimiter: string, chunk: number) {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const rows = [];
  for await (const row of readRows(Readable.from(chunks), format, { delimiter, warn: () => {} }))
    rows.push(row);
  return rows;
}

function expectRowsMatch(rows: readonly { row: number; line: number }[], layout: Layout): void {
  expect(rows.map((r) => [r.row, r.line])).toEqual(layout.records.map((r, i) => [i + 1, r.line]));
  for (const [i, r] of rows.entries()) {
    if (i === layout.big) continue;
    expect((r as { value?: { id?: string } }).value?.id).toBe(layout.records[i]!.id);
  }
}

describe("row N is row N, whatever the cell (issue #28 item 8)", () => {
  for (const [name, delimiter] of [
    ["CSV", ","],
    ["TSV", "\t"],
  ] as const) {
    it(`${name}: four records give four rows, numbered as in the file, for any quoted cell size and chunking`, async () => {
      await fc.assert(
        fc.asyncProperty(
          cellSize,
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(64 * 1024, 256 * 1024, 65_537, 1_000_003),
          async (size, breaks, at, chunk) => {
            const layout = csvLayout(delimiter, size, breaks, at);
            expectRowsMatch(await readAll(layout.text, "csv", delimiter, chunk), layout);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it("JSON Lines: four records give four rows, numbered as in the file, for any value size and chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        cellSize,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(64 * 1024, 256 * 1024, 65_537),
        async (size, at, chunk) => {
          const layout = jsonlLayout(size, at);
          expectRowsMatch(await readAll(layout.text, "jsonl", ",", chunk), layout);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("the issue's reproduction: a 2 MB quoted cell, read from a file and from standard input, costs its own row only", async () => {
    for (const [name, delimiter] of [
      ["big.csv", ","],
      ["big.tsv", "\t"],
    ] as const) {
      const layout = csvLayout(delimiter, 2 * 1024 * 1024, 2, 1);
      const file = t.file(name, layout.text);
      for (const run of [
        () => cli(["validate", "-q", file]),
        () =>
          cli(["validate", "-q", ...(delimiter === "\t" ? ["-t"] : ["--input-format", "csv"])], {
            input: layout.text,
          }),
      ]) {
        const r = await run();
        const rows = parseJsonl(r.stdout);
        expect(rows.map((x) => [x.row, x.line])).toEqual([
          [1, 2],
          [2, 3],
          [3, 6],
          [4, 7],
        ]);
        expect(rows.map((x) => x.id ?? null)).toEqual(["c0", null, "c2", "c3"]);
        expect(rows[1]).toMatchObject({ error: "unreadable" });
      }
    }
    const jl = jsonlLayout(2 * 1024 * 1024, 1);
    const jfile = t.file("big.jsonl", jl.text);
    for (const r of [
      await cli(["validate", "-q", jfile]),
      await cli(["validate", "-q", "--input-format", "jsonl"], { input: jl.text }),
    ]) {
      expect(parseJsonl(r.stdout).map((x) => [x.row, x.line, x.id])).toEqual([
        [1, 1, "c0"],
        [2, 2, "c1"],
        [3, 3, "c2"],
        [4, 4, "c3"],
      ]);
    }
  });
});
