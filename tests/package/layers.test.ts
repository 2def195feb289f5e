// The layering of src/ (core ← batch ← cli, server, report; no circles), checked with dependency-cruiser and the
// rules in .dependency-cruiser.cjs, exactly as `npm run check:layers` checks it in CI. A second cruise of a fixture
// tree that breaks each rule once proves that every rule still fires.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CRUISER = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG = join(root, ".dependency-cruiser.cjs");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function cruise(cwd: string, outputType: "json" | "err") {
  const run = spawnSync(process.execPath, [CRUISER, "src", "--config", CONFIG, "--output-type", outputType], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run;
}

/** Cruises `src` in `cwd` with the project's rules; the violations as "rule: from → to", sorted. */
function violationsIn(cwd: string): string[] {
  const result = JSON.parse(cruise(cwd, "json").stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations
    .map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^(\.\.\/)+node_modules\//, "node_modules/")}`)
    .sort();
}

/** The exit code of the cruise as `npm run check:layers` runs it (the `err` reporter): non-zero on a violation. */
function exitCodeIn(cwd: string): number | null {
  return cruise(cwd, "err").status;
}

describe("the layers of src/ (dependency-cruiser)", () => {
  it("hold: no circle, the core imports no edge, no edge imports another's internals", () => {
    // As CI runs it: the `err` reporter lists each violation and exits with their number.
    const run = cruise(root, "err");
    expect(run.stdout + run.stderr).toContain("no dependency violations found");
    expect(run.status).toBe(0);
  }, 60_000);

  it("would notice each kind of violation (the rules themselves work)", () => {
    const fixture = join(root, "tests/package/fixtures/layers");
    expect(violationsIn(fixture)).toEqual([
      "batch-imports-no-edge: src/batch/uses-cli.ts → src/cli/program.ts",
      "core-imports-no-edge-package: src/model/uses-fastify.ts → node_modules/fastify/fastify.js",
      "core-imports-no-edge: src/model/uses-batch.ts → src/batch/rows.ts",
      "core-imports-no-node-only-package: src/model/uses-node.ts → fs",
      "edge-imports-no-other-edge-internals: src/cli/program.ts → src/server/routes.ts",
      "edge-imports-no-other-edge-internals: src/report/uses-server.ts → src/server/routes.ts",
      "no-circular: src/model/circle-a.ts → src/model/circle-b.ts",
      "resolvable: src/model/unresolvable.ts → ./missing.js",
    ]);
    expect(exitCodeIn(fixture)).not.toBe(0);
  }, 60_000);
});
