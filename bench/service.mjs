// The HTTP service's part of `npm run bench` (also runnable alone: node bench/service.mjs).
// Starts `protective-orders serve` in its own process (so client and server do not share a
// thread), then measures, beside the library called in-process on the same cases:
//   - single assessments (POST /v1/assess) with autocannon at 1, 10 and 100 connections: requests
//     per second and p50/p99 latency;
//   - on one connection, request by request (a keep-alive node:http client timing each request
//     with performance.now(), finer than autocannon's millisecond histogram): p50 and p99, and the
//     time the service adds at p50 over the library's parse + assess + serialise in-process;
//   - the batch endpoint: a generated JSON Lines caseload streamed through POST /v1/batch/assess
//     (read while sent), rows per second, beside the CLI on the same file.
// Usage: npm run build && node bench/service.mjs [--rows 200000] [--small]
//   --small (or BENCH_SMALL=1): a quick check that every part runs (few requests, 1 s autocannon
//   runs, 5,000 batch rows); its figures are not the benchmark's.
// Run alone, it writes bench/results/service-<date>.json; under npm run bench, its figures go
// into the bench's own results file.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { generateVariedCases } from "./generate-varied-cases.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(root, "dist/cli.js");

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function startService() {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
    env: { ...process.env, CI: "1", PROTECTIVE_ORDERS_MAX_CONCURRENT_REQUESTS: "10000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (b) => {
      out += b;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        // The access log is not read: let it drain to nowhere.
        child.stdout.off("data", onData);
        child.stdout.resume();
        resolve({ child, url: m[1] });
      }
    };
    child.stdout.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
}

function postOnce(url, agent, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json" } },
      (res) => {
        res.on("data", () => {});
        res.on("end", () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function runCliOn(file, asOf, rows) {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, "assess", file, "--as-of", asOf, "-q"], {
    stdio: ["ignore", "ignore", "ignore"],
    env: { ...process.env, CI: "1" },
  });
  await new Promise((resolve) => child.on("close", resolve));
  return rows / ((performance.now() - start) / 1000);
}

function streamBatch(url, file) {
  return new Promise((resolve, reject) => {
    let lines = 0;
    const start = performance.now();
    const req = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/x-ndjson" } },
      (res) => {
        res.on("data", (b) => {
          for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines += 1;
        });
        res.on("end", () => resolve({ lines, seconds: (performance.now() - start) / 1000 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(req);
  });
}

/**
 * Measures the service. `cases` are the single-request bodies (cycled); `rows` the batch size.
 * Returns plain figures for bench/results and the targets of issue 18.
 */
export async function measureService({
  asOf = "2025-06-01",
  singleCases = 2000,
  rows = 200_000,
  small = false,
} = {}) {
  // The small mode's counts: enough to show that every part runs to completion.
  const inProcessRequests = small ? 2000 : 20_000;
  // Full mode: enough for a steady p99 and a few seconds of each load, within about two minutes.
  const sequentialRequests = small ? 500 : 5_000;
  const warmUpRequests = small ? 200 : singleCases;
  const autocannonSeconds = small ? 1 : 5;
  const stage = (what) => {
    if (small) console.error(`service bench: ${what}`);
  };
  const lib = await import(pathToFileURL(path.join(root, "dist/index.js")).href);
  const bodies = [...generateVariedCases(singleCases, 18)].map((c) => JSON.stringify(c));

  // In-process: what the service does for one request, without HTTP (parse, assess, serialise).
  let sink = 0;
  for (let i = 0; i < 3 * bodies.length; i++)
    sink += JSON.stringify(lib.assess(JSON.parse(bodies[i % bodies.length]), { asOf })).length;
  const inProcess = [];
  for (let i = 0; i < inProcessRequests; i++) {
    const body = bodies[i % bodies.length];
    const t = performance.now();
    sink += JSON.stringify(lib.assess(JSON.parse(body), { asOf })).length;
    inProcess.push((performance.now() - t) * 1000);
  }
  inProcess.sort((a, b) => a - b);

  stage("starting the service");
  const { child, url } = await startService();
  const assessUrl = `${url}/v1/assess?asOf=${asOf}`;
  try {
    // One connection, request by request.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    stage("one connection, request by request");
    for (let i = 0; i < warmUpRequests; i++) await postOnce(assessUrl, agent, bodies[i % bodies.length]);
    const sequential = [];
    for (let i = 0; i < sequentialRequests; i++) {
      const t = performance.now();
      await postOnce(assessUrl, agent, bodies[i % bodies.length]);
      sequential.push((performance.now() - t) * 1000);
    }
    agent.destroy();
    sequential.sort((a, b) => a - b);

    const requests = bodies.map((body) => ({ method: "POST", path: `/v1/assess?asOf=${asOf}`, body }));
    const byConnections = {};
    for (const connections of [1, 10, 100]) {
      stage(`autocannon, ${connections} connection(s)`);
      const r = await autocannon({
        url,
        connections,
        duration: autocannonSeconds,
        headers: { "content-type": "application/json" },
        requests,
      });
      byConnections[connections] = {
        requestsPerSecond: r.requests.average,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      };
    }

    // The batch, beside the CLI on the same file.
    const file = path.join(os.tmpdir(), `protective-orders-bench-service-${process.pid}.jsonl`);
    await new Promise((resolve, reject) => {
      const out = createWriteStream(file);
      out.on("error", reject);
      const gen = generateVariedCases(rows, 1818);
      const pump = () => {
        for (;;) {
          const next = gen.next();
          if (next.done) return out.end(resolve);
          if (!out.write(`${JSON.stringify(next.value)}\n`)) return out.once("drain", pump);
        }
      };
      pump();
    });
    stage(`the CLI on ${rows} rows`);
    const cliRowsPerSecond = await runCliOn(file, asOf, rows);
    stage(`the batch endpoint on ${rows} rows`);
    const batch = await streamBatch(`${url}/v1/batch/assess?asOf=${asOf}`, file);
    rmSync(file, { force: true });

    const p50 = percentile(sequential, 50);
    const libP50 = percentile(inProcess, 50);
    const result = {
      small,
      singleCases,
      inProcessMicroseconds: { p50: libP50, p99: percentile(inProcess, 99) },
      oneConnectionSequentialMicroseconds: { p50, p99: percentile(sequential, 99) },
      addedAtP50Microseconds: p50 - libP50,
      autocannon: byConnections,
      batch: {
        rows,
        rowsOut: batch.lines,
        rowsPerSecond: rows / batch.seconds,
        cliRowsPerSecond,
        vsCli: rows / batch.seconds / cliRowsPerSecond,
      },
      sink: sink > 0,
    };
    result.targets = {
      "service adds ≤ 100 µs at p50 on one connection": result.addedAtP50Microseconds <= 100,
      "batch ≥ half the CLI's rows/s": result.batch.vsCli >= 0.5,
      "batch rows in = rows out": batch.lines === rows,
    };
    return result;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
  }
}

/** The figures as lines for the console. */
export function describeService(s) {
  const f = (n, d = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `\nHTTP service (POST /v1/assess, ${s.singleCases.toLocaleString("en-GB")} varied cases cycled):`,
    `  library in-process (parse, assess, serialise): p50 ${f(s.inProcessMicroseconds.p50)} µs, p99 ${f(s.inProcessMicroseconds.p99)} µs`,
    `  one connection, request by request: p50 ${f(s.oneConnectionSequentialMicroseconds.p50)} µs, p99 ${f(s.oneConnectionSequentialMicroseconds.p99)} µs: the service adds ${f(s.addedAtP50Microseconds)} µs at p50`,
  ];
  for (const [n, r] of Object.entries(s.autocannon))
    lines.push(
      `  autocannon, ${n} connection${n === "1" ? "" : "s"}: ${f(r.requestsPerSecond, 0)} req/s, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, errors ${r.errors}, non-2xx ${r.non2xx}`,
    );
  lines.push(
    `  batch (POST /v1/batch/assess, ${s.batch.rows.toLocaleString("en-GB")} rows): ${f(s.batch.rowsPerSecond, 0)} rows/s, rows out ${s.batch.rowsOut.toLocaleString("en-GB")}; the CLI on the same file ${f(s.batch.cliRowsPerSecond, 0)} rows/s (${f(100 * s.batch.vsCli, 0)}%)`,
    `  targets (issue 18): ${Object.entries(s.targets)
      .map(([name, met]) => `${name}: ${met ? "met" : "NOT met"}`)
      .join("; ")}`,
  );
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const i = process.argv.indexOf("--rows");
  const small = process.argv.includes("--small") || process.env.BENCH_SMALL === "1";
  const rows = i > 0 ? Number(process.argv[i + 1]) : small ? 5000 : 200_000;
  const s = await measureService({ rows, small, ...(small ? { singleCases: 200 } : {}) });
  console.log(describeService(s));
  const date = new Date().toISOString();
  const results = { date, loadAverage: os.loadavg(), ...s };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const out = path.join(
    root,
    "bench/results",
    `service-${small ? "small-" : ""}${date.replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(root, out)}`);
  // Nothing may keep the process alive after the run (an open agent or socket).
  process.exit(0);
}
