// `engines.node` says what the dependency tree really needs: for every Node version tried, the package's range
// accepts it exactly when every installed package (runtime and tooling, nested copies included) does. Today
// that is Node 22 from 22.13 (dependency-cruiser's watskeburt needs 22.13, vite and rolldown 22.12; cookie 2 via light-my-request and
// content-disposition 3 via @fastify/static need 22) or Node 24 and later (vitest leaves out 23).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../server/helpers.js";

const require = createRequire(import.meta.url);
const semver = require("semver") as { satisfies(version: string, range: string): boolean };

interface Declared {
  readonly name: string;
  readonly range: string;
}

/** Every package under a node_modules directory, nested ones included, with its engines.node. */
function declaredRanges(dir: string, out: Declared[] = []): Declared[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) {
      declaredRanges(join(dir, entry), out);
      continue;
    }
    const path = join(dir, entry);
    try {
      const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as {
        name?: string;
        engines?: { node?: string };
      };
      if (pkg.engines?.node) out.push({ name: pkg.name ?? entry, range: pkg.engines.node });
    } catch {
      continue;
    }
    declaredRanges(join(path, "node_modules"), out);
  }
  return out;
}

const VERSIONS = [
  "18.20.0",
  "20.0.0",
  "20.19.0",
  "20.20.2",
  "21.7.0",
  "22.0.0",
  "22.11.0",
  "22.12.0",
  "22.13.0",
  "22.23.3",
  "23.0.0",
  "23.11.0",
  "24.0.0",
  "24.11.0",
  "25.0.0",
  "26.0.0",
];

describe("engines", () => {
  const ours = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } })
    .engines.node;
  const tree = declaredRanges(join(root, "node_modules"));

  it("reads the installed tree", () => {
    expect(tree.length).toBeGreaterThan(30);
    expect(tree.map((d) => d.name)).toEqual(
      expect.arrayContaining(["vite", "cookie", "content-disposition"]),
    );
  });

  it.each(VERSIONS)(
    "Node %s: accepted by engines exactly when every installed package accepts it",
    (version) => {
      const refusing = tree
        .filter((d) => !semver.satisfies(version, d.range))
        .map((d) => `${d.name} ${d.range}`);
      expect(semver.satisfies(version, ours), refusing.join("; ")).toBe(refusing.length === 0);
    },
  );
});
