import type { BatchCommand } from "../batch/commands.js";
import type { InputProblem } from "../model/parse-case-facts.js";

/**
 * `POST /v1/assess?detail=summary`: the compact record the batch writes for the case (the CLI's own
 * `assess` row processing), without the row's position and error fields.
 */
export function assessmentSummary(
  command: BatchCommand,
  value: unknown,
):
  | { readonly ok: true; readonly summary: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly InputProblem[] } {
  const row = command.process(value, 1, 1);
  if (!row.ok) return { ok: false, problems: row.problems };
  const {
    row: _row,
    line: _line,
    error: _error,
    problems: _problems,
    ...summary
  } = (row.jsonLine === undefined ? row.record : JSON.parse(row.jsonLine)) as Record<string, unknown>;
  return { ok: true, summary };
}
