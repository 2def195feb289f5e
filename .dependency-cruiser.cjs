// The layering of src/, checked by dependency-cruiser (`npm run check:layers`, in .ci/run and in
// tests/package/layers.test.ts). The arrows (shared/design.md, "Packages"):
//
//   core ← batch ← cli, server, report
//
// - the core (model, law, facts, evaluate, assess, review, orders, render, …) imports no edge and no batch code;
// - src/batch/ (rows in, results out, the worker pool) is shared by the edges and imports no edge;
// - an edge imports another edge only through its public entry (src/server/index.ts, src/report/index.ts);
// - no import circle anywhere in src/, type-only imports included.
//
// Paths are matched relative to the directory the cruise runs in, so the same rules check the fixture tree in
// tests/package/fixtures/layers/ (one violation of each rule) and prove that each rule fires.

/** The folders under src/ that are not the core. */
const NOT_CORE = "^src/(batch|cli|server|report)/";
/** The edges: each is Node-only and imports the core and the batch layer. */
const EDGE = "^src/(cli|server|report)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle: break it by moving what both sides need into a module of its own.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-imports-no-edge",
      severity: "error",
      comment:
        "The core (everything in src/ but batch, cli, server and report) is browser-safe and never imports the batch layer or an edge.",
      from: { path: "^src/", pathNot: NOT_CORE },
      to: { path: NOT_CORE },
    },
    {
      name: "batch-imports-no-edge",
      severity: "error",
      comment: "The batch layer is shared by the CLI, the service and the report: it imports the core only.",
      from: { path: "^src/batch/" },
      to: { path: EDGE },
    },
    {
      name: "edge-imports-no-other-edge-internals",
      severity: "error",
      comment:
        "An edge imports another edge only through its public entry (src/server/index.ts, src/report/index.ts), never its modules.",
      from: { path: EDGE },
      to: { path: EDGE, pathNot: ["^src/$1/", "^src/(server|report)/index\\.ts$"] },
    },
    {
      name: "core-imports-no-node-only-package",
      severity: "error",
      comment:
        "The core runs in a browser: no Node built-in and none of the edges' packages (HTTP, terminal, CSV, charts).",
      from: { path: "^src/", pathNot: NOT_CORE },
      to: {
        dependencyTypes: ["core"],
      },
    },
    {
      name: "core-imports-no-edge-package",
      severity: "error",
      comment: "The core depends on zod, date-fns, @date-fns/utc and stemmer only (issue 29, item 1).",
      from: { path: "^src/", pathNot: NOT_CORE },
      to: {
        dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"],
        pathNot: "node_modules/(zod|date-fns|@date-fns/utc|stemmer|json-rules-engine)/",
      },
    },
    {
      name: "resolvable",
      severity: "error",
      comment: "An import the cruiser cannot resolve would hide its arrow from every rule above.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are arrows too: a circle of types is still a circle for the package split.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
