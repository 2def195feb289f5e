// The `protective-orders` command as a function: `main(argv, io)` parses the arguments, runs the
// command on the streams it is given and returns the exit code. The entry point (main.ts) calls it
// with the process's own streams; tests call it in-process. The core it calls is pure.

import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_RULES } from "../assess/default-rules.js";
import type { CommandSpec } from "../batch/commands.js";
import { DATE_FORMATS, type DateFormat } from "../batch/csv-columns.js";
import { isKnownEncoding } from "../batch/decode-input.js";
import { fileErrorInWords } from "../batch/file-errors.js";
import type { OutputFormat } from "../batch/output.js";
import type { InputFormat } from "../batch/read-rows.js";
import { loadRulesFile, RulesFileError } from "../batch/rules-file.js";
import { type BatchIo, EXIT, runBatch } from "../batch/run-batch.js";
import { todayInLondon } from "../dates/calendar.js";
import { citationFor } from "../law/registry.js";
import { caseFactsJsonSchema } from "../model/case-facts-json-schema.js";
import { IsoDateSchema } from "../model/iso-date.js";
import { addColumnGuideCommands } from "./column-guide-commands.js";
import { runDemo } from "./demo.js";

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function parseAsOf(value: string): string {
  if (!IsoDateSchema.safeParse(value).success)
    throw new InvalidArgumentError("expected a calendar date written YYYY-MM-DD");
  return value;
}

function parseSuppressBelow(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000)
    throw new InvalidArgumentError("expected a whole number from 0 to 1000");
  return n;
}

/** `--rules FILE`: checked before any row (every problem listed), kept as the path for the workers. */
function readRules(file: string): string {
  try {
    loadRulesFile(file);
  } catch (error) {
    if (error instanceof RulesFileError) throw new InvalidArgumentError(error.message);
    throw error;
  }
  return file;
}

function parseFields(value: string): string[] {
  const fields = value
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw new InvalidArgumentError("expected a comma-separated list of field names");
  return fields;
}

/** A `--mapping` file: its columns, and its path (which no output may overwrite). */
interface MappingFile {
  readonly file: string;
  readonly columns: Record<string, string>;
}

function readMapping(file: string): MappingFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InvalidArgumentError(`cannot read the mapping file: ${fileErrorInWords(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError("the mapping file is not valid JSON");
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== "string")
  ) {
    throw new InvalidArgumentError(
      'the mapping file must be a JSON object of "their column": "our.path" ("" for a column not to read)',
    );
  }
  return { file, columns: Object.fromEntries(Object.entries(parsed as Record<string, string>)) };
}

interface BatchCliOptions {
  asOf?: string;
  inputFormat?: InputFormat;
  format: OutputFormat;
  fields?: string[];
  summaryJson?: string;
  mapping?: MappingFile;
  includeFacts?: boolean;
  detail?: "summary" | "full";
  markdown?: boolean;
  quiet?: boolean;
  jobs?: number;
  delimiter?: string;
  tsv?: boolean;
  ignoreUnknownColumns?: boolean;
  escapeFormulas?: boolean;
  rules?: string;
  dateFormat?: DateFormat;
  values?: ValuesFile;
  encoding?: string;
  excel?: boolean;
}

/** A `--values` file: per column, the organisation's own codes to ours. */
interface ValuesFile {
  readonly file: string;
  readonly columns: Record<string, Record<string, string>>;
}

function readValuesFile(file: string): ValuesFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InvalidArgumentError(
      error instanceof SyntaxError
        ? "the values file is not valid JSON"
        : `cannot read the values file: ${fileErrorInWords(error)}`,
    );
  }
  const isTable = (v: unknown): v is Record<string, string> =>
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === "string");
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every(isTable)
  )
    throw new InvalidArgumentError(
      'the values file must be a JSON object of "their column": { "their code": "our value" }, e.g. {"Relationship": {"EX": "ex-partner"}}',
    );
  return { file, columns: parsed as Record<string, Record<string, string>> };
}

function parseEncoding(value: string): string {
  if (!isKnownEncoding(value))
    throw new InvalidArgumentError("expected an encoding Node knows, e.g. windows-1252, latin1, utf-16le");
  return value;
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|" };
  const d = named[value.toLowerCase()] ?? value;
  const code = d.charCodeAt(0);
  if (d.length !== 1 || code > 0x7f || d === '"' || d === "\n" || d === "\r")
    throw new InvalidArgumentError('expected one ASCII character (or "tab"), not a quote or a line end');
  return d;
}

/**
 * One thread by default: measured on the 2-core machine, two worker threads gained little speed
 * (the main thread's reading and writing is the bottleneck) and more than doubled peak memory.
 */
function defaultJobs(): number {
  return 1;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError("expected a whole number from 1 to 64");
  return n;
}

const RECORD_FORMATS = ["jsonl", "json", "csv", "tsv", "table", "vertical"] as const;

/** The input every row command reads: the file (or standard input, sniffed), the law date, the format. */
function inputSource(command: Command): Command {
  return command
    .argument(
      "[file]",
      "input file (.json array or object, .jsonl, .csv, .tsv); standard input if omitted or - (its format is sniffed)",
    )
    .option(
      "--as-of <date>",
      "apply the law as at this date, YYYY-MM-DD (default: today in England and Wales, read once when the run starts)",
      parseAsOf,
    )
    .addOption(
      new Option(
        "--input-format <format>",
        "input format (default: from the file extension; otherwise sniffed: JSON, JSON Lines or CSV)",
      ).choices(["json", "jsonl", "csv"]),
    );
}

/** How CSV input is read: the same options for every command that reads rows. */
function csvInput(command: Command): Command {
  return command
    .option(
      "-d, --delimiter <char>",
      "CSV input: the delimiter, one character (e.g. ';', or tab)",
      parseDelimiter,
    )
    .option("-t, --tsv", "CSV input is tab-separated (as is a .tsv file)")
    .option(
      "--mapping <file>",
      'JSON file renaming your CSV columns to ours ("" for a column not to read)',
      readMapping,
    )
    .option(
      "--ignore-unknown-columns",
      "CSV input: read only the columns that are case facts, with a warning naming the others",
    );
}

function batchOptions(command: Command, kind: "records" | "explain", withDetail: boolean): Command {
  inputSource(command)
    .addOption(
      kind === "explain"
        ? new Option("-f, --format <format>", "text (or Markdown), or one record per case holding both")
            .choices(["text", ...RECORD_FORMATS])
            .default("text")
        : new Option(
            "-f, --format <format>",
            "output format (vertical: one line per field, like mlr --oxtab, for wide results)",
          )
            .choices([...RECORD_FORMATS])
            .default("jsonl"),
    )
    .option(
      "--fields <list>",
      "comma-separated fields (JSON) or columns (CSV, TSV, table, vertical) to output; every record gets exactly these",
      parseFields,
    );
  csvInput(command)
    .addOption(
      new Option(
        "--date-format <format>",
        "CSV input: how dates other than YYYY-MM-DD are written (dd/mm/yyyy, d/m/yy, mm/dd/yyyy, yyyy-mm-dd, iso: a date-time, its date in UK time, excel: a serial number); without it a date such as 01/05/2025 is not guessed. Example: --date-format dd/mm/yyyy",
      ).choices([...DATE_FORMATS]),
    )
    .option(
      "--values <file>",
      'CSV input: JSON file mapping your codes to ours, per column. Example: --values codes.json with {"Relationship": {"EX": "ex-partner"}}',
      readValuesFile,
    )
    .option(
      "--encoding <name>",
      "input encoding when it is not UTF-8 (UTF-16 with a BOM is read as it is). Example: --encoding windows-1252",
      parseEncoding,
    )
    .option(
      "--excel",
      "CSV/TSV output starts with a UTF-8 byte-order mark so Excel shows accented names correctly. Example: -f csv --excel > results.csv",
    )
    .option(
      "--no-escape-formulas",
      "CSV/TSV output: write cells starting with = + - @ tab or CR as they are (by default they get a leading ' so a spreadsheet does not run them)",
    )
    .option("--summary-json <file>", "also write the summary as JSON to this file (checked before any row)")
    .option(
      "--include-facts",
      "include the input facts in each output record (personal data: off by default)",
    )
    .option("-q, --quiet", "no progress bar and no summary on stderr (--summary-json still gets it)")
    .option(
      "-j, --jobs <n>",
      "threads to process rows on (default 1; with N, N - 1 worker threads help, and for JSON Lines the main thread works too: faster on more cores, at a cost in memory)",
      parseJobs,
    );
  if (withDetail)
    command.addOption(
      new Option("--detail <level>", "summary records, or the full result")
        .choices(["summary", "full"])
        .default("summary"),
    );
  return command;
}

function runCommand(
  name: CommandSpec["name"],
  file: string | undefined,
  o: BatchCliOptions,
  io: BatchIo,
): Promise<number> {
  const spec: CommandSpec = {
    name,
    options: {
      asOf: o.asOf,
      detail: o.detail,
      includeFacts: o.includeFacts,
      markdown: o.markdown,
      ...(o.rules !== undefined ? { rulesFile: o.rules } : {}),
    },
  };
  return runBatch(
    spec,
    {
      jobs: o.jobs ?? defaultJobs(),
      file,
      inputFormat: o.inputFormat,
      outputFormat: o.format,
      fields: o.fields,
      summaryJson: o.summaryJson,
      mapping: o.mapping?.columns,
      mappingFile: o.mapping?.file,
      delimiter: o.delimiter ?? (o.tsv ? "\t" : undefined),
      ignoreUnknownColumns: o.ignoreUnknownColumns,
      escapeFormulas: o.escapeFormulas,
      quiet: o.quiet,
      dateFormat: o.dateFormat,
      values: o.values?.columns,
      encoding: o.encoding,
      excel: o.excel,
    },
    io,
  );
}

/**
 * For the commands that write straight to stdout (rules, schema, demo): a reader that goes away
 * (`| head`) ends the output quietly; any other write error is reported and exits 2. The batch
 * commands handle both themselves, and still write their summary.
 */
function guardStdout(stdout: Writable): void {
  if (stdout !== process.stdout) return;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`protective-orders: could not write the output: ${error.code ?? error.message}\n`);
    process.exit(EXIT.usage);
  });
}

/** The streams, environment and clock of the process itself. */
export function processIo(): BatchIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Runs the `protective-orders` command line (`argv` without the node and script paths) on the
 * given streams, and returns the exit code: 0 all fine, 1 some rows invalid, 2 a usage error or
 * input or output that cannot be read or written. Nothing is read from the process but what `io`
 * gives (its clock included), so a test can run it in-process.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const code = await main(["assess", "cases.jsonl", "--as-of", "2025-06-01"], processIo());
 * ```
 */
export async function main(argv: readonly string[], io: BatchIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const now = io.now ?? (() => new Date());

  const program = new Command()
    .name("protective-orders")
    .description(
      "Assess stalking cases against UK protective-order law, with the statute behind every answer.",
    )
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    // A usage error is one or two lines and a pointer to the help, not the whole help.
    .showHelpAfterError("(see --help)");

  batchOptions(
    program
      .command("assess")
      .description(
        "Assess each case: every order available / not available / needs information, and which to consider first.",
      )
      .addHelpText(
        "after",
        "\nExamples:\n  $ protective-orders assess cases.jsonl --as-of 2025-06-01 > results.jsonl\n  $ protective-orders assess export.csv --mapping our-columns.json --format table\n",
      ),
    "records",
    true,
  )
    .option(
      "--rules <file>",
      "a rule pack of your own (JSON; or an array of packs) beside the bundled law: its provisions are cited as local policy",
      readRules,
    )
    .action(async (file: string | undefined, o: BatchCliOptions) => {
      exitCode = await runCommand("assess", file, o, io);
    });

  batchOptions(
    program
      .command("review")
      .description(
        "Review each case's declined SPO request: which reasons misstate the law or are contradicted by the facts.",
      )
      .addHelpText(
        "after",
        "\nExample:\n  $ protective-orders review declines.jsonl --summary-json review-summary.json\n",
      ),
    "records",
    true,
  ).action(async (file: string | undefined, o: BatchCliOptions) => {
    exitCode = await runCommand("review", file, o, io);
  });

  batchOptions(
    program
      .command("explain")
      .description("Explain each case in plain text (or Markdown) for a case note.")
      .option("--markdown", "Markdown rather than plain text")
      .addHelpText(
        "after",
        "\nExample:\n  $ protective-orders explain case.json --as-of 2025-06-01 --markdown > case-note.md\n",
      ),
    "explain",
    false,
  )
    .option(
      "--rules <file>",
      "a rule pack of your own (JSON; or an array of packs) beside the bundled law: its provisions are cited as local policy",
      readRules,
    )
    .action(async (file: string | undefined, o: BatchCliOptions) => {
      exitCode = await runCommand("explain", file, o, io);
    });

  batchOptions(
    program
      .command("validate")
      .description("Check each row is valid case facts; every problem is reported with its path.")
      .addHelpText(
        "after",
        "\nExample:\n  $ protective-orders validate export.csv --mapping our-columns.json\n",
      ),
    "records",
    false,
  ).action(async (file: string | undefined, o: BatchCliOptions) => {
    exitCode = await runCommand("validate", file, o, io);
  });

  program
    .command("rules")
    .description("List every rule and statutory limb with its citation, link and in-force period.")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["jsonl", "json", "table"])
        .default("table"),
    )
    .option("-q, --quiet", "accepted for scripts: rules writes nothing on stderr")
    .addHelpText("after", "\nExample:\n  $ protective-orders rules --format json > rules.json\n")
    .action((o: { format: "jsonl" | "json" | "table" }) => {
      guardStdout(io.stdout);
      const entries = [
        ...DEFAULT_RULES.rules.map((r) => ({
          type: "rule",
          id: r.rule.name,
          label: r.rule.label,
          citation: r.citation,
          inForce: r.rule.inForce,
          unverified: r.unverified,
        })),
        ...DEFAULT_RULES.limbs.map((l) => ({
          type: "limb",
          id: l.limb.id,
          label: l.limb.label,
          citation: citationFor(l.limb.citation),
          inForce: l.limb.inForce,
          unverified: l.unverified,
        })),
      ];
      if (o.format === "json") io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (o.format === "jsonl") for (const e of entries) io.stdout.write(`${JSON.stringify(e)}\n`);
      else {
        io.stdout.write(`${"TYPE".padEnd(5)} ${"ID".padEnd(44)} ${"IN FORCE".padEnd(26)} CITATION\n`);
        for (const e of entries) {
          const period = `${e.inForce.from ?? "unknown"} – ${e.inForce.to ?? ""}`.trim();
          io.stdout.write(
            `${e.type.padEnd(5)} ${e.id.padEnd(44)} ${period.padEnd(26)} ${e.unverified ? "UNVERIFIED " : ""}${e.citation.title} <${e.citation.url}>\n`,
          );
        }
      }
    });

  csvInput(
    inputSource(
      program
        .command("report")
        .description(
          "A caseload report: where SPOs were available, what to record next, which declines to look at again (HTML with charts, Markdown or JSON; aggregates only).",
        ),
    ),
  )
    .addOption(
      new Option("-f, --format <format>", "report format")
        .choices(["html", "markdown", "json", "csv"])
        .default("html"),
    )
    .option("-o, --out <file>", "write the report to this file (default: standard output)")
    .option(
      "--min-count <n>",
      'hide counts from 1 to n-1 as "[c]", and others that would let them be worked out (disclosure control)',
      parseSuppressBelow,
      5,
    )
    .addOption(
      new Option("--suppress-below <n>", "the old name of --min-count")
        .argParser(parseSuppressBelow)
        .hideHelp(),
    )
    .option("--no-suppression", "hide nothing: for internal use only (the report says so at the top)")
    .addOption(
      new Option(
        "--period <period>",
        "the period of the time table (default: the finest where most counts show)",
      )
        .choices(["auto", "month", "quarter", "year"])
        .default("auto"),
    )
    .option("--include-ids", "list the ids of cases worth a second look (identifies cases: off by default)")
    .option(
      "-q, --quiet",
      "no summary line on stderr (warnings and errors still show; --summary-json still gets it). Example: report cases.jsonl -q --out report.html",
    )
    .option(
      "--summary-json <file>",
      "also write the row counts as JSON to this file (checked before any row)",
    )
    .addHelpText(
      "after",
      '\nRows may carry "breaches": { "order": {...}, "reports": [...] } beside the case facts, for the breach response figures.\n\nExample:\n  $ protective-orders report cases.jsonl --as-of 2025-06-01 --out report.html\n',
    )
    .action(
      async (
        file: string | undefined,
        o: {
          asOf?: string;
          inputFormat?: InputFormat;
          format: "html" | "markdown" | "json" | "csv";
          out?: string;
          minCount: number;
          suppressBelow?: number;
          suppression: boolean;
          period: "auto" | "month" | "quarter" | "year";
          includeIds?: boolean;
          quiet?: boolean;
          mapping?: MappingFile;
          summaryJson?: string;
          delimiter?: string;
          tsv?: boolean;
          ignoreUnknownColumns?: boolean;
        },
      ) => {
        const { runReport } = await import("./report-command.js");
        const { tsv, delimiter, mapping, minCount, suppressBelow, suppression, ...rest } = o;
        exitCode = await runReport(
          {
            file,
            ...rest,
            suppressBelow: suppression ? (suppressBelow ?? minCount) : 0,
            mapping: mapping?.columns,
            mappingFile: mapping?.file,
            delimiter: delimiter ?? (tsv ? "\t" : undefined),
          },
          io,
        );
      },
    );

  addColumnGuideCommands(program, io, (code) => {
    exitCode = code;
  });

  program
    .command("schema")
    .description(
      "Print the JSON Schema of the case facts (for a list of CSV columns: protective-orders columns).",
    )
    .option("-q, --quiet", "accepted for scripts: schema writes nothing on stderr")
    .addHelpText("after", "\nExample:\n  $ protective-orders schema > case-facts.schema.json\n")
    .action(() => {
      guardStdout(io.stdout);
      io.stdout.write(`${JSON.stringify(caseFactsJsonSchema(), null, 2)}\n`);
    });

  program
    .command("demo")
    .description("Validate and assess the bundled example caseload; print a summary and one explained case.")
    .option(
      "--as-of <date>",
      "apply the law as at this date (default: today in England and Wales)",
      parseAsOf,
    )
    .option("--case <id>", "which case to explain in full (default: the first with an SPO recommended)")
    .option("--markdown", "explain the case in Markdown rather than plain text")
    .option("-q, --quiet", "no per-row problems on stderr (errors still show)")
    .addHelpText("after", "\nExample:\n  $ protective-orders demo --as-of 2025-06-01\n")
    .action((options: { asOf?: string; case?: string; markdown?: boolean; quiet?: boolean }) => {
      guardStdout(io.stdout);
      exitCode = runDemo({ ...options, asOf: options.asOf ?? todayInLondon(now()) }, io.stdout, io.stderr);
    });

  program
    .command("serve")
    .description(
      "Run the HTTP service (endpoints under /v1, OpenAPI at /openapi.json, API docs at /docs). Binds 127.0.0.1 unless told otherwise.",
    )
    .option("--host <host>", "address to listen on (default 127.0.0.1, or PROTECTIVE_ORDERS_HOST)")
    .option(
      "--port <port>",
      "port to listen on, 0 for any free one (default 8080, or PROTECTIVE_ORDERS_PORT)",
    )
    .option(
      "--token-file <file>",
      "bearer tokens, one a line (or PROTECTIVE_ORDERS_TOKEN_FILE / PROTECTIVE_ORDERS_TOKENS)",
    )
    .option(
      "--cors-origin <origin...>",
      "origins allowed by CORS (default none, or PROTECTIVE_ORDERS_CORS_ORIGINS)",
    )
    .option("-q, --quiet", "no JSON log lines (listening, stopped) on standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protective-orders serve\n  $ protective-orders serve --port 8080 -q\n  $ PROTECTIVE_ORDERS_TOKEN_FILE=/run/secrets/tokens protective-orders serve --host 0.0.0.0 --port 8080\n",
    )
    .action(
      async (o: {
        host?: string;
        port?: string;
        tokenFile?: string;
        corsOrigin?: string[];
        quiet?: boolean;
      }) => {
        // The built service beside this file (dist/server.js), loaded only for `serve`: the other
        // commands never load Fastify.
        const serverModule = new URL("./server.js", import.meta.url).href;
        const { resolveServeSettings, serve, ServeSettingsError } = (await import(
          serverModule
        )) as typeof import("../server/index.js");
        try {
          await serve(resolveServeSettings(o, process.env), o.quiet ? { write: () => true } : undefined);
        } catch (error) {
          const message =
            error instanceof ServeSettingsError
              ? error.message
              : `cannot listen: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
          io.stderr.write(`protective-orders: ${message}\n`);
          exitCode = EXIT.usage;
        }
      },
    );

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help"
      ? EXIT.ok
      : EXIT.usage;
  }
  return exitCode;
}
