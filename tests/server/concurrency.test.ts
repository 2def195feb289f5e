// 1,000 requests at once, each on its own connection, over every bundled case and several dates:
// every body equals the library's own result for that request byte for byte (no answer crosses
// to another request, whatever the interleaving).
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess, explain } from "../../src/index.js";
import { CASELOAD, type Running, startServer } from "./helpers.js";

const DATES = ["2019-06-01", "2020-06-01", "2024-01-31", "2025-06-01"];

let server: Running;
beforeAll(async () => {
  server = await startServer({ maxConcurrentRequests: 2000 });
});
afterAll(async () => {
  await server.close();
});

function send(path: string, body: string, agent: Agent, accept = "application/json"): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: "POST", agent, headers: { "content-type": "application/json", accept } },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(parts).toString("utf8"))
            : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("1,000 concurrent requests", () => {
  it("each answered with exactly the library's result for it", async () => {
    const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const jobs = Array.from({ length: 1000 }, (_, i) => {
      const facts = { ...CASELOAD[i % CASELOAD.length]!, id: `concurrent-${i}` };
      const asOf = DATES[i % DATES.length]!;
      const markdown = i % 10 === 3;
      const expected = markdown
        ? explain(assess(facts, { asOf }), { format: "markdown" })
        : JSON.stringify(assess(facts, { asOf }));
      const path = markdown ? `/v1/explain?asOf=${asOf}&format=markdown` : `/v1/assess?asOf=${asOf}`;
      return { path, body: JSON.stringify(facts), expected };
    });
    const bodies = await Promise.all(jobs.map((j) => send(j.path, j.body, agent)));
    const wrong = bodies.map((b, i) => (b === jobs[i]!.expected ? -1 : i)).filter((i) => i >= 0);
    expect(wrong).toEqual([]);
    agent.destroy();
  }, 120_000);
});
