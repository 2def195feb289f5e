// The TSDoc examples are documentation users copy: each ```ts block under an `@example` tag in src/
// must compile, as written, against the public API ("protective-orders" and
// "protective-orders/json-rules-engine", mapped to src/) with the project's strict options.
// A failing example is written to node_modules/.cache/protective-orders-examples/ to inspect.
import { describe, expect, it } from "vitest";
import {
  collectExamples,
  collectGuideExamples,
  type ExampleResult,
  publicExportDocs,
  typeCheckExamples,
} from "./examples.js";

const examples = collectExamples();
const guideExamples = collectGuideExamples();
// One program for both, so the compiler runs once.
const all = typeCheckExamples([...examples.filter((e) => e.code !== ""), ...guideExamples]);
const results = all.filter((r) => r.example.file.startsWith("src/"));
const guideResults = all.filter((r) => !r.example.file.startsWith("src/"));

function describeFailure(r: ExampleResult): string {
  return [
    `${r.example.file}:${r.example.line} ${r.example.name} (example ${r.example.index})`,
    `  written to ${r.path}`,
    ...r.errors.map((e) => `  ${e}`),
  ].join("\n");
}

describe("TSDoc examples", () => {
  it("finds the examples in src/", () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it("every @example has a ```ts code block", () => {
    const empty = examples.filter((e) => e.code === "").map((e) => `${e.file}:${e.line} ${e.name}`);
    expect(empty, `@example tags without a \`\`\`ts block:\n${empty.join("\n")}`).toEqual([]);
  });

  it.each(results.map((r) => [`${r.example.file} › ${r.example.name} #${r.example.index}`, r] as const))(
    "%s",
    (_, r) => {
      expect(r.errors, describeFailure(r)).toEqual([]);
    },
  );
});

describe("public API documentation", () => {
  const exportsDocs = publicExportDocs();

  it("reads the exports of both entry points", () => {
    expect(exportsDocs.some((e) => e.name === "assess")).toBe(true);
    expect(exportsDocs.some((e) => e.name === "createJsonRulesEngine")).toBe(true);
  });

  it("every public export has a TSDoc comment", () => {
    const missing = exportsDocs.filter((e) => !e.documented).map((e) => `${e.name} (${e.file})`);
    expect(missing, `exports without a TSDoc comment:\n${missing.join("\n")}`).toEqual([]);
  });

  it("every public export has an @example", () => {
    const missing = exportsDocs.filter((e) => !e.hasExample).map((e) => `${e.name} (${e.file})`);
    expect(missing, `exports without an @example:\n${missing.join("\n")}`).toEqual([]);
  });
});

// The guides' TypeScript blocks are documentation users copy too.
describe("code in the guides (docs/guides/*.md)", () => {
  it("finds the guides' TypeScript blocks", () => {
    expect(guideExamples.length).toBeGreaterThan(5);
  });

  it.each(guideResults.map((r) => [`${r.example.file} › ${r.example.name} #${r.example.index}`, r] as const))(
    "%s",
    (_, r) => {
      expect(r.errors, describeFailure(r)).toEqual([]);
    },
  );
});
