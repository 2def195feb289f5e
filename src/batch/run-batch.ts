import { closeSync, openSync, writeSync } from "node:fs";
import type { Writable } from "node:stream";
import { todayInLondon } from "../dates/calendar.js";
import { type BatchCommand, type CommandSpec, makeCommand } from "./commands.js";
import type { DateFormat } from "./csv-columns.js";
import {
  type FileClash,
  findFileClash,
  inputNamed,
  outputNamedStderr,
  outputNamedStdout,
  standardErrorIsTheInput,
} from "./file-clash.js";
import { ERRNO_WORDS, fileErrorInWords } from "./file-errors.js";
import { terminalWidth } from "./fit-table.js";
import { type JsonLinesChunk, JsonLinesChunker } from "./json-lines.js";
import { closeInputSource, openInputSource, readInputSource } from "./open-input.js";
import { type OutputFormat, RecordFormatter, StreamWriter } from "./output.js";
import { type ChunkResult, processJsonLinesChunk } from "./process-chunk.js";
import { type ProcessedRow, processRow } from "./process-row.js";
import { createProgress } from "./progress.js";
import { type InputFormat, type InputRow, readRows, UnreadableInputError } from "./read-rows.js";
import { terminalSafe, terminalSafeLines } from "./terminal-safe.js";
import { WorkerPool } from "./worker-pool.js";

/** Exit codes: 0 every row fine; 1 some rows invalid (still processed); 2 usage error or unreadable input or output. */
export const EXIT = { ok: 0, invalidRows: 1, usage: 2 } as const;

/** What a batch run reads from and writes to: the process's own streams, or any others (tests, a service). */
export interface BatchIo {
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: Writable & { readonly isTTY?: boolean | undefined };
  readonly stderr: Writable & { readonly isTTY?: boolean | undefined };
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The clock, read once per run (before any row) for the default `--as-of`. */
  readonly now?: (() => Date) | undefined;
  /** The worker thread's script (default: `cli-worker.js` beside this module, as built). */
  readonly workerUrl?: URL | undefined;
}

export interface BatchOptions {
  readonly file?: string | undefined;
  readonly inputFormat?: InputFormat | undefined;
  readonly outputFormat: OutputFormat;
  readonly fields?: readonly string[] | undefined;
  readonly summaryJson?: string | undefined;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  /** The file `mapping` was read from (`--mapping`): no output may overwrite it. */
  readonly mappingFile?: string | undefined;
  /** CSV input: the delimiter (`-d`), one ASCII character; a tab for `-t`/`--tsv` or a `.tsv` file. */
  readonly delimiter?: string | undefined;
  /** CSV input: read only the columns that are case facts, with a warning naming the others. */
  readonly ignoreUnknownColumns?: boolean | undefined;
  /** CSV and TSV output: neutralise cells that a spreadsheet would run as formulas (default true). */
  readonly escapeFormulas?: boolean | undefined;
  /** No progress bar and no summary on stderr (the summary still goes to `summaryJson`). */
  readonly quiet?: boolean | undefined;
  /** Worker threads to process rows on (1: in the main thread). Output order is kept either way. */
  readonly jobs?: number | undefined;
  /** CSV input: how dates other than YYYY-MM-DD are written (`--date-format`). */
  readonly dateFormat?: DateFormat | undefined;
  /** CSV input: per column, the organisation's own codes to ours (`--values`). */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** The input's encoding (`--encoding`); without it UTF-8, or UTF-16 when a BOM says so. */
  readonly encoding?: string | undefined;
  /** CSV/TSV output starts with a UTF-8 BOM, so Excel opens accented names correctly (`--excel`). */
  readonly excel?: boolean | undefined;
}

/** Summary of a batch run: every input row is counted once, as processed or invalid. */
export interface BatchSummary {
  readonly command: string;
  /** The date whose law was applied (review: where a case records no decision date). */
  readonly asOf: string;
  /** Where that date came from: `--as-of`, or today in England and Wales when the run began. */
  readonly asOfFrom: "--as-of" | "today";
  readonly inputFormat: InputFormat;
  readonly rows: number;
  readonly processed: number;
  readonly invalid: number;
  readonly counts: Record<string, number>;
  /** The reader of the output went away before every row was written (e.g. `| head`). */
  readonly outputClosedEarly?: boolean;
  /** Problems with the input that the rows alone do not show (an unbalanced quote, an unclosed array). */
  readonly warnings?: readonly string[];
  /** How many warnings were left out of `warnings` (at most {@link MAX_WARNINGS} are kept). */
  readonly moreWarnings?: number;
  /** Why the run stopped early, if it did (exit code 2). */
  readonly error?: string;
}

/** The most warnings a summary lists; the rest are counted. */
export const MAX_WARNINGS = 100;
/** The most warnings written to stderr. */
const MAX_WARNINGS_SHOWN = 20;

const FLAT_FORMATS: ReadonlySet<OutputFormat> = new Set(["csv", "tsv", "table", "vertical"]);

/**
 * A run refused because an output is an input (or another output): a usage error, exit code 2.
 * When standard error is itself the input (`2>> cases.jsonl`) nothing is written at all, since
 * the message would be appended to the very file it protects; the exit code alone says why.
 */
export function refuseClash(io: BatchIo, command: string, clash: FileClash): number {
  if (clash.isInput && clash.output.stream === "stderr") return EXIT.usage;
  return usage(io, command, terminalSafe(clash.message));
}

/** A usage error: the message, a pointer to the command's help, and exit code 2. */
export function usage(io: BatchIo, command: string, message: string): number {
  io.stderr.write(`protective-orders: ${message}\n(see protective-orders ${command} --help)\n`);
  return EXIT.usage;
}

/**
 * Runs a batch command over every row of the input, streaming: each input row yields one output
 * row, a result or an error record with the line number and every problem. A bad row never stops
 * the run; the summary goes to stderr and, if asked, to a JSON file. The default date is resolved
 * once, from `io.now`, before any row is read.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const code = await runBatch({ name: "assess", options: {} }, { file: "cases.csv", outputFormat: "csv" }, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runBatch(spec: CommandSpec, options: BatchOptions, io: BatchIo): Promise<number> {
  // Standard error appending to the input (`2>> cases.jsonl`): not one message may be written, not
  // even a usage error found before the input is opened, or it would land in the caseload.
  if (standardErrorIsTheInput(options.file, io.stdin, io.stderr)) return EXIT.usage;
  const env = io.env ?? {};
  // The one clock read of the run: every row, every worker, gets this date. None with --as-of
  // (the first time zone lookup costs more than a few hundred rows).
  const today = spec.options.asOf === undefined ? todayInLondon((io.now ?? (() => new Date()))()) : undefined;
  const asOfFrom = spec.options.asOf !== undefined ? "--as-of" : "today";
  const runAsOf = spec.options.asOf ?? today ?? "";

  const fieldsFormat = options.outputFormat === "text" ? undefined : options.outputFormat;
  const linesOnly = options.outputFormat === "jsonl" && !options.fields;
  const baseSpec: CommandSpec = {
    ...spec,
    options: {
      ...spec.options,
      today,
      ...(options.outputFormat === "text" ? { textOnly: spec.options.markdown ? "markdown" : "text" } : {}),
      ...(options.fields ? { fields: options.fields } : {}),
    },
  };
  // When only JSON lines are written, a command that renders its own line need not build the record.
  const runSpec: CommandSpec = linesOnly
    ? { ...baseSpec, options: { ...baseSpec.options, linesOnly: true } }
    : baseSpec;
  let command: BatchCommand;
  try {
    command = makeCommand(runSpec);
  } catch (error) {
    return usage(io, spec.name, terminalSafe((error as Error).message));
  }

  // --fields: names the command has, for the format asked for; found before any row is read.
  if (options.fields) {
    if (!fieldsFormat)
      return usage(
        io,
        spec.name,
        "--fields needs a record format (--format jsonl, json, csv, tsv, table or vertical)",
      );
    let valid = FLAT_FORMATS.has(fieldsFormat) ? command.columns : command.recordKeys;
    const unknown = options.fields.filter((f) => !valid.includes(f));
    // A field written only on request is a field too: named in the list of fields.
    if (spec.name === "assess" && !valid.includes("missingInputs")) valid = [...valid, "missingInputs"];
    if (unknown.length > 0)
      return usage(
        io,
        spec.name,
        `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((f) => `"${terminalSafe(f)}"`).join(", ")} for ${spec.name} --format ${fieldsFormat}; the fields are: ${valid.join(", ")}`,
      );
  }
  if (options.delimiter !== undefined) {
    const code = options.delimiter.charCodeAt(0);
    if (
      options.delimiter.length !== 1 ||
      code > 0x7f ||
      options.delimiter === '"' ||
      code === 10 ||
      code === 13
    )
      return usage(
        io,
        spec.name,
        "the delimiter (-d) must be one ASCII character other than a quote or a line end",
      );
  }

  // The input first: a missing or unreadable one is reported before any output is created.
  const source = openInputSource(options.file);
  if (!source.ok) {
    io.stderr.write(
      `protective-orders: cannot read ${terminalSafe(options.file ?? "")}: ${fileErrorInWords(source.error)}\n`,
    );
    return EXIT.usage;
  }
  // No output may be an input: the summary file is opened (emptied) before the input is read.
  const clash = findFileClash(
    [
      inputNamed(source, io.stdin),
      { option: "the --mapping file", path: options.mappingFile },
      { option: "the --rules file", path: spec.options.rulesFile },
    ],
    [
      { option: "--summary-json", path: options.summaryJson },
      outputNamedStdout(io.stdout),
      outputNamedStderr(io.stderr),
    ],
  );
  if (clash !== undefined) {
    closeInputSource(source);
    return refuseClash(io, spec.name, clash);
  }

  // An unwritable summary file is found now, not after the whole input has been processed.
  let summaryFd: number | undefined;
  if (options.summaryJson) {
    try {
      summaryFd = openSync(options.summaryJson, "w");
    } catch (error) {
      io.stderr.write(
        `protective-orders: cannot write the summary to ${terminalSafe(options.summaryJson)}: ${fileErrorInWords(error)}\n`,
      );
      closeInputSource(source);
      return EXIT.usage;
    }
  }
  const writeSummaryFile = (summary: BatchSummary): boolean => {
    if (summaryFd === undefined) return true;
    try {
      writeSync(summaryFd, `${JSON.stringify(summary, null, 2)}\n`);
      closeSync(summaryFd);
      return true;
    } catch (error) {
      io.stderr.write(
        `protective-orders: cannot write the summary to ${terminalSafe(options.summaryJson ?? "")}: ${fileErrorInWords(error)}\n`,
      );
      return false;
    }
  };

  const opened = await readInputSource(source, options, io.stdin);
  const { input, totalBytes, delimiter } = opened;
  const inputFormat: InputFormat = opened.format;

  const writer = new StreamWriter(io.stdout);
  const recordFormat = options.outputFormat === "text" ? "jsonl" : options.outputFormat;
  const formatter = new RecordFormatter({
    format: recordFormat,
    columns: options.fields && FLAT_FORMATS.has(recordFormat) ? options.fields : command.columns,
    fields: options.fields,
    flatten: command.flatten,
    escapeFormulas: options.escapeFormulas,
    // Fitted to a terminal (or to COLUMNS when set); piped into a file or another program, a table
    // keeps every column on one line, as a script reading it expects.
    maxWidth:
      recordFormat === "table" && (io.stdout.isTTY === true || env.COLUMNS !== undefined)
        ? terminalWidth(io.stdout, env)
        : undefined,
  });
  if (formatter.verticalFallback && !options.quiet)
    io.stderr.write(
      `protective-orders: the table is wider than the terminal (${terminalWidth(io.stdout, env)} columns): one field a line instead (use --fields to choose fewer columns, or --format csv)\n`,
    );
  const textOutput = options.outputFormat === "text";
  const progress = createProgress({
    totalBytes,
    quiet: options.quiet,
    stderr: io.stderr,
    stdoutIsTTY: io.stdout.isTTY === true,
    env,
  });
  const counts: Record<string, number> = {};
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  // JSON Lines in and out goes chunk by chunk, and the main thread takes its turn at the chunks:
  // with --jobs N it works beside N - 1 worker threads (one fewer heap in memory).
  const chunked = inputFormat === "jsonl" && linesOnly;
  const pool =
    jobs > 1 ? new WorkerPool(chunked ? jobs - 1 : jobs, runSpec, linesOnly, io.workerUrl) : undefined;
  // A worker that fails (one that runs out of memory on a huge row, say) loses no rows: its batch
  // is processed here instead, and so is every later one once the pool has failed.
  const processHere = (batch: readonly InputRow[]): ProcessedRow[] =>
    batch.map((row) => processRow(command, row));
  const run = (batch: InputRow[]): Promise<ProcessedRow[]> => {
    if (!pool) return Promise.resolve(processHere(batch));
    return pool.run(batch).catch(() => processHere(batch));
  };
  let rows = 0;
  let invalid = 0;
  const warnings: string[] = [];
  let moreWarnings = 0;
  const warn = (message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else moreWarnings += 1;
  };

  const emit = async (results: ProcessedRow[]): Promise<void> => {
    for (const result of results) {
      if (writer.closed) return;
      rows += 1;
      progress.row();
      if (result.invalid) invalid += 1;
      for (const key of result.tally) counts[key] = (counts[key] ?? 0) + 1;
      const record = result.record;
      if (textOutput) {
        const text =
          typeof record.error !== "string"
            ? String((spec.options.markdown ? record.markdown : record.text) ?? "")
            : `Row ${record.row} (line ${record.line}): ${(record.problems as { path: string; message: string }[]).map((p) => `${p.path || "(case)"}: ${p.message}`).join("; ")}\n`;
        await writer.write(`${terminalSafeLines(text)}\n`);
      } else if (result.jsonLine !== undefined && linesOnly) {
        await writer.write(`${result.jsonLine}\n`);
      } else {
        await writer.write(formatter.next(record));
      }
    }
  };

  const emitChunk = async (result: ChunkResult): Promise<void> => {
    if (writer.closed) return;
    rows += result.rows;
    invalid += result.invalid;
    progress.rows(result.rows);
    for (const [key, n] of Object.entries(result.counts)) counts[key] = (counts[key] ?? 0) + n;
    await writer.write(result.output);
  };

  const inFlight: Promise<ProcessedRow[]>[] = [];
  let batch: InputRow[] = [];
  let failure: string | undefined;
  try {
    if (chunked) {
      // The common case, JSON Lines in and out, goes chunk by chunk: each chunk of whole lines is
      // processed in one piece (in a worker thread with --jobs) and its output written in one piece.
      const chunks: Promise<ChunkResult>[] = [];
      let turn = 0;
      const runChunk = (chunk: JsonLinesChunk): Promise<ChunkResult> => {
        if (!pool || turn++ % jobs === 0) return Promise.resolve(processJsonLinesChunk(command, chunk));
        return pool.runChunk(chunk).catch(() => processJsonLinesChunk(command, chunk));
      };
      const chunker = new JsonLinesChunker();
      for await (const piece of input) {
        const buffer = typeof piece === "string" ? Buffer.from(piece) : piece;
        progress.bytes(buffer.length);
        for (const chunk of chunker.push(buffer)) {
          chunks.push(runChunk(chunk));
          // In one thread, write each chunk as soon as it is done (its output then never outlives a
          // young-generation collection); with workers, keep two chunks a thread in flight.
          if (chunks.length >= (pool ? 2 * jobs : 1)) await emitChunk(await chunks.shift()!);
        }
        if (writer.closed) break;
      }
      if (!writer.closed) for (const chunk of chunker.end()) chunks.push(runChunk(chunk));
      while (chunks.length > 0 && !writer.closed) await emitChunk(await chunks.shift()!);
      await writer.finish();
    } else {
      // A BOM so Excel reads the CSV as UTF-8 and shows accented names as written.
      if (options.excel && (options.outputFormat === "csv" || options.outputFormat === "tsv"))
        await writer.write("\uFEFF");
      if (!textOutput) await writer.write(formatter.start());
      // Rows go out in batches; up to two batches a worker are in flight, and results are written
      // strictly in input order.
      const batchSize = pool ? 256 : 1;
      for await (const row of readRows(input, inputFormat, {
        onBytes: (n) => progress.bytes(n),
        raw: pool !== undefined,
        warn,
        mapping: options.mapping,
        delimiter,
        ignoreUnknownColumns: options.ignoreUnknownColumns,
        dateFormat: options.dateFormat,
        values: options.values,
      })) {
        batch.push(row);
        if (batch.length >= batchSize) {
          inFlight.push(run(batch));
          batch = [];
          if (inFlight.length >= 2 * jobs) await emit(await inFlight.shift()!);
        }
        if (writer.closed) break;
      }
      if (batch.length > 0 && !writer.closed) inFlight.push(run(batch));
      batch = [];
      while (inFlight.length > 0 && !writer.closed) await emit(await inFlight.shift()!);
      if (!textOutput && !writer.closed) await writer.write(formatter.end());
      await writer.finish();
    }
  } catch (error) {
    // Rows read before the input went bad are still written: nothing read is lost.
    if (error instanceof UnreadableInputError) {
      try {
        if (batch.length > 0) inFlight.push(run(batch));
        while (inFlight.length > 0 && !writer.closed) await emit(await inFlight.shift()!);
        if (!textOutput && !writer.closed) await writer.write(formatter.end());
        await writer.finish();
      } catch {
        // The output failed too: the message below still says what happened to the input.
      }
      failure = error.message;
    } else {
      const code = (error as NodeJS.ErrnoException).code;
      failure = `${code && ERRNO_WORDS[code] ? `the input could not be read: ${ERRNO_WORDS[code]}` : (error as Error).message} (after ${rows} rows)`;
    }
  }
  await pool?.close();
  progress.stop();
  const summary: BatchSummary = {
    command: spec.name,
    asOf: runAsOf,
    asOfFrom,
    inputFormat,
    rows,
    processed: rows - invalid,
    invalid,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(writer.closed ? { outputClosedEarly: true } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(moreWarnings > 0 ? { moreWarnings } : {}),
    ...(failure !== undefined ? { error: failure } : {}),
  };
  // Always account for the run, even when the reader of stdout went away (`| head`).
  if (!options.quiet && failure === undefined) io.stderr.write(summaryText(summary));
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN))
    io.stderr.write(`protective-orders: warning: ${terminalSafe(warning)}\n`);
  const hidden = warnings.length + moreWarnings - MAX_WARNINGS_SHOWN;
  if (hidden > 0)
    io.stderr.write(
      `protective-orders: … and ${hidden} more warning${hidden > 1 ? "s" : ""}${options.summaryJson ? ` (see ${terminalSafe(options.summaryJson)})` : " (--summary-json lists them)"}\n`,
    );
  if (failure !== undefined) io.stderr.write(`protective-orders: ${terminalSafe(failure)}\n`);
  if (!writeSummaryFile(summary)) return EXIT.usage;
  if (failure !== undefined) return EXIT.usage;
  return invalid > 0 || warnings.length > 0 ? EXIT.invalidRows : EXIT.ok;
}

/** The summary as the lines written to stderr. */
export function summaryText(summary: BatchSummary): string {
  const date =
    summary.command === "review"
      ? `law as at each case's decision date, else ${summary.asOf}${summary.asOfFrom === "today" ? " (today in England and Wales)" : " (--as-of)"}`
      : `law as at ${summary.asOf}${summary.asOfFrom === "today" ? " (today in England and Wales)" : ""}`;
  const lines = [
    `${summary.command}: ${summary.rows} rows, ${summary.processed} processed, ${summary.invalid} invalid`,
  ];
  if (summary.command !== "validate") lines.push(`  ${date}`);
  const groups = new Map<string, [string, number][]>();
  for (const [key, count] of Object.entries(summary.counts)) {
    const [group, ...rest] = key.split(":");
    const list = groups.get(group!) ?? [];
    list.push([rest.join(":") || group!, count]);
    groups.set(group!, list);
  }
  for (const [group, entries] of groups) {
    // A count with no group of its own ("flagged") is one line, not a heading over itself.
    const [only] = entries;
    if (entries.length === 1 && only?.[0] === group) {
      lines.push(`  ${terminalSafe(group)}: ${only[1]}`);
      continue;
    }
    const title =
      group === "first"
        ? "first recommendation"
        : group === "outcome"
          ? "outcomes"
          : group === "verdict"
            ? "verdicts"
            : group;
    lines.push(`  ${terminalSafe(title)}:`);
    for (const [name, count] of entries) lines.push(`    ${terminalSafe(name)}: ${count}`);
  }
  return `${lines.join("\n")}\n`;
}
