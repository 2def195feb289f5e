// Where a batch command's rows come from: a file (its format from its name, else sniffed) or
// standard input (sniffed). Shared by `assess`/`review`/`explain`/`validate` and `report`, so every
// command reads the same inputs the same way.

import { closeSync, createReadStream, fstatSync, openSync } from "node:fs";
import { decodeInput } from "./decode-input.js";
import type { InputFormat } from "./input-row.js";
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

/**
 * A command's input file opened, not yet read: its descriptor and size, or for none or `-`
 * standard input. Opened before any output is, so a missing or unreadable input is reported before
 * an output is created (and a file named only by the output, as `Cases.jsonl` and `cases.jsonl` are
 * on a case-insensitive file system, is never created empty and then read as no rows).
 */
export interface InputSource {
  readonly ok: true;
  /** The path as given; `undefined` for standard input. */
  readonly file: string | undefined;
  /** The open file's descriptor; `undefined` for standard input. */
  readonly fd: number | undefined;
  /** The file's size, for the progress bar; unknown for standard input. */
  readonly totalBytes: number | undefined;
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
 * Opens a command's input file for reading (nothing is read yet), or names standard input for none
 * or `-`. Every command calls it before it opens any output; a file that is missing, unreadable or
 * a directory is an {@link UnopenedInput}. Close it with {@link closeInputSource} if the command
 * stops before {@link readInputSource}.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const source = openInputSource("cases.jsonl"); // { ok: true, file: "cases.jsonl", fd: 21, totalBytes: 5120 }
 * ```
 */
export function openInputSource(file: string | undefined): InputSource | UnopenedInput {
  if (!file || file === "-") return { ok: true, file: undefined, fd: undefined, totalBytes: undefined };
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    return { ok: true, file, fd, totalBytes: stat.size };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return { ok: false, error };
  }
}

/**
 * Closes an input file opened by {@link openInputSource} that will not be read (standard input is
 * left open).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * closeInputSource(source);
 * ```
 */
export function closeInputSource(source: InputSource): void {
  if (source.fd !== undefined) closeSync(source.fd);
}

/**
 * Starts reading an input opened by {@link openInputSource}: the file (or standard input). The
 * format is the one given, else the one the file's name says (or CSV when a delimiter is given),
 * else sniffed from a bounded prefix of the input (JSON, JSON Lines or CSV, and the CSV delimiter).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const opened = await readInputSource(openInputSource(undefined), {}, process.stdin); // standard input, sniffed
 * ```
 */
export async function readInputSource(
  source: InputSource,
  given: {
    readonly inputFormat?: InputFormat | undefined;
    readonly delimiter?: string | undefined;
    /** `--encoding`: the input's encoding; without it UTF-8, or UTF-16 when a BOM says so. */
    readonly encoding?: string | undefined;
  },
  stdin: AsyncIterable<Uint8Array | string>,
): Promise<OpenedInput> {
  const named = formatOfName(source.file);
  let format = given.inputFormat ?? named.format ?? (given.delimiter !== undefined ? "csv" : undefined);
  let delimiter = given.delimiter ?? named.delimiter;
  // Large reads: fewer, bigger chunks of lines to process (and to hand to worker threads).
  let input: AsyncIterable<Uint8Array | string> =
    source.fd !== undefined && source.file !== undefined
      ? createReadStream(source.file, { fd: source.fd, highWaterMark: 256 * 1024 })
      : stdin;
  input = decodeInput(input, given.encoding);
  if (!format) {
    const sniffed = await sniffInput(input);
    input = sniffed.stream;
    format = sniffed.format;
    delimiter ??= sniffed.delimiter;
  }
  return { ok: true, input, format, delimiter, totalBytes: source.totalBytes };
}
