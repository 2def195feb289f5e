// `assess` with JSON Lines out writes each compact record straight from the assessment, without
// building the record (issue 14, the CLI's per-row cost). Its line must be exactly what
// `JSON.stringify` makes of the record the other output formats get, and its tallies the same
// counts: compared here on generated cases (fast-check over the whole model, and the benchmark's
// varied caseload), for every outcome, list of missing facts and first recommendation they reach.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { generateVariedCases } from "../../bench/generate-varied-cases.mjs";
import { assessCommand, type BatchCommand } from "../../src/batch/commands.js";
import { caseFactsArbitrary, params } from "../robustness/support.js";

const AS_OF = "2026-06-01";

/** The same command twice: writing lines directly, and building the record. */
function commands(): { lines: BatchCommand; records: BatchCommand } {
  return {
    lines: assessCommand({ asOf: AS_OF, linesOnly: true }),
    records: assessCommand({ asOf: AS_OF }),
  };
}

function countsOf(tallies: readonly (readonly string[])[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tally of tallies) for (const key of tally) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** The line, the record's JSON and both tallies for one case, with the row and line numbers given. */
function both(
  c: { lines: BatchCommand; records: BatchCommand },
  value: unknown,
  row: number,
): { line: string | undefined; json: string; lineTally: readonly string[]; recordTally: readonly string[] } {
  // Each command gets its own copy, as each row is fresh from JSON.parse.
  const fast = c.lines.process(structuredClone(value), row, row + 1);
  const slow = c.records.process(structuredClone(value), row, row + 1);
  if (!fast.ok || !slow.ok) throw new Error(`case ${row} is not valid`);
  return {
    line: fast.jsonLine,
    json: JSON.stringify(slow.record),
    lineTally: fast.tally,
    recordTally: slow.tally,
  };
}

describe("assess: the JSON line written directly is the record's JSON", () => {
  it("on the benchmark's varied caseload, with the same tallies", () => {
    const c = commands();
    const cases = [...(generateVariedCases(600, 7) as Iterable<unknown>)];
    const lineTallies: (readonly string[])[] = [];
    const recordTallies: (readonly string[])[] = [];
    cases.forEach((value, i) => {
      const r = both(c, value, i + 1);
      expect(r.line).toBe(r.json);
      lineTallies.push(r.lineTally);
      recordTallies.push(r.recordTally);
    });
    expect(countsOf(lineTallies)).toEqual(countsOf(recordTallies));
    // The caseload reaches more than one outcome of each kind and several first recommendations.
    expect(new Set(lineTallies.map((t) => t[0])).size).toBeGreaterThan(2);
  }, 60_000);

  it("on any valid case facts", () => {
    const c = commands();
    fc.assert(
      fc.property(caseFactsArbitrary, fc.integer({ min: 1, max: 2 ** 31 }), (facts, row) => {
        const r = both(c, facts, row);
        expect(r.line).toBe(r.json);
        expect([...r.lineTally].sort()).toEqual([...r.recordTally].sort());
      }),
      params(),
    );
  }, 60_000);

  it("a case id that needs escaping is escaped as JSON.stringify does", () => {
    const c = commands();
    for (const id of ['a"b', "back\\slash", "line\nbreak", "\u2028", "\ud800", "é"]) {
      const r = both(c, { id, jurisdiction: "england-and-wales" }, 1);
      expect(r.line).toBe(r.json);
    }
  });
});
