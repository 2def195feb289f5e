// Support for tests/docs/examples.test.ts: finds every ```ts block under an `@example` tag in
// src/**/*.ts, type-checks them with the project's compiler options, and lists public exports
// that have no TSDoc comment or no `@example`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");

/** The package's public entry points, as the examples import them. */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  "protective-orders": join(SRC, "index.ts"),
  "protective-orders/rule-authoring": join(SRC, "rule-authoring.ts"),
  "protective-orders/json-rules-engine": join(SRC, "evaluate/json-rules-engine-adapter.ts"),
  "protective-orders/server": join(SRC, "server/index.ts"),
  "protective-orders/schema/case-facts.json": join(ROOT, "schema/case-facts.schema.json"),
};

/** Where the extracted examples are written (git-ignored, so a failing one can be opened). */
export const EXAMPLES_DIR = join(ROOT, "node_modules/.cache/protective-orders-examples");

export interface Example {
  /** The source file, relative to the project root. */
  readonly file: string;
  /** The documented declaration: `assess`, `CaseFactsSchema`, `Interface.member`. */
  readonly name: string;
  /** 1-based line in `file` where the code block starts. */
  readonly line: number;
  /** For a guide's block: false when {@link NOT_RUN_MARKER} stands before it (type-checked, not run). */
  readonly run?: boolean;
  /** Which ```ts block of this declaration it is, from 1. */
  readonly index: number;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f))
    .sort();
}

function declarationName(node: ts.Node, sf: ts.SourceFile): string {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.map((d) => d.name.getText(sf)).join(", ");
  }
  const named = node as ts.Node & { name?: ts.Node };
  const own = named.name ? named.name.getText(sf) : ts.SyntaxKind[node.kind];
  let parent = node.parent;
  while (parent && !ts.isSourceFile(parent)) {
    const p = parent as ts.Node & { name?: ts.Node };
    if (
      (ts.isInterfaceDeclaration(parent) ||
        ts.isClassDeclaration(parent) ||
        ts.isTypeAliasDeclaration(parent)) &&
      p.name
    ) {
      return `${p.name.getText(sf)}.${own}`;
    }
    parent = parent.parent;
  }
  return own;
}

/** The text of a JSDoc comment with the comment markers and leading `*` removed, line by line. */
function commentLines(raw: string): string[] {
  return raw
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, "").replace(/^\s*$/, ""));
}

/**
 * Every ```ts (or ```typescript) block inside an `@example` tag of a JSDoc comment in src/.
 * `@example` tags with no such block are returned with empty `code`, so they can be reported.
 */
export function collectExamples(): Example[] {
  const examples: Example[] = [];
  for (const path of sourceFiles(SRC)) {
    const text = readFileSync(path, "utf8");
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const file = relative(ROOT, path);
    const visit = (node: ts.Node): void => {
      const docs = ts.getJSDocCommentsAndTags(node).filter((d): d is ts.JSDoc => ts.isJSDoc(d));
      for (const doc of docs) {
        // A JSDoc comment is reported for its own node only (a variable declaration also sees
        // its statement's comment).
        if (doc.parent !== node) continue;
        const start = doc.getStart(sf);
        const firstLine = sf.getLineAndCharacterOfPosition(start).line + 1;
        const lines = commentLines(text.slice(start, doc.end));
        const name = declarationName(node, sf);
        let inExample = false;
        let fence: { lang: string; from: number; body: string[] } | undefined;
        let index = 0;
        let blocksInTag = 0;
        const endTag = (i: number) => {
          if (inExample && blocksInTag === 0) {
            examples.push({ file, name, line: firstLine + i, index: ++index, code: "" });
          }
        };
        lines.forEach((line, i) => {
          if (fence) {
            if (/^\s*```\s*$/.test(line)) {
              if (inExample && /^(ts|typescript)$/i.test(fence.lang)) {
                blocksInTag += 1;
                examples.push({
                  file,
                  name,
                  line: firstLine + fence.from + 1,
                  index: ++index,
                  code: `${fence.body.join("\n")}\n`,
                });
              }
              fence = undefined;
            } else fence.body.push(line);
            return;
          }
          const open = /^\s*```\s*([\w-]*)/.exec(line);
          if (open) {
            fence = { lang: open[1] ?? "", from: i, body: [] };
            return;
          }
          const tag = /^\s*@(\w+)/.exec(line);
          if (tag) {
            endTag(i);
            inExample = tag[1] === "example";
            blocksInTag = 0;
          }
        });
        endTag(lines.length);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return examples;
}

/** Every ```ts block in the hand-written guides (docs/guides/*.md; the generated legal basis has none). */
/**
 * The marker that keeps the next ```ts block of a guide or the README out of the run (it is still
 * type-checked): for a block that is deliberately a fragment (it uses a variable a reader has of their own,
 * such as `facts`) or that would need a server or files. Put it on the line before the fence, and say in the
 * prose why the block is not runnable.
 */
export const NOT_RUN_MARKER = "<!-- example: not run -->";

/** The markdown files whose ```ts blocks are examples: README.md and every guide. */
function exampleMarkdownFiles(): string[] {
  const dir = join(ROOT, "docs", "guides");
  return [
    join(ROOT, "README.md"),
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => join(dir, f)),
  ];
}

export function collectGuideExamples(): Example[] {
  const examples: Example[] = [];
  for (const path of exampleMarkdownFiles()) {
    const file = relative(ROOT, path);
    const lines = readFileSync(path, "utf8").split("\n");
    let heading = "(top)";
    let fence: { lang: string; from: number; body: string[]; run: boolean } | undefined;
    let index = 0;
    lines.forEach((line, i) => {
      if (fence) {
        if (/^\s*```\s*$/.test(line)) {
          if (/^(ts|typescript)$/i.test(fence.lang)) {
            examples.push({
              file,
              name: heading,
              line: fence.from + 2,
              index: ++index,
              code: `${fence.body.join("\n")}\n`,
              run: fence.run,
            });
          }
          fence = undefined;
        } else fence.body.push(line);
        return;
      }
      const open = /^\s*```\s*([\w-]*)/.exec(line);
      if (open) {
        const before = lines.slice(Math.max(0, i - 2), i).map((l) => l.trim());
        fence = { lang: open[1] ?? "", from: i, body: [], run: !before.includes(NOT_RUN_MARKER) };
      }
      const title = /^#{1,6}\s+(.*)$/.exec(line);
      if (title) heading = title[1]!.trim();
    });
  }
  return examples;
}

/** The project's compiler options (tsconfig.json), with the package name mapped to src/. */
function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return {
    ...parsed.options,
    noEmit: true,
    // Examples are written for an application, which has Node's (or the DOM's) globals such as
    // `console`; the project itself gets them by importing node: modules.
    types: ["node"],
    moduleDetection: ts.ModuleDetectionKind.Force,
    paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, path]) => [name, [path]])),
  };
}

export interface ExampleResult {
  readonly example: Example;
  /** Where the example was written. */
  readonly path: string;
  /** Compiler errors, each `line:column message` relative to the example file. */
  readonly errors: readonly string[];
}

function exampleFileName(example: Example, n: number): string {
  const slug =
    `${example.file.replace(/^(src|docs)\//, "").replace(/\.(ts|md)$/, "")}--${example.name}--${example.index}`
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .slice(0, 180);
  return `${String(n).padStart(3, "0")}-${slug}.ts`;
}

/**
 * Writes each example to {@link EXAMPLES_DIR} as its own module and type-checks them all in one
 * program with the project's strict options. Only errors in the examples are reported.
 */
export function typeCheckExamples(examples: readonly Example[]): ExampleResult[] {
  rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  const paths = examples.map((example, n) => {
    const path = join(EXAMPLES_DIR, exampleFileName(example, n));
    const header = `// ${example.file}:${example.line} (${example.name}, example ${example.index})\n`;
    writeFileSync(path, `${header}${example.code}`);
    return path;
  });
  const program = ts.createProgram(paths, compilerOptions());
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file) {
      // A global problem (bad options): attribute it to every example so it cannot pass silently.
      for (const p of paths) byFile.set(p, [...(byFile.get(p) ?? []), message]);
      continue;
    }
    const fileName = resolve(d.file.fileName);
    if (!fileName.startsWith(EXAMPLES_DIR)) continue;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    // Line 1 of the written file is the header comment: line 2 is the example's first line.
    byFile.set(fileName, [...(byFile.get(fileName) ?? []), `${line}:${character + 1} ${message}`]);
  }
  return examples.map((example, n) => ({
    example,
    path: paths[n]!,
    errors: byFile.get(paths[n]!) ?? [],
  }));
}

export interface ExportDocs {
  readonly name: string;
  readonly entryPoint: string;
  readonly file: string;
  readonly documented: boolean;
  readonly hasExample: boolean;
}

/** Every export of the package's entry points, and whether it has a TSDoc comment and an `@example`. */
export function publicExportDocs(): ExportDocs[] {
  const entries = Object.entries(ENTRY_POINTS).filter(([, path]) => path.endsWith(".ts"));
  const program = ts.createProgram(
    entries.map(([, path]) => path),
    compilerOptions(),
  );
  const checker = program.getTypeChecker();
  const out: ExportDocs[] = [];
  for (const [entryPoint, path] of entries) {
    const sf = program.getSourceFile(path);
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${path}`);
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.declarations ?? [];
      const docs = declarations
        .flatMap((d) => ts.getJSDocCommentsAndTags(d))
        .filter((d): d is ts.JSDoc => ts.isJSDoc(d));
      out.push({
        name: symbol.name,
        entryPoint,
        file: declarations[0] ? relative(ROOT, declarations[0].getSourceFile().fileName) : "?",
        documented: docs.some((d) => (d.comment ?? "") !== "" || (d.tags?.length ?? 0) > 0),
        hasExample: docs.some((d) => d.tags?.some((t) => t.tagName.text === "example") ?? false),
      });
    }
  }
  return out;
}

/**
 * A statement line whose trailing comment states its value: `expr; // "spo"`, `// true`, `// 3`, `// null`,
 * `// ["spo", "nmo"]`, `// { path: "incidents" }`. The comment may go on after a JSON literal
 * (`// "not-available": a stranger is not …`). `console.log(expr); // value` asserts `expr`, and
 * `const x = expr; // value` asserts `x`. A comment in words (`// what to ask next`) is prose, not a
 * claim, and so is a literal with an ellipsis in it (`// { available: ..., … }`, a shape not a value).
 * A list of alternatives (`// "a" | "b"`) is refused: an example states the one value it returns.
 */
const JSON_LITERAL = String.raw`"(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?`;
const STATEMENT_LINE =
  /^(\s*)(?:console\.log\((.+)\)|(?!const |let |var |import |export |return |console\.|\/\/)([^;]+?));\s*\/\/\s*(.*)$/;
const DECLARATION_LINE = /^(\s*)(?:const|let|var) ([A-Za-z_$][\w$]*)(?::[^=]+)? = [^;]+;\s*\/\/\s*(.*)$/;
const LEADING_JSON = new RegExp(`^(${JSON_LITERAL})(?=$|[\\s:,;.)])`);

/** The value a comment states, as code, or undefined when it states none (prose, or a shape). */
export function statedValue(comment: string, where: string): string | undefined {
  const trimmed = comment.trim();
  const json = LEADING_JSON.exec(trimmed);
  if (json) {
    if (/^\s*\|/.test(trimmed.slice(json[1]!.length)))
      throw new Error(
        `${where}: the comment lists alternatives (${trimmed}); state the one value the example returns`,
      );
    return json[1];
  }
  if (/^[[{].*[\]}]$/.test(trimmed) && !/\.\.\.|…/.test(trimmed)) return `(${trimmed})`;
  return undefined;
}

/** The example's code with every stated value turned into a check, and imports pointed at src/. */
export function runnableExample(example: Example): { code: string; assertions: number } {
  let assertions = 0;
  const where = `${example.file}:${example.line}`;
  const body = example.code
    .split("\n")
    .map((line) => {
      const declaration = DECLARATION_LINE.exec(line);
      if (declaration) {
        const value = statedValue(declaration[3]!, where);
        if (value === undefined) return line;
        assertions++;
        return `${line}\n${declaration[1]}__expectValue(${declaration[2]}, ${value}, ${JSON.stringify(where)}, ${JSON.stringify(declaration[2])});`;
      }
      const m = STATEMENT_LINE.exec(line);
      if (!m) return line;
      const value = statedValue(m[4]!, where);
      if (value === undefined) return line;
      const expression = (m[2] ?? m[3])!;
      assertions++;
      return `${m[1]}__expectValue(${expression}, ${value}, ${JSON.stringify(where)}, ${JSON.stringify(expression.trim())});`;
    })
    .join("\n");
  const imports = body.replace(/from\s+"(protective-orders[^"]*)"/g, (whole, spec: string) => {
    const target = ENTRY_POINTS[spec];
    return target ? `from ${JSON.stringify(target)}` : whole;
  });
  const helper = `
function __expectValue(actual: unknown, expected: unknown, where: string, expression: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(\`\${where}: \${expression} is \${JSON.stringify(actual)}, but the example's comment says \${JSON.stringify(expected)}\`);
  }
}
`;
  return { code: `${imports}\n${helper}\nexport {};\n`, assertions };
}

/** Where runnable examples are written: inside tests/ so that vitest transforms them (git-ignored). */
export const RUN_DIR = join(ROOT, "tests/docs/.run");

/** Writes the runnable form of `example` and returns its path, for a dynamic import. */
export function writeRunnableExample(example: Example): { path: string; assertions: number } {
  mkdirSync(RUN_DIR, { recursive: true });
  const { code, assertions } = runnableExample(example);
  const name = `${example.file.replace(/[^\w]+/g, "_")}_${example.index}.ts`;
  const path = join(RUN_DIR, name);
  writeFileSync(path, code);
  return { path, assertions };
}
