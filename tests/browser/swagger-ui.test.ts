// Swagger UI at /docs, in a real browser (Debian's chromium, driven by playwright-core), against a real
// service: for every operation, "Try it out" then "Execute" with what the page fills in, as it stands, gets
// 200; the page shows no error or warning about the document (it warned about jsonSchemaDialect).
//
// Skipped, with the reason, unless chromium is at /usr/bin/chromium (or $CHROMIUM_PATH);
// REQUIRE_BROWSER_TESTS=1 turns a skip into a failure.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, startServer } from "../server/helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const skip = !existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER_TESTS !== "1";
if (skip) console.warn(`tests/browser/swagger-ui.test.ts skipped: no chromium at ${CHROMIUM}.`);

let server: Running;
let browser: Browser;
beforeAll(async () => {
  if (skip) return;
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(skip)("Swagger UI's Try it out", () => {
  it("gets 200 for every operation with the examples as they stand", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`${server.url}/docs/`);
    await page.waitForSelector(".opblock-summary", { timeout: 30_000 });
    // No error or warning about the document (Swagger UI's errors box, or a schema notice).
    expect(await page.locator(".errors-wrapper").count()).toBe(0);
    const text = await page.locator("body").textContent();
    expect(text).not.toMatch(/jsonSchemaDialect/i);
    // Expand every tag's operations.
    const summaries = page.locator(".opblock .opblock-summary");
    const count = await summaries.count();
    expect(count).toBe(17);
    const statuses: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const block = page.locator(".opblock").nth(i);
      const name = ((await block.locator(".opblock-summary-path").first().textContent()) ?? "").trim();
      const method = ((await block.locator(".opblock-summary-method").first().textContent()) ?? "").trim();
      await block.locator(".opblock-summary").first().click();
      await block.locator(".try-out__btn").click();
      await block.locator(".execute").click();
      const status = block.locator(".live-responses-table tbody .response-col_status").first();
      await status.waitFor({ timeout: 30_000 });
      statuses[`${method} ${name}`] = ((await status.textContent()) ?? "").trim().split(/\s/)[0]!;
    }
    expect(
      Object.values(statuses).every((s) => s === "200"),
      JSON.stringify(statuses, null, 1),
    ).toBe(true);
    expect(Object.keys(statuses)).toHaveLength(17);
    // Nothing from elsewhere.
    expect(requested.filter((u) => !u.startsWith(server.url))).toEqual([]);
    await page.close();
  }, 180_000);
});
