// The caseload report's HTML, in a real browser: Debian's chromium (apt-get install chromium), driven by
// playwright-core, as the site test does. The report is built by the built command line from the
// bundled example caseload; the page must load with no request beyond itself and no console error,
// show every chart it promises, labelled, and print. A screenshot is kept as a CI artefact.
//
// Skipped, with the reason, unless dist/ is built and chromium is at /usr/bin/chromium (or
// $CHROMIUM_PATH). .ci/run runs tests/browser with REQUIRE_BROWSER_TESTS=1: a skip is then a failure.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = join(ROOT, "dist", "cli.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
const CHARTS = ["outcomes", "missing-facts", "spo-not-pursued"];
const HIDDEN = ["first-recommendation", "decline-verdicts"];
/** Every section the report has: each shows a chart, or says why it has none. */
const SECTIONS = [...CHARTS, ...HIDDEN, "decline-reasons", "spo-by-area", "spo-by-period", "breach-response"];

describe.skipIf(skip)("the caseload report, in chromium", () => {
  let browser: Browser;
  let dir: string;
  let file: string;

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
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

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
});
