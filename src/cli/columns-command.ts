// `protective-orders columns`: the column guide as a table (fitted to the terminal), Markdown or CSV
// (issue #28 item 4). The columns come from the reader itself (see column-guide.ts).

import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { fitTable, terminalWidth, verticalTable } from "../batch/fit-table.js";
import { neutraliseFormula } from "../batch/output.js";
import { type ColumnGuideEntry, columnGuide } from "./column-guide.js";

export const COLUMN_FORMATS = ["table", "markdown", "csv"] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

const HEADERS = ["column", "type", "values", "question", "citation"] as const;

/** In the table, a long enumeration (the 45 police forces) is cut: Markdown and CSV list it all. */
const TABLE_VALUES = 8;

function cells(c: ColumnGuideEntry, cutValues: boolean): string[] {
  const values =
    cutValues && c.values.length > TABLE_VALUES
      ? `${c.values.slice(0, TABLE_VALUES).join(", ")}, … (${c.values.length} values: see --format markdown or csv)`
      : c.values.join(", ");
  return [c.path, c.type, values, c.question, c.citation];
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/**
 * The guide in `format`. The table fits `width`; a terminal too narrow for it gets one field a
 * line instead, and `note` says so.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * renderColumnGuide("csv", 80).split("\n")[0]; // "column,type,values,question,citation"
 * ```
 */
export function renderColumnGuide(
  format: ColumnFormat,
  width: number,
  note: (message: string) => void = () => {},
): string {
  const guide = columnGuide();
  if (format === "csv")
    return stringify(
      [HEADERS as unknown as string[], ...guide.map((c) => cells(c, false).map(neutraliseFormula))],
      { delimiter: "," },
    );
  if (format === "markdown") {
    const rows = guide.map((c) => {
      const [path, type, values, question, citation] = cells(c, false).map(markdownCell);
      return `| \`${path}\` | ${type} | ${
        values
          ? values
              .split(", ")
              .map((v) => `\`${v}\``)
              .join(", ")
          : ""
      } | ${question} | ${citation} |`;
    });
    return `| ${HEADERS.join(" | ")} |\n|${HEADERS.map(() => "---").join("|")}|\n${rows.join("\n")}\n`;
  }
  const upper = HEADERS.map((h) => h.toUpperCase());
  const rows = guide.map((c) => cells(c, true));
  const table = fitTable(upper, rows, width);
  if (table !== undefined) return table;
  note(
    `the terminal is ${width} columns wide, too narrow for the table: one field a line (widen it, or use --format markdown or --format csv)`,
  );
  return verticalTable(upper, rows, width);
}

/** Runs `columns`: the guide on `stdout`, a note (unless quiet) on `stderr`. */
export function runColumns(
  options: { format: ColumnFormat; quiet?: boolean | undefined },
  io: {
    stdout: Writable & { isTTY?: boolean | undefined; columns?: number };
    stderr: Writable;
    env?: Readonly<Record<string, string | undefined>> | undefined;
  },
): number {
  const text = renderColumnGuide(options.format, terminalWidth(io.stdout, io.env), (message) => {
    if (!options.quiet) io.stderr.write(`protective-orders: ${message}\n`);
  });
  io.stdout.write(text);
  return 0;
}
