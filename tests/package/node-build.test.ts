// Node gets its own build of the entry points (the exports map's "node" condition, dist/node/):
// a few files rather than the ~60 per-module chunks bundlers tree-shake (issue 14, cold import).
// It must be the same library: the same exports and answers as the bundlers' build, and one copy
// of the core shared by its entry points (rule-authoring's DEFAULT_RULES is the compiled rule set
// that the root's assess knows). Run in child processes: plain Node resolves the exports map.
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function runEsm(code: string): unknown {
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "--eval", code], { cwd: root, encoding: "utf8" }),
  );
}

const CASE = JSON.stringify({
  id: "node-build",
  jurisdiction: "england-and-wales",
  relationship: { summary: "ex-partner" },
  incidents: [{ kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true }],
  risk: { psychologicalHarm: true, ongoing: true },
});

describe("the Node build (dist/node/)", () => {
  it('is what Node resolves for "protective-orders" and its subpaths', () => {
    const resolved = runEsm(
      `process.stdout.write(JSON.stringify(["protective-orders", "protective-orders/rule-authoring", "protective-orders/json-rules-engine"].map((s) => import.meta.resolve(s))));`,
    ) as string[];
    expect(resolved.map((url) => url.slice(url.indexOf("/dist/")))).toEqual([
      "/dist/node/index.js",
      "/dist/node/rule-authoring.js",
      "/dist/node/json-rules-engine.js",
    ]);
  });

  it("has the bundlers' build's exports and answers, and one core for its entry points", () => {
    const result = runEsm(`
      const node = await import("protective-orders");
      const authoring = await import("protective-orders/rule-authoring");
      const bundlers = await import(${JSON.stringify(join(root, "dist", "index.js"))});
      const facts = ${CASE};
      const options = { asOf: "2025-06-01" };
      process.stdout.write(JSON.stringify({
        sameNames: JSON.stringify(Object.keys(node).sort()) === JSON.stringify(Object.keys(bundlers).sort()),
        sameAnswer: JSON.stringify(node.assess(facts, options)) === JSON.stringify(bundlers.assess(facts, options)),
        sharedRules: node.safeAssess(facts, { ...options, rules: authoring.DEFAULT_RULES }).success,
        names: Object.keys(node).length,
      }));`);
    expect(result).toMatchObject({ sameNames: true, sameAnswer: true, sharedRules: true });
    expect((result as { names: number }).names).toBeGreaterThan(20);
  }, 30_000);
});
