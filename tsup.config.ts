import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { defineConfig } from "tsup";

// Four builds: the browser-safe core as ES modules and as CommonJS (with declarations), the HTTP service
// (Node-only, ESM + CJS with declarations) and the CLI (ESM only, Node built-ins allowed). `clean` is done by the build script: with an array config tsup's own `clean: true`
// races between the builds (see shared/engineering-notes.md).

/** The package's entry points (its exports map). */
const ENTRY_POINTS = {
  index: "src/index.ts",
  "rule-authoring": "src/rule-authoring.ts",
  "json-rules-engine": "src/evaluate/json-rules-engine-adapter.ts",
};

/** The edges: Node-only, built with the CLI, never part of the core. */
const EDGES = ["batch", "cli", "server", "report"];

/** Every module of the core, as `core/<path>` → its source file. */
function coreModules(dir = "src"): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory())
        return dir === "src" && EDGES.includes(entry.name) ? [] : Object.entries(coreModules(path));
      if (!entry.name.endsWith(".ts") || dir === "src") return [];
      return [[`core/${relative("src", path).replace(/\.ts$/, "")}`, path]];
    }),
  );
}

export default defineConfig([
  {
    // ES modules with code splitting, every core module an entry: each lands in a chunk of its own, so a bundler
    // (with the package's `sideEffects: false`) drops the modules an application does not import, whole: the
    // browser bundle of `import { assess }` carries no decline review, order validation or draft terms.
    entry: { ...ENTRY_POINTS, ...coreModules() },
    format: ["esm"],
    splitting: true,
    dts: { entry: ENTRY_POINTS },
    // No source maps in the package: they would double its size, and the published code is readable as it is.
    platform: "neutral",
    target: "es2022",
    external: ["json-rules-engine"],
    // stemmer is ESM only and 4 kB: bundled, so the CommonJS build needs no require() of an ES module.
    noExternal: ["stemmer"],
  },
  {
    // The same entry points again for Node (the exports map's "node" condition): split only where
    // the three entries share code, so `import "protective-orders"` loads a handful of files, not
    // one per core module. Node does not tree-shake, and loading some 60 chunk files took about
    // a third of the cold import. One build for all three, so the entries share one copy of the
    // core (one DEFAULT_RULES, one registry). zod stays external: one zod for the application and
    // the library (its locale and metadata registry are the application's).
    entry: ENTRY_POINTS,
    outDir: "dist/node",
    format: ["esm"],
    splitting: true,
    platform: "neutral",
    target: "es2022",
    external: ["json-rules-engine"],
    noExternal: ["stemmer"],
  },
  {
    entry: ENTRY_POINTS,
    format: ["cjs"],
    dts: true,
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
    target: "node22",
  },
  {
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/batch/worker.ts" },
    format: ["esm"],
    platform: "node",
    target: "node22",
    // One file per entry: the lazily loaded `report` command stays inside cli.js, so no shared chunk
    // of CLI code sits in dist/ beside the browser-safe core.
    splitting: false,
    banner: { js: "#!/usr/bin/env node" },
    // Code the command and its worker share goes in a chunk named as the CLI's, not the core's.
    esbuildOptions(options) {
      options.chunkNames = "cli-chunk-[hash]";
    },
  },
]);
