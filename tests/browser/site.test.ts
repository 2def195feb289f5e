// The built documentation site, in a real browser: Debian's chromium (apt-get install chromium), driven by
// playwright-core. Never a browser download.
//
// Skipped, with the reason, unless the site is built (`npm run build && npm run docs`) and chromium is at
// /usr/bin/chromium (or $CHROMIUM_PATH). .ci/run runs it explicitly with REQUIRE_BROWSER_TESTS=1, which
// turns a skip into a failure.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrderKindSchema } from "../../src/index.js";
import { DEFAULT_RULES, rulesForJurisdiction } from "../../src/rule-authoring.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SITE = join(ROOT, "site");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT = join(SITE, "screenshots", "try-it.png");

// From shared/engineering-notes.md: what Debian's chromium needs to run headless in CI, and no network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Not from the notes: dates in the form as a UK reader writes them (01/06/2025, not 06/01/2025).
  "--lang=en-GB",
];

const missing = [
  existsSync(join(SITE, "index.html"))
    ? undefined
    : "the site is not built (run `npm run build && npm run docs`)",
  existsSync(join(SITE, "try", "protective-orders.browser.js"))
    ? undefined
    : "the try-it page is not built (run `npm run docs`)",
  existsSync(CHROMIUM) ? undefined : `no chromium at ${CHROMIUM} (apt-get install -y chromium)`,
].filter((m): m is string => m !== undefined);
const required = process.env.REQUIRE_BROWSER_TESTS === "1";
const skip = missing.length > 0 && !required;
if (skip) console.warn(`tests/browser/site.test.ts skipped: ${missing.join("; ")}.`);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** A static file server for site/, on 127.0.0.1 and a port the system picks. */
function serveSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = resolve(SITE, `.${path}`);
    if (file !== SITE && !file.startsWith(SITE + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response
      .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

describe.skipIf(skip)("the documentation site, in chromium", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(missing, "what the browser test needs").toEqual([]);
    ({ server, origin } = await serveSite());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB" });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  it("the home page is written for a reader, not the README: three ways in, no contributor commands, working links", async () => {
    await page.goto(`${origin}/index.html`);
    const text = (await page.locator(".col-content").textContent()) ?? "";
    expect(text).toContain("Three ways in");
    expect(text).not.toContain("Quick start (contributors)");
    expect(text).not.toContain("npm ci");
    for (const href of ["try/index.html", "try/interview.html", "documents/Getting_started.html"])
      expect(await page.locator(`.col-content a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    await page.click('.col-content a[href="try/interview.html"]');
    await page.waitForURL(/\/try\/interview\.html$/);
  }, 30_000);

  it('searches for "stalking protection order", opens the legal basis, and finds every order and rule', async () => {
    await page.goto(`${origin}/index.html`);
    await page.click("#tsd-search-trigger");
    await page.fill("#tsd-search-input", "stalking protection order");
    const results = page.locator("#tsd-search-results li a");
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await results.allInnerTexts()).toContain("The legal basis");
    await results.filter({ hasText: "The legal basis" }).first().click();
    await page.waitForURL(/\/documents\/The_legal_basis\.html$/);

    const text = (await page.locator(".col-content").textContent()) ?? "";
    const stale = "the site is older than src/: run `npm run build && npm run docs`";
    for (const order of OrderKindSchema.options) expect(text, `${order}: ${stale}`).toContain(order);
    for (const { rule, citation, unverified } of DEFAULT_RULES.rules) {
      const heading = page.locator("h3", { hasText: `${rule.label} (${rule.name})` });
      expect(await heading.count(), `a section for ${rule.name}: ${stale}`).toBe(1);
      const link = page.locator(`a[href="${citation.url}"]`, { hasText: citation.title });
      expect(await link.count(), `${rule.name} links to ${citation.url}`).toBeGreaterThan(0);
      if (unverified) expect(text).toContain("UNVERIFIED");
    }
    for (const { limb } of DEFAULT_RULES.limbs) expect(text, `limb ${limb.id}: ${stale}`).toContain(limb.id);
  }, 30_000);

  it("assesses a stranger-stalking case on the try-it page: an SPO is available and recommended", async () => {
    await page.goto(`${origin}/documents/Getting_started.html`);
    await page.locator("a.po-try-it-link").first().click();
    await page.waitForURL(/\/try\/index\.html$/);
    await page.waitForSelector('html[data-ready="true"]');

    await page.fill("#asOf", "2025-06-01");
    await page.selectOption("#jurisdiction", "england-and-wales");
    await page.selectOption("#policeForceArea", "kent");
    await page.selectOption("#relationshipSummary", "stranger");
    await page.check("#allConnectionsRecorded");
    await page.selectOption("#intimateRelationship", "never");
    for (const kind of ["following", "loitering", "watching-or-spying"])
      await page.check(`#incident-${kind}`);
    // PHA 1997 s.2A(3) examples count "in particular circumstances": the acts were known to be unwelcome.
    await page.check('input[name="unwelcome"][value="yes"]');
    await page.check('input[name="psychologicalHarm"][value="yes"]');
    await page.check('input[name="ongoing"][value="yes"]');
    await page.selectOption("#protection", "none");
    await page.fill("#suspectAge", "44");
    await page.fill("#victimAge", "29");
    await page.click('button[type="submit"]');

    await expect.poll(() => page.getAttribute("#results", "data-as-of")).toBe("2025-06-01");
    const spo = page.locator('#orders tr[data-rule="spo"]');
    expect(await spo.getAttribute("data-outcome")).toBe("available");
    expect(await spo.textContent()).toMatch(/Stalking Protection Order[\s\S]*Available/);
    expect(await spo.textContent()).toContain("consider first");
    expect(await page.getAttribute("#recommendation", "data-first")).toBe("spo");
    expect(await page.textContent("#recommendation-summary")).toContain("Stalking Protection Order");
    // A stranger is not an "associated person": no non-molestation order.
    expect(await page.getAttribute('#orders tr[data-rule="nmo"]', "data-outcome")).toBe("not-available");
    // Every order of England and Wales is shown (the Northern Ireland orders are listed for NI cases only).
    expect(await page.locator("#orders tbody tr").count()).toBe(
      rulesForJurisdiction(DEFAULT_RULES, "england-and-wales").rules.length,
    );
    expect(await page.locator('#orders tr[data-rule="ni-spo"]').count()).toBe(0);
    // The questions still open (criminal proceedings were left unknown), and the explanation with citations.
    expect(await page.locator("#questions li[data-fact]").count()).toBeGreaterThan(0);
    expect(await page.textContent("#questions")).toContain("criminal proceedings");
    const explanation = page.locator("#explanation");
    expect(await explanation.textContent()).toContain("Stalking Protection Order: AVAILABLE");
    expect(
      await explanation.locator('a[href="https://www.legislation.gov.uk/ukpga/2019/9/section/2"]').count(),
    ).toBeGreaterThan(0);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  }, 60_000);

  /** Opens the try-it page and records a stranger-stalking case (the law as at 1 June 2025). */
  async function strangerStalkingCase(jurisdiction: string, force: string): Promise<void> {
    await page.goto(`${origin}/try/index.html`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.fill("#asOf", "2025-06-01");
    await page.selectOption("#jurisdiction", jurisdiction);
    await page.selectOption("#policeForceArea", force);
    await page.selectOption("#suspectHomeForceArea", force);
    await page.selectOption("#relationshipSummary", "stranger");
    await page.check("#allConnectionsRecorded");
    await page.selectOption("#intimateRelationship", "never");
    for (const kind of ["following", "loitering", "watching-or-spying"])
      await page.check(`#incident-${kind}`);
    // PHA 1997 s.2A(3)'s examples count "in particular circumstances": the acts were known to be unwelcome.
    await page.check('input[name="unwelcome"][value="yes"]');
    await page.check('input[name="psychologicalHarm"][value="yes"]');
    await page.check('input[name="ongoing"][value="yes"]');
    await page.selectOption("#protection", "none");
    await expect.poll(() => page.getAttribute("#results", "data-as-of")).toBe("2025-06-01");
  }

  // Issue 20's letter: two reasons in two sentences, neither a condition of SPA 2019 s.1(1) ("it appears
  // to the chief officer that the defendant has carried out acts associated with stalking, ... poses a
  // risk ... and there is reasonable cause to believe the proposed order is necessary").
  const LETTER =
    "He has not been charged so an SPO cannot be applied for. The victim does not want to go to court.";

  it("reviews a declined request from the decision's words: a finding for each reason, cited, by position", async () => {
    await strangerStalkingCase("england-and-wales", "kent");
    expect(await page.isHidden("#decline-review")).toBe(true);
    await page.check("#spoDeclined");
    await page.fill("#decisionText", LETTER);

    const review = page.locator("#decline-review");
    await expect.poll(() => review.getAttribute("data-verdict")).toBe("likely-wrongly-declined");
    expect(await review.getAttribute("data-rule")).toBe("spo");
    expect(await page.textContent("#decline-spo")).toMatch(/Stalking Protection Order[\s\S]*Available/);
    const findings = page.locator("#decline-findings > li");
    expect(await findings.count()).toBe(2);
    const charge = page.locator('#decline-findings li[data-classified-as="no-charge-or-nfa"]');
    expect(await charge.getAttribute("data-finding")).toBe("misstates-the-law");
    expect(await charge.getAttribute("data-positions")).toBe("sentence 1 of 2, clause 1 of 2");
    expect(
      await charge.locator('a[href="https://www.legislation.gov.uk/ukpga/2019/9/section/1"]').count(),
    ).toBe(1);
    const court = page.locator(
      '#decline-findings li[data-classified-as="victim-will-not-support-prosecution"]',
    );
    expect(await court.getAttribute("data-finding")).toBe("misstates-the-law");
    expect(await court.getAttribute("data-positions")).toBe("sentence 2 of 2");
    expect(await court.textContent()).toContain("sentence 2 of 2");
    expect(await page.isHidden("#decline-unread-section")).toBe(true);
    const summary = (await page.textContent("#challenge-summary")) ?? "";
    expect(summary).toContain("REQUEST FOR REVIEW: DECLINED SPO REQUEST");
    expect(summary).toContain(
      'Sentence 1 of 2, clause 1 of 2 of the decision, read as "No charge, or no further action",',
    );
    expect(summary).toContain("Stalking Protection Act 2019 s.1(1)");
    // Decision text is case data: the review shows positions, never the letter's words.
    const shown = (await review.textContent()) ?? "";
    for (const words of ["has not been charged", "go to court"]) expect(shown).not.toContain(words);

    // Issue 20 item 3: an available SPO declined for reasons the library cannot read is flagged for
    // review, never "needs information", and the unread sentence is named by its position only.
    await page.fill("#decisionText", "Having weighed everything up, we will not be taking this forward.");
    await expect.poll(() => review.getAttribute("data-verdict")).toBe("review-recommended");
    // Its second clause is the decision itself, read as such; its first states no reason the library knows.
    expect(await page.textContent("#decline-verdict")).toContain("sentence 1 of 1, clause 1 of 2");
    expect(await page.locator("#decline-unread li").allTextContents()).toEqual([
      "Not recognised: sentence 1 of 1, clause 1 of 2",
    ]);
    expect((await review.textContent()) ?? "").not.toContain("weighed");

    // A reason given as a code, with no words, is reviewed the same way.
    await page.fill("#decisionText", "");
    await page.check("#reason-no-conviction");
    await expect.poll(() => page.locator("#decline-findings > li").count()).toBe(1);
    expect(await page.getAttribute('#decline-findings li[data-code="no-conviction"]', "data-finding")).toBe(
      "misstates-the-law",
    );
    expect(await review.getAttribute("data-verdict")).toBe("likely-wrongly-declined");
  }, 60_000);

  it("each example fills the form and is assessed; the declined-request example is reviewed", async () => {
    await page.goto(`${origin}/try/index.html`);
    await page.waitForSelector('html[data-ready="true"]');
    for (const preset of ["stranger", "ex-partner"]) {
      await page.click(`button[data-preset="${preset}"]`);
      await expect
        .poll(() => page.getAttribute('#orders tr[data-rule="spo"]', "data-outcome"))
        .toBe("available");
      expect(await page.isHidden("#decline-review")).toBe(true);
    }
    // The Northern Ireland example: the NI SPO under the 2022 Act, the one the interview test walks too.
    await page.click('button[data-preset="northern-ireland"]');
    await expect
      .poll(() => page.getAttribute('#orders tr[data-rule="ni-spo"]', "data-outcome"))
      .toBe("available");
    await page.click('button[data-preset="declined"]');
    const review = page.locator("#decline-review");
    await expect.poll(() => review.getAttribute("data-verdict")).toBe("likely-wrongly-declined");
    expect(await page.locator("#decline-findings > li").count()).toBe(2);
  }, 60_000);

  it("offers the Northern Ireland order (issue 17): ni-spo rows cite the 2022 Act, and a decline is reviewed under it", async () => {
    await strangerStalkingCase("northern-ireland", "psni");
    const niSpo = page.locator('#orders tr[data-rule="ni-spo"]');
    expect(await niSpo.count()).toBe(1);
    expect(await niSpo.getAttribute("data-outcome")).toBe("available");
    expect(await niSpo.locator('a[href^="https://www.legislation.gov.uk/nia/2022/17"]').count()).toBe(1);
    const interim = page.locator('#orders tr[data-rule="ni-interim-spo"]');
    expect(await interim.count()).toBe(1);
    expect(await interim.locator('a[href^="https://www.legislation.gov.uk/nia/2022/17"]').count()).toBe(1);
    expect(await page.getAttribute("#recommendation", "data-first")).toBe("ni-spo");
    // The England and Wales SPO does not extend to Northern Ireland.
    expect(await page.getAttribute('#orders tr[data-rule="spo"]', "data-outcome")).toBe("not-available");
    expect(
      await page.locator('#explanation a[href^="https://www.legislation.gov.uk/nia/2022/17"]').count(),
    ).toBeGreaterThan(0);

    await page.check("#spoDeclined");
    await page.fill("#decisionText", LETTER);
    const review = page.locator("#decline-review");
    await expect.poll(() => review.getAttribute("data-rule")).toBe("ni-spo");
    await expect.poll(() => review.getAttribute("data-verdict")).toBe("likely-wrongly-declined");
    expect(
      await page
        .locator("#decline-findings > li")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-classified-as"))),
    ).toEqual(["no-charge-or-nfa", "victim-will-not-support-prosecution"]);
    for (const href of await page
      .locator("#decline-findings a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      expect(href).toMatch(/^https:\/\/www\.legislation\.gov\.uk\/nia\/2022\/17\//);
    const summary = (await page.textContent("#challenge-summary")) ?? "";
    expect(summary).toContain("Protection from Stalking Act (Northern Ireland) 2022");
    expect(summary).not.toContain("Stalking Protection Act 2019");
  }, 60_000);

  it("made no request outside the local site, and logged no error", () => {
    const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
