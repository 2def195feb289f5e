// The column guide's commands (issue #28 item 4): `columns`, `template` and `mapping`, added to the
// program by program.ts with one call.

import type { Writable } from "node:stream";
import { type Command, InvalidArgumentError, Option } from "commander";
import { isKnownEncoding } from "../batch/decode-input.js";
import { COLUMN_FORMATS, type ColumnFormat, runColumns } from "./columns-command.js";
import { runMapping } from "./mapping-command.js";
import { runTemplate } from "./template-command.js";

interface GuideIo {
  readonly stdout: Writable & { readonly isTTY?: boolean | undefined; readonly columns?: number };
  readonly stderr: Writable;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|" };
  const d = named[value.toLowerCase()] ?? value;
  if (d.length !== 1 || d.charCodeAt(0) > 0x7f || d === '"' || d === "\n" || d === "\r")
    throw new InvalidArgumentError('expected one ASCII character (or "tab"), not a quote or a line end');
  return d;
}

function parseEncoding(value: string): string {
  if (!isKnownEncoding(value))
    throw new InvalidArgumentError("expected an encoding Node knows, e.g. windows-1252, latin1, utf-16le");
  return value;
}

/** Adds `columns`, `template` and `mapping` to `program`; each reports its exit code to `setExit`. */
export function addColumnGuideCommands(program: Command, io: GuideIo, setExit: (code: number) => void): void {
  program
    .command("columns")
    .description(
      "List every CSV column the reader accepts: its type, allowed values, the question it answers and its citation.",
    )
    .addOption(
      new Option("-f, --format <format>", "table (fitted to the terminal), markdown or csv")
        .choices([...COLUMN_FORMATS])
        .default("table"),
    )
    .option("-q, --quiet", "no note on stderr (e.g. that the terminal is too narrow for the table)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protective-orders columns\n  $ protective-orders columns --format csv > columns.csv\n",
    )
    .action((o: { format: ColumnFormat; quiet?: boolean }) => {
      setExit(runColumns(o, io));
    });

  program
    .command("template")
    .description(
      "Write an empty CSV with every column as its header, and one example row (valid as it is) showing how cells are written.",
    )
    .option("--excel", "start with a UTF-8 byte-order mark, so Excel shows accented names correctly")
    .option("-q, --quiet", "nothing on stderr (the template writes nothing there anyway)")
    .addHelpText("after", "\nExample:\n  $ protective-orders template > cases.csv\n")
    .action((o: { excel?: boolean }) => {
      setExit(runTemplate(o, io));
    });

  program
    .command("mapping")
    .description(
      "Propose a --mapping file from an export's header row: each header's closest column, marked for you to confirm; headers with no match are listed. Reads only the header row.",
    )
    .argument("<file>", "the export (CSV or TSV): only its first line is read")
    .option(
      "-d, --delimiter <char>",
      "the delimiter, one character (default: guessed from the header)",
      parseDelimiter,
    )
    .option("-t, --tsv", "the export is tab-separated")
    .option(
      "--encoding <name>",
      "the export's encoding when it is not UTF-8. Example: --encoding windows-1252",
      parseEncoding,
    )
    .option("-q, --quiet", "no review of the proposals on stderr (the file still marks each)")
    .addHelpText(
      "after",
      '\nExample:\n  $ protective-orders mapping export.csv > mapping.json\n  (check each "// header" line, then: protective-orders assess export.csv --mapping mapping.json)\n',
    )
    .action(
      async (file: string, o: { delimiter?: string; tsv?: boolean; encoding?: string; quiet?: boolean }) => {
        setExit(
          await runMapping(
            file,
            { delimiter: o.delimiter ?? (o.tsv ? "\t" : undefined), encoding: o.encoding, quiet: o.quiet },
            io,
          ),
        );
      },
    );
}
