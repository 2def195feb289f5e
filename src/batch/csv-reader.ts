// Reading CSV (and TSV, or any one-character delimiter) into case-facts rows.
//
// The records are cut from the bytes here rather than by csv-parse, for three things csv-parse
// cannot do: recover from an unbalanced quote (csv-parse reads every later row into the open
// cell, then fails at the end of the file), number lines as an editor does when a quoted cell
// holds a CRLF (csv-parse counts it as two), and decode each record strictly on its own (so bytes
// that are not UTF-8 cost their record only, and a U+FFFD the file holds is kept). Parsing one
// record at a time through csv-parse's own API costs about 100 µs a record, a tenth of the speed
// of the rest of the pipeline, so the cells are split here too, by the same rules: RFC 4180
// quoting, relaxed as csv-parse's `relax_quotes` is (a quote inside an unquoted cell is text).
import { CellError, caseFromCsvRecord, csvColumns, type DateFormat } from "./csv-columns.js";
import type { InputRow, InputWarning } from "./input-row.js";
import { UnreadableInputError } from "./input-row.js";
import { terminalSafe } from "./terminal-safe.js";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * A quoted cell may span at most this many bytes and still be read. A longer one is scanned to its
 * end without being held (so memory stays bounded) and its record is an unreadable row: it costs
 * itself only, and every later row keeps its own row and line number.
 */
export const MAX_QUOTED_RECORD_BYTES = 1024 * 1024;

/** JSON in a cell may nest at most this deep (case facts nest about five levels). */
export const MAX_JSON_CELL_DEPTH = 64;

/** One physical record: its bytes (without the line end) and the line it starts on, or an unbalanced quote. */
export type CsvPiece =
  | { readonly bytes: Uint8Array; readonly line: number; readonly lines: number }
  | { readonly unbalanced: true; readonly line: number }
  | {
      readonly oversized: true;
      readonly line: number;
      readonly lines: number;
      /** The quoted cell was still open at the end of the input. */
      readonly toEnd: boolean;
    };

/**
 * Cuts CSV bytes, as they arrive, into records: a record ends at a line end (LF, CRLF or a lone
 * CR) outside quotes. A quoted cell still open at the end of the input, or longer than
 * {@link MAX_QUOTED_RECORD_BYTES}, is an unbalanced quote: its record is reported as such and the
 * input is read again from the next line, so it costs that one record.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const s = new CsvRecordSplitter(",");
 * [...s.push(Buffer.from('a,b\r\n1,"x\r\ny"\r\n')), ...s.end()].map((p) => p.line); // [1, 2]
 * ```
 */
export class CsvRecordSplitter {
  private readonly delimiter: number;
  private buf: Uint8Array = new Uint8Array(0);
  /** Where the current record starts in `buf`, and where scanning resumes. */
  private start = 0;
  private pos = 0;
  private line = 1;
  private recordLine = 1;
  private lastWasCR = false;
  private atFieldStart = true;
  private inQuoted = false;
  private quoteSeen = false;

  constructor(delimiter: string) {
    const code = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || code > 0x7f || code === QUOTE || code === LF || code === CR)
      throw new RangeError("the delimiter must be one ASCII character other than a quote or a line end");
    this.delimiter = code;
  }

  push(chunk: Uint8Array): CsvPiece[] {
    const rest = this.buf.subarray(this.start);
    const joined = new Uint8Array(rest.length + chunk.length);
    joined.set(rest, 0);
    joined.set(chunk, rest.length);
    this.pos -= this.start;
    this.start = 0;
    this.buf = joined;
    const out: CsvPiece[] = [];
    this.scan(out, false);
    return out;
  }

  end(): CsvPiece[] {
    const out: CsvPiece[] = [];
    this.scan(out, true);
    return out;
  }

  private scan(out: CsvPiece[], final: boolean): void {
    const buf = this.buf;
    const d = this.delimiter;
    for (;;) {
      for (let i = this.pos; i < buf.length; i++) {
        const c = buf[i]!;
        const newLine = c === LF ? !this.lastWasCR : c === CR;
        this.lastWasCR = c === CR;
        if (this.inQuoted) {
          if (!this.quoteSeen) {
            if (c === QUOTE) this.quoteSeen = true;
            else if (newLine) this.line++;
            // Too long to hold: scan on to the cell's real end, dropping its bytes (the
            // record was cut short here before, and reading resumed inside the cell).
            if (!this.oversized && i - this.start > MAX_QUOTED_RECORD_BYTES) this.oversized = true;
            continue;
          }
          this.quoteSeen = false;
          if (c === QUOTE) continue; // "" is a quote inside the cell
          this.inQuoted = false; // that was the closing quote: this byte is read outside quotes
        }
        if (c === LF || c === CR) {
          if (c === LF && this.recordEnded && i === this.start) {
            // The LF of a CRLF whose CR ended the record before it.
            this.recordEnded = false;
            this.start = i + 1;
            continue;
          }
          this.emit(out, i);
          if (newLine) this.line++;
          this.recordLine = this.line;
          this.start = i + 1;
          this.recordEnded = c === CR;
          continue;
        }
        this.recordEnded = false;
        if (c === d) this.atFieldStart = true;
        else {
          if (c === QUOTE && this.atFieldStart) this.inQuoted = true;
          this.atFieldStart = false;
        }
      }
      this.pos = buf.length;
      if (this.oversized && !final) {
        // Nothing of an oversized record is kept: only its quote state and line count matter.
        this.start = buf.length;
        return;
      }
      if (!final) return;
      if (this.oversized) {
        out.push({
          oversized: true,
          line: this.recordLine,
          lines: this.line - this.recordLine + 1,
          toEnd: this.inQuoted && !this.quoteSeen,
        });
        this.resetRecord();
        this.start = buf.length;
        return;
      }
      if (this.inQuoted && !this.quoteSeen) {
        this.unbalanced(out);
        continue;
      }
      if (this.start < buf.length) this.emit(out, buf.length);
      this.start = buf.length;
      return;
    }
  }

  private recordEnded = false;
  /** The open record holds a quoted cell longer than {@link MAX_QUOTED_RECORD_BYTES}. */
  private oversized = false;

  private emit(out: CsvPiece[], end: number): void {
    if (this.oversized) {
      out.push({
        oversized: true,
        line: this.recordLine,
        lines: this.line - this.recordLine + 1,
        toEnd: false,
      });
    } else {
      const bytes = this.buf.subarray(this.start, end);
      out.push({ bytes, line: this.recordLine, lines: this.line - this.recordLine + 1 });
    }
    this.resetRecord();
  }

  private resetRecord(): void {
    this.atFieldStart = true;
    this.inQuoted = false;
    this.quoteSeen = false;
    this.oversized = false;
  }

  /** The open record's quote is unbalanced: report it, and read again from its second line. */
  private unbalanced(out: CsvPiece[]): void {
    out.push({ unbalanced: true, line: this.recordLine });
    const buf = this.buf;
    let i = this.start;
    while (i < buf.length && buf[i] !== LF && buf[i] !== CR) i++;
    if (i < buf.length && buf[i] === CR && buf[i + 1] === LF) i++;
    this.start = Math.min(i + 1, buf.length);
    this.pos = this.start;
    this.line = this.recordLine + 1;
    this.recordLine = this.line;
    this.lastWasCR = false;
    this.recordEnded = false;
    this.atFieldStart = true;
    this.inQuoted = false;
    this.quoteSeen = false;
  }
}

/**
 * The cells of one record's text: RFC 4180 quoting (`""` is a quote inside a quoted cell),
 * relaxed as csv-parse's `relax_quotes`: a quote inside an unquoted cell is text, and a quoted
 * cell followed by more text before the delimiter is read as written, quotes and all.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * splitCsvRecord('a,"b,""c""",d', ","); // ["a", 'b,"c"', "d"]
 * ```
 */
export function splitCsvRecord(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const k = text.indexOf('"', j);
        if (k === -1) {
          value += text.slice(j);
          j = n;
          break;
        }
        value += text.slice(j, k);
        if (text.charCodeAt(k + 1) === QUOTE) {
          value += '"';
          j = k + 2;
        } else {
          j = k + 1;
          closed = true;
          break;
        }
      }
      if (!closed || j >= n || text[j] === delimiter) {
        cells.push(value);
        if (j >= n) return cells;
        i = j + 1;
        continue;
      }
      // Text after the closing quote: the cell is read as written.
      const end = text.indexOf(delimiter, j);
      cells.push(text.slice(i, end === -1 ? n : end));
      if (end === -1) return cells;
      i = end + 1;
      continue;
    }
    const end = text.indexOf(delimiter, i);
    if (end === -1) {
      cells.push(text.slice(i));
      return cells;
    }
    cells.push(text.slice(i, end));
    i = end + 1;
  }
}

/** Whether JSON text nests deeper than `limit` (brackets inside strings do not count). */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** The edit distance between two strings (for "did you mean"). */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The known column nearest to an unknown one, if it is near enough to be a slip (case, a missing
 * dot, a typo), else undefined.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * suggestColumn("risk.onging", ["risk.ongoing", "id"]); // "risk.ongoing"
 * ```
 */
export function suggestColumn(unknown: string, known: Iterable<string>): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const column of known) {
    if (squash(column) === squash(unknown)) return column;
    const last = column.slice(column.lastIndexOf(".") + 1);
    const score = Math.min(distance(unknown, column), distance(unknown, last) + 1);
    if (score < bestScore) {
      bestScore = score;
      best = column;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(unknown.length / 4)) ? best : undefined;
}

const OTHER_DELIMITERS: readonly [string, string][] = [
  [",", "-d ','"],
  ["\t", "-t"],
  [";", "-d ';'"],
  ["|", "-d '|'"],
];

/** A hint when a header read as one column holds another delimiter (a semicolon CSV read with commas, say). */
function delimiterHint(headers: readonly string[], delimiter: string): string | undefined {
  if (headers.length !== 1) return undefined;
  const header = headers[0]!;
  for (const [other, flag] of OTHER_DELIMITERS) {
    if (other !== delimiter && header.includes(other)) {
      const name = other === "\t" ? "tabs" : `"${other}"`;
      return `the header is one column holding ${name}: is the file separated by ${name}? Try ${flag}`;
    }
  }
  return undefined;
}

/** Options for {@link readCsvRows}. */
export interface CsvReadOptions {
  /** One ASCII character; default `,`. */
  readonly delimiter?: string | undefined;
  /** Renames the file's headers to ours; a header mapped to `""` is not read. */
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  /** Skip columns that are not case facts (with a warning naming them) rather than stopping. */
  readonly ignoreUnknownColumns?: boolean | undefined;
  /** How dates other than YYYY-MM-DD are written (`--date-format`); without it, none is guessed. */
  readonly dateFormat?: DateFormat | undefined;
  /** Per column as the file's header names it: the organisation's own codes to ours (`--values`). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  readonly warn?: InputWarning | undefined;
  readonly onBytes?: ((n: number) => void) | undefined;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * CSV with a header row, streamed, each record mapped to case facts by {@link caseFromCsvRecord}.
 * Every record is a row: one that cannot be read (an unbalanced quote, more cells than the header
 * has columns, bytes that are not UTF-8, JSON nested too deep) is an `unreadable` row at the line
 * it starts on, and the run goes on. A header that cannot be used (a column named twice, or one
 * that is not a case fact, unless ignored) stops the run before any row.
 */
export async function* readCsvRows(
  input: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<InputRow> {
  const delimiter = options.delimiter ?? ",";
  const warn = options.warn ?? (() => {});
  const onBytes = options.onBytes ?? (() => {});
  const mapping = options.mapping ?? {};
  const known = csvColumns();
  const splitter = new CsvRecordSplitter(delimiter);
  let headers: (string | undefined)[] | undefined;
  /** Our column path → the file's own header, for messages; and `--values` by our path. */
  const headerOf = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  let row = 0;
  let currentLine = 0;

  const readHeader = (text: string): (string | undefined)[] => {
    const raw = splitCsvRecord(text.replace(/^\uFEFF/, ""), delimiter).map((h) => h.trim());
    const hint = delimiterHint(raw, delimiter);
    const mapped = raw.map((h) => (Object.hasOwn(mapping, h) ? mapping[h] : h));
    const seen = new Map<string, number>();
    for (const [i, path] of mapped.entries()) {
      if (path === undefined || path === "") continue;
      const first = seen.get(path);
      if (first !== undefined)
        throw new UnreadableInputError(
          `the CSV header names the column "${terminalSafe(path)}" twice (columns ${first + 1} and ${i + 1}): each column must be named once`,
        );
      seen.set(path, i);
    }
    const unknown = mapped
      .map((path, i) => ({ path, i }))
      .filter(({ path }) => path !== undefined && path !== "" && !known.has(path));
    const described = unknown.map(({ path, i }) => {
      // A header holding another delimiter is not a typo: the hint says what to do instead.
      const suggestion = hint ? undefined : suggestColumn(path!, known.keys());
      return `"${terminalSafe(path!)}" (column ${i + 1})${suggestion ? `: did you mean "${suggestion}"?` : ""}`;
    });
    if (unknown.length > 0 && !options.ignoreUnknownColumns) {
      throw new UnreadableInputError(
        `unknown CSV column${unknown.length > 1 ? "s" : ""} ${described.join("; ")}${hint ? `; ${hint}` : ""}. Rename ${unknown.length > 1 ? "them" : "it"} with --mapping (a column mapped to "" is not read), or pass --ignore-unknown-columns to read only the columns that are case facts`,
      );
    }
    if (unknown.length > 0) warn(`columns that are not case facts were not read: ${described.join("; ")}`);
    if (hint && unknown.length > 0) warn(hint);
    const empty = mapped.flatMap((path, i) => (raw[i] === "" && path === "" ? [i + 1] : []));
    if (empty.length > 0)
      warn(
        `column${empty.length > 1 ? "s" : ""} ${empty.join(", ")} of the CSV header ha${empty.length > 1 ? "ve" : "s"} no name and ${empty.length > 1 ? "were" : "was"} not read`,
      );
    const used = mapped.map((path) =>
      path !== undefined && path !== "" && known.has(path) ? path : undefined,
    );
    for (const [i, path] of used.entries()) {
      if (path === undefined) continue;
      headerOf.set(path, raw[i]!);
      const own = options.values?.[raw[i]!] ?? options.values?.[path];
      if (own) values.set(path, new Map(Object.entries(own).map(([k, v]) => [k.trim().toLowerCase(), v])));
    }
    return used;
  };
  const reading = {
    dateFormat: options.dateFormat,
    values,
    headerOf: (path: string) => headerOf.get(path) ?? path,
    onUnmatched: (column: string, closest: readonly string[]) =>
      warn(
        `line ${currentLine} (row ${row + 1}): the value in column "${terminalSafe(column)}" is not one of its values (did you mean ${closest.map((c) => `"${c}"`).join(", ")}?); map it with --values`,
      ),
  };

  const rowOf = (piece: CsvPiece): InputRow | undefined => {
    if ("oversized" in piece) {
      if (!headers)
        throw new UnreadableInputError(
          `the CSV header holds a quoted cell longer than ${MAX_QUOTED_RECORD_BYTES} bytes`,
        );
      const last = piece.line + piece.lines - 1;
      warn(
        piece.toEnd
          ? `line ${piece.line}: a quoted cell is never closed and runs to the end of the input (line ${last}): lines ${piece.line}–${last} were read as that one record, which was not read`
          : `line ${piece.line}: a quoted cell is longer than ${MAX_QUOTED_RECORD_BYTES} bytes: that record (lines ${piece.line}–${last}) was not read`,
      );
      return {
        row: ++row,
        line: piece.line,
        unreadable: piece.toEnd
          ? "an unbalanced quote: a quoted cell is never closed"
          : `a quoted cell longer than ${MAX_QUOTED_RECORD_BYTES} bytes`,
      };
    }
    if ("unbalanced" in piece) {
      warn(
        `line ${piece.line}: a quoted cell is never closed (an unbalanced quote): that record was not read, and reading went on from line ${piece.line + 1}`,
      );
      return {
        row: ++row,
        line: piece.line,
        unreadable: "an unbalanced quote: a quoted cell is never closed",
      };
    }
    let text: string;
    try {
      text = strictUtf8.decode(piece.bytes);
    } catch {
      if (!headers) throw new UnreadableInputError("the CSV header is not valid UTF-8");
      return {
        row: ++row,
        line: piece.line,
        unreadable:
          'not valid UTF-8: if the file was saved in a Windows encoding (Excel "CSV"), read it with --encoding windows-1252',
      };
    }
    if (text.trim() === "" || (!headers && text.replace(/^\uFEFF/, "").trim() === "")) return undefined;
    if (!headers) {
      headers = readHeader(text);
      return undefined;
    }
    const line = piece.line;
    const cells = splitCsvRecord(text, delimiter);
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== "")) {
      return {
        row: ++row,
        line,
        unreadable: `${cells.length} cells, but the header has ${headers.length} columns`,
      };
    }
    const record: Record<string, string> = {};
    for (const [i, header] of headers.entries()) {
      const cell = cells[i];
      if (header === undefined || cell === undefined) continue;
      if (known.get(header) === "json" && jsonNestsDeeperThan(cell, MAX_JSON_CELL_DEPTH)) {
        warn(
          `line ${line}: the cell in column "${header}" holds JSON nested more than ${MAX_JSON_CELL_DEPTH} deep: that record was not read`,
        );
        return {
          row: ++row,
          line,
          unreadable: `the cell in column "${header}" holds JSON nested more than ${MAX_JSON_CELL_DEPTH} deep`,
        };
      }
      record[header] = cell;
    }
    currentLine = line;
    try {
      // Read before the row is numbered: a cell that cannot be read must not number it twice.
      const value = caseFromCsvRecord(record, known, reading);
      return { row: ++row, line, value };
    } catch (error) {
      if (error instanceof CellError) {
        warn(`line ${line}: ${terminalSafe(error.message)}`);
        return { row: ++row, line, unreadable: error.message };
      }
      warn(`line ${line}: the record could not be read`);
      return { row: ++row, line, unreadable: "the record could not be read" };
    }
  };

  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    onBytes(bytes.length);
    for (const piece of splitter.push(bytes)) {
      const r = rowOf(piece);
      if (r) yield r;
    }
  }
  for (const piece of splitter.end()) {
    const r = rowOf(piece);
    if (r) yield r;
  }
}
