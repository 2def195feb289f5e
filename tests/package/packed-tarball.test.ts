// The package as a user installs it: `npm pack` of the built package, unpacked into a fresh project's
// node_modules (its dependencies linked from this checkout's node_modules, so the test needs no network), then
// used as a user would: a realistic program type-checked under moduleResolution node16 and bundler, a misspelt
// rule id that must not compile, `import { assess }` bundled for the browser by esbuild under the size the README
// promises, and case data validated with the shipped JSON Schema.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};

/**
 * The most a browser bundle of `import { assess } from "protective-orders"` may weigh, minified (issue 15):
 * 250 kB (the target). It was raised to 300 kB when the Northern Ireland law data made it about 280 kB,
 * and lowered again once citations came from the citation index instead of the provision files (about 244 kB:
 * zod about 96 kB, the rule packs about 48 kB, the derived facts, evaluator and citation index the rest).
 * Raised to 255 kB (issue 26) when the SPO area limit (SPA 2019 s.1(3), NI 2022 Act s.7(3)) and its notice naming
 * who may apply took it to about 251 kB.
 */
const BROWSER_BUNDLE_LIMIT = 255_000;

let project: string;
let installed: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "protective-orders-consumer-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", project], {
      cwd: root,
      encoding: "utf8",
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(project, packed[0]!.filename);
  installed = join(project, "node_modules", "protective-orders");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  // The runtime dependencies, as npm would install them beside the package.
  for (const dependency of Object.keys(pkg.dependencies)) {
    const target = join(project, "node_modules", dependency);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(root, "node_modules", dependency), target, "dir");
  }
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** A realistic use: validate untrusted input, assess it, pick out the first order, explain it, review a decline. */
const REALISTIC_USE = `
import { assess, explain, parseCaseFacts, reviewSpoDecline, type BundledAssessment, type RuleId } from "protective-orders";
import { BUNDLED_RULE_PACKS, compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "protective-orders/rule-authoring";

export function triage(input: unknown): string {
  const parsed = parseCaseFacts(input);
  if (!parsed.success) return parsed.problems.map((p) => p.path + ": " + p.message).join("\\n");
  const assessment: BundledAssessment = assess(parsed.data, { asOf: "2025-06-01" });
  const first: RuleId | null = assessment.recommendation.first;
  const spo = assessment.orders.find((o) => o.rule === "spo");
  const review = reviewSpoDecline(parsed.data, { decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] } });
  return [first ?? "none", spo?.outcome ?? "", review.verdict, explain(assessment)].join("\\n");
}

export const ownRules = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
`;

const MISSPELT = `
import { assess } from "protective-orders";
const assessment = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" });
export const nmo = assessment.orders.find((o) => o.rule === "nmoo");
`;

/**
 * Type-checks the given files of the consumer project in one program; returns each file's compiler messages.
 * skipLibCheck as most projects have it (the declarations themselves are checked by Are the Types Wrong).
 */
function typeCheck(
  files: Record<string, string>,
  moduleResolution: "node16" | "bundler",
): Record<string, string[]> {
  const paths = Object.keys(files).map((name) => {
    const path = join(project, `${name}-${moduleResolution}.ts`);
    writeFileSync(path, files[name]!);
    return path;
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    types: [],
    ...(moduleResolution === "node16"
      ? { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }
      : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
  };
  const program = ts.createProgram(paths, options);
  return Object.fromEntries(
    Object.keys(files).map((name, i) => [
      name,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(paths[i]!))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    ]),
  );
}

describe("the packed tarball, installed in a fresh project", () => {
  it("holds only what users need: the built code, the schema, the example caseload, README, CHANGELOG, LICENSE", () => {
    const files = execFileSync("tar", ["-tzf", join(project, readTarballName())], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "CHANGELOG.md", "package.json"]));
    const unexpected = files.filter(
      (f) => !/^(dist\/|schema\/|examples\/|LICENSE$|README\.md$|CHANGELOG\.md$|package\.json$)/.test(f),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map") || f.startsWith("src/") || f.startsWith("tests/"))).toEqual(
      [],
    );
  });

  it.each(["node16", "bundler"] as const)(
    "under moduleResolution %s a realistic use type-checks, and a misspelt rule id is a compile error",
    (resolution) => {
      const result = typeCheck({ realistic: REALISTIC_USE, misspelt: MISSPELT }, resolution);
      expect(result.realistic).toEqual([]);
      expect(result.misspelt?.some((message) => message.includes('"nmoo"'))).toBe(true);
    },
    120_000,
  );

  it(`import { assess } bundled for the browser by esbuild is at most ${BROWSER_BUNDLE_LIMIT / 1000} kB minified`, async () => {
    const entry = join(project, "browser-entry.js");
    writeFileSync(entry, 'import { assess } from "protective-orders";\nglobalThis.assess = assess;\n');
    const outfile = join(project, "browser-bundle.js");
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      preserveSymlinks: false,
      logLevel: "silent",
    });
    const size = statSync(outfile).size;
    expect(size).toBeLessThanOrEqual(BROWSER_BUNDLE_LIMIT);
    // It is the library, not an empty shell: the bundled law is there.
    expect(readFileSync(outfile, "utf8")).toContain("Stalking Protection Act 2019");
  }, 120_000);

  it("the shipped JSON Schema (protective-orders/schema/case-facts.json) validates case data", () => {
    const schema = JSON.parse(readFileSync(join(installed, "schema", "case-facts.schema.json"), "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(
      validate({
        id: "c1",
        jurisdiction: "england-and-wales",
        incidents: [{ kind: "following", date: "2025-05-01" }],
      }),
    ).toBe(true);
    expect(validate({ id: "c2", jurisdiction: "England and Wales" })).toBe(false);
    expect(validate({ id: "c3", incidents: [{ kind: "following", date: "2025-02-30" }] })).toBe(false);
    // It describes itself (issue 15 item 5): an $id, and labels a form can show.
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.properties.jurisdiction.title).toBe("Jurisdiction");
  });

  it("runs a rule pack with a local provision (the shipped example), in the library and with the CLI's --rules", () => {
    const pack = join(installed, "examples", "rule-packs", "local-policy.json");
    const caseFacts = {
      id: "local-1",
      jurisdiction: "england-and-wales",
      incidents: [
        { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "threats-of-violence", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: { adequate: false },
    };
    writeFileSync(join(project, "local-case.json"), JSON.stringify(caseFacts));
    writeFileSync(
      join(project, "local-rules.mjs"),
      `import { readFileSync } from "node:fs";
import { assess, explain } from "protective-orders";
import { BUNDLED_RULE_PACKS, compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "protective-orders/rule-authoring";
const pack = JSON.parse(readFileSync(${JSON.stringify(pack)}, "utf8"));
const rules = compileRuleSet(loadRuleSet([...BUNDLED_RULE_PACKS, pack], FACT_DEFINITIONS));
const facts = JSON.parse(readFileSync("local-case.json", "utf8"));
const assessment = assess(facts, { asOf: "2025-06-01", rules });
const local = assessment.orders.find((o) => o.rule === "example-constabulary-priority-spo-review");
console.log(JSON.stringify({ outcome: local?.outcome, citation: local?.citation, text: explain(assessment) }));
`,
    );
    const out = JSON.parse(execFileSync("node", ["local-rules.mjs"], { cwd: project, encoding: "utf8" })) as {
      outcome: string;
      citation: { local?: boolean; title: string };
      text: string;
    };
    expect(out.outcome).toBe("available");
    expect(out.citation.local).toBe(true);
    expect(out.citation.title).toBe("Example Constabulary stalking policy 2025, para 4.2 (local policy)");
    expect(out.text).toContain("(local policy)");
    const cli = execFileSync(
      "node",
      [
        join(installed, "dist", "cli.js"),
        "explain",
        "local-case.json",
        "--as-of",
        "2025-06-01",
        "--rules",
        pack,
        "-q",
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(cli).toContain("Priority SPO review (Example Constabulary policy): AVAILABLE");
    expect(cli).toContain("para 4.2 (local policy)");
  }, 60_000);
});

function readTarballName(): string {
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string })
    .version;
  return `protective-orders-${version}.tgz`;
}
