// The TSDoc examples are documentation users copy: each ```ts block under an `@example` tag in src/
// must compile, as written, against the public API ("protective-orders" and
// "protective-orders/json-rules-engine", mapped to src/) with the project's strict options.
// A failing example is written to node_modules/.cache/protective-orders-examples/ to inspect.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectExamples,
  collectGuideExamples,
  type ExampleResult,
  publicExportDocs,
  ROOT,
  runnableExample,
  statedValue,
  typeCheckExamples,
  writeRunnableExample,
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

// Issue 29 item 4: the README's and the guides' examples are run, and every value a comment states
// (`assessment.recommendation.first; // "spo"`) is checked against what the code returns.
describe("examples in the README and the guides run, and say what they return", () => {
  const runnable = guideExamples.filter((e) => e.run !== false);

  // The files the examples name (`cases.jsonl`, `local-policy.json`), made from the bundled examples in a
  // scratch folder the examples run in.
  let scratch = "";
  const cwd = process.cwd();
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "po-examples-"));
    const cases = JSON.parse(readFileSync(join(ROOT, "examples/caseload.json"), "utf8")) as unknown[];
    writeFileSync(join(scratch, "cases.jsonl"), `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`);
    writeFileSync(join(scratch, "case.json"), JSON.stringify(cases[0]));
    copyFileSync(join(ROOT, "examples/rule-packs/local-policy.json"), join(scratch, "local-policy.json"));
    process.chdir(scratch);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('turns the README\'s stated values into checks (`// "spo"` is asserted)', () => {
    const readme = runnable.find((e) => e.file === "README.md" && e.code.includes("recommendation.first"));
    expect(readme).toBeDefined();
    expect(writeRunnableExample(readme!).assertions).toBeGreaterThanOrEqual(2);
  });

  it("asserts console.log(…), declarations and array or object literals; refuses a list of alternatives", () => {
    const example = (code: string) => ({ ...runnable[0]!, code });
    const code = (line: string) => runnableExample(example(line));
    expect(code('console.log(f(1)); // "a"').assertions).toBe(1);
    expect(code('console.log(f(1)); // "a"').code).toContain('__expectValue(f(1), "a"');
    expect(code('const x = f(); // "v"').code).toContain('__expectValue(x, "v"');
    expect(code('f(); // ["spo", "nmo"]').code).toContain('__expectValue(f(), (["spo", "nmo"])');
    expect(code('f(); // { path: "incidents" }').assertions).toBe(1);
    // Shapes and prose are not claims.
    expect(code("f(); // { available: ..., spo: ... }").assertions).toBe(0);
    expect(code("f(); // what to ask next").assertions).toBe(0);
    expect(() => statedValue('"a" | "b"', "README.md:1")).toThrow(/lists alternatives/);
    expect(statedValue('"a" (the others: b, c)', "README.md:1")).toBe('"a"');
  });

  it("a comment that misstates the value fails the run", async () => {
    const wrong = runnable.find((e) => e.file === "README.md" && e.code.includes("recommendation.first"))!;
    const { path } = writeRunnableExample({
      ...wrong,
      index: 9999,
      code: wrong.code.replace('// "spo"', '// "nmo"'),
    });
    await expect(import(/* @vite-ignore */ path)).rejects.toThrow(/the example's comment says "nmo"/);
  });

  it.each(runnable.map((e) => [`${e.file} › ${e.name} #${e.index}`, e] as const))("%s", async (_, e) => {
    const { path } = writeRunnableExample(e);
    const log = console.log;
    console.log = () => {};
    try {
      await import(/* @vite-ignore */ path);
    } finally {
      console.log = log;
    }
  });
});
