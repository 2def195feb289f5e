import { Readable } from "node:stream";
import type { InputFormat } from "./input-row.js";

/** How much of standard input is read to tell its format: enough for any header or first line that matters. */
export const SNIFF_LIMIT = 64 * 1024;

/** What {@link sniffInput} found: the format, a CSV delimiter when it is not a comma, and the whole input again. */
export interface SniffedInput {
  readonly format: InputFormat;
  /** A tab when the CSV header holds tabs and no commas (TSV). */
  readonly delimiter?: string;
  /** Every byte of the input, the sniffed prefix first. */
  readonly stream: Readable;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The lines of `text` (ending at LF, CRLF or a lone CR), and whether the last one is complete. */
function linesOf(text: string, ended: boolean): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // The last piece is incomplete unless the input ended (or it is empty after a final line end).
  if (!ended) lines.pop();
  return lines;
}

const DELIMITERS = /[,\t;|]/;

/**
 * The format of input that begins with `prefix`, or undefined when more of it is needed (and the
 * prefix is under the limit and the input has not ended):
 *
 * - `[` first: a JSON array;
 * - a first line that is complete JSON: JSON Lines;
 * - `{` first but the first line is not complete JSON: one JSON value over many lines (the usual
 *   way to write one case), unless a later line, unindented, is complete JSON: then JSON Lines
 *   whose first line is broken (each line costs one row, and no line swallows the others);
 * - a first line longer than the limit: JSON Lines (a value on one line reads the same either way);
 * - anything else whose first line holds a delimiter: CSV (a header); else JSON Lines.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * sniffFormat('{"id":"c0"\n{"id":"c1"}\n', true); // "jsonl"
 * sniffFormat('{\n  "id": "c0"\n}\n', true); // "json"
 * sniffFormat("id,jurisdiction\nc1,scotland\n", true); // "csv"
 * ```
 */
export function sniffFormat(prefix: string, ended: boolean, full = false): InputFormat | undefined {
  const text = prefix.replace(/^\uFEFF/, "").replace(/^\s+/, "");
  if (text === "") return ended ? "jsonl" : undefined;
  if (text.startsWith("[")) return "json";
  const lines = linesOf(text, ended);
  const decideEarly = !ended && !full;
  if (lines.length === 0) {
    // Not one whole line yet.
    if (decideEarly) return undefined;
    return text.startsWith("{") || !DELIMITERS.test(text) ? "jsonl" : "csv";
  }
  const first = lines[0]!;
  if (parses(first)) return "jsonl";
  const later = lines.slice(1);
  const laterJson = later.some((l) => /^[{[]/.test(l) && parses(l));
  if (laterJson) return "jsonl";
  if (text.startsWith("{")) {
    if (ended && parses(text)) return "json";
    // A pretty-printed value's second line is indented, or closes it.
    const second = later.find((l) => l.trim() !== "");
    if (second !== undefined && (/^\s/.test(second) || /^[}\]]/.test(second))) return "json";
    if (decideEarly) return undefined;
    return "json";
  }
  if (DELIMITERS.test(first)) return "csv";
  return "jsonl";
}

/**
 * Tells the format of a stream (standard input) from a bounded prefix, {@link SNIFF_LIMIT} bytes at
 * most, read by pulling: nothing is written anywhere while sniffing, so there is no backpressure to
 * wait on, however long the first line. The returned stream gives the whole input, prefix first.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const { format, stream } = await sniffInput(process.stdin);
 * for await (const row of readRows(stream, format)) console.log(row);
 * ```
 */
export async function sniffInput(
  input: AsyncIterable<Uint8Array | string>,
  limit = SNIFF_LIMIT,
): Promise<SniffedInput> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  let format: InputFormat | undefined;
  while (format === undefined) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      const chunk = toBuffer(next.value);
      head.push(chunk);
      size += chunk.length;
    }
    format = sniffFormat(Buffer.concat(head).toString("utf8"), ended, size >= limit);
  }
  const prefix = Buffer.concat(head);
  let delimiter: string | undefined;
  if (format === "csv") {
    const header =
      prefix
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .replace(/^\s+/, "")
        .split(/\r\n|\r|\n/)[0] ?? "";
    if (header.includes("\t") && !header.includes(",")) delimiter = "\t";
  }
  async function* whole(): AsyncGenerator<Buffer> {
    if (prefix.length > 0) yield prefix;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return {
    format,
    ...(delimiter ? { delimiter } : {}),
    stream: Readable.from(whole(), { objectMode: false }),
  };
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
