// JSON Lines are cut into chunks that may be turned into rows anywhere (in a worker thread), so
// each chunk must carry the numbers its rows and lines have in the whole input. Whatever the bytes
// and however they arrive, the rows of the chunks, in order, are the rows of the whole input read
// in one piece, and each chunk's row count is what its rows turn out to be.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JsonLinesChunk, JsonLinesChunker, rowsOfJsonLines } from "../../src/batch/json-lines.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function chunksOf(bytes: Uint8Array, sizes: readonly number[]): JsonLinesChunk[] {
  const chunker = new JsonLinesChunker();
  const chunks: JsonLinesChunk[] = [];
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = sizes[i++ % sizes.length]!;
    chunks.push(...chunker.push(Buffer.from(bytes.subarray(at, at + size))));
    at += size;
  }
  chunks.push(...chunker.end());
  return chunks;
}

// Bytes that make lines of every kind: JSON, blank, whitespace-only (ASCII and Unicode), CRLF,
// a BOM, text that is not UTF-8, and text that is not JSON.
const piece = fc.constantFrom(
  '{"id":"a"}',
  "[1,2]",
  "",
  "   ",
  "\t",
  "\r",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "\ufeff{}",
  "not json",
  '"\ufffd"',
  "\n",
  "\r\n",
);
const linesBytes = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => new TextEncoder().encode(parts.join(""))),
  fc.uint8Array({ maxLength: 300 }),
  fc
    .tuple(fc.array(piece, { maxLength: 20 }), fc.uint8Array({ maxLength: 20 }))
    .map(([parts, raw]) => Buffer.concat([new TextEncoder().encode(parts.join("\n")), raw])),
);

describe("JsonLinesChunker and rowsOfJsonLines", () => {
  it("give the rows of the whole input, numbered as in it, whatever the chunking", () => {
    fc.assert(
      fc.property(
        linesBytes,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        (bytes, sizes) => {
          const whole = chunksOf(bytes, [bytes.length || 1]).flatMap((c) => rowsOfJsonLines(c, true));
          const chunks = chunksOf(bytes, sizes);
          const pieces = chunks.flatMap((c) => rowsOfJsonLines(c, true));
          expect(pieces).toEqual(whole);
          let nextRow = 1;
          let nextLine = 1;
          for (const chunk of chunks) {
            const rows = rowsOfJsonLines(chunk, true);
            expect(chunk.rows).toBe(rows.length);
            expect(chunk.firstRow).toBe(nextRow);
            expect(chunk.firstLine).toBe(nextLine);
            nextRow += chunk.rows;
            // A line ends at LF, CRLF or a lone CR.
            const text = Buffer.from(chunk.bytes).toString("latin1");
            nextLine += text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
          }
          for (const [i, row] of whole.entries()) expect(row.row).toBe(i + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("numbers lines from 1, skips blank lines, strips a BOM on line 1 and CR line ends", () => {
    const text = '\ufeff{"a":1}\r\n\n   \n{"b":2}\nnot json\n\u00a0\n{"c":3}';
    const rows = chunksOf(new TextEncoder().encode(text), [5]).flatMap((c) => rowsOfJsonLines(c, false));
    expect(rows).toEqual([
      { row: 1, line: 1, value: { a: 1 } },
      { row: 2, line: 4, value: { b: 2 } },
      { row: 3, line: 5, unreadable: "not valid JSON" },
      { row: 4, line: 7, value: { c: 3 } },
    ]);
  });

  it("reports a line that is not UTF-8 as unreadable, with its line", () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":1}\n'),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from('{"b":2}\n'),
    ]);
    const rows = chunksOf(bytes, [3]).flatMap((c) => rowsOfJsonLines(c, false));
    expect(rows).toEqual([
      { row: 1, line: 1, value: { a: 1 } },
      { row: 2, line: 2, unreadable: "not valid UTF-8" },
      { row: 3, line: 3, value: { b: 2 } },
    ]);
  });
});
