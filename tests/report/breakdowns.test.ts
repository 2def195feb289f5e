// What a stalking lead asks (issue 27 item 4), on a small caseload whose every figure is worked out by
// hand below: the SPO by police force area with the rate among cases with enough facts, declines by
// reason with how many misstate the law, the days from request to decision (median and 90th
// percentile, nearest rank), and breaches by police response time. With the threshold on, a breakdown
// that cannot be shown says so. And the CSV (item 6): one line per figure the HTML and JSON show, with
// the same marks.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CaseFacts } from "../../src/index.js";
import { buildReportFigures, type ReportRow } from "../../src/report/build-report.js";
import { reportCsv, reportHtml, reportJson } from "../../src/report/render.js";
import { type CaseloadReport, caseloadReport } from "../../src/report/report-model.js";

const AS_OF = "2025-06-01";

/** SPO available: acts the suspect knew were unwelcome, a risk of psychological harm, still posed. */
function available(
  id: string,
  area: CaseFacts["policeForceArea"],
  extra: Partial<CaseFacts> = {},
): CaseFacts {
  return {
    id,
    jurisdiction: "england-and-wales",
    policeForceArea: area,
    incidents: [
      { kind: "following", date: "2025-01-10", suspectKnewOrOughtToKnowUnwelcome: true },
      { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
    ],
    risk: { psychologicalHarm: true, ongoing: true },
    protection: {},
    ...extra,
  };
}
/** SPO not available: the suspect no longer poses the risk. */
const notAvailable = (id: string, area: CaseFacts["policeForceArea"]): CaseFacts => ({
  ...available(id, area),
  risk: { psychologicalHarm: true, ongoing: false },
});
/** SPO needs information: nothing is known of the risk. */
const needsInformation = (id: string, area: CaseFacts["policeForceArea"]): CaseFacts => ({
  ...available(id, area),
  risk: {},
});
/** Available, a request made on 1 January 2025 and declined `days` later for want of a conviction. */
const declined = (id: string, days: number): CaseFacts =>
  available(id, "kent", {
    spoRequest: {
      requestedOn: "2025-01-01",
      decision: {
        decidedOn: new Date(Date.UTC(2025, 0, 1 + days)).toISOString().slice(0, 10),
        outcome: "declined",
        reasons: [{ code: "no-conviction" }],
      },
    },
  });

const ORDER = {
  kind: "spo",
  appliedForBy: { role: "chief-officer" },
  protectedPersons: ["v"],
  madeOn: "2025-01-10",
  servedOn: "2025-01-11",
  duration: { type: "fixed", endsOn: "2027-01-10" },
  prohibitions: [{ text: "Not to contact V by any means." }],
};
const report = (reportedAt: string, respondedAt?: string) => ({
  date: reportedAt.slice(0, 10),
  kind: "contacting",
  reportedAt,
  ...(respondedAt ? { respondedAt } : {}),
});

// Kent: 6 available (5 of them declined, after 3, 7, 10, 14 and 60 days; 1 with no request),
// 2 not available, 2 needing information. Essex: 1 available (no request), 3 not available.
// The one Essex available case carries 5 breach reports: answered in 30 minutes, 45 minutes,
// 2 hours, 4 days, and one never answered.
const CASES: CaseFacts[] = [
  declined("k1", 3),
  declined("k2", 7),
  declined("k3", 10),
  declined("k4", 14),
  declined("k5", 60),
  available("k6", "kent"),
  notAvailable("k7", "kent"),
  notAvailable("k8", "kent"),
  needsInformation("k9", "kent"),
  needsInformation("k10", "kent"),
  available("e1", "essex"),
  notAvailable("e2", "essex"),
  notAvailable("e3", "essex"),
  notAvailable("e4", "essex"),
];
const ROWS: ReportRow[] = CASES.map((c) =>
  c.id === "e1"
    ? {
        value: {
          ...c,
          breaches: {
            order: ORDER,
            reports: [
              report("2025-03-01T10:00", "2025-03-01T10:30"),
              report("2025-03-02T10:00", "2025-03-02T10:45"),
              report("2025-03-03T10:00", "2025-03-03T12:00"),
              report("2025-03-04T10:00", "2025-03-08T10:00"),
              report("2025-03-05T10:00"),
            ],
          },
        },
      }
    : { value: c },
);

async function build(suppressBelow: number): Promise<CaseloadReport> {
  const run = await buildReportFigures(ROWS, { asOf: AS_OF });
  return caseloadReport(run.figures, { suppressBelow });
}
const table = (r: CaseloadReport, id: string) => r.sections.find((s) => s.id === id)!;
const rowOf = (r: CaseloadReport, id: string, label: string) =>
  table(r, id).table.rows.find((row) => row[0] === label);

describe("the breakdowns a stalking lead asks for, worked out by hand (no suppression)", () => {
  it("by police force area, with the SPO-available rate among cases with enough facts", async () => {
    const r = await build(0);
    const area = table(r, "spo-by-area");
    expect(area.table.columns).toEqual([
      "Police force area",
      "Available",
      "Needs information",
      "Not available",
      "SPO available, among cases with enough facts",
    ]);
    // Kent: 6 available, 2 needing information, 2 not: 6 / (6 + 2) = 75%. Essex: 1 / (1 + 3) = 25%.
    expect(rowOf(r, "spo-by-area", "Kent Police")).toEqual(["Kent Police", 6, 2, 2, "75%"]);
    expect(rowOf(r, "spo-by-area", "Essex Police")).toEqual(["Essex Police", 1, 0, 3, "25%"]);
    // The columns add up to the SPO's row of the first table: 7 available, 2 needing information, 5 not.
    expect(table(r, "outcomes").table.rows[0]!.slice(1)).toEqual([7, 2, 5, 14]);
    // The headline's SPO available is the first table's figure.
    expect(r.headline.find((h) => h.label === "SPO available (first table)")?.value).toBe(7);
  });

  it("SPOs available but not pursued: 5 declined, 2 with no request", async () => {
    const r = await build(0);
    expect(table(r, "spo-not-pursued").table.rows).toEqual([
      ["a request was declined", 5],
      ["no request or application recorded", 2],
    ]);
  });

  it("declines by reason, with how many misstate the law; and by verdict", async () => {
    const r = await build(0);
    const reasons = table(r, "decline-reasons");
    expect(reasons.table.columns[1]).toBe("Misstates the law");
    // Five declines, each for want of a conviction, which an SPO does not need (SPA 2019 s.1).
    const row = reasons.table.rows.find((x) => String(x[0]).toLowerCase().includes("conviction"))!;
    expect(row.slice(1)).toEqual([5, 0, 0, 0, 0, 0]);
    expect(table(r, "decline-verdicts").table.rows).toEqual([["Likely wrongly declined", 5]]);
    expect(r.headline.find((h) => h.label === "Declined requests reviewed")?.value).toBe(5);
  });

  it("days from request to decision: median 10 and 90th percentile 60 (nearest rank of 3, 7, 10, 14, 60)", async () => {
    const r = await build(0);
    expect(table(r, "days-to-decision").table.rows).toEqual([
      ["Decisions dated", 5],
      ["Median days", "10"],
      ["90th percentile, days", "60"],
    ]);
  });

  it("breaches by police response time: 2 under an hour, 1 in 1 to 4 hours, 1 over 72, 1 not recorded", async () => {
    const r = await build(0);
    expect(table(r, "breach-response").table.rows).toEqual([
      ["under 1 hour", 2],
      ["1 to 4 hours", 1],
      ["4 to 24 hours", 0],
      ["24 to 72 hours", 0],
      ["over 72 hours", 1],
      ["not recorded", 1],
    ]);
    expect(r.headline.find((h) => h.label === "Breach reports")?.value).toBe(5);
  });
});

describe("with disclosure control (threshold 5): what cannot be shown says so", () => {
  it("shows what it can and says why the rest is hidden, never an empty table", async () => {
    const r = await build(5);
    // Five dated decisions: at the threshold, so the median and 90th percentile are shown.
    expect(table(r, "days-to-decision").table.rows.slice(1)).toEqual([
      ["Median days", "10"],
      ["90th percentile, days", "60"],
    ]);
    // Every breach band is below 5: the breakdown says it cannot be shown.
    const breaches = table(r, "breach-response");
    expect(breaches.note).toMatch(/cannot be shown without disclosing/);
    for (const row of breaches.table.rows)
      for (const c of row.slice(1)) expect(typeof c === "object" || c === 0).toBe(true);
    // Essex's single available case is hidden; so its rate is not shown either.
    const essex = rowOf(r, "spo-by-area", "Essex Police")!;
    expect(essex[1]).toEqual({ hidden: "primary" });
    expect(essex[4]).toBe("[c]");
    // Every section with rows either shows a count or carries a note saying why not.
    for (const s of r.sections) {
      if (s.empty) continue;
      const shows = s.table.rows.some((row) =>
        row.slice(1).some((c) => (typeof c === "number" && c > 0) || (typeof c === "string" && /\d/.test(c))),
      );
      expect(shows || s.note !== undefined, `${s.id} shows something or says why not`).toBe(true);
    }
    // HTML: the note is printed, and the table has no empty cell.
    const html = reportHtml(r, {});
    expect(html).toContain("This breakdown cannot be shown without disclosing small counts");
    expect(html).not.toMatch(/<td[^>]*><\/td>/);
  });

  it("with fewer dated decisions than the threshold, hides the median and 90th percentile and says why", async () => {
    const r = await build(10);
    const days = table(r, "days-to-decision");
    expect(days.table.rows.slice(1)).toEqual([
      ["Median days", "[c]"],
      ["90th percentile, days", "[c]"],
    ]);
    expect(days.note).toMatch(/Too few dated decisions/);
  });
});

describe("the CSV (item 6): the same figures and marks as the HTML and the JSON", () => {
  for (const threshold of [0, 5, 10]) {
    it(`one line per figure shown, with its mark (threshold ${threshold})`, async () => {
      const r = await build(threshold);
      const csv = reportCsv(r);
      expect(csv.endsWith("\r\n")).toBe(true);
      const records = parse(csv, { columns: false }) as string[][];
      expect(records[0]).toEqual(["section", "row", "column", "value", "mark"]);
      const body = records.slice(1);
      for (const rec of body) expect(rec).toHaveLength(5);
      const json = JSON.parse(reportJson(r)) as {
        headline: { label: string; value: string | number }[];
        sections: { id: string; columns: string[]; rows: (string | number)[][]; empty?: string }[];
      };
      // The CSV's lines, in order: the headline, then every section's cells (row by column). A
      // hidden cell, a count's mark or a rate or statistic not shown, has an empty value and its mark.
      const line = (section: string, row: string, column: string, c: string | number) => {
        const hidden = typeof c === "string" && /^\[c\]( \(secondary\))?$/.test(c);
        return [section, row, column, hidden ? "" : String(c), hidden ? String(c) : ""];
      };
      const expected: string[][] = json.headline.map((h) => line("headline", h.label, "value", h.value));
      for (const s of json.sections) {
        if (s.empty) continue;
        for (const row of s.rows) {
          row.slice(1).forEach((c, i) => {
            expected.push(line(s.id, String(row[0]), s.columns[i + 1]!, c));
          });
        }
      }
      expect(body).toEqual(expected);
      // Every mark the HTML prints, the CSV prints as many of.
      const html = reportHtml(r, {});
      const htmlMarks = (html.match(/>\[c\]( \(secondary\))?</g) ?? []).length;
      const csvMarks = body.filter((rec) => rec[4] !== "").length;
      expect(csvMarks).toBe(htmlMarks);
      // Counts are plain numbers for a spreadsheet: no thousands separator, never "<5".
      for (const rec of body) {
        expect(rec[3]).not.toMatch(/^<\d/);
        const value = rec[3] ?? "";
        if (/^\d/.test(value) && rec[2] !== "value") expect(value).toMatch(/^\d+%?$/);
      }
      if (threshold === 0) expect(body.every((rec) => rec[4] === "")).toBe(true);
      else expect(body.some((rec) => rec[4] === "[c]")).toBe(true);
    });
  }
});
