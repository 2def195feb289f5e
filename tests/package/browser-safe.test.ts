// The core (everything under src/ but the shared batch layer src/batch/ and the edges src/cli/, src/server/ and src/report/) must run in a browser: no Node built-in modules, no
// `process`, `Buffer`, `require`, `__dirname` or `__filename` (shared/design.md, "Invariants").
// Read with the TypeScript parser, so comments and strings that mention such names do not count.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "src");
const NODE_ONLY_GLOBALS = new Set(["process", "Buffer", "require", "__dirname", "__filename"]);
/** The edges: Node-only, each importing the core and never imported by it. */
const EDGES = ["batch", "cli", "server", "report"].map((edge) => join(src, edge));
/** Dependencies only the edges may use (HTTP, terminal, CSV): never pulled into the core's bundle. */
const NODE_ONLY_PACKAGES = [
  /^fastify$/,
  /^@fastify\//,
  /^commander$/,
  /^cli-progress$/,
  /^csv-(parse|stringify)/,
];

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return EDGES.includes(path) ? [] : coreFiles(path);
    return /\.(m|c)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return builtinModules.includes(specifier) || builtinModules.includes(specifier.split("/")[0]!);
}

/** Node-only imports and globals used in one file, as "file:line: what". */
function nodeOnlyUses(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${relative(root, file)}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifier = node.moduleReference.expression;
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifier = node.arguments[0];
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      specifier = node.argument.literal as ts.Expression;
    }
    if (specifier && ts.isStringLiteralLike(specifier) && isNodeBuiltin(specifier.text)) {
      report(node, `imports ${specifier.text}`);
    }
    // A global used as a value: an identifier that is not a property name, a declaration's name or a key.
    if (ts.isIdentifier(node) && NODE_ONLY_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node);
      const isDeclaredHere =
        (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) &&
        parent.name === node;
      if (!isPropertyName && !isDeclaredHere) report(node, `uses the Node global \`${node.text}\``);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the core is browser-safe", () => {
  const files = coreFiles(src);

  it("finds the core's source files", () => {
    expect(files.map((f) => relative(root, f))).toContain("src/index.ts");
  });

  it("imports no Node built-in and uses no Node-only global outside src/cli/", () => {
    expect(files.flatMap((file) => nodeOnlyUses(file))).toEqual([]);
  });

  it("imports no edge (src/batch, src/cli, src/server, src/report) and no Node-only package", () => {
    const offending: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const specifier =
          ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
            ? node.moduleSpecifier
            : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
              ? node.arguments[0]
              : undefined;
        if (specifier && ts.isStringLiteralLike(specifier)) {
          const text = specifier.text;
          const target = text.startsWith(".") ? resolve(dirname(file), text) : undefined;
          if (target && EDGES.some((edge) => target === edge || target.startsWith(`${edge}/`)))
            offending.push(`${relative(root, file)}: imports the edge ${text}`);
          if (NODE_ONLY_PACKAGES.some((re) => re.test(text)))
            offending.push(`${relative(root, file)}: imports the Node-only package ${text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offending).toEqual([]);
  });

  it("would notice one (the check itself works)", () => {
    const probe = [
      'import { readFileSync } from "node:fs";',
      'import * as path from "path";',
      "// process.env in a comment does not count, nor does it in a string:",
      'const text = "process.env";',
      'export { readFile } from "fs/promises";',
      "const zone = process.env.TZ;",
      "const bytes: Buffer = Buffer.from(text);",
      'const lazy = () => import("node:crypto");',
      "const ok = { process: 1 }.process;",
    ].join("\n");
    expect(nodeOnlyUses(join(src, "probe.ts"), probe).map((line) => line.replace(/^[^:]+:/, ""))).toEqual([
      "1: imports node:fs",
      "2: imports path",
      "5: imports fs/promises",
      "6: uses the Node global `process`",
      "7: uses the Node global `Buffer`",
      "7: uses the Node global `Buffer`",
      "8: imports node:crypto",
    ]);
  });
});
