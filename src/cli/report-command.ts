// `protective-orders report`: a caseload report (HTML with charts, Markdown or JSON) over the same
// inputs as `assess`. Rows are streamed and dropped; only aggregates are kept.
import { createReadStream, writeFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { todayInLondon } from "../dates/calendar.js";
import { buildReportFigures, type ReportRow } from "../report/build-report.js";
import { chartSpec, renderChartSvg } from "../report/charts.js";
import { reportHtml, reportJson, reportMarkdown } from "../report/render.js";
import { caseloadReport } from "../report/report-model.js";
import { type InputFormat, readRows, UnreadableInputError } from "./read-rows.js";

export interface ReportCliOptions {
  readonly file?: string | undefined;
  readonly inputFormat?: InputFormat | undefined;
  readonly format: "html" | "markdown" | "json";
  readonly out?: string | undefined;
  readonly asOf?: string | undefined;
  readonly suppressBelow: number;
  readonly includeIds?: boolean | undefined;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  readonly summaryJson?: string | undefined;
  /** For tests: the clock that resolves the default law date (once, before any row). */
  readonly now?: () => Date;
}

function formatOf(file: string | undefined, given: InputFormat | undefined): InputFormat {
  if (given) return given;
  const lower = (file ?? "").toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json")) return "json";
  return "jsonl";
}

/** Runs the report command; returns the exit code (0 every row valid, 1 some invalid, 2 unreadable). */
export async function runReport(options: ReportCliOptions): Promise<number> {
  // The law date is resolved once, before any row is read.
  const asOf = options.asOf ?? todayInLondon(options.now ? options.now() : new Date());
  const format = formatOf(options.file, options.inputFormat);
  let input: Readable;
  if (options.file && options.file !== "-") {
    input = createReadStream(options.file, { highWaterMark: 256 * 1024 });
    const opened = await new Promise<string | undefined>((resolve) => {
      input.once("open", () => resolve(undefined));
      input.once("error", (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === "ENOENT"
            ? "no such file"
            : error.code === "EACCES"
              ? "permission denied"
              : "it cannot be read",
        ),
      );
    });
    if (opened) {
      process.stderr.write(`protective-orders: cannot read ${options.file}: ${opened}\n`);
      return 2;
    }
  } else input = process.stdin;

  const warnings: string[] = [];
  const rows = readRows(input, format, {
    warn: (message) => warnings.push(message),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  }) as AsyncIterable<ReportRow>;
  let run: Awaited<ReturnType<typeof buildReportFigures>>;
  try {
    run = await buildReportFigures(rows, { asOf, includeIds: options.includeIds === true });
  } catch (error) {
    const message = error instanceof UnreadableInputError ? error.message : "the input could not be read";
    process.stderr.write(`protective-orders: ${message}\n`);
    return 2;
  }
  const report = caseloadReport(run.figures, {
    suppressBelow: options.suppressBelow,
    ...(run.ids ? { ids: run.ids } : {}),
  });
  let text: string;
  if (options.format === "json") text = reportJson(report);
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
  const summary = { command: "report", asOf, rows: read, processed: valid, invalid };
  try {
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
    if (options.summaryJson) writeFileSync(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `protective-orders: cannot write the report: ${code === "ENOENT" ? "no such directory" : code === "EACCES" ? "permission denied" : "write failed"}\n`,
    );
    return 2;
  }
  process.stderr.write(`report: ${read} rows, ${valid} processed, ${invalid} invalid (law as at ${asOf})\n`);
  if (run.breachRowsInvalid > 0) {
    process.stderr.write(
      `protective-orders: warning: ${run.breachRowsInvalid} rows had "breaches" that are not { order, reports }: left out of the breach figures\n`,
    );
  }
  for (const warning of warnings) process.stderr.write(`protective-orders: warning: ${warning}\n`);
  return invalid > 0 || warnings.length > 0 || run.breachRowsInvalid > 0 ? 1 : 0;
}
