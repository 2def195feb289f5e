// Where a batch command's rows come from: a file (its format from its name, else sniffed) or
// standard input (sniffed). Shared by `assess`/`review`/`explain`/`validate` and `report`, so every
// command reads the same inputs the same way.
import { closeSync, createReadStream, fstatSync, openSync } from "node:fs";
import type { InputFormat } from "./read-rows.js";
import { sniffInput } from "./sniff.js";

/** What a file's name says about its format, and the delimiter for TSV. */
export interface FormatOfName {
  readonly format?: InputFormat;
  readonly delimiter?: string;
}

/**
 * The format a file's name says (`.csv`, `.tsv`/`.tab`, `.jsonl`/`.ndjson`, `.json`), and the
 * delimiter for TSV; nothing for standard input or a name that says nothing.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * formatOfName("export.tsv"); // { format: "csv", delimiter: "\t" }
 * ```
 */
export function formatOfName(file: string | undefined): FormatOfName {
  if (!file || file === "-") return {};
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) return { format: "csv" };
  if (lower.endsWith(".tsv") || lower.endsWith(".tab")) return { format: "csv", delimiter: "\t" };
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return { format: "jsonl" };
  if (lower.endsWith(".json")) return { format: "json" };
  return {};
}

/** An input opened for reading, with the format it will be read as. */
export interface OpenedInput {
  readonly ok: true;
  readonly input: AsyncIterable<Uint8Array | string>;
  readonly format: InputFormat;
  readonly delimiter: string | undefined;
  /** The file's size, for the progress bar; unknown for standard input. */
  readonly totalBytes: number | undefined;
}

/** An input file that could not be opened; `error` is the errno error, for {@link fileErrorInWords}. */
export interface UnopenedInput {
  readonly ok: false;
  readonly error: unknown;
}

/**
 * Opens a command's input: the file (or standard input for none or `-`). The format is the one
 * given, else the one the file's name says (or CSV when a delimiter is given), else sniffed from a
 * bounded prefix of the input (JSON, JSON Lines or CSV, and the CSV delimiter).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const opened = await openInput(undefined, {}, process.stdin); // standard input, sniffed
 * ```
 */
export async function openInput(
  file: string | undefined,
  given: { readonly inputFormat?: InputFormat | undefined; readonly delimiter?: string | undefined },
  stdin: AsyncIterable<Uint8Array | string>,
): Promise<OpenedInput | UnopenedInput> {
  const named = formatOfName(file);
  let format = given.inputFormat ?? named.format ?? (given.delimiter !== undefined ? "csv" : undefined);
  let delimiter = given.delimiter ?? named.delimiter;
  let input: AsyncIterable<Uint8Array | string>;
  let totalBytes: number | undefined;
  if (file && file !== "-") {
    let fd: number | undefined;
    try {
      fd = openSync(file, "r");
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
      totalBytes = stat.size;
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      return { ok: false, error };
    }
    // Large reads: fewer, bigger chunks of lines to process (and to hand to worker threads).
    input = createReadStream(file, { fd, highWaterMark: 256 * 1024 });
  } else input = stdin;
  if (!format) {
    const sniffed = await sniffInput(input);
    input = sniffed.stream;
    format = sniffed.format;
    delimiter ??= sniffed.delimiter;
  }
  return { ok: true, input, format, delimiter, totalBytes };
}
