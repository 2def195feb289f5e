import type { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import { caseFromCsvRecord, csvColumns } from "./csv-columns.js";
import { JsonArraySplitter } from "./json-array-splitter.js";
import { JsonLinesChunker, jsonRow, rowsOfJsonLines } from "./json-lines.js";

/** The input formats the CLI reads. */
export type InputFormat = "json" | "jsonl" | "csv";

/** One input row: its 1-based number, the line it starts on, and either its value or why it could not be read. */
export type InputRow =
  | { readonly row: number; readonly line: number; readonly value: unknown }
  | { readonly row: number; readonly line: number; readonly text: string }
  | { readonly row: number; readonly line: number; readonly unreadable: string };

/** Raised for input that cannot be read at all (as opposed to one bad row): exit code 2. */
export class UnreadableInputError extends Error {}

/** Something about the input as a whole that the caller must hear about (not a row): exit code 1. */
export type InputWarning = (message: string) => void;

/** JSON Lines: one value a line; blank lines are skipped; each line's bytes are checked as UTF-8. */
async function* readJsonLines(
  input: Readable,
  onBytes: (n: number) => void,
  raw: boolean,
): AsyncGenerator<InputRow> {
  const chunker = new JsonLinesChunker();
  for await (const chunk of input) {
    const buffer = chunk as Buffer;
    onBytes(buffer.length);
    for (const lines of chunker.push(buffer)) yield* rowsOfJsonLines(lines, raw);
  }
  for (const lines of chunker.end()) yield* rowsOfJsonLines(lines, raw);
}

/** A JSON array (or one JSON value), streamed element by element. */
async function* readJsonArray(
  input: Readable,
  onBytes: (n: number) => void,
  raw: boolean,
  warn: InputWarning,
): AsyncGenerator<InputRow> {
  const splitter = new JsonArraySplitter();
  // Not fatal: bytes that are not UTF-8 become U+FFFD, and the element holding them is reported
  // as unreadable (parseJson), so one bad element costs one row.
  const decoder = new TextDecoder("utf-8");
  let row = 0;
  const decode = (buffer?: Buffer): string =>
    buffer === undefined ? decoder.decode() : decoder.decode(buffer, { stream: true });
  for await (const chunk of input) {
    const buffer = chunk as Buffer;
    onBytes(buffer.length);
    for (const element of splitter.push(decode(buffer))) {
      row += 1;
      yield jsonRow(element.text, row, element.line, raw);
    }
  }
  for (const element of [...splitter.push(decode()), ...splitter.end()]) {
    row += 1;
    yield jsonRow(element.text, row, element.line, raw);
  }
  if (!splitter.complete && row === 0) {
    throw new UnreadableInputError("the JSON array is not closed and holds no complete element");
  }
  if (!splitter.complete) {
    warn(
      "the JSON array is not closed: the file may be truncated, and an element missing its end may have swallowed those after it",
    );
  }
  if (splitter.trailingText) {
    throw new UnreadableInputError(
      `text after the end of the JSON array was not read (one JSON array or value per file; ${row} rows were read)`,
    );
  }
}

/** CSV with a header row, mapped to case facts by {@link caseFromCsvRecord}. */
async function* readCsv(
  input: Readable,
  onBytes: (n: number) => void,
  mapping: Readonly<Record<string, string>>,
): AsyncGenerator<InputRow> {
  const columns = csvColumns();
  const parser = parseCsv({
    bom: true,
    columns: (headers: string[]) => {
      const mapped = headers.map((h) => mapping[h.trim()] ?? h.trim());
      const unknown = mapped.filter((h) => h !== "" && !columns.has(h));
      if (unknown.length > 0) {
        throw new UnreadableInputError(
          `unknown CSV column(s): ${unknown.join(", ")} (map them with --mapping)`,
        );
      }
      return mapped;
    },
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skipped: { line: number; message: string }[] = [];
  parser.on("skip", (error: { lines?: number; message?: string }) => {
    skipped.push({ line: error.lines ?? 0, message: "not a readable CSV record" });
  });
  input.on("data", (chunk: Buffer) => onBytes(chunk.length));
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const entry of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
      raw: string;
    }>) {
      while (skipped.length > 0 && skipped[0]!.line < entry.info.lines) {
        const skip = skipped.shift()!;
        row += 1;
        yield { row, line: skip.line, unreadable: skip.message };
      }
      row += 1;
      // csv-parse reports the record's last line; a quoted cell can span lines, so count back to its first.
      const spans = (entry.raw.replace(/\r?\n$/, "").match(/\n/g) ?? []).length;
      const line = entry.info.lines - spans;
      // Bytes that are not UTF-8 decode to U+FFFD: the record was altered on the way in.
      if (entry.raw.includes("\uFFFD")) yield { row, line, unreadable: "not valid UTF-8" };
      else yield { row, line, value: caseFromCsvRecord(entry.record, columns) };
    }
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof UnreadableInputError) throw cause;
    throw new UnreadableInputError(`could not read the CSV: ${(error as Error).message}`);
  }
  for (const skip of skipped) {
    row += 1;
    yield { row, line: skip.line, unreadable: skip.message };
  }
}

/**
 * Reads input rows in order, streaming: memory stays independent of the input's size. A row that
 * cannot be read becomes an `unreadable` row rather than stopping the run. With `raw`, JSON rows
 * are left as text, to be parsed where they are processed (in a worker thread, say).
 */
export function readRows(
  input: Readable,
  format: InputFormat,
  options: {
    onBytes?: (n: number) => void;
    mapping?: Readonly<Record<string, string>>;
    raw?: boolean;
    warn?: InputWarning;
  } = {},
): AsyncGenerator<InputRow> {
  const onBytes = options.onBytes ?? (() => {});
  const raw = options.raw === true;
  if (format === "jsonl") return readJsonLines(input, onBytes, raw);
  if (format === "csv") return readCsv(input, onBytes, options.mapping ?? {});
  return readJsonArray(input, onBytes, raw, options.warn ?? (() => {}));
}
