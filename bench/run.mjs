// npm run bench: measures the library and the CLI on this machine and writes bench/results/*.json.
// Not part of the test suite: speed is measured here, not asserted in timed tests.
//   1. assess and reviewSpoDecline per case on the bundled caseload, beside json-rules-engine running
//      the same rule JSON (one reused Engine, sequential), and the ratio;
//   2. a generated 1,000,000-case JSON Lines file through the CLI: cases per second and peak RSS;
//   3. cold import time of the package entry.
// Usage: npm run build && npm run bench [-- --cases 1000000]
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCases } from "./generate-cases.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lib = await import(path.join(root, "dist/index.js"));
const adapter = await import(path.join(root, "dist/json-rules-engine.js"));
const argCases = process.argv.indexOf("--cases");
const CLI_CASES = argCases > 0 ? Number(process.argv[argCases + 1]) : 1_000_000;
const AS_OF = "2025-06-01";
const corpus = JSON.parse(readFileSync(path.join(root, "examples/caseload.json"), "utf8"));

function clearMemo() {
  const memo = lib.DEFAULT_RULES.memo;
  memo.assessments.clear();
  for (const table of [...memo.rules, ...memo.outcomes]) table.clear();
}

function perCase(fn, minMs = 1500) {
  for (let i = 0; i < 200; i++) fn(corpus[i % corpus.length]);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const c of corpus) fn(c);
    n += corpus.length;
  }
  return ((performance.now() - start) * 1000) / n;
}

async function perCaseAsync(fn, minMs = 1500) {
  for (let i = 0; i < 50; i++) await fn(corpus[i % corpus.length]);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const c of corpus) await fn(c);
    n += corpus.length;
  }
  return ((performance.now() - start) * 1000) / n;
}

// 1. Per case.
const assessWarm = perCase((c) => lib.assess(c, { asOf: AS_OF }));
const assessCold = perCase((c) => {
  clearMemo();
  lib.assess(c, { asOf: AS_OF });
});
const reviewWarm = perCase((c) => lib.reviewSpoDecline(c, undefined, { asOf: AS_OF }));
const engine = adapter.createJsonRulesEngine();
const jre = await perCaseAsync(async (c) => {
  await engine.run(adapter.deriveJsonRulesEngineFacts(c, AS_OF));
});

// 2. The CLI over a generated file.
const tmp = path.join(os.tmpdir(), `protective-orders-bench-${process.pid}.jsonl`);
await new Promise((resolve, reject) => {
  const out = createWriteStream(tmp);
  out.on("error", reject);

  const gen = generateCases(CLI_CASES);
  const pump = () => {
    let ok = true;
    while (ok) {
      const next = gen.next();
      if (next.done) return out.end(resolve);
      ok = out.write(`${JSON.stringify(next.value)}\n`);
    }
    out.once("drain", pump);
  };
  pump();
});
const fileBytes = statSync(tmp).size;

function peakRssOf(child) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {}
  }, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function runCli(extraArgs) {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(root, "dist/cli.js"), "assess", tmp, "--as-of", AS_OF, "-q", ...extraArgs],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, CI: "1" },
    },
  );
  const stopPeak = peakRssOf(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - start) / 1000;
  return { seconds, peakRss: stopPeak(), code, stderr };
}

// The default (one thread), then two threads (the main thread and one worker) for comparison.
const cliDefault = await runCli([]);
const cliTwo = await runCli(["--jobs", "2"]);
const { seconds: cliSeconds, peakRss, code, stderr } = cliDefault;
rmSync(tmp, { force: true });

// 3. Cold import of the package entry, median of 7 fresh processes.
const imports = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const t=performance.now(); await import(${JSON.stringify(path.join(root, "dist/index.js"))}); console.log(performance.now()-t)`,
    ],
    { encoding: "utf8" },
  );
  imports.push(Number(r.stdout.trim()));
}
imports.sort((a, b) => a - b);
const importMs = imports[3];

const results = {
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  date: new Date().toISOString(),
  corpus: { cases: corpus.length, asOf: AS_OF },
  perCaseMicroseconds: {
    assess: assessWarm,
    assessColdMemo: assessCold,
    reviewSpoDecline: reviewWarm,
    jsonRulesEngine: jre,
  },
  ratios: {
    assessVsJsonRulesEngine: jre / assessWarm,
    assessColdVsJsonRulesEngine: jre / assessCold,
    reviewVsJsonRulesEngine: jre / reviewWarm,
  },
  casesPerSecond: {
    assess: 1e6 / assessWarm,
    assessColdMemo: 1e6 / assessCold,
    reviewSpoDecline: 1e6 / reviewWarm,
    jsonRulesEngine: 1e6 / jre,
  },
  cli: {
    cases: CLI_CASES,
    fileMB: fileBytes / 1e6,
    seconds: cliSeconds,
    casesPerSecond: CLI_CASES / cliSeconds,
    peakRssMB: peakRss / 1e6,
    exitCode: code,
  },
  cliTwoThreads: {
    seconds: cliTwo.seconds,
    casesPerSecond: CLI_CASES / cliTwo.seconds,
    peakRssMB: cliTwo.peakRss / 1e6,
    exitCode: cliTwo.code,
  },
  coldImportMs: importMs,
};

const f = (n, d = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
const rows = [
  [
    "assess (memoised, steady state)",
    `${f(assessWarm, 2)} µs`,
    `${f(1e6 / assessWarm, 0)}/s`,
    `${f(jre / assessWarm)}×`,
  ],
  [
    "assess (memo cleared every case)",
    `${f(assessCold, 2)} µs`,
    `${f(1e6 / assessCold, 0)}/s`,
    `${f(jre / assessCold)}×`,
  ],
  ["reviewSpoDecline", `${f(reviewWarm, 2)} µs`, `${f(1e6 / reviewWarm, 0)}/s`, `${f(jre / reviewWarm)}×`],
  ["json-rules-engine (same rules)", `${f(jre, 2)} µs`, `${f(1e6 / jre, 0)}/s`, "1.0×"],
];
console.log(
  `\nprotective-orders benchmark: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${process.version}\n`,
);
console.log("per case, bundled caseload           time/case     rate          vs json-rules-engine");
for (const r of rows)
  console.log(`${r[0].padEnd(38)}${r[1].padStart(10)}   ${r[2].padStart(12)}   ${r[3].padStart(8)}`);
console.log(
  `\nCLI assess, ${CLI_CASES.toLocaleString("en-GB")} cases (${f(fileBytes / 1e6)} MB JSONL): ${f(cliSeconds, 1)} s, ${f(CLI_CASES / cliSeconds, 0)} cases/s, peak RSS ${f(peakRss / 1e6, 0)} MB, exit ${code}`,
);
console.log(
  `CLI assess --jobs 2 (main thread and one worker): ${f(cliTwo.seconds, 1)} s, ${f(CLI_CASES / cliTwo.seconds, 0)} cases/s, peak RSS ${f(cliTwo.peakRss / 1e6, 0)} MB, exit ${cliTwo.code}`,
);
// The issue's targets, on the project's 2-core machine: said plainly, met or not, each run.
const targets = [
  ["assess ≥ 50,000 cases/s with full explanations", 1e6 / assessWarm >= 50_000],
  ["assess ≥ 20× json-rules-engine on the same rules", jre / assessWarm >= 20],
  [
    `CLI ≥ 30,000 cases/s on ${CLI_CASES.toLocaleString("en-GB")} cases (one thread)`,
    CLI_CASES / cliSeconds >= 30_000,
  ],
  ["CLI peak RSS ≤ 250 MB (one thread)", peakRss / 1e6 <= 250],
];
results.targets = Object.fromEntries(targets);
console.log(`targets: ${targets.map(([name, met]) => `${name}: ${met ? "met" : "NOT met"}`).join("; ")}`);
console.log(`cold import of the package entry: ${f(importMs, 1)} ms (median of 7)`);
if (code !== 0 && code !== 1) console.log(`CLI stderr:\n${stderr}`);
if (cliTwo.code !== 0 && cliTwo.code !== 1) console.log(`CLI --jobs 2 stderr:\n${cliTwo.stderr}`);
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(root, "bench/results", `bench-${results.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${path.relative(root, out)}`);
