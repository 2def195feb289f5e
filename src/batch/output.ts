import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { MIN_WRAPPED_WIDTH, wrapText } from "./fit-table.js";
import { terminalSafe } from "./terminal-safe.js";

/**
 * The output formats the batch commands write: JSON Lines, one JSON array, CSV, TSV, an aligned
 * table, a vertical layout (one `key value` line per field, a blank line between records, like
 * `mlr --oxtab`), and plain text (explain).
 */
export type OutputFormat = "jsonl" | "json" | "csv" | "tsv" | "table" | "vertical" | "text";

/** A flat record for CSV and table output: column → cell text. */
export type FlatRecord = Record<string, string | number | boolean | null>;

/** Raised when the output cannot be written (other than the reader going away). */
export class OutputError extends Error {}

/**
 * Writes to a stream with backpressure: waits for `drain` when the buffer is full, and turns a
 * write error into a rejected promise instead of an unhandled event. A reader that goes away
 * (`EPIPE`, e.g. `| head`) ends the output quietly: `closed` becomes true.
 */
export class StreamWriter {
  closed = false;
  private failure: Error | undefined;
  constructor(private readonly stream: Writable) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") this.closed = true;
      else this.failure = new OutputError(`could not write the output: ${error.message}`);
    });
  }
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closed) return;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off("drain", done);
          this.stream.off("error", done);
          this.stream.off("close", done);
          resolve();
        };
        this.stream.on("drain", done);
        this.stream.on("error", done);
        this.stream.on("close", done);
      });
    }
    if (this.failure) throw this.failure;
  }
  /** Waits until everything written has been flushed, or fails with the write error. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      if (this.stream.writableNeedDrain) this.stream.once("drain", () => resolve());
      else resolve();
    });
    if (this.failure) throw this.failure;
  }
}

/**
 * The keys of `record` listed in `fields`, in that order, each present (null where the record has
 * none): every record written with `--fields` has exactly the same keys.
 */
function pick(
  record: Record<string, unknown>,
  fields: readonly string[] | undefined,
): Record<string, unknown> {
  if (!fields) return record;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = Object.hasOwn(record, f) ? record[f] : null;
  return out;
}

/** The error columns of a flat error record; the command's own columns stay empty. */
function flattenError(record: Record<string, unknown>): FlatRecord {
  const problems = (record.problems as { path: string; message: string }[] | undefined) ?? [];
  return {
    row: record.row as number,
    line: (record.line as number | undefined) ?? null,
    id: (record.id as string | null | undefined) ?? null,
    valid: false,
    error: record.error as string,
    problems: problems.map((p) => `${p.path || "(case)"}: ${p.message}`).join("; "),
  };
}

/** Options of a {@link RecordFormatter}. */
export interface RecordFormatterOptions {
  readonly format: OutputFormat;
  /** The columns of CSV, TSV, table and vertical output: from the command (or `--fields`), never from the data. */
  readonly columns: readonly string[];
  /** The keys of JSON records (`--fields`); every key of each record when absent. */
  readonly fields?: readonly string[] | undefined;
  readonly flatten: (record: Record<string, unknown>) => FlatRecord;
  /**
   * CSV and TSV: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
   * prefixed with `'` so that a spreadsheet shows it as text rather than running it as a formula
   * (csv-stringify's `escape_formulas`). Default true. Numbers are left as numbers.
   */
  readonly escapeFormulas?: boolean | undefined;
  /**
   * Table: the width to fit (the terminal's). The last column wraps under itself; a table too wide
   * even so is written one field a line (as `vertical`, values wrapped) and
   * {@link RecordFormatter.verticalFallback} says so.
   */
  readonly maxWidth?: number | undefined;
}

/**
 * Formats records one at a time in the chosen format (JSON arrays are opened and closed around
 * them). The columns are fixed when the formatter is made, so a first record that is an error
 * costs no later record its columns.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const f = new RecordFormatter({ format: "csv", columns: ["row", "id"], flatten: (r) => ({ row: r.row as number, id: r.id as string }) });
 * f.start() + f.next({ row: 1, id: "=cmd" }); // "row,id\n1,'=cmd\n"
 * ```
 */
export class RecordFormatter {
  private count = 0;
  private readonly format: OutputFormat;
  private readonly columns: readonly string[];
  private readonly fields: readonly string[] | undefined;
  private readonly flatten: (record: Record<string, unknown>) => FlatRecord;
  private readonly escapeFormulas: boolean;
  private readonly maxWidth: number | undefined;
  /** True when a table too wide for `maxWidth` is written one field a line instead. */
  readonly verticalFallback: boolean = false;

  constructor(options: RecordFormatterOptions) {
    this.format = options.format;
    this.columns = options.columns;
    this.fields = options.fields;
    this.flatten = options.flatten;
    this.escapeFormulas = options.escapeFormulas !== false;
    this.maxWidth = options.maxWidth;
    if (
      this.format === "table" &&
      this.maxWidth !== undefined &&
      this.lastOffset() + MIN_WRAPPED_WIDTH > this.maxWidth
    ) {
      this.format = "vertical";
      this.verticalFallback = true;
    }
  }

  /** Where a table's last column starts. */
  private lastOffset(): number {
    return this.columns.slice(0, -1).reduce((sum, c) => sum + width(c) + 2, 0);
  }

  /** A table's last cell, wrapped under itself to fit `maxWidth`. */
  private lastCell(text: string): string {
    if (this.maxWidth === undefined) return text;
    const offset = this.lastOffset();
    return wrapText(text, this.maxWidth - offset).join(`\n${" ".repeat(offset)}`);
  }

  start(): string {
    switch (this.format) {
      case "json":
        return "[\n";
      case "csv":
      case "tsv":
        return this.delimited([...this.columns]);
      case "table": {
        const last = this.columns.length - 1;
        return `${this.columns
          .map((c, i) => (i === last ? this.lastCell(terminalSafe(c)) : terminalSafe(c).padEnd(width(c))))
          .join("  ")
          .trimEnd()}\n`;
      }
      default:
        return "";
    }
  }

  next(record: Record<string, unknown>): string {
    this.count += 1;
    switch (this.format) {
      case "jsonl":
        return `${JSON.stringify(pick(record, this.fields))}\n`;
      case "json":
        return `${this.count > 1 ? ",\n" : ""}${JSON.stringify(pick(record, this.fields))}`;
      case "csv":
      case "tsv": {
        const flat = this.flat(record);
        return this.delimited(this.columns.map((c) => flat[c] ?? null));
      }
      case "vertical": {
        const flat = this.flat(record);
        const keyWidth = Math.max(...this.columns.map((c) => c.length));
        const valueWidth =
          this.verticalFallback && this.maxWidth !== undefined ? this.maxWidth - keyWidth - 2 : 0;
        const lines = this.columns.map((c) => {
          const value = terminalSafe(cellText(flat[c]));
          const text =
            valueWidth >= MIN_WRAPPED_WIDTH
              ? wrapText(value, valueWidth).join(`\n${" ".repeat(keyWidth + 2)}`)
              : value;
          return `${terminalSafe(c).padEnd(keyWidth)}  ${text}`.trimEnd();
        });
        return `${this.count > 1 ? "\n" : ""}${lines.join("\n")}\n`;
      }
      default: {
        const flat = this.flat(record);
        const last = this.columns.length - 1;
        // Every column but the last is cut to its width so the columns stay aligned while streaming.
        return `${this.columns
          .map((c, i) => {
            const text = terminalSafe(cellText(flat[c]));
            return i === last
              ? this.lastCell(text)
              : text.length > width(c)
                ? `${text.slice(0, width(c) - 1)}…`
                : text.padEnd(width(c));
          })
          .join("  ")
          .trimEnd()}\n`;
      }
    }
  }

  private delimited(cells: (string | number | boolean | null)[]): string {
    const texts = cells.map((c) =>
      typeof c === "string" ? (this.escapeFormulas ? neutraliseFormula(c) : c) : cellText(c),
    );
    return stringify([texts], { delimiter: this.format === "tsv" ? "\t" : "," });
  }

  private flat(record: Record<string, unknown>): FlatRecord {
    return typeof record.error === "string" ? flattenError(record) : this.flatten(record);
  }

  end(): string {
    return this.format === "json" ? (this.count > 0 ? "\n]\n" : "]\n") : "";
  }
}

/** The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, as csv-stringify's `escape_formulas` does. Only text is
 * neutralised: a number (such as `-3` days) is written as a number.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * neutraliseFormula("=HYPERLINK(\"x\")"); // "'=HYPERLINK(\"x\")"
 * neutraliseFormula("cli-1"); // "cli-1"
 * ```
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const WIDTHS: Record<string, number> = {
  row: 6,
  line: 6,
  id: 16,
  asOf: 10,
  first: 22,
  valid: 5,
  error: 10,
  verdict: 24,
  spo: 17,
};

function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "boolean" ? (value ? "true" : "false") : String(value);
}

function width(column: string): number {
  return Math.max(column.length, WIDTHS[column] ?? 17);
}
