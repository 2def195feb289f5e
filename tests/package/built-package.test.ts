// The BUILT package (dist/), as a consumer gets it through the exports map, in ESM and in CJS.
//
// ESM runs in a child `node` process, not through vitest: vitest transforms files outside node_modules
// with its own CommonJS interop, which hides bugs such as a default import of json-rules-engine that
// throws `engineFactory is not a function` in plain Node (shared/engineering-notes.md). CJS runs
// in-process through Node's own `require` (createRequire), which vitest does not touch.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { assess as assessFromSource, type CaseFacts } from "../../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const requireFromRoot = createRequire(join(root, "package.json"));

/** Every file the exports map and `bin` point at. */
function exportedFiles(): string[] {
  const files: string[] = [];
  const walk = (target: unknown): void => {
    if (typeof target === "string") files.push(target);
    else if (target && typeof target === "object") for (const value of Object.values(target)) walk(value);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  return files;
}

function assertBuilt(): void {
  const missing = exportedFiles().filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    throw new Error(
      `The built package is missing ${missing.join(", ")}: run \`npm run build\` first (these tests check dist/).`,
    );
  }
}

/** Runs an ES module in a fresh Node process from the package root, with `input` bound to the given JSON. */
function runEsm(code: string, input: unknown): unknown {
  const script = `const input = JSON.parse(process.env.PROTECTIVE_ORDERS_TEST_INPUT);\n${code}`;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "--eval", script], {
    cwd: root,
    env: { ...process.env, PROTECTIVE_ORDERS_TEST_INPUT: JSON.stringify(input) },
    encoding: "utf8",
  });
  return JSON.parse(stdout);
}

const AS_OF = "2025-06-01";

// A stranger who follows and loiters, acts he knew or ought to have known were unwelcome (examples of acts
// associated with stalking "in particular circumstances", PHA 1997 s.2A(3)(a),(d); SPA 2019 s.1(4)(b)), posing an
// ongoing risk of psychological harm (SPA 2019 s.1(1)(b), s.1(4)(a)), in England and Wales.
const STRANGER_CASE: CaseFacts = {
  id: "built-package-1",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
};

interface OrderOutcome {
  rule: string;
  outcome: string;
}
interface AssessmentLike {
  caseId: string;
  asOf: string;
  orders: OrderOutcome[];
}
interface EngineEvent {
  type: string;
  params?: { order?: string };
}

const outcomeOf = (assessment: AssessmentLike, rule: string): string | undefined =>
  assessment.orders.find((o) => o.rule === rule)?.outcome;

describe("the built package (dist/)", () => {
  beforeAll(assertBuilt);

  it("has every file its exports map and bin point at", () => {
    assertBuilt();
    expect(exportedFiles().length).toBeGreaterThan(0);
  });

  it("`protective-orders` gives the same assessment in ESM, in CJS and from source", () => {
    const esm = runEsm(
      `const { assess } = await import(${JSON.stringify(pkg.name)});
       process.stdout.write(JSON.stringify(assess(input, { asOf: ${JSON.stringify(AS_OF)} })));`,
      STRANGER_CASE,
    ) as AssessmentLike;
    const cjs = requireFromRoot(pkg.name) as {
      assess: (facts: unknown, options: { asOf: string }) => unknown;
    };
    const fromCjs = JSON.parse(JSON.stringify(cjs.assess(STRANGER_CASE, { asOf: AS_OF }))) as AssessmentLike;
    const fromSource = JSON.parse(JSON.stringify(assessFromSource(STRANGER_CASE, { asOf: AS_OF })));

    expect(esm.caseId).toBe(STRANGER_CASE.id);
    expect(esm.asOf).toBe(AS_OF);
    // SPA 2019 s.1: no relationship needed; FLA 1996 s.42(2)(a) needs an associated person (s.62(3)),
    // which a stranger with every connection recorded is not.
    expect(outcomeOf(esm, "spo")).toBe("available");
    expect(outcomeOf(esm, "nmo")).toBe("not-available");
    expect(fromCjs).toEqual(esm);
    expect(
      fromSource,
      "dist/ disagrees with src/: if src/ changed since the last build, run `npm run build`",
    ).toEqual(esm);
  });

  it("`protective-orders/json-rules-engine` runs json-rules-engine in ESM and in CJS, with the same events", async () => {
    const esmEvents = runEsm(
      `const { createJsonRulesEngine, deriveJsonRulesEngineFacts } = await import(${JSON.stringify(`${pkg.name}/json-rules-engine`)});
       const { events } = await createJsonRulesEngine().run(deriveJsonRulesEngineFacts(input, ${JSON.stringify(AS_OF)}));
       process.stdout.write(JSON.stringify(events));`,
      STRANGER_CASE,
    ) as EngineEvent[];
    const adapter = requireFromRoot(`${pkg.name}/json-rules-engine`) as {
      createJsonRulesEngine: () => {
        run: (facts: Record<string, unknown>) => Promise<{ events: EngineEvent[] }>;
      };
      deriveJsonRulesEngineFacts: (facts: unknown, asOf: string) => Record<string, unknown>;
    };
    const { events: cjsEvents } = await adapter
      .createJsonRulesEngine()
      .run(adapter.deriveJsonRulesEngineFacts(STRANGER_CASE, AS_OF));

    const orders = (events: EngineEvent[]) => events.map((e) => e.params?.order).sort();
    expect(orders(esmEvents)).toContain("spo");
    expect(orders(esmEvents)).not.toContain("nmo");
    expect(JSON.parse(JSON.stringify(cjsEvents))).toEqual(esmEvents);
  });

  it("exports the JSON Schema and package.json", () => {
    const viaExports = requireFromRoot(`${pkg.name}/schema/case-facts.json`) as { type?: string };
    const onDisk = JSON.parse(readFileSync(join(root, "schema/case-facts.schema.json"), "utf8"));
    expect(viaExports).toEqual(onDisk);
    expect(viaExports.type).toBe("object");
    expect((requireFromRoot(`${pkg.name}/package.json`) as { name: string }).name).toBe(pkg.name);
  });

  it("the built core imports nothing but its declared dependencies (no Node built-ins)", () => {
    const allowed = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    // The edges (the CLI and its chunks, the HTTP service) are Node-only and checked below.
    const coreFiles = readdirSync(join(root, "dist")).filter(
      (f) => /\.(c?js)$/.test(f) && f !== "cli.js" && !f.startsWith("cli-") && !f.startsWith("server."),
    );
    expect(coreFiles).toEqual(expect.arrayContaining(["index.js", "index.cjs", "json-rules-engine.js"]));
    const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;
    const offending: string[] = [];
    for (const file of coreFiles) {
      const text = readFileSync(join(root, "dist", file), "utf8");
      for (const match of text.matchAll(specifier)) {
        const spec = match[1]!;
        if (spec.startsWith(".")) continue;
        const bare = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
        const nodeOnly = /^(fastify|@fastify\/|commander|cli-progress|csv-)/.test(bare);
        if (spec.startsWith("node:") || builtinModules.includes(bare) || !allowed.has(bare) || nodeOnly) {
          offending.push(`${file}: ${spec}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("protective-orders/server loads in ESM and CJS and builds a working service", async () => {
    const esm = runEsm(
      `const { createServer } = await import(${JSON.stringify(`${pkg.name}/server`)});
       const app = createServer();
       const r = await app.inject({ method: "GET", url: "/healthz" });
       await app.close();
       process.stdout.write(JSON.stringify({ status: r.statusCode, body: r.json() }));`,
      null,
    );
    expect(esm).toEqual({ status: 200, body: { status: "ok" } });
    const cjs = requireFromRoot(`${pkg.name}/server`) as {
      createServer: unknown;
      buildOpenApiDocument: () => { openapi: string };
    };
    expect(typeof cjs.createServer).toBe("function");
    expect(cjs.buildOpenApiDocument().openapi).toBe("3.1.0");
  }, 30_000);

  it("the CLI is an executable ES module with a shebang", () => {
    const cli = readFileSync(join(root, pkg.bin["protective-orders"]!), "utf8");
    expect(cli.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
