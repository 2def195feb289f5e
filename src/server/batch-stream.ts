import type { BatchCommand } from "../batch/commands.js";
import { forEachJsonLinesRow, type JsonLinesChunk, JsonLinesChunker } from "../batch/json-lines.js";
import { processJsonLinesChunk } from "../batch/process-chunk.js";
import { processRow } from "../batch/process-row.js";

/** The limits of one batch. */
export interface BatchLimits {
  /** Most bytes read; past them the rest is not read and a final `limit` record says so. */
  readonly bodyLimit: number;
  /** Most rows processed; past them the rest is not read and a final `limit` record says so. */
  readonly rowLimit: number;
}

/** The final record of a batch cut short by a limit: the first row not processed, and why. */
function limitRecord(row: number, message: string): string {
  return `${JSON.stringify({ row, error: "limit", problems: [{ path: "", message }] })}\n`;
}

/**
 * The output of a batch, as it is made: JSON Lines in, JSON Lines out, one output line per input
 * row in input order, through the CLI's own row processing (the same results and the same error
 * records, `{row, line, error, problems}`, as `protective-orders <command>`). Input is read only
 * as fast as the output is taken, so memory stays bounded by one input buffer and its output.
 * Past a limit the rest of the input is not read (nor processed) and one final record, with
 * `"error": "limit"` and the number of the first row left out, says so.
 */
export async function* batchOutput(
  input: AsyncIterable<Uint8Array>,
  command: BatchCommand,
  limits: BatchLimits,
): AsyncGenerator<string> {
  const chunker = new JsonLinesChunker();
  let bytes = 0;
  let processed = 0;
  // Rows up to the limit are processed; a chunk that goes past it is processed up to it.
  const run = (chunk: JsonLinesChunk): { output: string; cut: boolean } => {
    if (processed + chunk.rows <= limits.rowLimit) {
      processed += chunk.rows;
      return { output: processJsonLinesChunk(command, chunk).output, cut: false };
    }
    let output = "";
    forEachJsonLinesRow(chunk, false, (row) => {
      if (processed >= limits.rowLimit) return;
      processed += 1;
      const result = processRow(command, row);
      output += `${result.jsonLine ?? JSON.stringify(result.record)}\n`;
    });
    return { output, cut: true };
  };
  const rowsCut = () =>
    limitRecord(
      processed + 1,
      `the batch is over the limit of ${limits.rowLimit} rows: the rest was not read`,
    );
  // Iterated by hand: stopping early must not destroy the request (and with it the connection the
  // output goes back on); the server discards the unread rest once the response is sent.
  const iterator = input[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const buffer = next.value;
    bytes += buffer.length;
    if (bytes > limits.bodyLimit) {
      yield limitRecord(
        processed + 1,
        `the batch is over the limit of ${limits.bodyLimit} bytes: this row and the rest were not read`,
      );
      return;
    }
    for (const chunk of chunker.push(buffer)) {
      const { output, cut } = run(chunk);
      if (output !== "") yield output;
      if (cut) {
        yield rowsCut();
        return;
      }
    }
  }
  for (const chunk of chunker.end()) {
    const { output, cut } = run(chunk);
    if (output !== "") yield output;
    if (cut) yield rowsCut();
  }
}
