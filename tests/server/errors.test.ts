// Every error status the service gives, each an RFC 9457 problem document (application/problem+json)
// that names paths and never quotes a value from the request.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_OF, CASELOAD, post, type Running, startServer, stringsIn } from "./helpers.js";

const PROBLEM = "application/problem+json; charset=utf-8";
const SECRET = "Zebedee-Quinton-7781";

function expectProblem(r: { status: number; headers: Headers; text: string }, status: number, kind: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toBe(PROBLEM);
  const body = JSON.parse(r.text);
  expect(body).toMatchObject({ type: `urn:protective-orders:problem:${kind}`, status });
  expect(typeof body.title).toBe("string");
  expect(r.text).not.toContain(SECRET);
  return body as { problems?: { path: string; message: string }[] };
}

let server: Running;
beforeAll(async () => {
  server = await startServer({ bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
});

describe("errors are problem documents", () => {
  it("400 for a body that is not JSON, or is empty", async () => {
    expectProblem(
      await post(`${server.url}/v1/assess`, `{"id":"${SECRET}",`, { raw: true }),
      400,
      "bad-json",
    );
    expectProblem(await post(`${server.url}/v1/assess`, "", { raw: true }), 400, "bad-json");
  });

  it("422 for invalid case facts, every problem by path and none quoting a value", async () => {
    const bad = {
      id: SECRET,
      jurisdiction: SECRET,
      incidents: [{ kind: SECRET, date: SECRET }],
      suspect: { age: SECRET },
      unknownField: SECRET,
    };
    for (const path of ["/v1/assess", "/v1/review", "/v1/explain", "/v1/draft-spo-terms"]) {
      const body = expectProblem(await post(`${server.url}${path}?asOf=${AS_OF}`, bad), 422, "invalid-input");
      const paths = body.problems!.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining(["jurisdiction", "incidents.0.kind", "incidents.0.date", "suspect.age"]),
      );
      for (const s of stringsIn(body)) expect(s).not.toContain(SECRET);
    }
    const order = expectProblem(
      await post(`${server.url}/v1/assess-breaches`, {
        order: { kind: SECRET },
        reports: [{ date: SECRET }],
      }),
      422,
      "invalid-input",
    );
    expect(order.problems!.length).toBeGreaterThan(0);
    expectProblem(
      await post(`${server.url}/v1/validate-order`, { order: {}, extra: SECRET }),
      422,
      "invalid-input",
    );
  });

  it("422 for a malformed asOf, format or orders parameter", async () => {
    const body = expectProblem(
      await post(`${server.url}/v1/assess?asOf=2025-02-30`, CASELOAD[0]),
      422,
      "invalid-input",
    );
    expect(body.problems).toEqual([{ path: "asOf", message: "expected a calendar date written YYYY-MM-DD" }]);
    expectProblem(await post(`${server.url}/v1/assess?asOf=a&asOf=b`, CASELOAD[0]), 422, "invalid-input");
    const ex = expectProblem(
      await post(`${server.url}/v1/explain?format=${SECRET}&orders=${SECRET}`, CASELOAD[0]),
      422,
      "invalid-input",
    );
    expect(ex.problems!.map((p) => p.path)).toEqual(["format", "orders"]);
  });

  it("404 for an unknown path, with no echo of it", async () => {
    const r = await fetch(`${server.url}/v2/${SECRET}`);
    expectProblem({ status: r.status, headers: r.headers, text: await r.text() }, 404, "not-found");
    const cmd = await post(`${server.url}/v1/batch/${SECRET}`, "", {
      raw: true,
      headers: { "content-type": "application/x-ndjson" },
    });
    expectProblem(cmd, 404, "not-found");
  });

  it("405 with Allow for a known path asked with another method", async () => {
    for (const [method, path, allow] of [
      ["GET", "/v1/assess", "POST"],
      ["DELETE", "/v1/rules", "GET, HEAD"],
      ["PUT", "/healthz", "GET, HEAD"],
      ["GET", "/v1/batch/assess", "POST"],
    ] as const) {
      const r = await fetch(`${server.url}${path}`, { method });
      expectProblem(
        { status: r.status, headers: r.headers, text: await r.text() },
        405,
        "method-not-allowed",
      );
      expect(r.headers.get("allow")).toBe(allow);
    }
  });

  it("406 when Accept allows neither text/plain nor text/markdown for an explanation", async () => {
    const r = await post(`${server.url}/v1/explain?asOf=${AS_OF}`, CASELOAD[0], {
      headers: { accept: "application/pdf" },
    });
    expectProblem(r, 406, "not-acceptable");
    const zero = await post(`${server.url}/v1/explain?asOf=${AS_OF}`, CASELOAD[0], {
      headers: { accept: "text/plain;q=0, text/markdown;q=0" },
    });
    expectProblem(zero, 406, "not-acceptable");
  });

  it("413 over the body limit", async () => {
    const big = { id: "x", notes: "n".repeat(70 * 1024) };
    expectProblem(await post(`${server.url}/v1/assess`, big), 413, "too-large");
  });

  it("415 for a content type other than JSON, or none", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
      expectProblem(
        await post(`${server.url}/v1/assess`, "id=1", { raw: true, headers: { "content-type": type } }),
        415,
        "unsupported-media-type",
      );
    }
    const none = await fetch(`${server.url}/v1/assess`, { method: "POST" });
    expectProblem(
      { status: none.status, headers: none.headers, text: await none.text() },
      415,
      "unsupported-media-type",
    );
    // JSON Lines only for the batch, and JSON never for it.
    expectProblem(
      await post(`${server.url}/v1/assess`, "{}\n", {
        raw: true,
        headers: { "content-type": "application/x-ndjson" },
      }),
      415,
      "unsupported-media-type",
    );
    expectProblem(await post(`${server.url}/v1/batch/assess`, CASELOAD[0]), 415, "unsupported-media-type");
  });
});

/** Opens a batch request and keeps it in flight (headers and one row sent, the body not ended). */
function holdOpenBatch(url: string): Promise<{ end: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/batch/validate`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", "transfer-encoding": "chunked" },
    });
    req.on("error", reject);
    let body = "";
    const done = new Promise<string>((res) => {
      req.on("response", (response) => {
        response.on("data", (b: Buffer) => {
          body += b.toString("utf8");
        });
        response.on("end", () => res(body));
      });
    });
    req.write('{"id":"held"}\n');
    req.flushHeaders();
    // Once the first row has come back, the request is surely in flight.
    req.once("response", (response) => {
      response.once("data", () => {
        resolve({
          end: () => {
            req.end();
            return done;
          },
        });
      });
    });
  });
}

describe("503 under pressure, with Retry-After", () => {
  it("past the most requests in flight", async () => {
    const s = await startServer({ maxConcurrentRequests: 1, retryAfterSeconds: 2 });
    try {
      const held = await holdOpenBatch(s.url);
      const r = await post(`${s.url}/v1/assess?asOf=${AS_OF}`, CASELOAD[0]);
      expectProblem(r, 503, "overloaded");
      expect(r.headers.get("retry-after")).toBe("2");
      expect(await held.end()).toBe(
        '{"row":1,"line":1,"id":"held","valid":true,"error":null,"problems":[]}\n',
      );
      // With the slot free again, requests are answered.
      expect((await post(`${s.url}/v1/assess?asOf=${AS_OF}`, CASELOAD[0])).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("past the most batches in flight", async () => {
    const s = await startServer({ maxConcurrentBatches: 1 });
    try {
      const held = await holdOpenBatch(s.url);
      const r = await post(`${s.url}/v1/batch/validate`, '{"id":"a"}\n', {
        raw: true,
        headers: { "content-type": "application/x-ndjson" },
      });
      expectProblem(r, 503, "overloaded");
      expect(r.headers.get("retry-after")).toBe("1");
      // Single requests still go through.
      expect((await post(`${s.url}/v1/validate`, CASELOAD[0])).status).toBe(200);
      await held.end();
    } finally {
      await s.close();
    }
  });
});

describe("what the HTTP parser rejects", () => {
  it("400 problem for malformed HTTP", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let text = "";
      socket.on("data", (b) => {
        text += b.toString("utf8");
      });
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"type":"urn:protective-orders:problem:bad-request"');
  });
});

describe("timeouts", () => {
  it("408 for a request whose body does not arrive in time", async () => {
    const s = await startServer({ requestTimeout: 1000 });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(s.port, "127.0.0.1", () => {
          socket.write(
            "POST /v1/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
          );
        });
        let text = "";
        socket.on("data", (b) => {
          text += b.toString("utf8");
        });
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
        setTimeout(() => socket.destroy(), 4000).unref();
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain("application/problem+json");
      expect(answer).toContain('"type":"urn:protective-orders:problem:timeout"');
    } finally {
      await s.close();
    }
  });
});
