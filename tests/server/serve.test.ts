// `protective-orders serve` as a user runs it (the built CLI in a child process), on 127.0.0.1 and
// a port the system picks: settings from arguments and the environment, bearer tokens, the access
// log of a full run (which must hold none of the values sent), and graceful shutdown on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, startCli } from "./cli-child.js";
import { AS_OF, CASELOAD, post, root, stringsIn } from "./helpers.js";

const TOKEN = "tok-Quercus-Alnus-93817265";
const dir = mkdtempSync(join(tmpdir(), "protective-orders-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = startCli;

describe("protective-orders serve", () => {
  it("binds 127.0.0.1 by default, takes the port from the environment or --port, and stops on SIGTERM", async () => {
    const s = await start([], { PROTECTIVE_ORDERS_PORT: "0" });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(((await (await fetch(`${s.url}/healthz`)).json()) as { status: string }).status).toBe("ok");
    s.child.kill("SIGTERM");
    expect(await s.exited, "first").toBe(0);
    // --port wins over the environment.
    const t = await start(["--port", "0", "--host", "127.0.0.1"], { PROTECTIVE_ORDERS_PORT: "not-a-port" });
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    t.child.kill("SIGTERM");
    expect(await t.exited).toBe(0);
  }, 60_000);

  it("refuses a setting it cannot use, naming the setting and never the secret", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
      cwd: root,
      env: { ...process.env, PROTECTIVE_ORDERS_TOKENS: "short-secret" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("tokens: each must be at least 16 characters");
    expect(err).not.toContain("short-secret");
  }, 60_000);

  it("with tokens: 401 and WWW-Authenticate without a valid one; health checks stay open", async () => {
    const file = join(dir, "tokens");
    writeFileSync(file, `# one token a line\n${TOKEN}\n`);
    const s = await start(["--port", "0", "--token-file", file]);
    try {
      for (const auth of [
        undefined,
        "Bearer wrong-token-0000000000",
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN}x`,
        "Bearer",
      ]) {
        const r = await post(`${s.url}/v1/assess?asOf=${AS_OF}`, CASELOAD[0], {
          headers: auth ? { authorization: auth } : {},
        });
        expect(r.status).toBe(401);
        expect(r.headers.get("www-authenticate")).toBe('Bearer realm="protective-orders"');
        expect(r.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
        expect(r.text).not.toContain(TOKEN);
      }
      const ok = await post(`${s.url}/v1/assess?asOf=${AS_OF}`, CASELOAD[0], {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.status).toBe(200);
      expect((await fetch(`${s.url}/v1/rules`)).status).toBe(401);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${s.url}/openapi.json`)).status).toBe(200);
    } finally {
      s.child.kill("SIGTERM");
      await s.exited;
    }
  }, 60_000);
});

describe("the access log of a full run", () => {
  it("holds method, route, status and duration only: none of the values sent", async () => {
    const s = await start(["--port", "0"], { PROTECTIVE_ORDERS_TOKENS: TOKEN });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const sent: unknown[] = [];
    const values = (v: unknown) => {
      sent.push(v);
      return v;
    };
    try {
      const marked = CASELOAD.slice(0, 6).map((c, i) => ({
        ...c,
        id: `Case-Wisteria-${i}-4471`,
        notes: `Lives at 12 Larkspur Road, telephone 07700 900${i}11`,
      }));
      for (const facts of marked) {
        for (const path of ["/v1/assess", "/v1/review", "/v1/explain", "/v1/validate", "/v1/draft-spo-terms"])
          await post(`${s.url}${path}?asOf=${AS_OF}`, values(facts), { headers: auth });
      }
      await post(`${s.url}/v1/assess?asOf=1999-13-45`, values({ id: "Bad-Date-Hyacinth" }), {
        headers: auth,
      });
      await post(`${s.url}/v1/assess`, '{"id":"Broken-Json-Peony', { raw: true, headers: auth });
      sent.push("Broken-Json-Peony", "1999-13-45");
      await post(
        `${s.url}/v1/validate-order`,
        values({ order: { kind: "spo", protectedPersons: ["Person-Foxglove"] } }),
        { headers: auth },
      );
      await fetch(`${s.url}/v1/rules/Rule-Campion-000`, { headers: auth });
      await fetch(`${s.url}/v1/provisions/Provision-Yarrow-000`, { headers: auth });
      await fetch(`${s.url}/secret-path-Bluebell?q=Query-Snowdrop`, { headers: auth });
      sent.push("Rule-Campion-000", "Provision-Yarrow-000", "secret-path-Bluebell", "Query-Snowdrop", TOKEN);
      await post(`${s.url}/v1/assess`, values({ id: "No-Token-Primrose" }));
      const batch = marked.map((c) => JSON.stringify(c)).join("\n");
      await post(`${s.url}/v1/batch/assess?asOf=${AS_OF}`, batch, {
        raw: true,
        headers: { ...auth, "content-type": "application/x-ndjson", "x-request-id": "Header-Cowslip" },
      });
      sent.push("Header-Cowslip");
    } finally {
      s.child.kill("SIGTERM");
      await s.exited;
    }
    const log = s.stdout();
    const lines = log
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const access = lines.filter((l) => "route" in l);
    expect(access.length).toBeGreaterThan(30);
    for (const line of access)
      expect(Object.keys(line).sort()).toEqual(["method", "ms", "route", "status", "time"]);
    expect(new Set(access.map((l) => l.route))).toContain("/v1/rules/:id");
    expect(new Set(access.map((l) => l.status))).toEqual(new Set([200, 400, 401, 404, 422]));
    // Every string sent (ids, free text, dates, paths, queries, headers, the token) is absent.
    const needles = [...new Set(stringsIn(sent))].filter(
      (v) => v.length >= 6 && !["england-and-wales"].includes(v),
    );
    expect(needles.length).toBeGreaterThan(50);
    const leaked = needles.filter((v) => log.includes(v) || s.stderr().includes(v));
    // Routes are the only words the log shares with requests; dates of the run itself are its own.
    expect(leaked.filter((v) => !/^\/v1\//.test(v) && !/^\d{4}-\d{2}-\d{2}/.test(v))).toEqual([]);
    expect(log).not.toContain(AS_OF);
  }, 60_000);
});

describe("graceful shutdown", () => {
  it("on SIGTERM: the request in flight finishes, new connections are refused, the process exits 0", async () => {
    const s = await start(["--port", "0"]);
    const { port } = new URL(s.url);
    // A batch in flight: its headers and first row sent, the rest to come after the signal.
    let body = "";
    const req = httpRequest(`${s.url}/v1/batch/validate`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", "transfer-encoding": "chunked" },
    });
    const done = new Promise<number>((resolve, reject) => {
      req.on("response", (res) => {
        res.on("data", (b: Buffer) => {
          body += b.toString("utf8");
        });
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });
    const firstRow = new Promise<void>((resolve) =>
      req.once("response", (res) => res.once("data", () => resolve())),
    );
    req.write('{"id":"first"}\n');
    await firstRow;
    s.child.kill("SIGTERM");
    // Once the listener has closed, a new connection is refused.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await new Promise<boolean>((resolve) => {
        const probe = httpRequest({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
          res.resume();
          resolve(false);
        });
        probe.on("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
        probe.end();
      });
      if (!refused) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused).toBe(true);
    // The request in flight still gets every row answered.
    req.end('{"id":"second"}\n');
    expect(await done).toBe(200);
    expect(body).toBe(
      '{"row":1,"line":1,"id":"first","valid":true,"error":null,"problems":[]}\n{"row":2,"line":2,"id":"second","valid":true,"error":null,"problems":[]}\n',
    );
    expect(await s.exited).toBe(0);
    expect(s.stdout()).toContain('"msg":"stopped"');
  }, 60_000);
});
