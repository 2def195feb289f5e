// Where the time goes: a CPU profile of `assess` on the benchmark's varied caseload, as a table of
// the top functions by self time (docs/profile.md is made from its output).
// Usage: npm run build && node bench/profile.mjs [outcomes|explanations|json|review] [cases]
// Runs itself again under --cpu-prof, so that generating the cases is not in the profile.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateVariedCases } from "./generate-varied-cases.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [mode = "outcomes", count = "20000", child] = process.argv.slice(2);

function touchTree(check) {
  let n = 1;
  if (check.type === "limb") n += touchTree(check.condition);
  else if (check.type !== "fact") for (const c of check.conditions) n += touchTree(c);
  return n;
}

if (child) {
  // The profiled run: read the cases, then assess them twice over (the first pass warms up).
  const lib = await import(path.join(root, "dist/index.js"));
  const cases = readFileSync(child, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  let sink = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const c of cases) {
      if (mode === "review") {
        sink += lib.reviewSpoDecline(c, undefined, { asOf: "2025-06-01" }).findings.length;
        continue;
      }
      const a = lib.assess(c, { asOf: "2025-06-01" });
      if (mode === "outcomes") for (const o of a.orders) sink += o.outcome.length;
      else if (mode === "explanations") for (const o of a.orders) sink += touchTree(o.conditions);
      else sink += JSON.stringify(a).length;
    }
  }
  if (sink === 0) console.log("");
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), "protective-orders-profile-"));
  const file = path.join(dir, "cases.jsonl");
  let text = "";
  for (const c of generateVariedCases(Number(count))) text += `${JSON.stringify(c)}\n`;
  writeFileSync(file, text);
  spawnSync(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), mode, count, file],
    {
      stdio: "inherit",
    },
  );
  const profileFile = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  const profile = JSON.parse(readFileSync(path.join(dir, profileFile), "utf8"));
  rmSync(dir, { recursive: true, force: true });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] ?? 0;
    total += d;
    const frame = byId.get(id).callFrame;
    const where = frame.url.startsWith("file:") ? path.relative(root, fileURLToPath(frame.url)) : frame.url;
    const key = `${frame.functionName || "(anonymous)"}${where ? ` (${where}:${frame.lineNumber + 1})` : ""}`;
    self.set(key, (self.get(key) ?? 0) + d);
  });
  console.log(
    `self time, assess (${mode}), ${Number(count).toLocaleString("en-GB")} varied cases × 2 passes:`,
  );
  console.log("| self time | function |\n|---:|---|");
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`| ${((100 * t) / total).toFixed(1)}% | \`${key}\` |`);
}
