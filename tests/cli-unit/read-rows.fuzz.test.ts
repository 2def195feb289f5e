// Fuzzing the CLI's row reader: whatever bytes arrive, it never throws anything but its own
// "unreadable input" error, never hangs, and accounts for every JSON Lines row it was given.
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonArraySplitter } from "../../src/batch/json-array-splitter.js";
import { type InputFormat, readRows, UnreadableInputError } from "../../src/batch/read-rows.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

async function collect(bytes: Uint8Array, format: InputFormat, chunk: number) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(Buffer.from(bytes.subarray(i, i + chunk)));
  const rows = [];
  try {
    for await (const row of readRows(Readable.from(chunks), format)) rows.push(row);
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
  }
  return rows;
}

describe("the CLI's row reader under arbitrary bytes", () => {
  for (const format of ["jsonl", "json", "csv"] as const) {
    it(`${format}: never throws anything but UnreadableInputError, whatever the bytes and chunking`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 400 }),
          fc.integer({ min: 1, max: 64 }),
          async (bytes, chunk) => {
            const rows = await collect(bytes, format, chunk);
            rows.forEach((row, i) => {
              expect(row.row).toBe(i + 1);
            });
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  it("jsonl: every non-blank line is one row, in order, read or reported", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.string({ maxLength: 30 }),
          ),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 32 }),
        async (lines, chunk) => {
          const text = lines.join("\n");
          const rows = await collect(new TextEncoder().encode(text), "jsonl", chunk);
          const expected = text.split("\n").filter((l) => l.replace(/\r$/, "").trim() !== "").length;
          expect(rows).toHaveLength(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("json: an array of values, split at any chunk size, gives back exactly those values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 16 }),
        async (values, chunk) => {
          const rows = await collect(
            new TextEncoder().encode(JSON.stringify(values, null, 1)),
            "json",
            chunk,
          );
          expect(rows.map((r) => ("value" in r ? r.value : r))).toEqual(
            values.map((v) => JSON.parse(JSON.stringify(v))),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the splitter never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const splitter = new JsonArraySplitter();
        splitter.push(text);
        splitter.end();
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
