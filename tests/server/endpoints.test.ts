// Every endpoint of the service, against a real server on 127.0.0.1 with a real HTTP client: each
// body equals the library's own result byte for byte, and validates against the response schema
// the OpenAPI document gives (checked with ajv, a validator independent of zod).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assess,
  assessBreaches,
  caseFactsJsonSchema,
  draftSpoTerms,
  explain,
  listProvisions,
  parseCaseFacts,
  provisionUrl,
  reviewSpoDecline,
  todayInLondon,
  validateOrder,
} from "../../src/index.js";
import { buildOpenApiDocument } from "../../src/server/index.js";
import { AS_OF, CASELOAD, post, type Running, startServer } from "./helpers.js";

const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: doc.components } as object);

/** Checks a body against a component schema of the OpenAPI document. */
function expectMatches(name: string, body: unknown): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
  const ok = validate(body);
  expect(ok, JSON.stringify(validate.errors)).toBe(true);
}

const ORDER = {
  kind: "spo",
  appliedForBy: { role: "chief-officer" },
  protectedPersons: ["v"],
  madeOn: "2025-01-10",
  servedOn: "2025-01-11",
  duration: { type: "fixed", endsOn: "2027-01-10" },
  prohibitions: [{ text: "Not to contact V by any means." }],
};
const REPORTS = [
  {
    id: "b1",
    date: "2025-03-01",
    kind: "contacting",
    reportedAt: "2025-03-01T10:00",
    respondedAt: "2025-03-03T10:00",
  },
];

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe("POST /v1/assess", () => {
  it("answers every bundled case exactly as assess() does, and says which date it applied", async () => {
    for (const facts of CASELOAD) {
      const r = await post(`${server.url}/v1/assess?asOf=${AS_OF}`, facts);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(r.headers.get("as-of")).toBe(AS_OF);
      expect(r.text).toBe(JSON.stringify(assess(facts, { asOf: AS_OF })));
    }
    expectMatches(
      "Assessment",
      JSON.parse((await post(`${server.url}/v1/assess?asOf=${AS_OF}`, CASELOAD[0])).text),
    );
  });

  it("?detail=summary gives the batch's compact record for the case, whose answers are assess()'s", async () => {
    for (const facts of CASELOAD) {
      const r = await post(`${server.url}/v1/assess?asOf=${AS_OF}&detail=summary`, facts);
      expect(r.status).toBe(200);
      expect(r.headers.get("as-of")).toBe(AS_OF);
      const summary = JSON.parse(r.text);
      expectMatches("AssessmentSummary", summary);
      // The answers are the library's own, read from the full assessment here, not by the server's code.
      const a = assess(facts, { asOf: AS_OF });
      expect(summary).toMatchObject({
        id: a.caseId,
        asOf: AS_OF,
        first: a.recommendation.first,
        outcomes: Object.fromEntries(a.orders.map((o) => [o.rule, o.outcome])),
        unverified: a.orders.filter((o) => o.unverified).map((o) => o.rule),
        missingFacts: a.missingFacts,
        // The three most decisive (the compact record's; every question is in the full assessment).
        questions: a.questions.slice(0, 3).map((q) => q.fact),
      });
      // And the record is the batch endpoint's for the same case, without row, line, error and problems.
      const batch = await fetch(`${server.url}/v1/batch/assess?asOf=${AS_OF}`, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson" },
        body: `${JSON.stringify(facts)}\n`,
      });
      const { row, line, error, problems, ...record } = JSON.parse((await batch.text()).trim());
      expect([row, line, error, problems]).toEqual([1, 1, null, []]);
      expect(r.text).toBe(JSON.stringify(record));
    }
    // detail=full is the default; anything else is a problem naming the parameter, not its value.
    const full = await post(`${server.url}/v1/assess?asOf=${AS_OF}&detail=full`, CASELOAD[0]);
    expect(full.text).toBe(JSON.stringify(assess(CASELOAD[0]!, { asOf: AS_OF })));
    const bad = await post(`${server.url}/v1/assess?asOf=${AS_OF}&detail=everything-sentinel`, CASELOAD[0]);
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).problems).toEqual([
      { path: "detail", message: 'expected "full" or "summary"' },
    ]);
    expect(bad.text).not.toContain("sentinel");
    // Invalid facts are the same 422 problems whether the summary or the full assessment is asked for.
    const invalid = { id: "x", incidents: "lots" };
    const a = await post(`${server.url}/v1/assess?asOf=${AS_OF}&detail=summary`, invalid);
    const b = await post(`${server.url}/v1/assess?asOf=${AS_OF}`, invalid);
    expect(a.status).toBe(422);
    expect([a.status, a.text]).toEqual([b.status, b.text]);
  });

  it("defaults asOf to today in London, once per request, and says so in the header and the body", async () => {
    const before = todayInLondon();
    const r = await post(`${server.url}/v1/assess`, CASELOAD[0]);
    const after = todayInLondon();
    const asOf = r.headers.get("as-of");
    expect([before, after]).toContain(asOf);
    expect(JSON.parse(r.text).asOf).toBe(asOf);
    expect(r.text).toBe(JSON.stringify(assess(CASELOAD[0]!, { asOf: asOf! })));
  });
});

describe("the other case endpoints", () => {
  it("POST /v1/review equals reviewSpoDecline()", async () => {
    const withRequest = CASELOAD.filter((c) => c.spoRequest !== undefined);
    expect(withRequest.length).toBeGreaterThan(0);
    for (const facts of withRequest) {
      const r = await post(`${server.url}/v1/review?asOf=${AS_OF}`, facts);
      expect(r.status).toBe(200);
      expect(r.text).toBe(JSON.stringify(reviewSpoDecline(facts, undefined, { asOf: AS_OF })));
      expect(r.headers.get("as-of")).toBe(AS_OF);
      expectMatches("DeclineReview", JSON.parse(r.text));
    }
  });

  it("POST /v1/review reads spoRequest.decision.freeText: a finding for each reason in the letter (issue 20)", async () => {
    // SPA 2019 s.1(1): acts, risk and necessity; neither a charge nor the victim's support is a condition.
    const letter =
      "He has not been charged so an SPO cannot be applied for. The victim does not want to go to court.";
    const facts = {
      id: "letter",
      jurisdiction: "england-and-wales",
      relationship: { summary: "stranger", allConnectionsRecorded: true },
      // Known to be unwelcome (SPA 2019 s.1(4)(b)): PHA s.2A(3)'s examples count "in particular circumstances".
      incidents: [
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
      spoRequest: { decision: { outcome: "declined", freeText: letter } },
    };
    const r = await post(`${server.url}/v1/review?asOf=${AS_OF}`, facts);
    expect(r.status).toBe(200);
    const review = JSON.parse(r.text);
    expect(
      review.findings.map((f: { classifiedAs?: string; finding: string; positions?: string[] }) => [
        f.classifiedAs,
        f.finding,
        f.positions,
      ]),
    ).toEqual([
      ["no-charge-or-nfa", "misstates-the-law", ["sentence 1 of 2, clause 1 of 2"]],
      ["victim-will-not-support-prosecution", "misstates-the-law", ["sentence 2 of 2"]],
    ]);
    expect(review.decisionText.notRecognised).toEqual([]);
    expect(review.verdict).toBe("likely-wrongly-declined");
    expect(r.text).toBe(JSON.stringify(reviewSpoDecline(facts as never, undefined, { asOf: AS_OF })));
    // The letter's words are case data: not in the response.
    expect(r.text).not.toContain("charged");
    expectMatches("DeclineReview", review);
  });

  it("POST /v1/explain gives text or Markdown by the format parameter or by Accept", async () => {
    const facts = CASELOAD[0]!;
    const a = assess(facts, { asOf: AS_OF });
    const text = explain(a, { format: "text" });
    const markdown = explain(a, { format: "markdown" });
    const cases: [string, Record<string, string>, string, string][] = [
      ["", {}, "text/plain; charset=utf-8", text],
      ["", { accept: "text/markdown" }, "text/markdown; charset=utf-8", markdown],
      ["", { accept: "text/plain;q=0.5, text/markdown;q=0.9" }, "text/markdown; charset=utf-8", markdown],
      ["", { accept: "*/*" }, "text/plain; charset=utf-8", text],
      ["&format=markdown", { accept: "text/plain" }, "text/markdown; charset=utf-8", markdown],
      ["&format=text", {}, "text/plain; charset=utf-8", text],
    ];
    for (const [query, headers, type, body] of cases) {
      const r = await post(`${server.url}/v1/explain?asOf=${AS_OF}${query}`, facts, { headers });
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe(type);
      expect(r.text).toBe(body);
    }
    const open = await post(`${server.url}/v1/explain?asOf=${AS_OF}&orders=open`, facts);
    expect(open.text).toBe(explain(a, { orders: "open" }));
  });

  it("POST /v1/validate says valid or lists every problem by path", async () => {
    const ok = await post(`${server.url}/v1/validate`, CASELOAD[0]);
    expect(JSON.parse(ok.text)).toEqual({ valid: true, id: CASELOAD[0]!.id });
    const bad = { id: "x", incidents: [{ kind: "not-a-kind" }], risk: "high" };
    const r = await post(`${server.url}/v1/validate`, bad);
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text);
    const parsed = parseCaseFacts(bad);
    expect(body).toEqual({ valid: false, problems: parsed.success ? [] : parsed.problems });
    expectMatches("Validation", body);
  });

  it("POST /v1/draft-spo-terms equals draftSpoTerms()", async () => {
    for (const facts of CASELOAD.slice(0, 5)) {
      const r = await post(`${server.url}/v1/draft-spo-terms`, facts);
      expect(r.status).toBe(200);
      expect(r.text).toBe(JSON.stringify(draftSpoTerms(facts)));
      expectMatches("DraftSpoTerms", JSON.parse(r.text));
    }
  });

  it("POST /v1/validate-order equals validateOrder()", async () => {
    const nmo = {
      kind: "nmo",
      appliedForBy: { role: "person-to-be-protected" },
      protectedPersons: ["v"],
      prohibitions: [{ text: "Not to contact V." }],
      requirements: [{ text: "Attend a perpetrator programme." }],
    };
    const r = await post(`${server.url}/v1/validate-order`, { order: nmo });
    expect(r.status).toBe(200);
    expect(r.text).toBe(JSON.stringify(validateOrder(nmo)));
    expect(JSON.parse(r.text).defects.map((d: { code: string }) => d.code)).toContain(
      "positive-requirements-not-allowed",
    );
    expectMatches("OrderValidation", JSON.parse(r.text));
    const notAnOrder = await post(`${server.url}/v1/validate-order`, { order: 42 });
    expect(notAnOrder.text).toBe(JSON.stringify(validateOrder(42)));
  });

  it("POST /v1/assess-breaches equals assessBreaches()", async () => {
    const r = await post(`${server.url}/v1/assess-breaches`, { order: ORDER, reports: REPORTS });
    expect(r.status).toBe(200);
    expect(r.text).toBe(JSON.stringify(assessBreaches(ORDER as never, REPORTS as never)));
    expectMatches("BreachFindings", JSON.parse(r.text));
    const slow = await post(`${server.url}/v1/assess-breaches`, {
      order: ORDER,
      reports: REPORTS,
      responseThresholdHours: 72,
    });
    expect(slow.text).toBe(
      JSON.stringify(assessBreaches(ORDER as never, REPORTS as never, { responseThresholdHours: 72 })),
    );
  });
});

describe("reference data", () => {
  it("GET /v1/rules lists every rule and limb with its citation; GET /v1/rules/{id} gives one", async () => {
    const rules = (await (await fetch(`${server.url}/v1/rules`)).json()) as { id: string; type: string }[];
    expect(rules.some((r) => r.type === "rule" && r.id === "spo")).toBe(true);
    expect(rules.some((r) => r.type === "limb")).toBe(true);
    for (const rule of rules) expectMatches("RuleEntry", rule);
    for (const rule of rules.slice(0, 20)) {
      const one = await fetch(`${server.url}/v1/rules/${encodeURIComponent(rule.id)}`);
      expect(one.status).toBe(200);
      expect(await one.json()).toEqual(rule);
    }
    const missing = await fetch(`${server.url}/v1/rules/no-such-rule`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { type: string }).type).toBe("urn:protective-orders:problem:not-found");
  });

  it("GET /v1/provisions gives every provision with its link; GET /v1/provisions/{id} gives one", async () => {
    const provisions = (await (await fetch(`${server.url}/v1/provisions`)).json()) as {
      id: string;
      url: string;
    }[];
    expect(provisions).toEqual(listProvisions().map((p) => ({ ...p, url: provisionUrl(p) })));
    for (const p of provisions) expectMatches("ProvisionEntry", p);
    const first = provisions[0]!;
    const one = await fetch(`${server.url}/v1/provisions/${encodeURIComponent(first.id)}`);
    expect(await one.json()).toEqual(first);
    const missing = await fetch(`${server.url}/v1/provisions/nope`);
    expect(missing.status).toBe(404);
    await missing.text();
  });

  it("GET /v1/schema/case-facts is the JSON Schema", async () => {
    expect(await (await fetch(`${server.url}/v1/schema/case-facts`)).json()).toEqual(caseFactsJsonSchema());
  });

  it("health, readiness, the OpenAPI document and the API docs page (assets served locally)", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready" });
    expect(await (await fetch(`${server.url}/openapi.json`)).json()).toEqual(JSON.parse(JSON.stringify(doc)));
    const page = await fetch(`${server.url}/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("swagger-ui");
    // Every asset the page loads is the service's own: nothing from another host.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).not.toMatch(/^(https?:)?\/\//);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).not.toMatch(/https:|upgrade-insecure-requests/);
    const script = await fetch(new URL(assets.find((a) => a.endsWith(".js"))!, `${server.url}/docs/`));
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(1000);
    const init = await fetch(`${server.url}/docs/static/swagger-initializer.js`);
    expect(init.status).toBe(200);
    expect(await init.text()).toContain("SwaggerUIBundle");
    // The page reads the same generated document.
    expect(await (await fetch(`${server.url}/docs/json`)).json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("sends the security headers on every response and no CORS headers unless configured", async () => {
    for (const path of ["/healthz", "/v1/rules", "/nope"]) {
      const r = await fetch(`${server.url}${path}`, { headers: { origin: "https://elsewhere.example" } });
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      await r.text();
    }
  });
});

describe("CORS when configured", () => {
  it("allows only the configured origins", async () => {
    const s = await startServer({ corsOrigins: ["https://case-system.example"] });
    try {
      const allowed = await fetch(`${s.url}/healthz`, { headers: { origin: "https://case-system.example" } });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://case-system.example");
      const other = await fetch(`${s.url}/healthz`, { headers: { origin: "https://elsewhere.example" } });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${s.url}/v1/assess`, {
        method: "OPTIONS",
        headers: { origin: "https://case-system.example", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    } finally {
      await s.close();
    }
  });
});
