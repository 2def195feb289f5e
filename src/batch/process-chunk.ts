import type { BatchCommand } from "./commands.js";
import { forEachJsonLinesRow, type JsonLinesChunk } from "./json-lines.js";
import { processRow } from "./process-row.js";

/** What a chunk of JSON Lines became: its output lines, and its counts for the summary. */
export interface ChunkResult {
  /** One JSON line per input row, in input order, each ending in a newline. */
  readonly output: string;
  readonly rows: number;
  readonly invalid: number;
  /** Tallies for the summary (by outcome, by first recommendation, by verdict). */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Processes a chunk of JSON Lines into JSON Lines output: a result or an error record for every
 * row, in order. The whole chunk's output is one string, so it is written (or sent back from a
 * worker thread) in one piece rather than row by row.
 */
export function processJsonLinesChunk(command: BatchCommand, chunk: JsonLinesChunk): ChunkResult {
  let output = "";
  let rows = 0;
  let invalid = 0;
  // Commands hand back the same tally list for cases with the same result (assess does, from its
  // cache of compact lines): count the lists, then their entries once each at the end.
  const tallies = new Map<readonly string[], number>();
  forEachJsonLinesRow(chunk, false, (row) => {
    const result = processRow(command, row);
    rows += 1;
    if (result.invalid) invalid += 1;
    tallies.set(result.tally, (tallies.get(result.tally) ?? 0) + 1);
    output += `${result.jsonLine ?? JSON.stringify(result.record)}\n`;
  });
  const counts: Record<string, number> = {};
  for (const [tally, n] of tallies) for (const key of tally) counts[key] = (counts[key] ?? 0) + n;
  return { output, rows, invalid, counts };
}
