// The caseload report's HTML, in a real browser: Debian's chromium (apt-get install chromium), driven by
// playwright-core, as the site test does. The report is built by the built command line from the
// bundled example caseload; the page must load with no request beyond itself and no console error,
// show every chart it promises, labelled, and print. A screenshot is kept as a CI artefact.
// The 30-case example and 5,000 varied cases (bench/generate-varied-cases.mjs, the docs' screenshot's
// caseload) both pass axe-core with no serious or critical violation, and print on A4 without clipping:
// in print media at the width inside the page's margins, no element reaches past the page. Chart labels
// are whole (wrapped, never cut), facts are named in words, periods are drawn in date order and the
// SPA 2019's commencement is marked on a time chart that starts before it.
//
// Skipped, with the reason, unless dist/ is built and chromium is at /usr/bin/chromium (or
// $CHROMIUM_PATH). .ci/run runs tests/browser with REQUIRE_BROWSER_TESTS=1: a skip is then a failure.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = join(ROOT, "dist", "cli.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const VARIED = join(ROOT, "bench", "generate-varied-cases.mjs");
/** A4 (210 mm) less the report's 15 mm print margins, at 96 CSS pixels to the inch. */
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);
export const REPORT_SCREENSHOT = join(ROOT, "site", "screenshots", "report.png");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--lang=en-GB",
];

const missing = [
  existsSync(CLI) ? undefined : "dist/cli.js is not built (run `npm run build`)",
  existsSync(CHROMIUM) ? undefined : `no chromium at ${CHROMIUM} (apt-get install -y chromium)`,
].filter((m): m is string => m !== undefined);
const skip = missing.length > 0 && process.env.REQUIRE_BROWSER_TESTS !== "1";
if (skip) console.warn(`tests/browser/report.test.ts skipped: ${missing.join("; ")}.`);

/** The sections whose charts the example caseload must show (it has no breach reports). */
// With disclosure control over everything published, 30 cases leave some breakdowns wholly hidden.
const CHARTS = ["outcomes", "missing-facts"];
// The SPOs available but not pursued would set a floor under the hidden SPOs available: hidden too.
const HIDDEN = ["first-recommendation", "decline-verdicts", "spo-not-pursued"];
/** Every section the report has: each shows a chart, or says why it has none. */
const SECTIONS = [...CHARTS, ...HIDDEN, "decline-reasons", "spo-by-area", "spo-by-period", "breach-response"];

describe.skipIf(skip)("the caseload report, in chromium", () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let large: string;

  beforeAll(async () => {
    expect(missing, "what the report's browser test needs").toEqual([]);
    dir = mkdtempSync(join(tmpdir(), "po-report-"));
    file = join(dir, "report.html");
    execFileSync(
      process.execPath,
      [CLI, "report", join(ROOT, "examples", "caseload.json"), "--as-of", "2025-06-01", "--out", file],
      {
        env: { ...process.env, CI: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    const cases = join(dir, "cases.jsonl");
    writeFileSync(cases, execFileSync(process.execPath, [VARIED, "5000"], { maxBuffer: 1 << 28 }));
    large = join(dir, "report-5000.html");
    // Exit code 1: the varied cases include incidents dated after the law date, a warning by design.
    const built = spawnSync(
      process.execPath,
      [CLI, "report", cases, "--as-of", "2025-06-01", "--out", large],
      {
        env: { ...process.env, CI: "1" },
        encoding: "utf8",
      },
    );
    expect(built.status, built.stderr).toBeLessThanOrEqual(1);
    expect(existsSync(large)).toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads with no request beyond the file itself, no script and no console error; shows each chart, labelled, with its table", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, locale: "en-GB" });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        errors.push(`console: ${message.text()}`);
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);

    // The first screen: the law date and the row counts.
    const header = (await page.locator("header").textContent()) ?? "";
    expect(header).toContain("2025-06-01");
    expect(header).toMatch(/30\s*Rows read/);
    expect(header).toMatch(/\[c\]/);
    expect(header).not.toMatch(/<\d/);
    expect(header).toContain("Disclosure control");

    for (const id of CHARTS) {
      const figure = page.locator(`section#${id} figure[data-chart="${id}"]`);
      expect(await figure.count(), `a chart for ${id}`).toBe(1);
      expect(await figure.getAttribute("aria-label"), `${id} is labelled`).toMatch(/chart of/);
      const svg = figure.locator("svg");
      expect(await svg.count()).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, `${id} is drawn`).toBeGreaterThan(200);
      expect(
        await page.locator(`section#${id} table tbody tr`).count(),
        `${id} has its table`,
      ).toBeGreaterThan(0);
    }
    for (const id of SECTIONS) {
      const shown = await page
        .locator(`section#${id} figure[data-chart], section#${id} .no-chart, section#${id} .empty`)
        .count();
      expect(shown, `${id} shows a chart or says why not`).toBe(1);
    }
    // Every count of the 30 example cases' decline reasons is below 5: no chart, and it says why.
    expect(await page.locator("section#decline-reasons .no-chart").count()).toBe(1);
    // No breach reports in the example caseload: the section says so instead of drawing nothing.
    expect(await page.locator("section#breach-response .empty").count()).toBe(1);

    mkdirSync(dirname(REPORT_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: REPORT_SCREENSHOT, fullPage: true });
    expect(readFileSync(REPORT_SCREENSHOT).length).toBeGreaterThan(10_000);

    // It prints: a PDF of more than one page, every section kept.
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  /** Opens a report with its CSP bypassed, for the test only, so axe-core can be injected. */
  async function openForAxe(path: string, width = 1100): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 1000 },
      locale: "en-GB",
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(path).href);
    return page;
  }

  it("has no serious or critical axe-core violation (30 cases and 5,000)", async () => {
    for (const path of [file, large]) {
      const page = await openForAxe(path);
      await page.addScriptTag({ content: readFileSync(AXE, "utf8") });
      // A string, evaluated in the page (the tests have no DOM types).
      const violations = (await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length })))",
      )) as { id: string; impact: string; n: number }[];
      expect(
        violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.n})`),
        path,
      ).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it("prints on A4 without clipping: in print media, nothing reaches past the width inside the margins", async () => {
    for (const path of [file, large]) {
      const page = await openForAxe(path, A4_PRINT_WIDTH);
      await page.emulateMedia({ media: "print" });
      const overflowing = (await page.evaluate(`(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll("body *")]
          .map((e) => [e, e.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
          .map(([e, r]) => e.tagName + " in #" + (e.closest("section")?.id ?? "header") + " ends at " + Math.round(r.right))
          .slice(0, 10);
      })()`)) as string[];
      expect(overflowing, `${path} at ${A4_PRINT_WIDTH}px`).toEqual([]);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(A4_PRINT_WIDTH);
      // The page's own size: A4 (595 x 842 points).
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
      expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
      await page.context().close();
    }
  }, 120_000);

  it("draws whole labels, facts in words, periods in date order, and marks the SPA's commencement (5,000 cases)", async () => {
    const page = await openForAxe(large);
    const sections = (await page.evaluate(`[...document.querySelectorAll("section")].map((s) => ({
      id: s.id,
      figure: s.querySelector("figure[data-chart]")?.getAttribute("aria-label") ?? null,
      table: s.querySelectorAll("table tbody tr").length,
      rows: [...s.querySelectorAll("table tbody tr th")].map((t) => t.textContent.trim()),
      // The y axis's labels: end-anchored, each line a tspan.
      labels: [...s.querySelectorAll("figure [aria-label^='Y-axis'] .role-axis-label text")].map((t) =>
        t.querySelectorAll("tspan").length > 0
          ? [...t.querySelectorAll("tspan")].map((x) => x.textContent).join(" ")
          : t.textContent,
      ),
      text: [...s.querySelectorAll("figure svg text")].map((t) => t.textContent),
    }))`)) as {
      id: string;
      figure: string | null;
      table: number;
      rows: string[];
      labels: string[];
      text: string[];
    }[];
    const charts = sections.filter((s) => s.figure !== null);
    expect(charts.length, "charts drawn from 5,000 cases").toBeGreaterThanOrEqual(6);
    for (const s of charts) {
      // A text alternative, and the table of the same numbers beside it.
      expect(s.figure, s.id).toMatch(/chart of .* the table gives the same numbers/);
      expect(s.table, `${s.id} has its table`).toBeGreaterThan(0);
      // Nothing cut: no ellipsis, and every label drawn is a whole row label of the table.
      for (const t of s.text) expect(t, s.id).not.toMatch(/…$/);
      for (const label of s.labels) expect(s.rows, `${s.id}: "${label}" is a whole label`).toContain(label);
      // No fact id on an axis (risk.ongoing and the like).
      for (const t of s.text) expect(t, s.id).not.toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
    }
    const period = sections.find((s) => s.id === "spo-by-period")!;
    // Every period drawn, in the table's (date) order, and the table in date order.
    expect(period.labels).toEqual(period.rows);
    const dated = period.rows.filter((r) => /^\d{4}/.test(r));
    expect(dated).toEqual([...dated].sort());
    expect(dated.every((r) => r <= "2025-06")).toBe(true);
    expect(dated[0]! < "2020").toBe(true);
    expect(period.text).toContain("Stalking Protection Act 2019 in force from 20 January 2020");
    await page.context().close();
  }, 120_000);
});
