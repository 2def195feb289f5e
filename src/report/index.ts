// The caseload report's public entry: what the CLI's `report` command (and, later, anyone else) builds a report
// with. Other edges import the report through this file only, never its modules (see .dependency-cruiser.cjs).
export { buildReportFigures, type ReportRow } from "./build-report.js";
export { chartSpec, renderChartSvg } from "./charts.js";
export { reportCsv, reportHtml, reportJson, reportMarkdown } from "./render.js";
export { caseloadReport } from "./report-model.js";
