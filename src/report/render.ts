// The caseload report as one self-contained HTML file (no script, nothing fetched, prints well),
// as Markdown, and as JSON: three renderings of the same report model.
import { type CaseloadReport, type ChartPlan, type ReportSection, shownCountText } from "./report-model.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes text for a Markdown table cell: no markup, no raw HTML, no line breaks. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, "\\$1");
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 980px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 32px 0 4px; border-top: 1px solid #ddd; padding-top: 16px; }
.lead, .note { color: #444; margin: 4px 0 12px; }
.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; margin: 16px 0; padding: 0; list-style: none; }
.headline li { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; }
.headline .value { display: block; font-size: 1.5em; font-weight: 600; }
figure { margin: 8px 0; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.id { overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 0.9em; }
td.n, th.n { text-align: right; }
table { max-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
.empty { font-style: italic; color: #555; }
footer { margin-top: 32px; color: #555; font-size: 0.9em; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; }
  table { font-size: 9pt; }
  th, td { padding: 2px 4px; }
}
`;

function isCountColumn(section: ReportSection, column: number): boolean {
  return section.table.rows.some((row) => typeof row[column] === "number" || typeof row[column] === "object");
}

function htmlTable(section: ReportSection): string {
  const { columns, rows } = section.table;
  const numeric = columns.map((_, i) => isCountColumn(section, i));
  const head = columns
    .map((c, i) => `<th scope="col"${numeric[i] ? ' class="n"' : ""}>${escapeHtml(c)}</th>`)
    .join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(shownCountText(cell))}</th>`
              : `<td${numeric[i] ? ' class="n"' : columns[i] === "Fact id" ? ' class="id"' : ""}>${escapeHtml(shownCountText(cell))}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><caption>${escapeHtml(section.title)}: the numbers</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function chartFigure(
  section: ReportSection,
  svg: string | undefined,
  plan: ChartPlan | undefined,
  below: number,
): string {
  if (!plan) return "";
  if (!svg) {
    return `<p class="note no-chart">No chart: every count in this breakdown is zero or hidden for disclosure control (threshold ${below}).</p>`;
  }
  const label = `${section.title}: chart of ${plan.measure.toLowerCase()} by ${plan.category.toLowerCase()}; the table gives the same numbers.`;
  // Vega's SVG carries no script; the figure is labelled for screen readers and the table repeats it.
  return `<figure role="img" aria-label="${escapeHtml(label)}" data-chart="${escapeHtml(section.id)}">${svg}</figure>`;
}

/**
 * The report as one self-contained HTML page: inline styles and SVG, no script, a Content Security
 * Policy that forbids every fetch, and print styles.
 */
export function reportHtml(report: CaseloadReport, charts: Readonly<Record<string, string>>): string {
  const below = report.suppressBelow;
  const headline = report.headline
    .map(
      (h) =>
        `<li><span class="value">${escapeHtml(typeof h.value === "string" ? h.value : shownCountText(h.value))}</span>${escapeHtml(h.label)}</li>`,
    )
    .join("\n");
  const sections = report.sections
    .map((section) => {
      const body = section.empty
        ? `<p class="empty">${escapeHtml(section.empty)}</p>`
        : `${section.note ? `<p class="note">${escapeHtml(section.note)}</p>\n` : ""}${chartFigure(section, charts[section.id], section.chart, below)}\n${htmlTable(section)}`;
      return `<section id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n<p class="lead">${escapeHtml(section.lead)}</p>\n${body}\n</section>`;
    })
    .join("\n");
  const ids = report.ids
    ? `<section id="case-ids">\n<h2>Case ids to look at again</h2>\n<p class="lead">Included because the report was built with --include-ids: this page now identifies cases. Share it only with those entitled to see them.</p>\n<h3>SPO available, request declined</h3>\n<p>${escapeHtml(report.ids.availableButDeclined.join(", ") || "none")}</p>\n<h3>Declines the review flags</h3>\n<p>${escapeHtml(report.ids.declinesToReview.join(", ") || "none")}</p>\n</section>`
    : "";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
${report.internalOnly ? '<p class="internal"><strong>INTERNAL USE ONLY: no count is hidden (--no-suppression). Do not publish or share.</strong></p>\n' : ""}<p class="lead">The law as at <strong>${escapeHtml(report.asOf)}</strong>. Aggregates only: no names, free text or case ids${report.ids ? ", except the ids listed at the end" : ""}.</p>
<ul class="headline">
${headline}
</ul>
<p class="note"><strong>Disclosure control.</strong> ${escapeHtml(report.convention)}</p>
<p class="note">Not legal advice: each outcome rests on a digest of the law, cited in the assessment of each case.</p>
</header>
<main>
${sections}
${ids}
</main>
<footer>Made by protective-orders from the rows given; the same figures are available with --format json or --format markdown.</footer>
</body>
</html>
`;
}

/** The report as Markdown: the same headline, convention and tables, without the charts. */
export function reportMarkdown(report: CaseloadReport): string {
  const cell = (value: Parameters<typeof shownCountText>[0]) => escapeMarkdownCell(shownCountText(value));
  const lines = [
    `# ${escapeMarkdownCell(report.title)}`,
    ...(report.internalOnly
      ? ["", "**INTERNAL USE ONLY: no count is hidden (--no-suppression). Do not publish or share.**"]
      : []),
    "",
    `The law as at **${cell(report.asOf)}**. Aggregates only.`,
    "",
    ...report.headline.map(
      (h) =>
        `- ${escapeMarkdownCell(h.label)}: ${typeof h.value === "string" ? cell(h.value) : cell(h.value)}`,
    ),
    "",
    `**Disclosure control.** ${escapeMarkdownCell(report.convention)}`,
  ];
  for (const section of report.sections) {
    lines.push("", `## ${escapeMarkdownCell(section.title)}`, "", escapeMarkdownCell(section.lead), "");
    if (section.empty) {
      lines.push(`_${escapeMarkdownCell(section.empty)}_`);
      continue;
    }
    if (section.note) lines.push(`_${escapeMarkdownCell(section.note)}_`, "");
    const { columns, rows } = section.table;
    lines.push(`| ${columns.map(escapeMarkdownCell).join(" | ")} |`);
    lines.push(`| ${columns.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
    for (const row of rows) lines.push(`| ${row.map((c) => cell(c)).join(" | ")} |`);
  }
  if (report.ids) {
    lines.push("", "## Case ids to look at again", "");
    lines.push(
      `- SPO available, request declined: ${report.ids.availableButDeclined.map(escapeMarkdownCell).join(", ") || "none"}`,
    );
    lines.push(
      `- Declines the review flags: ${report.ids.declinesToReview.map(escapeMarkdownCell).join(", ") || "none"}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A cell as JSON: a number or label, or the mark of a hidden count ("[c]", "[c] (secondary)"). */
function jsonCell(cell: Parameters<typeof shownCountText>[0]): string | number {
  return typeof cell === "object" ? shownCountText(cell) : (cell ?? "");
}

/** Quotes a CSV field (RFC 4180), and defuses a leading formula character for spreadsheets. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as one tidy CSV: one line per published figure (section, row, column, value, mark),
 * with the same suppression as every other format: a hidden count (or a rate or statistic not shown)
 * has an empty value and its mark, "[c]" or "[c] (secondary)", in the mark column.
 */
export function reportCsv(report: CaseloadReport): string {
  const out = ["section,row,column,value,mark"];
  const push = (section: string, row: string, column: string, cell: Parameters<typeof shownCountText>[0]) => {
    // A hidden count, or a rate or statistic not shown ("[c]"): an empty value and the mark.
    const hidden = typeof cell === "object" || cell === "[c]";
    const value = hidden ? "" : String(cell ?? "");
    out.push([section, row, column, value, hidden ? shownCountText(cell) : ""].map(csvField).join(","));
  };
  for (const h of report.headline) push("headline", h.label, "value", h.value);
  for (const s of report.sections) {
    if (s.empty) continue;
    for (const row of s.table.rows) {
      const label = String(row[0] ?? "");
      row.slice(1).forEach((c, i) => {
        push(s.id, label, s.table.columns[i + 1] ?? "", c);
      });
    }
  }
  return `${out.join("\r\n")}\r\n`;
}

/** The report as JSON: the headline figures and every section's table (suppressed counts are `null`). */
export function reportJson(report: CaseloadReport): string {
  return `${JSON.stringify(
    {
      title: report.title,
      asOf: report.asOf,
      rows: {
        read: jsonCell(report.rows.read),
        valid: jsonCell(report.rows.valid),
        invalid: jsonCell(report.rows.invalid),
      },
      suppressBelow: report.suppressBelow,
      internalOnly: report.internalOnly,
      convention: report.convention,
      headline: report.headline.map((h) => ({ label: h.label, value: jsonCell(h.value) })),
      sections: report.sections.map((s) => ({
        id: s.id,
        title: s.title,
        columns: s.table.columns,
        rows: s.table.rows.map((r) => r.map(jsonCell)),
        ...(s.note ? { note: s.note } : {}),
        ...(s.empty ? { empty: s.empty } : {}),
      })),
      ...(report.ids ? { ids: report.ids } : {}),
    },
    null,
    2,
  )}\n`;
}
