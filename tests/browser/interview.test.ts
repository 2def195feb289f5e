// The interview page (issue 31) in a real browser: Debian's chromium, driven by playwright-core.
// From empty facts to the letter, one question at a time, for the stranger, ex-partner and Northern
// Ireland cases; back and change; nothing requested from the network, nothing in the URL or in
// storage; axe-core finds no serious or critical violation; the documents print on A4.
//
// Skipped, with the reason, unless the site is built (`npm run build && npm run docs`) and chromium is
// at /usr/bin/chromium (or $CHROMIUM_PATH); REQUIRE_BROWSER_TESTS=1 turns a skip into a failure.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  challengeSummary,
  reviewSpoDecline,
  SPO_DOCUMENT_CSS,
  spoApplicationPack,
  spoRequestLetter,
} from "../../src/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SITE = join(ROOT, "site");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
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
  existsSync(join(SITE, "try", "interview.html"))
    ? undefined
    : "the interview page is not built (run `npm run docs`)",
  existsSync(CHROMIUM) ? undefined : `no chromium at ${CHROMIUM}`,
].filter((m): m is string => m !== undefined);
const skip = missing.length > 0 && process.env.REQUIRE_BROWSER_TESTS !== "1";
if (skip) console.warn(`tests/browser/interview.test.ts skipped: ${missing.join("; ")}.`);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

function serveSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = resolve(SITE, `.${path}`);
    if (file !== SITE && !file.startsWith(SITE + sep)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end("not found");
    response
      .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

type Act = { kind: string; date?: string; unwelcome?: boolean };
/** A case as a stranger to the library would answer it: by the words on the page. */
interface Script {
  readonly name: string;
  /** Answers by the question's heading (a part of it); anything else: the first answer offered. */
  readonly answers: readonly (readonly [string, string | number | readonly Act[]])[];
}

// The held examples of the try-it page (docs/try/try-it.js, PRESETS), answered one question at a time.
const ACTS: Act[] = [
  { kind: "following", date: "2025-05-01", unwelcome: true },
  { kind: "loitering", date: "2025-05-03", unwelcome: true },
  { kind: "watching-or-spying", date: "2025-05-10", unwelcome: true },
];
const STRANGER: Script = {
  name: "stranger",
  answers: [
    ["Which part of the UK", "England and Wales"],
    ["still pose that risk", "Yes"],
    ["What has the suspect done", ACTS],
    ["risk of harm", "Yes: psychological harm"],
    ["already protected", "No"],
    ["criminal proceedings", "Under investigation"],
    ["How old is the suspect", 44],
    ["How old is the victim", 29],
    ["How does the victim know", "They are strangers"],
    ["Where does the suspect live", "England and Wales"],
  ],
};
const EX_PARTNER: Script = {
  name: "ex-partner",
  answers: [
    ["Which part of the UK", "England and Wales"],
    ["still pose that risk", "Yes"],
    [
      "What has the suspect done",
      [
        { kind: "contacting", date: "2025-04-20", unwelcome: true },
        { kind: "monitoring-electronic-communications", date: "2025-05-02", unwelcome: true },
        { kind: "threats-of-violence", date: "2025-05-12", unwelcome: true },
      ],
    ],
    ["risk of harm", "Yes: both"],
    ["already protected", "No"],
    ["criminal proceedings", "None"],
    ["How old is the suspect", 37],
    ["How old is the victim", 34],
    ["police force area", "Kent Police"],
    ["How does the victim know", "A former partner"],
    ["intimate personal relationship", "Yes, in the past"],
    ["significant time", "Yes"],
    ["Where does the suspect live", "England and Wales"],
  ],
};
const NORTHERN_IRELAND: Script = {
  name: "Northern Ireland",
  answers: [
    ["Which part of the UK", "Northern Ireland"],
    ["What has the suspect done", ACTS],
    ["risk of harm", "Yes: psychological harm"],
    ["still pose that risk", "Yes"],
    ["already protected", "No"],
    ["Where does the suspect live", "Northern Ireland"],
  ],
};

async function answerCurrent(page: Page, script: Script): Promise<string> {
  const heading = (await page.locator("#question-heading").textContent()) ?? "";
  const scripted = script.answers.find(([part]) => heading.includes(part))?.[1];
  if (await page.locator("#act-kind").count()) {
    const acts = (scripted as readonly Act[] | undefined) ?? [];
    for (const act of acts) {
      await page.selectOption("#act-kind", act.kind);
      if (act.date) await page.fill("#act-date", act.date);
      await page.selectOption(
        "#act-unwelcome",
        act.unwelcome === undefined ? "" : act.unwelcome ? "yes" : "no",
      );
      await page.click("#add-act");
    }
    if (acts.length === 0) await page.check("#no-acts");
  } else if (await page.locator("#answer-age").count()) {
    await page.fill("#answer-age", String(scripted ?? 30));
  } else if (await page.locator("#answer-date").count()) {
    await page.fill("#answer-date", "2024-03-01");
  } else if (await page.locator("#answer-select").count()) {
    if (typeof scripted === "string") await page.selectOption("#answer-select", { label: scripted });
    else await page.selectOption("#answer-select", { index: 1 });
  } else if (typeof scripted === "string") {
    await page.getByLabel(scripted, { exact: true }).check();
  } else {
    await page.locator('input[name="answer"]').first().check();
  }
  // The keyboard: Enter in the form submits the answer.
  await page.click("#next");
  return heading;
}

async function walkToLetter(page: Page, script: Script): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 40; i++) {
    if (await page.locator("#documents").isVisible()) return asked;
    asked.push(await answerCurrent(page, script));
  }
  throw new Error(`${script.name}: no letter after 40 questions: ${asked.join(" | ")}`);
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(AXE, "utf8") });
  // A string, evaluated in the page (the tests have no DOM types).
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length })))",
  )) as { id: string; impact: string; n: number }[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.n})`);
}

describe.skipIf(skip)("the interview page, in chromium", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ server, origin } = await serveSite());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  async function openPage() {
    const context = await browser.newContext({
      viewport: { width: 1300, height: 1000 },
      locale: "en-GB",
      bypassCSP: true,
    });
    // The page CSP forbids inline scripts; axe is injected by the test, so bypass it for the test only.
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/try/interview.html`);
    await expect.poll(() => page.locator("#question-heading").textContent()).not.toBe("Loading…");
    return { context, page, requests, errors };
  }

  it("walks a stranger stalking case from the first question to the letter, and the pack", async () => {
    const { context, page, requests, errors } = await openPage();
    const url = page.url();
    expect(await page.locator("#question-heading").textContent()).toContain("Which part of the UK");
    // SPO first: the questions of the SPO's s.1(1) conditions come before any other order's.
    const asked = await walkToLetter(page, STRANGER);
    expect(asked.slice(0, 5).map((h) => h.slice(0, 24))).toEqual([
      "Which part of the UK is ",
      "Does the suspect still p",
      "What has the suspect don",
      "Does the suspect pose a ",
      "Is the victim already pr",
    ]);
    const letter = (await page.locator("#document-view").textContent()) ?? "";
    expect(letter).toContain("Request for a Stalking Protection Order");
    expect(letter).toContain(
      "We ask you to apply to the court for a Stalking Protection Order to protect the victim from the suspect.",
    );
    expect(letter).toContain("We also ask you to apply for an interim order");
    await page.click("#show-pack");
    const pack = (await page.locator("#document-view").textContent()) ?? "";
    expect(pack).toContain("SPO application pack");
    expect(pack).toContain("Draft prohibitions and requirements");
    // Downloads are offered as HTML and Markdown, made in the page.
    expect(await page.getAttribute("#download-html", "href")).toMatch(/^blob:/);
    expect(await page.getAttribute("#download-md", "download")).toBe("spo-application-pack.md");
    // Nothing left the page: every request went to this site, nothing is in the URL or in storage.
    expect(requests.every((r) => r.startsWith(origin))).toBe(true);
    expect(page.url()).toBe(url);
    expect(await page.evaluate("localStorage.length + sessionStorage.length")).toBe(0);
    expect(await page.evaluate("document.cookie")).toBe("");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  for (const script of [EX_PARTNER, NORTHERN_IRELAND]) {
    it(`reaches a letter from empty facts for the ${script.name} case`, async () => {
      const { context, page, errors } = await openPage();
      await walkToLetter(page, script);
      const letter = (await page.locator("#document-view").textContent()) ?? "";
      expect(letter).toContain("Request for a Stalking Protection Order");
      if (script === NORTHERN_IRELAND) {
        expect(letter).toContain("Chief Constable of the Police Service of Northern Ireland");
        expect(letter).toContain("Protection from Stalking Act (Northern Ireland) 2022");
      } else expect(letter).toContain("Stalking Protection Act 2019");
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it("goes back, and changes an earlier answer from the summary", async () => {
    const { context, page } = await openPage();
    await answerCurrent(page, STRANGER);
    expect(await page.locator("#question-heading").textContent()).toContain("still pose that risk");
    await page.click("#back");
    expect(await page.locator("#question-heading").textContent()).toContain("Which part of the UK");
    // The earlier answer is shown selected.
    expect(await page.getByLabel("England and Wales", { exact: true }).isChecked()).toBe(true);
    await page.click("#next");
    await answerCurrent(page, STRANGER);
    await page.getByRole("button", { name: /Change answer 1/ }).click();
    expect(await page.locator("#question-heading").textContent()).toContain("Which part of the UK");
    await page.getByLabel("Northern Ireland", { exact: true }).check();
    await page.click("#next");
    // Northern Ireland's own first question. Where the suspect lives is not asked first: unrecorded, it leaves the
    // NI SPO available with a notice naming who may apply (2022 Act s.7(3), one mechanism with SPA s.1(3)).
    expect(await page.locator("#question-heading").textContent()).toContain("What has the suspect done");
    expect(await page.locator("#answers-list li").count()).toBe(1);
    await context.close();
  }, 60_000);

  it('"I don\'t know" leaves the fact unknown and moves on; the letter then asks it as a question', async () => {
    const { context, page } = await openPage();
    await answerCurrent(page, STRANGER);
    expect(await page.locator("#question-heading").textContent()).toContain("still pose that risk");
    await page.click("#dont-know");
    expect(await page.locator("#question-heading").textContent()).not.toContain("still pose that risk");
    expect(await page.locator("#answers-list").textContent()).toContain("Not known");
    await walkToLetter(page, STRANGER);
    expect(await page.locator("#document-view").textContent()).toContain(
      "Question: Does the suspect still pose that risk now?",
    );
    await context.close();
  }, 120_000);

  it("an act is not recorded until added, no act needs saying so, and 'unwelcome' may be not known (SPA 2019 s.1(4)(b))", async () => {
    const { context, page } = await openPage();
    await answerCurrent(page, STRANGER);
    await answerCurrent(page, STRANGER);
    expect(await page.locator("#question-heading").textContent()).toContain("What has the suspect done");
    // Not known is the default: nothing is ticked for the user.
    expect(await page.inputValue("#act-unwelcome")).toBe("");
    // Next with nothing added does not record "no act": it says what to do.
    await page.click("#next");
    expect(await page.locator("#answer-error").textContent()).toMatch(/No act has happened/);
    expect(await page.locator("#question-heading").textContent()).toContain("What has the suspect done");
    // A dated act chosen but not added is not lost silently.
    await page.fill("#act-date", "2025-05-01");
    await page.click("#next");
    expect(await page.locator("#answer-error").textContent()).toMatch(/Add the act/);
    await page.click("#add-act");
    expect(await page.locator("#acts-list").textContent()).toContain("unwelcome: not known");
    await page.click("#next");
    expect(await page.locator("#answers-list").textContent()).toContain("unwelcome: not known");
    await context.close();
  }, 60_000);

  it("is usable by keyboard alone, and says what is missing when no answer is chosen", async () => {
    const { context, page } = await openPage();
    // Focus is on the question; Tab reaches the first answer, the arrow keys choose, Enter submits.
    expect(await page.evaluate("document.activeElement?.id")).toBe("question-heading");
    await page.click("#next");
    expect(await page.locator("#answer-error").textContent()).toBe("Choose an answer.");
    await page.focus('input[name="answer"] >> nth=0');
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    expect(await page.locator("#question-heading").textContent()).toContain("still pose that risk");
    expect(await page.evaluate("document.activeElement?.id")).toBe("question-heading");
    await context.close();
  }, 60_000);

  it("has no serious or critical axe-core violation, on a question and on the documents", async () => {
    const { context, page } = await openPage();
    expect(await axeSerious(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.locator("#question-heading").textContent()).not.toBe("Loading…");
    await walkToLetter(page, STRANGER);
    expect(await axeSerious(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("prints the documents on A4", async () => {
    const { context, page } = await openPage();
    await walkToLetter(page, STRANGER);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 is 595 x 842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    // The downloadable HTML documents themselves (their own @page rule), E&W and NI.
    for (const facts of [
      { id: "e", jurisdiction: "england-and-wales" as const },
      { id: "n", jurisdiction: "northern-ireland" as const },
    ]) {
      for (const render of [spoRequestLetter, spoApplicationPack]) {
        await page.setContent(render(facts, { asOf: "2025-06-01", format: "html" }));
        expect(await page.locator("h1").textContent()).toMatch(/case [en]\)$/);
        const own = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(
          (await page.pdf({ preferCSSPageSize: true })).toString("latin1"),
        );
        expect(own && [Math.round(Number(own[1])), Math.round(Number(own[2]))]).toEqual([595, 842]);
      }
      // The third document, the decline challenge, on the same page layout, with no serious axe violation.
      const review = reviewSpoDecline(
        { ...facts, incidents: [{ kind: "following", date: "2025-01-05" }] },
        { decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-conviction" }] } },
        { asOf: "2025-06-01" },
      );
      await page.setContent(challengeSummary(review, { format: "html" }));
      expect(await page.locator("h1").textContent()).toMatch(/REQUEST FOR REVIEW/);
      expect(await page.locator("h2").count()).toBeGreaterThan(2);
      expect(await page.locator("style").textContent()).toBe(SPO_DOCUMENT_CSS);
      const challenge = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(
        (await page.pdf({ preferCSSPageSize: true })).toString("latin1"),
      );
      expect(challenge && [Math.round(Number(challenge[1])), Math.round(Number(challenge[2]))]).toEqual([
        595, 842,
      ]);
      expect(await axeSerious(page)).toEqual([]);
    }
    await context.close();
  }, 120_000);
});
