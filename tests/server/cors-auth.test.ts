// The built CLI's `serve` with both `--token-file` and `--cors-origin`, as a browser on the allowed origin
// calls it: the CORS preflight is answered by CORS without a token (a browser sends none on a preflight), and
// a 401 carries the CORS headers, so the page can read it. (Before, the preflight was refused 401 with no CORS
// headers: the browser could never call the API.)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Child, startCli } from "./cli-child.js";
import { AS_OF, CASELOAD } from "./helpers.js";

const TOKEN = "tok-Sorbus-Tilia-55120984";
const ORIGIN = "https://cases.example.org";
const dir = mkdtempSync(join(tmpdir(), "protective-orders-cors-"));
let s: Child;

beforeAll(async () => {
  const file = join(dir, "tokens");
  writeFileSync(file, `${TOKEN}\n`);
  s = await startCli(["--port", "0", "--token-file", file, "--cors-origin", ORIGIN]);
}, 60_000);
afterAll(async () => {
  s.child.kill("SIGTERM");
  await s.exited;
  rmSync(dir, { recursive: true, force: true });
});

const preflight = (origin: string, path = "/v1/assess") =>
  fetch(`${s.url}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });

describe("tokens and CORS together", () => {
  it("answers the preflight from the allowed origin without a token: 204 with the CORS headers", async () => {
    for (const path of ["/v1/assess", "/v1/batch/assess", "/v1/rules/spo"]) {
      const r = await preflight(ORIGIN, path);
      expect(r.status, path).toBe(204);
      expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(r.headers.get("access-control-allow-methods")).toBe("GET, POST");
      expect(r.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
      expect(r.headers.get("www-authenticate")).toBeNull();
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("gives another origin no CORS headers", async () => {
    const r = await preflight("https://elsewhere.example.com");
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("puts the CORS headers on a 401, so the page can read it and its WWW-Authenticate", async () => {
    const r = await fetch(`${s.url}/v1/assess?asOf=${AS_OF}`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify(CASELOAD[0]),
    });
    expect(r.status).toBe(401);
    expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(r.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="protective-orders"');
    expect(r.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(((await r.json()) as { status: number }).status).toBe(401);
  });

  it("answers the allowed origin with a token: 200 with the CORS headers and As-Of exposed", async () => {
    const r = await fetch(`${s.url}/v1/assess?asOf=${AS_OF}`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(CASELOAD[0]),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(r.headers.get("access-control-expose-headers")).toContain("As-Of");
    expect(r.headers.get("as-of")).toBe(AS_OF);
    await r.arrayBuffer();
  });

  it("still refuses a request without a token that is not a preflight", async () => {
    const r = await fetch(`${s.url}/v1/rules`, { headers: { origin: ORIGIN } });
    expect(r.status).toBe(401);
    expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    await r.arrayBuffer();
  });
});
