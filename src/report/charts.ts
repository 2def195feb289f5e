// Charts for the caseload report: Vega-Lite specifications (data, not drawing code), compiled to
// Vega and rendered to static SVG when the report is built, by Vega's headless renderer with its
// CSP-safe expression interpreter (no `new Function`, nothing fetched). The numbers drawn are the
// section table's own; hidden counts are left out of the chart (the table says "[c]").
import type { ChartPlan, ReportSection } from "./report-model.js";

/** A Vega-Lite specification, as JSON. */
export type VegaLiteSpec = Record<string, unknown>;

// The Okabe-Ito palette (safe for the common colour-blindnesses), picked so each stack's colours
// also differ in lightness and stay apart in greyscale print.
const OUTCOME_COLOURS: Readonly<Record<string, string>> = {
  Available: "#0072B2",
  "Needs information": "#E69F00",
  "Not available": "#000000",
  "Misstates the law": "#D55E00",
  Misdirected: "#F0E442",
  "Contradicted by the facts": "#56B4E9",
};

/** Characters per line of a wrapped axis label. */
export const LABEL_WRAP = 34;

/**
 * Wraps a label into lines of at most `width` characters, at spaces; a word longer than a line is
 * broken, never dropped. Nothing is cut: the lines joined with spaces give back the label.
 */
export function wrapLabel(label: string, width = LABEL_WRAP): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter((w) => w !== "")) {
    let rest = word;
    while (rest.length > width) {
      if (line !== "") {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (line === "") line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** A category's axis label as drawn: wrapped, the lines joined by a newline (split again by Vega). */
function axisLabel(label: string): string {
  return wrapLabel(label).join("\n");
}

function values(
  section: ReportSection,
  plan: ChartPlan,
): { categories: string[]; data: { category: string; series: string; count: number }[] } {
  const { columns, rows } = section.table;
  const data: { category: string; series: string; count: number }[] = [];
  const categories: string[] = [];
  for (const row of rows) {
    const category = axisLabel(String(row[0] ?? ""));
    categories.push(category);
    for (const series of plan.series) {
      const column = columns.indexOf(series);
      const cell = column >= 0 ? row[column] : undefined;
      if (typeof cell === "number" && cell > 0) data.push({ category, series, count: cell });
    }
  }
  return { categories, data };
}

/**
 * The Vega-Lite specification of a section's chart, or `undefined` where it has none or nothing
 * to draw. Categories kept in the table's order (periods, bands) are drawn in that order, every
 * one of them, hidden counts as gaps; the SPA's commencement is marked on a time chart that
 * starts before it, by a dashed line and its label.
 */
export function chartSpec(section: ReportSection): VegaLiteSpec | undefined {
  const plan = section.chart;
  if (!plan) return undefined;
  const { categories: all, data } = values(section, plan);
  if (data.length === 0) return undefined;
  const drawn = new Set(data.map((d) => d.category));
  const categories = plan.ordered ? all : all.filter((c) => drawn.has(c));
  const lines = Math.max(1, ...categories.map((c) => c.split("\n").length));
  const stacked = plan.kind === "stacked-bar";
  const colours = plan.series.map((s) => OUTCOME_COLOURS[s] ?? "#2166ac");
  const marker = plan.marker ? axisLabel(plan.marker.category) : undefined;
  const bars = {
    data: { values: data },
    mark: { type: "bar", tooltip: false },
    encoding: barEncoding(plan, stacked, colours, plan.ordered ? categories : undefined),
  };
  const markerLayers =
    marker !== undefined && plan.marker && categories.includes(marker)
      ? [
          {
            data: { values: [{ category: marker }] },
            mark: { type: "rule", strokeDash: [6, 4], color: "#444444", strokeWidth: 1.5 },
            encoding: { y: { field: "category", type: "nominal", bandPosition: 0 } },
          },
          {
            data: { values: [{ category: marker, text: plan.marker.label }] },
            mark: {
              type: "text",
              align: "right",
              baseline: "bottom",
              dy: -2,
              color: "#222222",
              fontSize: 11,
            },
            encoding: {
              y: { field: "category", type: "nominal", bandPosition: 0 },
              x: { value: "width" },
              text: { field: "text" },
            },
          },
        ]
      : [];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${section.title}: a ${stacked ? "stacked " : ""}bar chart of ${plan.measure.toLowerCase()} by ${plan.category.toLowerCase()}${plan.marker ? `, with the SPA 2019's commencement (${plan.marker.label}) marked` : ""}. The table below gives the same numbers.`,
    width: 480,
    height: { step: Math.max(22, lines * 13 + 8) },
    background: "white",
    ...(markerLayers.length > 0 ? { layer: [bars, ...markerLayers] } : bars),
    config: {
      font: "system-ui, sans-serif",
      view: { stroke: null },
      axis: { labelLimit: 0, titleLimit: 0 },
      legend: { labelLimit: 0, titleLimit: 0 },
    },
  };
}

function barEncoding(
  plan: ChartPlan,
  stacked: boolean,
  colours: readonly string[],
  order: readonly string[] | undefined,
): Record<string, unknown> {
  return {
    y: {
      field: "category",
      type: "nominal",
      title: plan.category,
      // The table's order, every category (a sort by a field would sum it over a stack's series).
      ...(order ? { sort: [...order], scale: { domain: [...order] } } : { sort: "-x" }),
      // Full labels: nothing cut (labelLimit 0), each wrapped onto lines.
      axis: { labelLimit: 0, labelExpr: "split(datum.label, '\\n')" },
    },
    x: {
      field: "count",
      type: "quantitative",
      title: plan.measure,
      aggregate: "sum",
      axis: { tickMinStep: 1, format: "d" },
    },
    ...(stacked
      ? {
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: [...plan.series], range: colours },
            legend: { orient: "bottom", direction: "horizontal", labelLimit: 0, columns: 3 },
          },
          order: { field: "series" },
        }
      : { color: { value: colours[0] } }),
  };
}

/**
 * Renders a Vega-Lite specification to a static SVG string (Node only; Vega is loaded on first use,
 * so the rest of the command line starts without it).
 */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite, interpreter] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("vega-interpreter"),
  ]);
  const compiled = vegaLite.compile(spec as never).spec;
  const runtime = vega.parse(compiled, undefined, { ast: true });
  // A loader that refuses everything: a chart's data is inline, and nothing is ever fetched.
  const loader = vega.loader();
  loader.load = () => Promise.reject(new Error("the caseload report fetches nothing"));
  const view = new vega.View(runtime, {
    renderer: "none",
    expr: interpreter.expressionInterpreter,
    loader,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
