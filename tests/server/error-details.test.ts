// What a client needs to put an error right: a 413 says the limit, a 415 the media types the route accepts
// (both where the parser refuses the body and where the route does), and a path parameter over the router's
// length gets the problem document, security headers and access-log line of any other error, never
// Fastify's own body quoting the path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASELOAD, post, type Running, startServer } from "./helpers.js";

const PROBLEM = "application/problem+json; charset=utf-8";
const SECRET = "Marigold-Thistle-5521";
const LIMIT = 64 * 1024;
const log: string[] = [];

let server: Running;
beforeAll(async () => {
  server = await startServer({
    bodyLimit: LIMIT,
    batchBodyLimit: 1024,
    log: { write: (line: string) => log.push(line) },
  });
});
afterAll(async () => {
  await server.close();
});

function problem(r: { status: number; headers: Headers; text: string }, status: number, kind: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toBe(PROBLEM);
  expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(r.text).not.toContain(SECRET);
  const body = JSON.parse(r.text) as { type: string; status: number; detail?: string };
  expect(body).toMatchObject({ type: `urn:protective-orders:problem:${kind}`, status });
  return body;
}

describe("error details", () => {
  it("413 says the limit", async () => {
    const big = { id: SECRET, notes: "n".repeat(LIMIT) };
    const body = problem(await post(`${server.url}/v1/assess`, big), 413, "too-large");
    expect(body.detail).toBe(`the limit is ${LIMIT} bytes`);
    // A batch whose declared length is over the batch limit.
    const batch = await post(
      `${server.url}/v1/batch/assess`,
      `${JSON.stringify({ id: SECRET })}\n`.repeat(40),
      {
        raw: true,
        headers: { "content-type": "application/x-ndjson" },
      },
    );
    expect(problem(batch, 413, "too-large").detail).toBe("the batch limit is 1024 bytes");
  });

  it("415 from the parser (a type no route takes) says the accepted media types, in detail and Accept-Post", async () => {
    for (const type of ["text/plain", "application/xml"]) {
      const json = await post(`${server.url}/v1/assess`, SECRET, {
        raw: true,
        headers: { "content-type": type },
      });
      expect(problem(json, 415, "unsupported-media-type").detail).toBe(
        "expected a body of type application/json",
      );
      expect(json.headers.get("accept-post")).toBe("application/json");
      const batch = await post(`${server.url}/v1/batch/assess`, SECRET, {
        raw: true,
        headers: { "content-type": type },
      });
      expect(problem(batch, 415, "unsupported-media-type").detail).toBe(
        "expected a body of type application/x-ndjson or application/jsonl",
      );
      expect(batch.headers.get("accept-post")).toBe("application/x-ndjson, application/jsonl");
    }
  });

  it("415 from the route (a type another route takes, or no body) says them too", async () => {
    const lines = await post(`${server.url}/v1/assess`, "{}\n", {
      raw: true,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(problem(lines, 415, "unsupported-media-type").detail).toBe(
      "expected a body of type application/json",
    );
    expect(lines.headers.get("accept-post")).toBe("application/json");
    const none = await fetch(`${server.url}/v1/validate`, { method: "POST" });
    const noneBody = problem(
      { status: none.status, headers: none.headers, text: await none.text() },
      415,
      "unsupported-media-type",
    );
    expect(noneBody.detail).toBe("expected a body of type application/json");
    const json = await post(`${server.url}/v1/batch/review`, CASELOAD[0]);
    expect(problem(json, 415, "unsupported-media-type").detail).toBe(
      "expected a body of type application/x-ndjson or application/jsonl",
    );
    expect(json.headers.get("accept-post")).toBe("application/x-ndjson, application/jsonl");
  });

  it("414 for a path parameter over the router's length: a problem document, the headers, a log line", async () => {
    const before = log.length;
    for (const path of [`/v1/rules/${SECRET.repeat(20)}`, `/v1/provisions/${SECRET.repeat(20)}`]) {
      const r = await fetch(`${server.url}${path}`);
      const body = problem(
        { status: r.status, headers: r.headers, text: await r.text() },
        414,
        "uri-too-long",
      );
      expect(body.detail).toBe("a path segment may be at most 200 characters");
    }
    // A malformed escape in a parameter: 400, a problem document too.
    const bad = await fetch(`${server.url}/v1/rules/%E0%A4%A`);
    problem({ status: bad.status, headers: bad.headers, text: await bad.text() }, 400, "bad-request");
    const lines = log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ["GET", "(no route)", 414],
      ["GET", "(no route)", 414],
      ["GET", "(no route)", 400],
    ]);
    for (const line of lines)
      expect(Object.keys(line).sort()).toEqual(["method", "ms", "route", "status", "time"]);
    expect(log.join("")).not.toContain(SECRET);
  });
});
