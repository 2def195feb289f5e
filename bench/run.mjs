// npm run bench: measures the library and the CLI on this machine and writes bench/results/*.json.
// Not part of the test suite: speed is measured here, not asserted in timed tests.
// Every measure is taken on two caseloads (see the README's Performance section):
//   varied      bench/generate-varied-cases.mjs: every field varies independently (the headline);
//   repetitive  bench/generate-cases.mjs: the bundled cases with a few fields varied, so that a
//               memo keyed on the derived facts answers almost every case.
// Measures:
//   1. per case, in one process: `assess` with the caller reading only the outcomes, reading every
//      explanation tree, and serialising the whole result; `reviewSpoDecline`; json-rules-engine
//      running the same rule JSON (one reused Engine, sequential); the ratios; the memo hit rate;
//   2. a generated JSON Lines file of each caseload through the CLI: cases per second, peak RSS;
//   3. cold import time of the package entry;
//   4. the HTTP service (bench/service.mjs): single assessments at 1, 10 and 100 connections
//      (autocannon) and request by request on one, and the streaming batch, beside the library
//      in-process and the CLI.
// Usage: npm run build && npm run bench [-- --cases 1000000] [-- --sample 20000] [-- --small]
//   --small (or BENCH_SMALL=1): a quick check that every part runs to completion (20,000 CLI cases,
//   2,000 in-process, short passes, the service's small mode); its figures are not the benchmark's,
//   and its results file says so ("small": true, named bench-small-*.json).
// Progress goes to stderr with the time elapsed, so a long run shows where it is.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCases } from "./generate-cases.mjs";
import { generateVariedCases } from "./generate-varied-cases.mjs";
import { describeService, measureService } from "./service.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lib = await import(path.join(root, "dist/index.js"));
const adapter = await import(path.join(root, "dist/json-rules-engine.js"));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SMALL = process.argv.includes("--small") || process.env.BENCH_SMALL === "1";
const CLI_CASES = arg("--cases", SMALL ? 20_000 : 1_000_000);
const SAMPLE = arg("--sample", SMALL ? 2_000 : 20_000);
// How long each in-process measure repeats its passes (the best pass counts), and how many cases
// json-rules-engine runs (it is about 100 times slower than the library).
const MIN_MS = SMALL ? 200 : 1500;
const JRE_CASES = SMALL ? 300 : 3000;
const benchStart = performance.now();
const stage = (what) =>
  console.error(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0).padStart(4)} s] ${what}`);
const AS_OF = "2025-06-01";

const CASELOADS = [
  { name: "varied", generate: generateVariedCases },
  { name: "repetitive", generate: generateCases },
];

// The memo, where the library has one: cleared between measures; its hit rate counted by wrapping
// the assessment table's `get` (a hit is a `get` that finds an entry).
const memo = (await import(path.join(root, "dist/rule-authoring.js"))).DEFAULT_RULES.memo;
function clearMemo() {
  if (!memo) return;
  memo.assessments.clear();
  for (const table of [...memo.rules, ...memo.outcomes]) table.clear();
}
function memoHitRate(cases) {
  if (!memo) return null;
  clearMemo();
  const table = memo.assessments;
  const get = table.get;
  let calls = 0;
  let hits = 0;
  table.get = function countedGet(key) {
    calls += 1;
    const value = get.call(this, key);
    if (value !== undefined) hits += 1;
    return value;
  };
  try {
    for (const c of cases) lib.assess(c, { asOf: AS_OF });
  } finally {
    delete table.get;
  }
  return calls === 0 ? null : hits / calls;
}

/**
 * Microseconds per case: the best of a few passes over the cases, after a warm-up. The memo (if
 * any) is emptied before each pass, so that a pass meets it as a run over the caseload would
 * (with the hit rate reported), not already holding every case of an earlier pass.
 */
function perCase(cases, fn, minMs = MIN_MS) {
  for (let i = 0; i < Math.min(cases.length, 2000); i++) fn(cases[i]);
  let best = Number.POSITIVE_INFINITY;
  const start = performance.now();
  do {
    clearMemo();
    const t = performance.now();
    for (const c of cases) fn(c);
    best = Math.min(best, ((performance.now() - t) * 1000) / cases.length);
  } while (performance.now() - start < minMs);
  return best;
}

async function perCaseAsync(cases, fn) {
  for (let i = 0; i < 50; i++) await fn(cases[i % cases.length]);
  const t = performance.now();
  for (const c of cases) await fn(c);
  return ((performance.now() - t) * 1000) / cases.length;
}

// Reads every node of an explanation tree (what a caller showing the whole explanation does).
function touchTree(check) {
  let n = 1;
  if (check.type === "limb") n += touchTree(check.condition);
  else if (check.type !== "fact") for (const c of check.conditions) n += touchTree(c);
  return n;
}

const engine = adapter.createJsonRulesEngine();
let sink = 0;
function measureInProcess(caseload) {
  const cases = [...caseload.generate(SAMPLE)];
  const hitRate = memoHitRate(cases);
  clearMemo();
  const outcomes = perCase(cases, (c) => {
    for (const o of lib.assess(c, { asOf: AS_OF }).orders) sink += o.outcome.length;
  });
  const explanations = perCase(cases, (c) => {
    const a = lib.assess(c, { asOf: AS_OF });
    for (const o of a.orders) sink += touchTree(o.conditions);
    sink += a.questions.length + a.recommendation.ranked.length;
  });
  const serialised = perCase(cases, (c) => {
    sink += JSON.stringify(lib.assess(c, { asOf: AS_OF })).length;
  });
  const cold = memo
    ? perCase(cases, (c) => {
        clearMemo();
        sink += lib.assess(c, { asOf: AS_OF }).orders.length;
      })
    : null;
  const review = perCase(cases, (c) => {
    sink += lib.reviewSpoDecline(c, undefined, { asOf: AS_OF }).findings.length;
  });
  return { cases, hitRate, outcomes, explanations, serialised, cold, review };
}

const inProcess = {};
for (const caseload of CASELOADS) {
  stage(`in-process measures, ${caseload.name} caseload`);
  inProcess[caseload.name] = measureInProcess(caseload);
}
// json-rules-engine last and apart, so that its garbage does not land in the library's figures.
for (const caseload of CASELOADS) {
  const { cases } = inProcess[caseload.name];
  stage(`json-rules-engine, ${caseload.name} caseload`);
  const sample = cases.slice(0, Math.min(cases.length, JRE_CASES));
  inProcess[caseload.name].jre = await perCaseAsync(sample, async (c) => {
    await engine.run(adapter.deriveJsonRulesEngineFacts(c, AS_OF));
  });
  delete inProcess[caseload.name].cases;
}

// 2. The CLI over a generated file of each caseload.
async function writeJsonLines(file, generator) {
  await new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on("error", reject);
    const pump = () => {
      let ok = true;
      while (ok) {
        const next = generator.next();
        if (next.done) return out.end(resolve);
        ok = out.write(`${JSON.stringify(next.value)}\n`);
      }
      out.once("drain", pump);
    };
    pump();
  });
  return statSync(file).size;
}

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

async function runCli(file, extraArgs) {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(root, "dist/cli.js"), "assess", file, "--as-of", AS_OF, "-q", ...extraArgs],
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CI: "1" } },
  );
  const stopPeak = peakRssOf(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    casesPerSecond: CLI_CASES / seconds,
    peakRssMB: stopPeak() / 1e6,
    exitCode: code,
    stderr,
  };
}

const cli = {};
for (const caseload of CASELOADS) {
  const file = path.join(os.tmpdir(), `protective-orders-bench-${caseload.name}-${process.pid}.jsonl`);
  stage(`CLI, writing ${CLI_CASES} ${caseload.name} cases`);
  const fileMB = (await writeJsonLines(file, caseload.generate(CLI_CASES))) / 1e6;
  stage(`CLI, one thread, ${caseload.name} caseload`);
  // The default (one thread), then two threads (the main thread and one worker) for comparison:
  // on the varied caseload only, so that the whole benchmark stays within about ten minutes.
  const oneThread = await runCli(file, []);
  let twoThreads = null;
  if (caseload.name === "varied") {
    stage(`CLI, --jobs 2, ${caseload.name} caseload`);
    twoThreads = await runCli(file, ["--jobs", "2"]);
  }
  rmSync(file, { force: true });
  cli[caseload.name] = { cases: CLI_CASES, fileMB, oneThread, twoThreads };
}

// 3. Cold import of the package entry, median of 7 fresh processes.
stage("cold import");
const imports = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      // By the package's name, from its root (a self-reference), so Node resolves the exports map as
      // it does for a user: the "node" build (dist/node/), not the per-module chunks for bundlers.
      'const t=performance.now(); await import("protective-orders"); console.log(performance.now()-t)',
    ],
    { encoding: "utf8", cwd: root },
  );
  imports.push(Number(r.stdout.trim()));
}
imports.sort((a, b) => a - b);
const importMs = imports[3];

// 4. The HTTP service.
stage("the HTTP service");
const service = await measureService({
  asOf: AS_OF,
  rows: Math.min(CLI_CASES, SMALL ? 5_000 : 200_000),
  small: SMALL,
  ...(SMALL ? { singleCases: 200 } : {}),
});
stage("done");

const results = {
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg(),
  },
  date: new Date().toISOString(),
  small: SMALL,
  secondsTaken: (performance.now() - benchStart) / 1000,
  asOf: AS_OF,
  samplePerCaseload: SAMPLE,
  caseloads: Object.fromEntries(
    CASELOADS.map(({ name }) => {
      const m = inProcess[name];
      return [
        name,
        {
          memoHitRate: m.hitRate,
          perCaseMicroseconds: {
            assessReadingOutcomes: m.outcomes,
            assessReadingEveryExplanation: m.explanations,
            assessSerialised: m.serialised,
            assessColdMemo: m.cold,
            reviewSpoDecline: m.review,
            jsonRulesEngine: m.jre,
          },
          ratios: {
            assessReadingEveryExplanationVsJsonRulesEngine: m.jre / m.explanations,
            assessReadingOutcomesVsJsonRulesEngine: m.jre / m.outcomes,
          },
          cli: cli[name],
        },
      ];
    }),
  ),
  coldImportMs: importMs,
  service,
};

const f = (n, d = 1) =>
  n === null ? "—" : n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (x) => (x === null ? "no memo" : `${f(100 * x, 1)}%`);
console.log(
  `\nprotective-orders benchmark: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${process.version}, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
console.log(`per case, ${SAMPLE.toLocaleString("en-GB")} cases of each caseload, as of ${AS_OF}`);
console.log(`${"".padEnd(44)}${"varied".padStart(14)}${"repetitive".padStart(14)}`);
const row = (label, get) =>
  console.log(`${label.padEnd(44)}${CASELOADS.map(({ name }) => get(name).padStart(14)).join("")}`);
const c = (name) => results.caseloads[name];
row("memo hit rate (assess)", (n) => pct(c(n).memoHitRate));
row("assess, reading the outcomes", (n) => `${f(c(n).perCaseMicroseconds.assessReadingOutcomes, 2)} µs`);
row(
  "assess, reading every explanation",
  (n) => `${f(c(n).perCaseMicroseconds.assessReadingEveryExplanation, 2)} µs`,
);
row("assess, JSON.stringify of the result", (n) => `${f(c(n).perCaseMicroseconds.assessSerialised, 2)} µs`);
row("assess, memo emptied before each case", (n) => `${f(c(n).perCaseMicroseconds.assessColdMemo, 2)} µs`);
row("reviewSpoDecline", (n) => `${f(c(n).perCaseMicroseconds.reviewSpoDecline, 2)} µs`);
row("json-rules-engine, same rules", (n) => `${f(c(n).perCaseMicroseconds.jsonRulesEngine, 1)} µs`);
row(
  "assess (every explanation) vs json-rules-engine",
  (n) => `${f(c(n).ratios.assessReadingEveryExplanationVsJsonRulesEngine)}×`,
);
for (const { name } of CASELOADS) {
  const r = cli[name];
  console.log(
    `\nCLI assess, ${CLI_CASES.toLocaleString("en-GB")} ${name} cases (${f(r.fileMB)} MB JSON Lines), one thread: ${f(r.oneThread.seconds)} s, ${f(r.oneThread.casesPerSecond, 0)} cases/s, peak RSS ${f(r.oneThread.peakRssMB, 0)} MB, exit ${r.oneThread.exitCode}`,
  );
  if (r.twoThreads)
    console.log(
      `  --jobs 2 (the main thread and one worker): ${f(r.twoThreads.seconds)} s, ${f(r.twoThreads.casesPerSecond, 0)} cases/s, peak RSS ${f(r.twoThreads.peakRssMB, 0)} MB, exit ${r.twoThreads.exitCode}`,
    );
  for (const run of [r.oneThread, r.twoThreads])
    if (run && run.exitCode !== 0 && run.exitCode !== 1) console.log(`CLI stderr:\n${run.stderr}`);
}
console.log(`\ncold import of the package entry: ${f(importMs, 1)} ms (median of 7)`);

// The targets (issue 14), on the varied caseload, said plainly, met or not, each run.
const v = c("varied");
const p = v.perCaseMicroseconds;
const targets = [
  [
    "assess reading every explanation ≤ 25 µs a case",
    p.assessReadingEveryExplanation <= 25,
    `${f(p.assessReadingEveryExplanation, 2)} µs`,
  ],
  [
    "assess ≥ 60× json-rules-engine",
    v.ratios.assessReadingEveryExplanationVsJsonRulesEngine >= 60,
    `${f(v.ratios.assessReadingEveryExplanationVsJsonRulesEngine)}×`,
  ],
  [
    "assess reading the outcomes ≤ 10 µs a case",
    p.assessReadingOutcomes <= 10,
    `${f(p.assessReadingOutcomes, 2)} µs`,
  ],
  ["reviewSpoDecline ≤ 40 µs a case", p.reviewSpoDecline <= 40, `${f(p.reviewSpoDecline, 2)} µs`],
  [
    `CLI ≥ 30,000 cases/s (one thread, ${CLI_CASES.toLocaleString("en-GB")} cases)`,
    v.cli.oneThread.casesPerSecond >= 30_000,
    `${f(v.cli.oneThread.casesPerSecond, 0)}/s`,
  ],
  [
    `CLI peak RSS ≤ 250 MB (one thread, ${CLI_CASES.toLocaleString("en-GB")} cases)`,
    v.cli.oneThread.peakRssMB <= 250,
    `${f(v.cli.oneThread.peakRssMB, 0)} MB`,
  ],
  ["import ≤ 150 ms", importMs <= 150, `${f(importMs, 1)} ms`],
];
results.targetsOnVariedCaseload = Object.fromEntries(targets.map(([name, met]) => [name, met]));
results.targetsOfTheService = service.targets;
console.log(describeService(service));
console.log(
  `\ntargets of issue 14, on the varied caseload${SMALL ? " (SMALL MODE: a check that the bench runs, not its figures)" : ""}, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " ",
    )}:\n${targets.map(([name, met, value]) => `  ${met ? "met    " : "NOT met"}  ${name}: ${value}`).join("\n")}`,
);
for (const r of Object.values(cli)) for (const run of [r.oneThread, r.twoThreads]) if (run) delete run.stderr;
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(
  root,
  "bench/results",
  `bench-${SMALL ? "small-" : ""}${results.date.replace(/[:.]/g, "-")}.json`,
);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\nwrote ${path.relative(root, out)} after ${f(results.secondsTaken, 0)} s${sink === 0 ? "" : ""}`,
);
