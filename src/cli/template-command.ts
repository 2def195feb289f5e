// `protective-orders template`: a CSV with every column the reader accepts as its header, and one
// example row (valid: tests/cli/column-guide.test.ts assesses it) showing how cells are written
// (issue #28 item 4).

import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { columnGuide } from "./column-guide.js";

/** The example row's cells, by column; every other column is left empty (unknown). */
const EXAMPLE: Readonly<Record<string, string>> = {
  id: "example-1",
  jurisdiction: "england-and-wales",
  policeForceArea: "kent",
  "relationship.summary": "ex-partner",
  "incident.kinds": "following;contacting",
  "incident.dates": "2025-05-01;2025-05-03",
  "incident.unwelcome": "yes;yes",
  "risk.psychologicalHarm": "yes",
  "risk.ongoing": "yes",
  "victim.age": "29",
  "suspect.age": "44",
};

/**
 * The template: the header row (every column, in the guide's order) and the example row.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * templateCsv().startsWith("id,jurisdiction,"); // true
 * ```
 */
export function templateCsv(): string {
  const paths = columnGuide().map((c) => c.path);
  for (const column of Object.keys(EXAMPLE))
    if (!paths.includes(column))
      throw new Error(`template: the example's column "${column}" is not a CSV column`);
  return stringify([paths, paths.map((p) => EXAMPLE[p] ?? "")], { delimiter: "," });
}

/** Runs `template`: the CSV on `stdout`, optionally with a UTF-8 byte-order mark for Excel. */
export function runTemplate(options: { excel?: boolean | undefined }, io: { stdout: Writable }): number {
  io.stdout.write(`${options.excel ? "\uFEFF" : ""}${templateCsv()}`);
  return 0;
}
