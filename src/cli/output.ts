import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";

/** The output formats the CLI writes. */
export type OutputFormat = "jsonl" | "json" | "csv" | "table";

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

const ERROR_KEYS = ["row", "line", "id", "error", "problems"];

function pick(
  record: Record<string, unknown>,
  fields: readonly string[] | undefined,
): Record<string, unknown> {
  if (!fields) return record;
  // An error record keeps what says which row failed and why, whatever fields were asked for.
  const keep = record.error !== undefined ? [...new Set([...fields, ...ERROR_KEYS])] : fields;
  return Object.fromEntries(keep.filter((f) => Object.hasOwn(record, f)).map((f) => [f, record[f]]));
}

function flattenError(record: Record<string, unknown>): FlatRecord {
  const problems = (record.problems as { path: string; message: string }[] | undefined) ?? [];
  return {
    row: record.row as number,
    line: (record.line as number | undefined) ?? null,
    id: (record.id as string | undefined) ?? "",
    error: record.error as string,
    problems: problems.map((p) => `${p.path || "(case)"}: ${p.message}`).join("; "),
  };
}

/** Formats records one at a time in the chosen format (JSON arrays are opened and closed around them). */
export class RecordFormatter {
  private count = 0;
  private columns: string[] | undefined;
  constructor(
    private readonly format: OutputFormat,
    private readonly fields: readonly string[] | undefined,
    private readonly flatten: (record: Record<string, unknown>) => FlatRecord,
  ) {}

  start(): string {
    return this.format === "json" ? "[\n" : "";
  }

  next(record: Record<string, unknown>): string {
    this.count += 1;
    switch (this.format) {
      case "jsonl":
        return `${JSON.stringify(pick(record, this.fields))}\n`;
      case "json":
        return `${this.count > 1 ? ",\n" : ""}${JSON.stringify(pick(record, this.fields))}`;
      case "csv": {
        const flat = this.flat(record);
        let header = "";
        if (!this.columns) {
          this.columns = this.columnsFor(flat);
          header = stringify([this.columns]);
        }
        return header + stringify([this.columns.map((c) => cellText(flat[c]))]);
      }
      default: {
        const flat = this.flat(record);
        let header = "";
        if (!this.columns) {
          this.columns = this.columnsFor(flat);
          header = `${this.columns
            .map((c) => c.padEnd(width(c)))
            .join("  ")
            .trimEnd()}\n`;
        }
        const last = this.columns.length - 1;
        // Every column but the last is cut to its width so the columns stay aligned while streaming.
        return `${header}${this.columns
          .map((c, i) => {
            const text = cellText(flat[c]);
            return i === last
              ? text
              : text.length > width(c)
                ? `${text.slice(0, width(c) - 1)}…`
                : text.padEnd(width(c));
          })
          .join("  ")
          .trimEnd()}\n`;
      }
    }
  }

  private flat(record: Record<string, unknown>): FlatRecord {
    return record.error !== undefined ? flattenError(record) : this.flatten(record);
  }

  /** The columns: those asked for, or the first record's; error columns always come last. */
  private columnsFor(first: FlatRecord): string[] {
    if (this.fields) return [...this.fields];
    const base = this.fields
      ? [...this.fields]
      : Object.keys(first).filter((k) => !["line", "error", "problems"].includes(k));
    if (!this.fields && first.error !== undefined) {
      // The first record is an error: fall back to the command's own columns where they are unknown.
      return [...new Set([...base.filter((k) => k === "row" || k === "id"), ...base])]
        .concat(["line", "error", "problems"])
        .filter((v, i, a) => a.indexOf(v) === i);
    }
    return [...new Set([...base, "line", "error", "problems"])];
  }

  end(): string {
    return this.format === "json" ? (this.count > 0 ? "\n]\n" : "]\n") : "";
  }
}

const WIDTHS: Record<string, number> = {
  row: 6,
  id: 16,
  asOf: 10,
  first: 22,
  valid: 5,
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
