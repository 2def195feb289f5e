// `protective-orders report`: a caseload report (HTML with charts, Markdown or JSON) over the same
// inputs as `assess`. Rows are streamed and dropped; only aggregates are kept.
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import {
  findFileClash,
  inputNamed,
  outputNamedStderr,
  outputNamedStdout,
  standardErrorIsTheInput,
} from "../batch/file-clash.js";
import { fileErrorInWords } from "../batch/file-errors.js";
import { closeInputSource, openInputSource, readInputSource } from "../batch/open-input.js";
import { type InputFormat, readRows, UnreadableInputError } from "../batch/read-rows.js";
import { type BatchIo, EXIT, refuseClash } from "../batch/run-batch.js";
import { terminalSafe } from "../batch/terminal-safe.js";
import { todayInLondon } from "../dates/calendar.js";
import {
  buildReportFigures,
  caseloadReport,
  chartSpec,
  type ReportRow,
  renderChartSvg,
  reportCsv,
  reportHtml,
  reportJson,
  reportMarkdown,
} from "../report/index.js";

export interface ReportCliOptions {
  readonly file?: string | undefined;
  readonly inputFormat?: InputFormat | undefined;
  /** CSV input: the delimiter (`-d`), one ASCII character; a tab for `-t`/`--tsv` or a `.tsv` file. */
  readonly delimiter?: string | undefined;
  /** CSV input: read only the columns that are case facts, warning of the others. */
  readonly ignoreUnknownColumns?: boolean | undefined;
  readonly format: "html" | "markdown" | "json" | "csv";
  /** The period of the time table. */
  readonly period?: "auto" | "month" | "quarter" | "year" | undefined;
  readonly out?: string | undefined;
  readonly asOf?: string | undefined;
  readonly suppressBelow: number;
  readonly includeIds?: boolean | undefined;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  /** The file `mapping` was read from (`--mapping`): no output may overwrite it. */
  readonly mappingFile?: string | undefined;
  readonly summaryJson?: string | undefined;
  /** `-q`: no summary line on stderr (warnings and errors still show). */
  readonly quiet?: boolean | undefined;
}

/**
 * Runs the report command on the streams and clock `io` gives; returns the exit code (0 every row
 * valid, 1 some invalid or a warning, 2 input or output that cannot be read or written). The input
 * is read as `assess` reads it (format from the name, else sniffed; the same CSV options).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const code = await runReport({ file: "cases.csv", format: "html", out: "report.html", suppressBelow: 5 }, processIo());
 * ```
 */
export async function runReport(options: ReportCliOptions, io: BatchIo): Promise<number> {
  // Standard error appending to the input: not one message may be written (see runBatch).
  if (standardErrorIsTheInput(options.file, io.stdin, io.stderr)) return EXIT.usage;
  // The one clock read of the run, before any row is read.
  const asOf = options.asOf ?? todayInLondon((io.now ?? (() => new Date()))());
  const say = (message: string) => io.stderr.write(`protective-orders: ${message}\n`);
  // The input first: a missing or unreadable one is reported before any output is created.
  const source = openInputSource(options.file);
  if (!source.ok) {
    say(`cannot read ${terminalSafe(options.file ?? "")}: ${fileErrorInWords(source.error)}`);
    return EXIT.usage;
  }
  // No output may be an input: the summary file is opened (emptied) before the input is read, and
  // the report is written over --out once it is.
  const clash = findFileClash(
    [inputNamed(source, io.stdin), { option: "the --mapping file", path: options.mappingFile }],
    [
      { option: "--out", path: options.out },
      { option: "--summary-json", path: options.summaryJson },
      ...(options.out ? [] : [outputNamedStdout(io.stdout)]),
      outputNamedStderr(io.stderr),
    ],
  );
  if (clash !== undefined) {
    closeInputSource(source);
    return refuseClash(io, "report", clash);
  }
  // An unwritable summary file is found now, not after the whole input has been read.
  let summaryFd: number | undefined;
  if (options.summaryJson) {
    try {
      summaryFd = openSync(options.summaryJson, "w");
    } catch (error) {
      say(`cannot write the summary to ${terminalSafe(options.summaryJson)}: ${fileErrorInWords(error)}`);
      closeInputSource(source);
      return EXIT.usage;
    }
  }
  const opened = await readInputSource(source, options, io.stdin);
  const warnings: string[] = [];
  const rows = readRows(opened.input, opened.format, {
    warn: (message) => warnings.push(message),
    mapping: options.mapping,
    delimiter: opened.delimiter,
    ignoreUnknownColumns: options.ignoreUnknownColumns,
  }) as AsyncIterable<ReportRow>;
  let run: Awaited<ReturnType<typeof buildReportFigures>>;
  try {
    run = await buildReportFigures(rows, { asOf, includeIds: options.includeIds === true });
  } catch (error) {
    const message = error instanceof UnreadableInputError ? error.message : "the input could not be read";
    say(terminalSafe(message));
    if (summaryFd !== undefined) closeSync(summaryFd);
    return EXIT.usage;
  }
  const report = caseloadReport(run.figures, {
    suppressBelow: options.suppressBelow,
    ...(options.period ? { period: options.period } : {}),
    ...(run.ids ? { ids: run.ids } : {}),
  });
  let text: string;
  if (run.figures.spo.incidentsAfterAsOf > 0) {
    warnings.push(
      `${run.figures.spo.incidentsAfterAsOf} case(s) have an incident dated after the law date ${asOf}: counted as a data problem on their own line`,
    );
  }
  if (report.internalOnly)
    warnings.push("--no-suppression: the report hides nothing and is for internal use only");
  if (options.format === "json") text = reportJson(report);
  else if (options.format === "csv") text = reportCsv(report);
  else if (options.format === "markdown") text = reportMarkdown(report);
  else {
    const charts: Record<string, string> = {};
    for (const section of report.sections) {
      const spec = section.empty ? undefined : chartSpec(section);
      if (spec) charts[section.id] = await renderChartSvg(spec);
    }
    text = reportHtml(report, charts);
  }
  const { read, valid, invalid } = run.figures.rows;
  const summary = {
    command: "report",
    asOf,
    asOfFrom: options.asOf !== undefined ? "--as-of" : "today",
    inputFormat: opened.format,
    rows: read,
    processed: valid,
    invalid,
  };
  try {
    if (summaryFd !== undefined) {
      writeSync(summaryFd, `${JSON.stringify(summary, null, 2)}\n`);
      closeSync(summaryFd);
    }
  } catch (error) {
    say(`cannot write the summary to ${terminalSafe(options.summaryJson ?? "")}: ${fileErrorInWords(error)}`);
    return EXIT.usage;
  }
  try {
    if (options.out) writeFileSync(options.out, text);
    else await writeAll(io.stdout, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    say(
      `cannot write the report: ${code === "ENOENT" ? "no such directory" : code === "EACCES" ? "permission denied" : "write failed"}`,
    );
    return EXIT.usage;
  }
  if (!options.quiet)
    io.stderr.write(`report: ${read} rows, ${valid} processed, ${invalid} invalid (law as at ${asOf})\n`);
  if (run.breachRowsInvalid > 0) {
    say(
      `warning: ${run.breachRowsInvalid} rows had "breaches" that are not { order, reports }: left out of the breach figures`,
    );
  }
  for (const warning of warnings) say(`warning: ${terminalSafe(warning)}`);
  return invalid > 0 || warnings.length > 0 || run.breachRowsInvalid > 0 ? EXIT.invalidRows : EXIT.ok;
}

/**
 * Writes the whole text and waits until the stream has taken it. A reader that went away
 * (`| head`) ends the output quietly; any other failure rejects.
 */
function writeAll(stream: BatchIo["stdout"], text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error: (Error & { code?: string }) | null | undefined) => {
      stream.off("error", settle);
      if (!error || error.code === "EPIPE") resolve();
      else reject(error);
    };
    stream.once("error", settle);
    stream.write(text, settle);
  });
}
