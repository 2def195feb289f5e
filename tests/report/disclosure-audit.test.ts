// The disclosure audit: for generated caseloads, every hidden figure's feasible range is solved for
// with a linear-programming solver (yalps, a dev dependency) from every figure the report shows and
// every sum that links them (each line: members add up to the total), with every count at least 0.
// Each hidden figure must range over more than the threshold: never one value, never a narrow band.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Model, solve } from "yalps";
import { assess, createCaseloadFigures } from "../../src/index.js";
import { reportCsv, reportJson } from "../../src/report/render.js";
import { type CaseloadReport, caseloadReport } from "../../src/report/report-model.js";
import { controlDisclosure } from "../../src/report/suppress.js";
import { caseFactsArbitrary, PROPERTY_TIMEOUT, params } from "../robustness/support.js";

const AS_OF = "2025-06-01";

/** The feasible [min, max] of each hidden figure (max Infinity where unbounded). */
function feasibleRanges(
  figures: readonly { id: string; value: number | null }[],
  lines: readonly { total: string; members: readonly string[] }[],
): Map<string, [number, number]> {
  const known = new Map<string, number>();
  for (const f of figures) if (f.value !== null) known.set(f.id, f.value);
  const hidden = figures.filter((f) => f.value === null).map((f) => f.id);
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const id of hidden) variables[id] = {};
  lines.forEach((line, i) => {
    const name = `line${i}`;
    let rhs = 0;
    const add = (id: string, coefficient: number) => {
      const k = known.get(id);
      if (k !== undefined) rhs -= coefficient * k;
      else variables[id]![name] = (variables[id]![name] ?? 0) + coefficient;
    };
    add(line.total, 1);
    for (const m of line.members) add(m, -1);
    constraints[name] = { equal: rhs };
  });
  const ranges = new Map<string, [number, number]>();
  for (const id of hidden) {
    const range: number[] = [];
    for (const direction of ["minimize", "maximize"] as const) {
      const vars = Object.fromEntries(
        Object.entries(variables).map(([v, c]) => [v, v === id ? { ...c, objective: 1 } : c]),
      );
      const model: Model = { direction, objective: "objective", constraints, variables: vars };
      const solution = solve(model);
      if (solution.status === "unbounded") range.push(Number.POSITIVE_INFINITY);
      else {
        expect(solution.status, `the published figures are consistent (${id})`).toBe("optimal");
        range.push(solution.result);
      }
    }
    ranges.set(id, [range[0]!, range[1]!]);
  }
  return ranges;
}

function auditReport(report: CaseloadReport, truth: CaseloadReport) {
  const threshold = report.suppressBelow;
  const value = new Map(truth.published.figures.map((f) => [f.id, f.value ?? 0]));
  // The lines are true of the real figures: the audit's equations are the report's own sums.
  for (const line of truth.published.lines) {
    expect(line.members.reduce((n, m) => n + value.get(m)!, 0)).toBe(value.get(line.total));
  }
  for (const [id, [min, max]] of feasibleRanges(report.published.figures, report.published.lines)) {
    const v = value.get(id)!;
    expect(min <= v + 1e-6 && v - 1e-6 <= max, `${id}: the true value is feasible`).toBe(true);
    expect(max - min, `${id} = ${v} can be narrowed to [${min}, ${max}]`).toBeGreaterThan(threshold);
  }
  // Every count printed is a figure the audit saw, with the same value; every hidden one is marked.
  const shown = new Map(report.published.figures.map((f) => [f.id, f]));
  const printedNumbers = new Set(
    report.published.figures.filter((f) => f.value !== null).map((f) => f.value),
  );
  for (const section of report.sections) {
    for (const row of section.table.rows) {
      for (const c of row.slice(1)) {
        if (typeof c === "number") expect(printedNumbers.has(c), `${section.id} prints ${c}`).toBe(true);
        if (typeof c === "string") expect(c).not.toMatch(/^<\d/);
      }
    }
  }
  for (const h of report.headline) {
    if (typeof h.value === "number") expect(printedNumbers.has(h.value)).toBe(true);
  }
  expect(shown.size).toBe(report.published.figures.length);
  // No count of the threshold or more is marked as a primary suppression.
  for (const f of report.published.figures) {
    if (f.mark === "primary") expect(value.get(f.id)!).toBeLessThan(threshold);
  }
  // JSON and CSV print the same marks, and never "<n".
  expect(reportJson(report)).not.toMatch(/"<\d/);
  expect(reportCsv(report)).not.toMatch(/,<\d/);
}

const caseloadArbitrary = fc.oneof(
  fc.array(caseFactsArbitrary, { minLength: 0, maxLength: 3 }), // tiny forces
  fc.array(caseFactsArbitrary, { minLength: 1, maxLength: 40 }),
);

describe("the disclosure audit (linear programming over everything published)", () => {
  it(
    "finds no hidden figure that can be worked out exactly or to within the threshold",
    () => {
      fc.assert(
        fc.property(
          caseloadArbitrary,
          fc.nat({ max: 3 }),
          fc.integer({ min: 2, max: 10 }),
          (caseload, invalid, t) => {
            const counter = createCaseloadFigures(AS_OF);
            for (const facts of caseload) counter.addAssessment(facts, assess(facts, { asOf: AS_OF }));
            for (let i = 0; i < invalid; i++) counter.addInvalid();
            const figures = counter.figures();
            const report = caseloadReport(figures, { suppressBelow: t });
            auditReport(report, caseloadReport(figures, { suppressBelow: 0, period: report.period }));
          },
        ),
        params(0.3),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("holds for generated systems of lines with shared totals, single-case rows included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 2, max: 8 }),
        (columns, t) => {
          // A two-level tree: a row of column totals adding up to a grand total; each column's cells
          // add up to its column total (the shape of the SPO's row and its area breakdown).
          const figures = [{ id: "grand", value: 0 }];
          const lines: { total: string; members: string[] }[] = [];
          const totals: string[] = [];
          let grand = 0;
          columns.forEach((cells, c) => {
            const total = cells.reduce((n, v) => n + v, 0);
            grand += total;
            figures.push({ id: `col${c}`, value: total });
            totals.push(`col${c}`);
            const ids = cells.map((v, r) => {
              figures.push({ id: `cell${c}.${r}`, value: v });
              return `cell${c}.${r}`;
            });
            lines.push({ total: `col${c}`, members: ids });
          });
          figures[0] = { id: "grand", value: grand };
          lines.push({ total: "grand", members: totals });
          const d = controlDisclosure(figures, lines, t);
          const published = figures.map((f) => ({ id: f.id, value: d.hidden.has(f.id) ? null : f.value }));
          const value = new Map(figures.map((f) => [f.id, f.value]));
          for (const [id, [min, max]] of feasibleRanges(published, lines)) {
            expect(max - min, `${id} = ${value.get(id)} narrowed to [${min}, ${max}]`).toBeGreaterThan(t);
          }
          for (const f of figures) if (f.value > 0 && f.value < t) expect(d.hidden.get(f.id)).toBe("primary");
        },
      ),
      params(1),
    );
  });

  it("the bundled example's reproduction: no hidden first recommendation or verdict is 1 by subtraction", () => {
    // Issue 27: 23 + 5 + "<5" + "<5" = 30 showed both hidden cells were 1.
    const d = controlDisclosure(
      [
        { id: "valid", value: 30 },
        { id: "a", value: 23 },
        { id: "b", value: 5 },
        { id: "c", value: 1 },
        { id: "d", value: 1 },
      ],
      [{ total: "valid", members: ["a", "b", "c", "d"] }],
      5,
    );
    const ranges = feasibleRanges(
      ["valid", "a", "b", "c", "d"].map((id) => ({
        id,
        value: d.hidden.has(id) ? null : { valid: 30, a: 23, b: 5, c: 1, d: 1 }[id]!,
      })),
      [{ total: "valid", members: ["a", "b", "c", "d"] }],
    );
    expect(d.hidden.get("c")).toBe("primary");
    for (const [, [min, max]] of ranges) expect(max - min).toBeGreaterThan(5);
  });
});
