// The caseload figures and the report model: checked against summarizeAssessments (an independent
// count of the same assessments) on generated caseloads, and the disclosure control at its threshold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assess,
  type CaseFacts,
  createCaseloadFigures,
  safeReviewSpoDecline,
  summarizeAssessments,
} from "../../src/index.js";
import { buildReportFigures } from "../../src/report/build-report.js";
import { chartSpec, renderChartSvg, wrapLabel } from "../../src/report/charts.js";
import { reportJson, reportMarkdown } from "../../src/report/render.js";
import { caseloadReport, shownCountText } from "../../src/report/report-model.js";
import { controlDisclosure } from "../../src/report/suppress.js";
import { caseFactsArbitrary, PROPERTY_TIMEOUT, params } from "../robustness/support.js";

const AS_OF = "2025-06-01";

describe("caseload figures", () => {
  it(
    "count outcomes and first recommendations exactly as summarizeAssessments does",
    () => {
      fc.assert(
        fc.property(
          fc.array(caseFactsArbitrary, { maxLength: 25 }),
          fc.nat({ max: 5 }),
          (caseload, invalid) => {
            const counter = createCaseloadFigures(AS_OF);
            const assessments = caseload.map((facts) => assess(facts, { asOf: AS_OF }));
            caseload.forEach((facts, i) => {
              counter.addAssessment(facts, assessments[i]!);
            });
            for (let i = 0; i < invalid; i++) counter.addInvalid();
            const figures = counter.figures();
            const summary = summarizeAssessments(assessments, invalid);
            expect(figures.rows).toEqual({ read: summary.cases, valid: caseload.length, invalid });
            expect(figures.outcomes).toEqual(summary.outcomes);
            expect(figures.firstRecommendation).toEqual(summary.firstRecommendation);
            // Every case counts once in the SPO breakdowns, whatever its area or month.
            const total = (t: Readonly<Record<string, Record<string, number>>>) =>
              Object.values(t).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
            expect(total(figures.spo.byPoliceForceArea)).toBe(caseload.length);
            expect(total(figures.spo.byMonthOfLatestIncident)).toBe(caseload.length);
            // A missing fact is counted in as many cases as list it.
            for (const m of figures.missingFacts) {
              expect(m.cases).toBe(
                assessments.filter((a) => (a.missingFacts as readonly string[]).includes(m.fact)).length,
              );
            }
          },
        ),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("counts decline verdicts and each reason's finding", () => {
    const facts: CaseFacts = {
      id: "d1",
      jurisdiction: "england-and-wales",
      incidents: [{ kind: "following" }, { kind: "loitering" }],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
      spoRequest: {
        decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-conviction" }] },
      },
    };
    const review = safeReviewSpoDecline(facts);
    if (!review.success) throw new Error("the fixture must be valid");
    const counter = createCaseloadFigures(AS_OF);
    counter.addDeclineReview(review.review);
    counter.addDeclineReview(review.review);
    const figures = counter.figures();
    expect(figures.declines.reviewed).toBe(2);
    expect(figures.declines.byVerdict[review.review.verdict]).toBe(2);
    expect(figures.declines.reasons["no-conviction"]?.[review.review.findings[0]!.finding]).toBe(2);
  });

  it("reads rows streaming and counts unreadable and invalid rows as invalid", async () => {
    const rows = [
      { value: { id: "a", jurisdiction: "england-and-wales" } },
      { unreadable: "not JSON" },
      { value: { id: "" } },
      { text: '{"id":"b"}' },
      { text: "{" },
    ];
    const run = await buildReportFigures(rows, { asOf: AS_OF });
    expect(run.figures.rows).toEqual({ read: 5, valid: 2, invalid: 3 });
  });

  it("takes breach reports beside the case facts and bands the response times", async () => {
    const order = {
      kind: "spo",
      appliedForBy: { role: "chief-officer" },
      protectedPersons: ["v"],
      madeOn: "2025-01-10",
      servedOn: "2025-01-11",
      duration: { type: "fixed", endsOn: "2027-01-10" },
      prohibitions: [{ text: "Not to contact V by any means." }],
    };
    const reports = [
      {
        date: "2025-03-01",
        kind: "contacting",
        reportedAt: "2025-03-01T10:00",
        respondedAt: "2025-03-01T10:30",
      },
      {
        date: "2025-03-02",
        kind: "contacting",
        reportedAt: "2025-03-02T10:00",
        respondedAt: "2025-03-06T10:00",
      },
      { date: "2025-03-03", kind: "contacting", reportedAt: "2025-03-03T10:00" },
    ];
    const run = await buildReportFigures([{ value: { id: "a", breaches: { order, reports } } }], {
      asOf: AS_OF,
    });
    expect(run.figures.rows.valid).toBe(1);
    expect(run.figures.breaches.reports).toBe(3);
    expect(run.figures.breaches.responseHours["under 1 hour"]).toBe(1);
    expect(run.figures.breaches.responseHours["over 72 hours"]).toBe(1);
    expect(run.figures.breaches.responseHours["not recorded"]).toBe(1);
  });
});

describe("chart labels", () => {
  it("wrap at spaces and never cut: the lines give back the whole label", () => {
    const long =
      "What has the suspect done? Record each act (following, contact, monitoring, loitering, entering premises), wherever it happened";
    const lines = wrapLabel(long, 34);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(34);
    expect(lines.join(" ")).toBe(long);
    expect(wrapLabel("relationship.agreementToMarryWithinThreeYears", 20).join("")).toBe(
      "relationship.agreementToMarryWithinThreeYears",
    );
  });

  it("name facts in plain English on the chart, the question and the id in the table", () => {
    const counter = createCaseloadFigures(AS_OF);
    const f: CaseFacts = { id: "a", jurisdiction: "england-and-wales", incidents: [{ kind: "following" }] };
    for (let i = 0; i < 6; i++) counter.addAssessment(f, assess(f, { asOf: AS_OF }));
    const section = caseloadReport(counter.figures(), { suppressBelow: 0 }).sections.find(
      (s) => s.id === "missing-facts",
    )!;
    expect(section.table.columns.slice(0, 3)).toEqual(["Fact", "Question to ask", "Fact id"]);
    const spec = chartSpec(section)!;
    const drawn = (spec.data as { values: { category: string }[] }).values.map((v) => v.category);
    expect(drawn.length).toBeGreaterThan(0);
    for (const label of drawn) expect(label).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(drawn).toContain(wrapLabel("The suspect still poses the risk now").join("\n"));
    const axis = (spec.encoding as { y: { axis: { labelLimit: number; labelExpr: string } } }).y.axis;
    expect(axis.labelLimit).toBe(0);
    expect(axis.labelExpr).toContain("split");
  });
});

describe("disclosure control", () => {
  const line = (values: number[], t: number) => {
    const figures = [
      { id: "total", value: values.reduce((n, v) => n + v, 0) },
      ...values.map((value, i) => ({ id: `m${i}`, value })),
    ];
    const d = controlDisclosure(figures, [{ total: "total", members: values.map((_, i) => `m${i}`) }], t);
    return values.map((_, i) => d.hidden.get(`m${i}`) ?? "shown");
  };

  it("hides counts from 1 to threshold - 1 as primary, shows the threshold itself and zeros", () => {
    expect(line([4, 0, 50], 5)).toEqual(["primary", "shown", "secondary"]);
    expect(line([5, 0, 50], 5)).toEqual(["shown", "shown", "shown"]);
    expect(line([1, 1, 0], 0)).toEqual(["shown", "shown", "shown"]);
  });

  it("hides enough others that the hidden ones add up to more than the threshold (issue 27: 23 + 5 + <5 + <5 = 30)", () => {
    const marks = line([23, 5, 1, 1], 5);
    expect(marks.slice(2)).toEqual(["primary", "primary"]);
    expect(marks.filter((m) => m === "secondary").length).toBeGreaterThan(0);
  });

  it("writes [c] and [c] (secondary), never <n", () => {
    expect(shownCountText({ hidden: "primary" })).toBe("[c]");
    expect(shownCountText({ hidden: "secondary" })).toBe("[c] (secondary)");
    expect(shownCountText(1234)).toBe("1,234");
  });

  it("applies the threshold in every section of the report: no count from 1 to threshold - 1 is shown", () => {
    const caseload: CaseFacts[] = Array.from({ length: 7 }, (_, i) => ({
      id: `c${i}`,
      jurisdiction: "england-and-wales",
      policeForceArea: i < 5 ? "kent" : "essex",
      // Acts the suspect knew or ought to have known were unwelcome (SPA 2019 s.1(4)(b)): SPO available.
      incidents: [
        { kind: "following", date: `2025-0${1 + (i % 3)}-10`, suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
    }));
    const counter = createCaseloadFigures(AS_OF);
    for (const facts of caseload) counter.addAssessment(facts, assess(facts, { asOf: AS_OF }));
    const figures = counter.figures();
    for (const below of [5, 3, 10]) {
      const report = caseloadReport(figures, { suppressBelow: below });
      for (const section of report.sections) {
        for (const row of section.table.rows) {
          for (const cell of row)
            if (typeof cell === "number") expect(cell === 0 || cell >= below).toBe(true);
        }
      }
      const json = JSON.parse(reportJson(report)) as { sections: { id: string; rows: unknown[][] }[] };
      const byArea = json.sections.find((s) => s.id === "spo-by-area")!;
      const essex = byArea.rows.find((r) => r[0] === "Essex Police");
      expect(essex?.[1]).toMatch(/^\[c\]/);
      expect(reportMarkdown(report)).not.toMatch(/\\<\d/);
    }
  });

  it("says at the top that a report without suppression is for internal use only", () => {
    const report = caseloadReport(createCaseloadFigures(AS_OF).figures(), { suppressBelow: 0 });
    expect(report.internalOnly).toBe(true);
    expect(reportMarkdown(report).split("\n").slice(0, 4).join(" ")).toContain("INTERNAL USE ONLY");
  });

  it("puts periods in date order, marks the SPA's commencement, and counts incidents after the law date on their own line", async () => {
    const facts = (date: string, id: string): CaseFacts => ({
      id,
      jurisdiction: "england-and-wales",
      incidents: [{ kind: "following", date }],
    });
    const counter = createCaseloadFigures(AS_OF);
    for (const [i, d] of ["2024-11-02", "2019-03-01", "2026-01-01", "2024-02-02"].entries()) {
      const f = facts(d, `c${i}`);
      counter.addAssessment(f, assess(f, { asOf: AS_OF }));
    }
    const figures = counter.figures();
    expect(figures.spo.incidentsAfterAsOf).toBe(1);
    const report = caseloadReport(figures, { suppressBelow: 0, period: "quarter" });
    const rows = report.sections.find((s) => s.id === "spo-by-period")!.table.rows.map((r) => r[0]);
    // The table starts before the SPA's commencement: the quarter holding it is shown (zeros), to mark.
    expect(rows).toEqual([
      "2019 Q1",
      "2020 Q1",
      "2024 Q1",
      "2024 Q4",
      "Dated after the law date (a data problem)",
    ]);
    const section = report.sections.find((s) => s.id === "spo-by-period")!;
    expect(section.table.rows[1]).toEqual(["2020 Q1", 0, 0, 0]);
    expect(section.chart?.marker?.category).toBe("2020 Q1");
    const spec = chartSpec(section)!;
    const layers = spec.layer as { mark: { type: string }; data: { values: { category: string }[] } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(["bar", "rule", "text"]);
    expect(layers[1]!.data.values[0]!.category).toBe("2020 Q1");
    const svg = await renderChartSvg(spec);
    expect(svg).toContain("Stalking Protection Act 2019 in force from 20 January 2020");
    // Periods are drawn in the table's order, every one (a stack's sort by a field would sum it).
    const y = (spec.layer as { encoding?: { y?: { sort?: unknown } } }[])[0]!.encoding!.y!.sort;
    expect(y).toEqual(rows.map((r) => wrapLabel(String(r)).join("\n")));
    // A table that starts after the commencement has no marker.
    const late = createCaseloadFigures(AS_OF);
    const f = facts("2024-03-03", "late");
    late.addAssessment(f, assess(f, { asOf: AS_OF }));
    const lateSection = caseloadReport(late.figures(), { suppressBelow: 0, period: "quarter" }).sections.find(
      (s) => s.id === "spo-by-period",
    )!;
    expect(lateSection.chart?.marker).toBeUndefined();
    expect(lateSection.table.rows.map((r) => r[0])).toEqual(["2024 Q1"]);
  });

  it("holds no case id, name or free text unless ids are asked for", async () => {
    const secret = "ZQX-SECRET-7f3a9";
    const rows = [
      {
        value: {
          id: secret,
          jurisdiction: "england-and-wales",
          notes: secret,
          incidents: [{ kind: "following", description: secret }, { kind: "loitering" }],
          risk: { psychologicalHarm: true, ongoing: true },
          protection: {},
          spoRequest: {
            decision: {
              outcome: "declined",
              freeText: secret,
              reasons: [{ code: "no-conviction", text: secret }],
            },
          },
        },
      },
    ];
    const run = await buildReportFigures(rows, { asOf: AS_OF });
    const report = caseloadReport(run.figures, { suppressBelow: 0 });
    expect(reportJson(report)).not.toContain("ZQX");
    expect(reportMarkdown(report)).not.toContain("ZQX");
    const withIds = await buildReportFigures(rows, { asOf: AS_OF, includeIds: true });
    expect(
      reportJson(
        caseloadReport(withIds.figures, { suppressBelow: 0, ...(withIds.ids ? { ids: withIds.ids } : {}) }),
      ),
    ).toContain(secret);
  });
});
