import type { BatchCommand } from "./commands.js";
import type { InputRow } from "./input-row.js";

/** What one input row became: an output record (or its JSON line), its tallies, and whether it was invalid. */
export interface ProcessedRow {
  readonly record: Record<string, unknown>;
  readonly jsonLine?: string;
  readonly tally: readonly string[];
  readonly invalid: boolean;
}

/**
 * Turns one input row into its output: the command's result, or an error record carrying the
 * row, the line and every problem. Never throws: an unexpected failure becomes an error record too,
 * so no row is ever lost.
 */
export function processRow(command: BatchCommand, row: InputRow): ProcessedRow {
  if ("unreadable" in row) {
    return {
      record: command.errorRecord({
        row: row.row,
        line: row.line,
        error: "unreadable",
        problems: [{ path: "", message: row.unreadable }],
      }),
      tally: [],
      invalid: true,
    };
  }
  let value: unknown;
  if ("text" in row) {
    try {
      value = JSON.parse(row.text);
    } catch {
      return {
        record: command.errorRecord({
          row: row.row,
          line: row.line,
          error: "unreadable",
          problems: [{ path: "", message: "not valid JSON" }],
        }),
        tally: [],
        invalid: true,
      };
    }
  } else {
    value = row.value;
  }
  try {
    const result = command.process(value, row.row, row.line);
    if (result.ok) {
      return {
        record: result.record,
        ...(result.jsonLine !== undefined ? { jsonLine: result.jsonLine } : {}),
        tally: result.tally,
        invalid: false,
      };
    }
    return {
      record: command.errorRecord({
        row: row.row,
        line: row.line,
        id: result.id,
        error: "invalid",
        problems: result.problems,
      }),
      tally: [],
      invalid: true,
    };
  } catch {
    return {
      record: command.errorRecord({
        row: row.row,
        line: row.line,
        error: "failed",
        problems: [{ path: "", message: "could not be processed" }],
      }),
      tally: [],
      invalid: true,
    };
  }
}
