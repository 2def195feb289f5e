import type { InputRow } from "./input-row.js";

/**
 * A run of whole lines of JSON Lines input, with the number of its first line and of the first row
 * it holds, so that it can be turned into rows anywhere (in a worker thread, say) and still number
 * them as the whole file does.
 */
export interface JsonLinesChunk {
  readonly bytes: Uint8Array;
  /** The 1-based number of the chunk's first line in the whole input. */
  readonly firstLine: number;
  /** The 1-based number the chunk's first row will have (blank lines are not rows). */
  readonly firstRow: number;
  /** How many rows the chunk holds. */
  readonly rows: number;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** ASCII bytes that String.prototype.trim removes. */
function isAsciiWhitespace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * What one line is: its text, `null` for a blank line, which is not a row, or `false` for bytes
 * that are not UTF-8, which are a row that cannot be read. A final CR is removed, and so is a
 * leading byte-order mark: the decoder drops one at the start of every line it decodes, and line 1
 * (where a file's own BOM sits) loses one more, as the CLI has always read it.
 */
function lineText(bytes: Uint8Array, line: number): string | null | false {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return false;
  }
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith("\r")) text = text.slice(0, -1);
  return text.trim() === "" ? null : text;
}

/** Whether a line is a row: {@link lineText} is not `null`, decided from the first byte when it can be. */
function lineHoldsRow(bytes: Uint8Array, line: number): boolean {
  const first = bytes[0];
  if (first === undefined) return false;
  if (first < 0x80 && !isAsciiWhitespace(first)) return true;
  return lineText(bytes, line) !== null;
}

/**
 * Calls `visit` with the start and end of each line of `bytes`. A line ends at a line feed, a CRLF
 * or a carriage return alone (old Mac files): a CRLF line keeps its CR, which {@link lineText}
 * removes. Lines end at LF alone unless the bytes hold a CR, so the common case costs one search.
 */
function forEachLine(bytes: Uint8Array, visit: (start: number, end: number) => void): void {
  let nextCR = bytes.indexOf(CR);
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    if (nextCR !== -1 && nextCR < start) nextCR = bytes.indexOf(CR, start);
    if (nextCR !== -1 && nextCR < end && bytes[nextCR + 1] !== NEWLINE) {
      visit(start, nextCR);
      start = nextCR + 1;
      continue;
    }
    visit(start, end);
    start = end + 1;
  }
}

/** Where the last whole line of `buffer` ends (its LF, or a lone CR not last in the buffer), or -1. */
function lastLineEnd(buffer: Uint8Array): number {
  const lf = buffer.lastIndexOf(NEWLINE);
  const cr = buffer.lastIndexOf(CR);
  // A CR last in the buffer may be the first half of a CRLF: keep it for the next buffer.
  return cr > lf && cr < buffer.length - 1 ? cr : lf;
}

/**
 * Cuts JSON Lines input, as it arrives, into chunks of whole lines, numbering their lines and rows.
 * A line split across input buffers is held until its end arrives.
 */
export class JsonLinesChunker {
  private pending: Uint8Array[] = [];
  private line = 0;
  private row = 0;

  /** The chunks of whole lines this buffer completes (none if it holds no line end). */
  push(buffer: Uint8Array): JsonLinesChunk[] {
    const last = lastLineEnd(buffer);
    if (last === -1) {
      if (buffer.length > 0) this.pending.push(buffer);
      return [];
    }
    const head = buffer.subarray(0, last + 1);
    const bytes = this.pending.length === 0 ? head : Buffer.concat([...this.pending, head]);
    this.pending = last + 1 < buffer.length ? [buffer.subarray(last + 1)] : [];
    return [this.chunk(bytes)];
  }

  /** At the end of input: the last line, if it has no line end. */
  end(): JsonLinesChunk[] {
    if (this.pending.length === 0) return [];
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    return [this.chunk(bytes)];
  }

  private chunk(bytes: Uint8Array): JsonLinesChunk {
    const firstLine = this.line + 1;
    const firstRow = this.row + 1;
    forEachLine(bytes, (start, end) => {
      this.line += 1;
      if (lineHoldsRow(bytes.subarray(start, end), this.line)) this.row += 1;
    });
    return { bytes, firstLine, firstRow, rows: this.row - firstRow + 1 };
  }
}

/**
 * The rows of a chunk, numbered as in the whole input: each line's value, its text (with `raw`,
 * to be parsed elsewhere), or why it cannot be read. Blank lines are skipped.
 */
export function rowsOfJsonLines(chunk: JsonLinesChunk, raw: boolean): InputRow[] {
  const rows: InputRow[] = [];
  forEachJsonLinesRow(chunk, raw, (row) => rows.push(row));
  return rows;
}

/**
 * Calls `visit` with each row of a chunk in turn, as {@link rowsOfJsonLines} lists them: each row
 * is parsed only when its turn comes, so it can be garbage as soon as it has been processed.
 */
export function forEachJsonLinesRow(
  chunk: JsonLinesChunk,
  raw: boolean,
  visit: (row: InputRow) => void,
): void {
  const { bytes } = chunk;
  let line = chunk.firstLine - 1;
  let row = chunk.firstRow - 1;
  forEachLine(bytes, (start, end) => {
    line += 1;
    const text = lineText(bytes.subarray(start, end), line);
    if (text === null) return;
    row += 1;
    visit(text === false ? { row, line, unreadable: "not valid UTF-8" } : jsonRow(text, row, line, raw));
  });
}

/**
 * A row from JSON text: its value, or (with `raw`) the text itself, or why it cannot be read. The
 * text was decoded strictly (bytes that are not UTF-8 were already reported), so a U+FFFD in it is
 * a character the file really holds.
 */
export function jsonRow(text: string, row: number, line: number, raw = false): InputRow {
  if (raw) return { row, line, text };
  try {
    return { row, line, value: JSON.parse(text) };
  } catch {
    return { row, line, unreadable: "not valid JSON" };
  }
}
