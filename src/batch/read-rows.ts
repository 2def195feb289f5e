import type { DateFormat } from "./csv-columns.js";
import { readCsvRows } from "./csv-reader.js";
import type { InputFormat, InputRow, InputWarning } from "./input-row.js";
import { UnreadableInputError } from "./input-row.js";
import { JsonArraySplitter } from "./json-array-splitter.js";
import { JsonLinesChunker, jsonRow, rowsOfJsonLines } from "./json-lines.js";

export { type InputFormat, type InputRow, type InputWarning, UnreadableInputError } from "./input-row.js";

/** JSON Lines: one value a line; blank lines are skipped; each line's bytes are checked as UTF-8. */
async function* readJsonLines(
  input: AsyncIterable<Uint8Array | string>,
  onBytes: (n: number) => void,
  raw: boolean,
): AsyncGenerator<InputRow> {
  const chunker = new JsonLinesChunker();
  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    onBytes(buffer.length);
    for (const lines of chunker.push(buffer)) yield* rowsOfJsonLines(lines, raw);
  }
  for (const lines of chunker.end()) yield* rowsOfJsonLines(lines, raw);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A row from one element's bytes: decoded strictly, so bytes that are not UTF-8 cost that element only. */
function elementRow(bytes: Uint8Array, row: number, line: number, raw: boolean): InputRow {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { row, line, unreadable: "not valid UTF-8" };
  }
  return jsonRow(text, row, line, raw);
}

/** A JSON array (or one JSON value), streamed element by element. */
async function* readJsonArray(
  input: AsyncIterable<Uint8Array | string>,
  onBytes: (n: number) => void,
  raw: boolean,
  warn: InputWarning,
): AsyncGenerator<InputRow> {
  const splitter = new JsonArraySplitter();
  let row = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    onBytes(buffer.length);
    for (const element of splitter.push(buffer)) {
      row += 1;
      yield elementRow(element.bytes, row, element.line, raw);
    }
  }
  for (const element of splitter.end()) {
    row += 1;
    yield elementRow(element.bytes, row, element.line, raw);
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

/** Options for {@link readRows}. */
export interface ReadRowsOptions {
  readonly onBytes?: ((n: number) => void) | undefined;
  /** CSV: renames the file's headers to ours; a header mapped to `""` is not read. */
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  /** CSV: the delimiter, one ASCII character (default `,`; a tab for TSV). */
  readonly delimiter?: string | undefined;
  /** CSV: skip columns that are not case facts (with a warning) rather than stopping the run. */
  readonly ignoreUnknownColumns?: boolean | undefined;
  /** CSV: how dates other than YYYY-MM-DD are written (`--date-format`). */
  readonly dateFormat?: DateFormat | undefined;
  /** CSV: per column, the organisation's own codes to ours (`--values`). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** JSON rows left as text, to be parsed where they are processed (in a worker thread, say). */
  readonly raw?: boolean | undefined;
  readonly warn?: InputWarning | undefined;
}

/**
 * Reads input rows in order, streaming: memory stays independent of the input's size. A row that
 * cannot be read becomes an `unreadable` row rather than stopping the run. With `raw`, JSON rows
 * are left as text, to be parsed where they are processed (in a worker thread, say).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * for await (const row of readRows(createReadStream("cases.csv"), "csv", { delimiter: ";" })) console.log(row.row, row.line);
 * ```
 */
export function readRows(
  input: AsyncIterable<Uint8Array | string>,
  format: InputFormat,
  options: ReadRowsOptions = {},
): AsyncGenerator<InputRow> {
  const onBytes = options.onBytes ?? (() => {});
  const raw = options.raw === true;
  if (format === "jsonl") return readJsonLines(input, onBytes, raw);
  if (format === "csv")
    return readCsvRows(input, {
      onBytes,
      mapping: options.mapping,
      delimiter: options.delimiter,
      ignoreUnknownColumns: options.ignoreUnknownColumns,
      dateFormat: options.dateFormat,
      values: options.values,
      warn: options.warn,
    });
  return readJsonArray(input, onBytes, raw, options.warn ?? (() => {}));
}
