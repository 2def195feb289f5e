// SIGTERM while 200 keep-alive clients keep the one thread busy, against the built CLI's `serve`: every
// request whose bytes reached the service gets an answer (200 for those in flight, or 503, with
// `Connection: close` once it is stopping); none is reset. (Node's own shutdown closes every connection that
// looks idle at once, including those whose next request is waiting unread while the thread is busy: about
// 200 requests were reset this way.)
import { Agent, request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { startCli } from "./cli-child.js";
import { AS_OF, CASELOAD } from "./helpers.js";

const CLIENTS = 200;

interface Outcome {
  readonly status: number;
  readonly connection: string | undefined;
  readonly afterSignal: boolean;
}

describe("graceful shutdown under load", () => {
  it("answers every request sent on an open connection: 200 or 503, with Connection: close, never a reset", async () => {
    const s = await startCli(["--port", "0"]);
    // The summary keeps the clients light (a few KB a response): the service is still saturated.
    const url = new URL(`${s.url}/v1/assess?asOf=${AS_OF}&detail=summary`);
    const body = Buffer.from(JSON.stringify(CASELOAD[0]));
    let signalled = false;
    const outcomes: Outcome[] = [];
    const errors: string[] = [];
    let warm = 0;
    let markWarm: () => void = () => {};
    const allWarm = new Promise<void>((resolve) => {
      markWarm = resolve;
    });

    // One client: one keep-alive connection, one request after another, until the service says it closes.
    const client = (): Promise<void> => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let first = true;
      return new Promise<void>((resolve) => {
        const send = () => {
          const req = httpRequest(
            url,
            {
              method: "POST",
              agent,
              headers: { "content-type": "application/json", "content-length": String(body.length) },
            },
            (res) => {
              res.resume();
              res.on("end", () => {
                const connection = res.headers.connection;
                outcomes.push({ status: res.statusCode ?? 0, connection, afterSignal: signalled });
                if (first) {
                  first = false;
                  warm += 1;
                  if (warm === CLIENTS) markWarm();
                }
                if (connection === "close" || res.statusCode !== 200) {
                  agent.destroy();
                  resolve();
                } else send();
              });
            },
          );
          req.on("error", (e: NodeJS.ErrnoException) => {
            errors.push(`${e.code ?? "?"} ${e.message} ${signalled ? "after" : "before"}`);
            agent.destroy();
            resolve();
          });
          req.end(body);
        };
        send();
      });
    };

    const clients = Array.from({ length: CLIENTS }, client);
    await allWarm;
    // Every client has its connection open and is sending; the service is saturated.
    await new Promise((r) => setTimeout(r, 300));
    signalled = true;
    s.child.kill("SIGTERM");
    await Promise.all(clients);
    const code = await s.exited;

    const after = outcomes.filter((o) => o.afterSignal);
    expect(errors, `${errors.length} requests got no answer`).toEqual([]);
    // Each client's last answer closed its connection; only 200s and 503s.
    expect(after.length).toBeGreaterThanOrEqual(CLIENTS);
    expect(new Set(outcomes.map((o) => o.status))).toEqual(
      new Set(after.some((o) => o.status === 503) ? [200, 503] : [200]),
    );
    for (const o of after.filter((o) => o.status === 503)) expect(o.connection).toBe("close");
    expect(after.filter((o) => o.connection === "close").length).toBe(CLIENTS);
    expect(code).toBe(0);
    expect(s.stdout()).toContain('"msg":"stopped"');
  }, 90_000);
});
