// Charts for the caseload report: Vega-Lite specifications (data, not drawing code), compiled to
// Vega and rendered to static SVG when the report is built, by Vega's headless renderer with its
// CSP-safe expression interpreter (no `new Function`, nothing fetched). The numbers drawn are the
// section table's own; suppressed counts are left out of the chart (the table says "<N").
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

function values(
  section: ReportSection,
  plan: ChartPlan,
): { category: string; series: string; count: number; order: number }[] {
  const { columns, rows } = section.table;
  const out: { category: string; series: string; count: number; order: number }[] = [];
  rows.forEach((row, order) => {
    const label = String(row[0] ?? "");
    // The SPA's commencement is marked on the period that holds it, in the axis label itself.
    const category = plan.marker && label === plan.marker.category ? `${label}: ${plan.marker.label}` : label;
    for (const series of plan.series) {
      const column = columns.indexOf(series);
      const cell = column >= 0 ? row[column] : undefined;
      if (typeof cell === "number" && cell > 0) out.push({ category, series, count: cell, order });
    }
  });
  return out;
}

/**
 * The Vega-Lite specification of a section's chart, or `undefined` where it has none or nothing
 * to draw.
 */
export function chartSpec(section: ReportSection): VegaLiteSpec | undefined {
  const plan = section.chart;
  if (!plan) return undefined;
  const data = values(section, plan);
  if (data.length === 0) return undefined;
  const categories = new Set(data.map((d) => d.category)).size;
  const stacked = plan.kind === "stacked-bar";
  const colours = plan.series.map((s) => OUTCOME_COLOURS[s] ?? "#2166ac");
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${section.title}: a ${stacked ? "stacked " : ""}bar chart of ${plan.measure.toLowerCase()} by ${plan.category.toLowerCase()}. The table below gives the same numbers.`,
    width: 560,
    height: Math.max(40, Math.min(categories, 50) * 22),
    background: "white",
    data: { values: data },
    mark: { type: "bar", tooltip: false },
    encoding: barEncoding(plan, stacked, colours),
    config: { font: "system-ui, sans-serif", view: { stroke: null } },
  };
}

function barEncoding(plan: ChartPlan, stacked: boolean, colours: readonly string[]): Record<string, unknown> {
  return {
    y: {
      field: "category",
      type: "nominal",
      title: plan.category,
      sort: plan.ordered ? { field: "order", order: "ascending" } : "-x",
      // Full labels: nothing cut (labelLimit 0); long ones wrap in the table beside the chart.
      axis: { labelLimit: 0 },
    },
    x: {
      field: "count",
      type: "quantitative",
      title: plan.measure,
      aggregate: "sum",
      axis: { tickMinStep: 1 },
    },
    ...(stacked
      ? {
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: [...plan.series], range: colours },
            legend: { orient: "bottom", direction: "horizontal" },
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
