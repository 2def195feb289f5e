import { defineConfig } from "tsup";

// Three builds: the browser-safe core (ESM + CJS with declarations), the HTTP service (Node-only,
// ESM + CJS with declarations) and the CLI (ESM only, Node built-ins allowed). `clean` is done by
// the build script: with an array config tsup's own `clean: true` races between the builds (see
// shared/engineering-notes.md).
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "rule-authoring": "src/rule-authoring.ts",
      "json-rules-engine": "src/evaluate/json-rules-engine-adapter.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    // No source maps in the package: they would double its size, and the published code is readable as it is.
    platform: "neutral",
    target: "es2022",
    external: ["json-rules-engine"],
  },
  {
    // The HTTP service, for integrators (protective-orders/server): Node-only.
    entry: { server: "src/server/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    platform: "node",
    target: "node20",
  },
  {
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    // One file per entry: the lazily loaded `report` command stays inside cli.js, so no shared chunk
    // of CLI code sits in dist/ beside the browser-safe core.
    splitting: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
