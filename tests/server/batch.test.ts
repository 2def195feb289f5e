// The streaming batch endpoint: JSON Lines in and out, row N in gives row N out, the same records
// and error records as the CLI (it is the CLI's own row processing), bounded memory (the server
// reads only as fast as its output is taken), and the batch limits.
import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess, reviewSpoDecline } from "../../src/index.js";
import { AS_OF, CASELOAD, post, type Running, root, startServer, streamRequest } from "./helpers.js";

const NDJSON = { "content-type": "application/x-ndjson" };

/** Row i of a generated caseload: a bundled case under a new id, and now and then a bad row. */
function rowText(i: number): string {
  if (i % 997 === 5) return "{not json";
  if (i % 1009 === 7) return JSON.stringify({ id: `bad-${i}`, incidents: "many" });
  const base = CASELOAD[i % CASELOAD.length]!;
  return JSON.stringify({ ...base, id: `case-${i}` });
}

function* rows(n: number, perWrite = 200): Generator<string> {
  let text = "";
  for (let i = 0; i < n; i++) {
    text += `${rowText(i)}\n`;
    if ((i + 1) % perWrite === 0) {
      yield text;
      text = "";
    }
  }
  if (text) yield text;
}

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe("POST /v1/batch/assess", () => {
  it("streams 30,000 rows through: rows in = rows out, in order, errors in place", async () => {
    // Far more than any stream buffer holds (about 15 MB each way), and small enough to finish under CI load.
    const N = 30_000;
    let count = 0;
    let pending = "";
    const samples = new Map<number, string>();
    const problems: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/v1/batch/assess?asOf=${AS_OF}`,
        { method: "POST", headers: NDJSON },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers["as-of"]).toBe(AS_OF);
          expect(res.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
          res.setEncoding("utf8");
          res.on("data", (text: string) => {
            pending += text;
            let nl = pending.indexOf("\n");
            while (nl !== -1) {
              const line = pending.slice(0, nl);
              pending = pending.slice(nl + 1);
              count += 1;
              // Every output line is its input row's, in order.
              if (!line.startsWith(`{"row":${count},`)) problems.push(`line ${count}: ${line.slice(0, 40)}`);
              if (count % 4999 === 1 || (count - 1) % 997 === 5 || (count - 1) % 1009 === 7)
                samples.set(count, line);
              nl = pending.indexOf("\n");
            }
          });
          res.on("end", resolve);
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      const source = rows(N);
      const pump = () => {
        for (;;) {
          const next = source.next();
          if (next.done) return void req.end();
          if (!req.write(next.value)) return void req.once("drain", pump);
        }
      };
      pump();
    });
    expect(problems).toEqual([]);
    expect(pending).toBe("");
    expect(count).toBe(N);
    for (const [row, line] of samples) {
      const record = JSON.parse(line);
      const i = row - 1;
      if (i % 997 === 5)
        // Every record has the command's keys (#16): an error record's result fields are null.
        expect(record).toMatchObject({
          row,
          line: row,
          id: null,
          first: null,
          outcomes: null,
          error: "unreadable",
          problems: [{ path: "", message: "not valid JSON" }],
        });
      else if (i % 1009 === 7) {
        expect(record).toMatchObject({ row, line: row, id: `bad-${i}`, error: "invalid" });
        expect(record.problems).toEqual([{ path: "incidents", message: "expected array" }]);
      } else {
        const a = assess({ ...CASELOAD[i % CASELOAD.length]!, id: `case-${i}` }, { asOf: AS_OF });
        expect(record).toMatchObject({ row, id: `case-${i}`, asOf: AS_OF, first: a.recommendation.first });
        expect(record.outcomes).toEqual(Object.fromEntries(a.orders.map((o) => [o.rule, o.outcome])));
      }
    }
  }, 300_000);

  it("gives exactly the CLI's output for the same input (records and error records)", async () => {
    const input =
      [...rows(600)].join("").replace("\n", "\n\n   \n") +
      '\n{"id":"bom-less","jurisdiction":"mars"}\n\uFFFD\n';
    const viaHttp = await streamRequest(`${server.url}/v1/batch/assess?asOf=${AS_OF}`, [input]);
    const cli = spawnSync(
      process.execPath,
      ["dist/cli.js", "assess", "--as-of", AS_OF, "--quiet", "--input-format", "jsonl"],
      { cwd: root, input, encoding: "utf8", env: { ...process.env, CI: "1" } },
    );
    // Exit 1: some rows were invalid, and were still answered.
    expect(cli.status).toBe(1);
    const viaCli = cli.stdout;
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body).toBe(viaCli);
    expect(viaHttp.body.split("\n").length - 1).toBe(602);
  }, 60_000);

  it("review and validate batches too", async () => {
    const withRequest = CASELOAD.filter((c) => c.spoRequest !== undefined);
    const input = withRequest.map((c) => `${JSON.stringify(c)}\n`).join("");
    const review = await streamRequest(`${server.url}/v1/batch/review?asOf=${AS_OF}`, [input]);
    const lines = review.body
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(withRequest.length);
    lines.forEach((line, i) => {
      expect(line.row).toBe(i + 1);
      expect(line.verdict).toBe(reviewSpoDecline(withRequest[i]!, undefined, { asOf: AS_OF }).verdict);
    });
    const validate = await streamRequest(`${server.url}/v1/batch/validate`, ['{"id":"a"}\n{"id":7}\n']);
    expect(validate.body).toBe(
      '{"row":1,"line":1,"id":"a","valid":true,"error":null,"problems":[]}\n{"row":2,"line":2,"id":null,"valid":false,"error":"invalid","problems":[{"path":"id","message":"expected string"}]}\n',
    );
  });

  it("answers an empty batch with an empty body", async () => {
    const r = await post(`${server.url}/v1/batch/assess`, "", { raw: true, headers: NDJSON });
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
  });

  it("reads no faster than its output is taken (memory stays bounded)", async () => {
    // A client that sends without end and never reads: the server must stop reading, so the
    // client's writes back up long before the server could have held much.
    const written = await new Promise<number>((resolve, reject) => {
      let bytes = 0;
      const req = httpRequest(`${server.url}/v1/batch/assess?asOf=${AS_OF}`, {
        method: "POST",
        headers: NDJSON,
      });
      req.on("response", (res) => res.pause());
      req.on("error", () => {});
      const line = `${JSON.stringify(CASELOAD[0])}\n`.repeat(100);
      let stalled: NodeJS.Timeout | undefined;
      const pump = () => {
        clearTimeout(stalled);
        while (bytes < 512 * 1024 * 1024) {
          bytes += line.length;
          if (!req.write(line)) {
            stalled = setTimeout(() => {
              req.destroy();
              resolve(bytes);
            }, 1500);
            req.once("drain", pump);
            return;
          }
        }
        req.destroy();
        reject(new Error("the server read 512 MiB without its output being taken"));
      };
      pump();
    });
    // What the client could write: its own buffers, the kernel's, and the server's few chunks: tens of MiB,
    // more on a loaded machine (95 MiB was seen with other test files running beside it), while a server
    // that reads regardless of its output takes the whole 512 MiB. The bound tells the two apart.
    expect(written).toBeLessThan(160 * 1024 * 1024);
  }, 60_000);
});

describe("batch limits", () => {
  it("past the row limit the rest is not read, and one final limit record says so", async () => {
    const s = await startServer({ batchRowLimit: 10 });
    try {
      const over = await streamRequest(`${s.url}/v1/batch/validate`, [...rows(15, 4)]);
      const lines = over.body
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.length).toBe(11);
      expect(lines.slice(0, 10).map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(lines[10]).toEqual({
        row: 11,
        error: "limit",
        problems: [{ path: "", message: "the batch is over the limit of 10 rows: the rest was not read" }],
      });
      const exactly = await streamRequest(`${s.url}/v1/batch/validate`, [...rows(10, 3)]);
      expect(exactly.body.trimEnd().split("\n").length).toBe(10);
      expect(exactly.body).not.toContain('"limit"');
    } finally {
      await s.close();
    }
  });

  it("413 for a declared body over the batch limit; a streamed one is cut with a limit record", async () => {
    const s = await startServer({ batchBodyLimit: 4096 });
    try {
      const body = [...rows(40)].join("");
      const declared = await post(`${s.url}/v1/batch/validate`, body, { raw: true, headers: NDJSON });
      expect(declared.status).toBe(413);
      expect(declared.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      const streamed = await streamRequest(`${s.url}/v1/batch/validate`, [...rows(40, 1)], {
        ...NDJSON,
        "transfer-encoding": "chunked",
      });
      const lines = streamed.body
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l));
      const last = lines.at(-1);
      expect(last.error).toBe("limit");
      expect(last.row).toBe(lines.length);
      expect(last.problems[0].message).toContain("limit of 4096 bytes");
      expect(lines.length).toBeLessThan(40);
    } finally {
      await s.close();
    }
  });
});
