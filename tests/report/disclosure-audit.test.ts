// The disclosure audit: for generated caseloads, every hidden figure's feasible range is solved for
// with a linear-programming solver (yalps, a dev dependency) from every figure the report shows and
// every sum that links them (each line: members add up to the total), with every count at least 0.
// Each hidden figure must range over more than the threshold: never one value, never a narrow band.

import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Model, solve } from "yalps";
import { assess, type CaseFacts, createCaseloadFigures } from "../../src/index.js";
import { chartSpec } from "../../src/report/charts.js";
import { reportCsv, reportJson, reportMarkdown } from "../../src/report/render.js";
import {
  type CaseloadReport,
  type Cell,
  caseloadReport,
  shownCountText,
} from "../../src/report/report-model.js";
import { controlDisclosure, type HiddenMark } from "../../src/report/suppress.js";
import { caseFactsArbitrary, PROPERTY_TIMEOUT, params } from "../robustness/support.js";

const AS_OF = "2025-06-01";

type Line = { readonly total: string; readonly members: readonly string[] };

/**
 * The feasible [min, max] of each hidden figure (max Infinity where unbounded), from the figures
 * shown, the lines (members add up to the total), the bounds (members add up to no more than the
 * total), every count at least 0, and, for a reader who reads the marks, each hidden figure's range.
 */
function feasibleRanges(
  figures: readonly { id: string; value: number | null }[],
  lines: readonly Line[],
  atMost: readonly Line[] = [],
  known: ReadonlyMap<string, readonly [number, number]> = new Map(),
): Map<string, [number, number]> {
  const shown = new Map<string, number>();
  for (const f of figures) if (f.value !== null) shown.set(f.id, f.value);
  const hidden = figures.filter((f) => f.value === null).map((f) => f.id);
  const constraints: Record<string, { equal: number } | { max: number } | { min: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const id of hidden) variables[id] = {};
  const relation = (name: string, line: Line, kind: "equal" | "max") => {
    let rhs = 0;
    const add = (id: string, coefficient: number) => {
      const k = shown.get(id);
      if (k !== undefined) rhs -= coefficient * k;
      else variables[id]![name] = (variables[id]![name] ?? 0) + coefficient;
    };
    // equal: total - members = 0; max: members - total <= 0.
    const sign = kind === "equal" ? 1 : -1;
    add(line.total, sign);
    for (const m of line.members) add(m, -sign);
    constraints[name] = kind === "equal" ? { equal: rhs } : { max: rhs };
  };
  for (const [i, line] of lines.entries()) relation(`line${i}`, line, "equal");
  for (const [i, line] of atMost.entries()) relation(`atMost${i}`, line, "max");
  for (const [id, [lo, hi]] of known) {
    if (!(id in variables)) continue;
    variables[id]![`lo.${id}`] = 1;
    constraints[`lo.${id}`] = { min: lo };
    if (Number.isFinite(hi)) {
      variables[id]![`hi.${id}`] = 1;
      constraints[`hi.${id}`] = { max: hi };
    }
  }
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

/** What a reader knows from a mark: "[c]" is 1 to threshold - 1; "[c] (secondary)" is 0 or more. */
function markRanges(
  figures: readonly { id: string; mark?: HiddenMark }[],
  threshold: number,
): Map<string, readonly [number, number]> {
  const out = new Map<string, readonly [number, number]>();
  for (const f of figures) {
    if (f.mark === "primary") out.set(f.id, [1, threshold - 1]);
    else if (f.mark === "secondary") out.set(f.id, [0, Number.POSITIVE_INFINITY]);
  }
  return out;
}

const MARK = /^\[c\]( \(secondary\))?$/;

/**
 * Everything the report publishes, as printed: the headline, every table's cells, the JSON and the
 * CSV, and the charts' numbers. Each printed count is matched to the published figure behind it,
 * with the same value or the same mark: the audit's equations are over everything printed.
 */
function checkPrinted(report: CaseloadReport) {
  const published = new Map(report.published.figures.map((f) => [f.id, f]));
  const printed = (id: string) => {
    const f = published.get(id);
    expect(f, `${id} is a published figure`).toBeDefined();
    return f!.value === null ? shownCountText({ hidden: f!.mark! }) : f!.value;
  };
  const cellText = (c: Cell) => (typeof c === "object" ? shownCountText(c) : c);
  // The tables: every count is a figure the audit saw; every other cell is a label, a rate or a statistic.
  const inTables = new Map<string, Cell>();
  for (const s of report.sections) {
    const ids = s.table.figures;
    expect(ids, `${s.id} names the figure behind each cell`).toBeDefined();
    s.table.rows.forEach((row, r) => {
      row.forEach((c, i) => {
        const id = ids![r]![i] ?? null;
        if (id === null) {
          expect(typeof c, `${s.id} [${r}, ${i}] is not a count`).toBe("string");
          // A statistic (days to decision) is a number of days, not a count: shown as text.
          const statistic = s.id === "days-to-decision" && r > 0;
          if (i > 0 && !statistic) expect(String(c), `${s.id} [${r}, ${i}]`).not.toMatch(/^<\d|^\d[\d,]*$/);
          if (MARK.test(String(c))) expect(c).toBe("[c]");
          return;
        }
        expect(cellText(c), `${s.id} [${r}, ${i}] prints ${id}`).toBe(printed(id));
        inTables.set(id, c);
      });
    });
  }
  // The headline: each figure is one the audit saw, and equals the table that shows it, or the
  // table whose rows add up to it.
  const inHeadline = new Map(
    report.headline.flatMap((h) => (h.figure === undefined ? [] : [[h.figure, h.value] as const])),
  );
  for (const h of report.headline) {
    if (h.figure === undefined) {
      expect(typeof h.value).toBe("string");
      continue;
    }
    expect(cellText(h.value), h.label).toBe(printed(h.figure));
    const inTable = inTables.get(h.figure);
    if (inTable !== undefined) {
      expect(cellText(h.value), `${h.label} is the table's own figure`).toBe(cellText(inTable));
      continue;
    }
    const line = report.published.lines.find((l) => l.total === h.figure);
    if (line === undefined) {
      // A total with no rows to show (no declines reviewed, no breach reports), or the rows invalid.
      expect(["rows.valid", "rows.invalid", "declines.reviewed", "breaches.reports"], h.label).toContain(
        h.figure,
      );
      continue;
    }
    const members = line.members.map((m) => inTables.get(m) ?? inHeadline.get(m));
    for (const m of members) expect(m, `${h.label}: the rows that add up to it are printed`).toBeDefined();
    if (typeof h.value === "number" && members.every((m) => typeof m === "number"))
      expect(
        members.reduce<number>((n, m) => n + (m as number), 0),
        `${h.label} adds up`,
      ).toBe(h.value);
  }
  // Rows read, valid and invalid add up, as printed.
  const { read, valid, invalid } = report.rows;
  if (typeof read === "number" && typeof valid === "number" && typeof invalid === "number")
    expect(valid + invalid).toBe(read);
  // The JSON: the same cells, the marks as text.
  const json = JSON.parse(reportJson(report)) as {
    headline: { label: string; value: string | number }[];
    sections: { id: string; rows: (string | number)[][] }[];
  };
  expect(json.headline.map((h) => h.value)).toEqual(report.headline.map((h) => cellText(h.value)));
  json.sections.forEach((s, i) => {
    expect(s.rows).toEqual(report.sections[i]!.table.rows.map((row) => row.map(cellText)));
  });
  // The CSV: one line per headline figure and per cell of a section shown, value or mark.
  const csv = parse(reportCsv(report), { columns: true }) as {
    section: string;
    row: string;
    column: string;
    value: string;
    mark: string;
  }[];
  const expected: string[][] = report.headline.map((h) => ["headline", h.label, String(cellText(h.value))]);
  for (const s of report.sections) {
    if (s.empty) continue;
    for (const row of s.table.rows)
      row.slice(1).forEach((c, i) => {
        expected.push([s.id, String(row[0]), String(cellText(c))]);
        expect(s.table.columns[i + 1]).toBeDefined();
      });
  }
  expect(csv.map((l) => [l.section, l.row, l.mark !== "" ? l.mark : l.value])).toEqual(expected);
  for (const l of csv) if (l.mark !== "") expect(l.value).toBe("");
  // The charts draw the table's own shown numbers, nothing hidden.
  for (const s of report.sections) {
    const spec = s.empty ? undefined : chartSpec(s);
    if (!spec) continue;
    const layers = (spec.layer as { data: { values: { count?: number }[] } }[] | undefined) ?? [spec];
    const data = (layers[0] as { data: { values: { count: number; series: string }[] } }).data.values;
    const columns = s.chart!.series.map((name) => s.table.columns.indexOf(name));
    const drawable = s.table.rows
      .flatMap((row) => columns.map((c) => row[c]))
      .filter((c) => typeof c === "number");
    for (const d of data) expect(drawable, `${s.id}'s chart draws ${d.count}`).toContain(d.count);
  }
  // Never "<n", in any format.
  expect(reportJson(report)).not.toMatch(/"<\d/);
  expect(reportCsv(report)).not.toMatch(/,<\d/);
  expect(reportMarkdown(report)).not.toMatch(/\\<\d/);
}

function auditReport(report: CaseloadReport, truth: CaseloadReport) {
  const threshold = report.suppressBelow;
  const value = new Map(truth.published.figures.map((f) => [f.id, f.value ?? 0]));
  // The lines and bounds are true of the real figures: the audit's equations are the report's own.
  for (const line of truth.published.lines) {
    expect(line.members.reduce((n, m) => n + value.get(m)!, 0)).toBe(value.get(line.total));
  }
  for (const bound of truth.published.atMost) {
    expect(bound.members.reduce((n, m) => n + value.get(m)!, 0)).toBeLessThanOrEqual(value.get(bound.total)!);
  }
  const { figures, lines, atMost } = report.published;
  // A reader who takes "[c]" and "[c] (secondary)" alike (the ONS convention): every hidden count
  // ranges over more than the threshold.
  for (const [id, [min, max]] of feasibleRanges(figures, lines, atMost)) {
    const v = value.get(id)!;
    expect(min <= v + 1e-6 && v - 1e-6 <= max, `${id}: the true value is feasible`).toBe(true);
    expect(max - min, `${id} = ${v} can be narrowed to [${min}, ${max}]`).toBeGreaterThan(threshold);
  }
  // No count of the threshold or more is marked as a primary suppression.
  for (const f of figures) {
    if (f.mark === "primary") expect(value.get(f.id)!).toBeLessThan(threshold);
  }
  checkPrinted(report);
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

  it("the bounds a reader knows (a count of cases is at most the cases assessed) are audited too", () => {
    // Found by the audit once it read the bounds: with 2 cases shown, a hidden count of dated
    // decisions lay in [0, 2]; with 3 of 6 rows valid and a missing fact shown in 3, the hidden
    // valid rows lay in [3, 6]. The bounds now take part in disclosure control.
    const cases: [CaseFacts[], number, number][] = [
      [
        [
          { id: "a", spoRequest: { requestedOn: "2025-01-01", decision: { decidedOn: "2025-01-01" } } },
          { id: "b" },
        ] as CaseFacts[],
        0,
        2,
      ],
      [[{ id: "a", incidents: [] }, { id: "b", protection: {} }, { id: "c" }] as CaseFacts[], 3, 3],
    ];
    for (const [caseload, invalid, t] of cases) {
      const counter = createCaseloadFigures(AS_OF);
      for (const facts of caseload) counter.addAssessment(facts, assess(facts, { asOf: AS_OF }));
      for (let i = 0; i < invalid; i++) counter.addInvalid();
      const figures = counter.figures();
      const report = caseloadReport(figures, { suppressBelow: t });
      auditReport(report, caseloadReport(figures, { suppressBelow: 0, period: report.period }));
    }
  });

  it("a reader who reads the marks learns that a [c] is 1 to threshold - 1, and that is all the marks say", () => {
    // The marks differ (the issue asks that a secondary be marked as such), so "[c]" tells the reader
    // 1 to threshold - 1: what a primary suppression is, by definition, and not a disclosure. A
    // secondary may be 0 or more. On a caseload of some size, nothing else printed narrows a "[c]"
    // to a single value.
    const counter = createCaseloadFigures(AS_OF);
    for (let i = 0; i < 40; i++) {
      const facts = {
        id: `c${i}`,
        jurisdiction: "england-and-wales" as const,
        policeForceArea: (["kent", "essex", "surrey"] as const)[i % 3],
        incidents: [{ kind: "following" as const, date: `2024-0${1 + (i % 9)}-10` }],
        ...(i % 4 === 0 ? { risk: { ongoing: false } } : {}),
      };
      counter.addAssessment(facts, assess(facts, { asOf: AS_OF }));
    }
    const report = caseloadReport(counter.figures(), { suppressBelow: 5 });
    const { figures, lines, atMost } = report.published;
    const ranges = feasibleRanges(figures, lines, atMost, markRanges(figures, 5));
    expect([...ranges.keys()].some((id) => figures.find((f) => f.id === id)?.mark === "primary")).toBe(true);
    for (const [id, [min, max]] of ranges) {
      if (figures.find((f) => f.id === id)?.mark === "primary")
        expect(max - min, `[c] ${id} narrowed to [${min}, ${max}]`).toBeGreaterThan(0);
    }
  });

  // Known limitation (issue 27, the open question on the marks): a reader who reads "[c]" as 1 to
  // threshold - 1 and combines it with the totals can narrow a "[c]" within that band, on a tiny
  // caseload to one value. Here 2 cases, threshold 3: the SPO's "not available" is [c] and can only
  // be 2. The ONS convention (one mark for primary and secondary) would not let the reader do this;
  // the issue asks for distinct marks. Runs as it.fails: it starts failing (and this marker should
  // go) once disclosure control protects a primary within its band.
  it.fails("a reader who reads the marks cannot narrow a [c] within 1..threshold - 1 (tiny caseload)", () => {
    const counter = createCaseloadFigures(AS_OF);
    for (const facts of [
      { id: "a", incidents: [] },
      { id: "b", policeForceArea: "avon-and-somerset" as const, incidents: [] },
    ])
      counter.addAssessment(facts, assess(facts, { asOf: AS_OF }));
    const report = caseloadReport(counter.figures(), { suppressBelow: 3 });
    const { figures, lines, atMost } = report.published;
    for (const [id, [min, max]] of feasibleRanges(figures, lines, atMost, markRanges(figures, 3))) {
      if (figures.find((f) => f.id === id)?.mark === "primary")
        expect(min <= 1 + 1e-6 && max >= 2 - 1e-6, `[c] ${id} narrowed to [${min}, ${max}]`).toBe(true);
    }
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
