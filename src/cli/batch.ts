import { createReadStream, statSync, writeFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { type CommandSpec, makeCommand } from "./commands.js";
import { type JsonLinesChunk, JsonLinesChunker } from "./json-lines.js";
import { type OutputFormat, RecordFormatter, StreamWriter } from "./output.js";
import { type ChunkResult, processJsonLinesChunk } from "./process-chunk.js";
import { type ProcessedRow, processRow } from "./process-row.js";
import { createProgress } from "./progress.js";
import { type InputFormat, type InputRow, readRows, UnreadableInputError } from "./read-rows.js";
import { WorkerPool } from "./worker-pool.js";

/** Exit codes: 0 every row fine; 1 some rows invalid (still processed); 2 usage error or unreadable input or output. */
export const EXIT = { ok: 0, invalidRows: 1, usage: 2 } as const;

export interface BatchOptions {
  readonly file?: string | undefined;
  readonly inputFormat?: InputFormat | undefined;
  readonly outputFormat: OutputFormat;
  readonly fields?: readonly string[] | undefined;
  readonly summaryJson?: string | undefined;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  readonly quiet?: boolean | undefined;
  /** Worker threads to process rows on (1: in the main thread). Output order is kept either way. */
  readonly jobs?: number | undefined;
}

/** Summary of a batch run: every input row is counted once, as processed or invalid. */
export interface BatchSummary {
  readonly command: string;
  readonly rows: number;
  readonly processed: number;
  readonly invalid: number;
  readonly counts: Record<string, number>;
  /** The reader of the output went away before every row was written (e.g. `| head`). */
  readonly outputClosedEarly?: boolean;
  /** Problems with the input as a whole (an unclosed JSON array, text after it). */
  readonly warnings?: readonly string[];
}

function inferFormat(file: string | undefined): InputFormat | undefined {
  if (!file || file === "-") return undefined;
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}

/**
 * Peeks at standard input to tell a JSON array (`[`) or one JSON value spread over lines (a first
 * line that is not complete JSON) from JSON Lines.
 */
async function sniff(input: Readable): Promise<{ stream: Readable; format: InputFormat }> {
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  let decided: InputFormat | undefined;
  let head = "";
  const decide = (final: boolean): InputFormat | undefined => {
    const text = head.replace(/^\uFEFF/, "").trimStart();
    if (text.length === 0) return final ? "jsonl" : undefined;
    if (text.startsWith("[")) return "json";
    const newline = text.indexOf("\n");
    if (newline < 0 && !final) return undefined;
    const first = newline < 0 ? text : text.slice(0, newline);
    try {
      JSON.parse(first);
      return "jsonl";
    } catch {
      return newline < 0 ? "jsonl" : "json";
    }
  };
  return new Promise((resolve, reject) => {
    input.on("data", (chunk: Buffer) => {
      if (!decided) {
        head += chunk.toString("utf8");
        decided = decide(false);
        if (decided) resolve({ stream: out, format: decided });
      }
      if (!out.write(chunk)) {
        input.pause();
        out.once("drain", () => input.resume());
      }
    });
    input.on("end", () => {
      out.end();
      if (!decided) resolve({ stream: out, format: decide(true) ?? "jsonl" });
    });
    input.on("error", reject);
  });
}

/**
 * Runs a batch command over every row of the input, streaming: each input row yields one output
 * row, a result or an error record with the line number and every problem. A bad row never stops
 * the run; the summary goes to stderr and, if asked, to a JSON file.
 */
export async function runBatch(spec: CommandSpec, options: BatchOptions): Promise<number> {
  let input: Readable;
  let format = options.inputFormat ?? inferFormat(options.file);
  let totalBytes: number | undefined;
  try {
    if (options.file && options.file !== "-") {
      totalBytes = statSync(options.file).size;
      // Large reads: fewer, bigger chunks of lines to process (and to hand to worker threads).
      input = createReadStream(options.file, { highWaterMark: 256 * 1024 });
      format ??= "jsonl";
    } else {
      if (format) input = process.stdin;
      else {
        const sniffed = await sniff(process.stdin);
        input = sniffed.stream;
        format = sniffed.format;
      }
    }
  } catch (error) {
    process.stderr.write(
      `protective-orders: cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? "error"}\n`,
    );
    return EXIT.usage;
  }

  const linesOnly = options.outputFormat === "jsonl" && !options.fields;
  // When only JSON lines are written, a command that renders its own line need not build the record.
  const runSpec: CommandSpec = linesOnly ? { ...spec, options: { ...spec.options, linesOnly: true } } : spec;
  const command = makeCommand(runSpec);
  const writer = new StreamWriter(process.stdout);
  const formatter = new RecordFormatter(options.outputFormat, options.fields, command.flatten);
  const progress = createProgress({ totalBytes, quiet: options.quiet });
  const counts: Record<string, number> = {};
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  // JSON Lines in and out goes chunk by chunk, and the main thread takes its turn at the chunks:
  // with --jobs N it works beside N - 1 worker threads (one fewer heap in memory).
  const chunked = format === "jsonl" && linesOnly && !command.text;
  const pool = jobs > 1 ? new WorkerPool(chunked ? jobs - 1 : jobs, runSpec, linesOnly) : undefined;
  const run = (batch: InputRow[]): Promise<ProcessedRow[]> => {
    if (!pool) return Promise.resolve(batch.map((row) => processRow(command, row)));
    const result = pool.run(batch);
    // A batch left behind when the output closes early is never awaited: do not let it be "unhandled".
    result.catch(() => {});
    return result;
  };
  let rows = 0;
  let invalid = 0;
  let exit: number = EXIT.ok;
  const warnings: string[] = [];

  const emit = async (results: ProcessedRow[]): Promise<void> => {
    for (const result of results) {
      if (writer.closed) return;
      rows += 1;
      progress.row();
      if (result.invalid) invalid += 1;
      for (const key of result.tally) counts[key] = (counts[key] ?? 0) + 1;
      const record = result.record;
      if (command.text) {
        const text =
          typeof record.text === "string"
            ? record.text
            : `Row ${record.row} (line ${record.line}): ${(record.problems as { path: string; message: string }[]).map((p) => `${p.path || "(case)"}: ${p.message}`).join("; ")}\n`;
        await writer.write(`${text}\n`);
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

  let inFlight: Promise<ProcessedRow[]>[] = [];
  let batch: InputRow[] = [];
  try {
    if (chunked) {
      // The common case, JSON Lines in and out, goes chunk by chunk: each chunk of whole lines is
      // processed in one piece (in a worker thread with --jobs) and its output written in one piece.
      const chunks: Promise<ChunkResult>[] = [];
      let turn = 0;
      const runChunk = (chunk: JsonLinesChunk): Promise<ChunkResult> => {
        if (!pool || turn++ % jobs === 0) return Promise.resolve(processJsonLinesChunk(command, chunk));
        // A worker that fails (one that runs out of memory on a huge row, say) loses no rows: its
        // chunk is processed here instead, and so are the rest once the pool has failed.
        return pool.runChunk(chunk).catch(() => processJsonLinesChunk(command, chunk));
      };
      const chunker = new JsonLinesChunker();
      for await (const buffer of input) {
        progress.bytes((buffer as Buffer).length);
        for (const chunk of chunker.push(buffer as Buffer)) {
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
      if (!command.text) await writer.write(formatter.start());
      // Rows go out in batches; up to two batches a worker are in flight, and results are written
      // strictly in input order.
      inFlight = [];
      batch = [];
      const batchSize = pool ? 256 : 1;
      for await (const row of readRows(input, format, {
        onBytes: (n) => progress.bytes(n),
        raw: pool !== undefined,
        warn: (message: string) => warnings.push(message),
        ...(options.mapping ? { mapping: options.mapping } : {}),
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
      while (inFlight.length > 0 && !writer.closed) await emit(await inFlight.shift()!);
      if (!command.text && !writer.closed) await writer.write(formatter.end());
      await writer.finish();
    }
  } catch (error) {
    // Rows read before the input went bad are still written: nothing read is lost.
    if (error instanceof UnreadableInputError) {
      try {
        if (batch.length > 0) inFlight.push(run(batch));
        while (inFlight.length > 0 && !writer.closed) await emit(await inFlight.shift()!);
        await writer.finish();
      } catch {
        // The output failed too: the message below still says what happened to the input.
      }
    }
    progress.stop();
    await pool?.close();
    if (error instanceof UnreadableInputError) {
      process.stderr.write(`protective-orders: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`protective-orders: ${(error as Error).message} (after ${rows} rows)\n`);
    return EXIT.usage;
  }
  await pool?.close();
  progress.stop();
  if (invalid > 0) exit = EXIT.invalidRows;
  const summary: BatchSummary = {
    command: spec.name,
    rows,
    processed: rows - invalid,
    invalid,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(writer.closed ? { outputClosedEarly: true } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  // Always account for the run, even when the reader of stdout went away (`| head`).
  writeSummary(summary);
  for (const warning of warnings) process.stderr.write(`protective-orders: warning: ${warning}\n`);
  if (warnings.length > 0 && exit === EXIT.ok) exit = EXIT.invalidRows;
  if (options.summaryJson) {
    try {
      writeFileSync(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(
        `protective-orders: cannot write ${options.summaryJson}: ${(error as NodeJS.ErrnoException).code ?? "error"}\n`,
      );
      return EXIT.usage;
    }
  }
  return exit;
}

function writeSummary(summary: BatchSummary): void {
  const lines = [
    `${summary.command}: ${summary.rows} rows, ${summary.processed} processed, ${summary.invalid} invalid`,
  ];
  const groups = new Map<string, [string, number][]>();
  for (const [key, count] of Object.entries(summary.counts)) {
    const [group, ...rest] = key.split(":");
    const list = groups.get(group!) ?? [];
    list.push([rest.join(":") || group!, count]);
    groups.set(group!, list);
  }
  for (const [group, entries] of groups) {
    const title =
      group === "first"
        ? "first recommendation"
        : group === "outcome"
          ? "outcomes"
          : group === "verdict"
            ? "verdicts"
            : group;
    lines.push(`  ${title}:`);
    for (const [name, count] of entries) lines.push(`    ${name}: ${count}`);
  }
  process.stderr.write(`${lines.join("\n")}\n`);
}
