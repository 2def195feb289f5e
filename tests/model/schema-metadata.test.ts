// Issue 15 item 5: the JSON Schema describes itself, so that a form generated from it is usable. Every property
// (at every depth) has a title and a description, every enum carries a label for each value, the schema has an
// `$id`; and where case-facts.ts documents a property in TSDoc, the schema's description is the same text.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { CaseFactsSchema, caseFactsJsonSchema } from "../../src/index.js";
import * as caseFacts from "../../src/model/case-facts.js";
import { caseFactsDocs } from "../../src/model/case-facts-docs.js";
import { CASE_FACTS_SCHEMA_ID } from "../../src/model/case-facts-json-schema.js";

type Node = Record<string, unknown>;

/** Every property of the JSON Schema, with its path (`incidents[].kind`), at every depth. */
function properties(node: unknown, path = ""): Array<{ path: string; schema: Node }> {
  if (!node || typeof node !== "object") return [];
  const n = node as Node;
  const out: Array<{ path: string; schema: Node }> = [];
  for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
    const childPath = path ? `${path}.${key}` : key;
    out.push({ path: childPath, schema: child }, ...properties(child, childPath));
  }
  if (n.items) out.push(...properties(n.items, `${path}[]`));
  for (const key of ["anyOf", "oneOf", "allOf"] as const)
    for (const branch of (n[key] ?? []) as Node[]) out.push(...properties(branch, path));
  return out;
}

/** Every enum-like node (an `enum`, or a `oneOf` of `const`s), with its path. */
function enums(node: unknown, path = ""): Array<{ path: string; schema: Node }> {
  if (!node || typeof node !== "object") return [];
  const n = node as Node;
  const out: Array<{ path: string; schema: Node }> = [];
  const oneOf = n.oneOf as Node[] | undefined;
  if (n.enum || oneOf?.every((branch) => "const" in branch)) out.push({ path, schema: n });
  for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Node>))
    out.push(...enums(child, path ? `${path}.${key}` : key));
  if (n.items) out.push(...enums(n.items, `${path}[]`));
  return out;
}

const schema = caseFactsJsonSchema();
const committed = JSON.parse(
  readFileSync(
    resolve(dirname(fileURLToPath(import.meta.url)), "../../schema/case-facts.schema.json"),
    "utf8",
  ),
) as Node;

describe("the case-facts JSON Schema describes itself (issue 15 item 5)", () => {
  it("walks every property (the walk is not vacuous)", () => {
    expect(properties(schema).length).toBeGreaterThan(120);
    expect(properties(schema).map((p) => p.path)).toContain("spoRequest.decision.reasons[].code");
  });

  it.each([
    ["generated", schema],
    ["committed (schema/case-facts.schema.json)", committed],
  ])("no property of the %s schema is without a title and a description", (_name, tree) => {
    const missing = properties(tree)
      .filter(
        ({ schema: s }) =>
          typeof s.title !== "string" || !s.title || typeof s.description !== "string" || !s.description,
      )
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it("every enum carries a label for each value (oneOf of const + title), none is a bare enum", () => {
    const found = enums(schema);
    expect(found.map((e) => e.path)).toEqual(expect.arrayContaining(["jurisdiction", "incidents[].kind"]));
    for (const { path, schema: e } of found) {
      expect(e.enum, path).toBeUndefined();
      for (const branch of e.oneOf as Node[]) {
        expect(
          typeof branch.title === "string" && branch.title.length > 0,
          `${path}: ${String(branch.const)}`,
        ).toBe(true);
      }
    }
    const jurisdiction = (schema.properties as Record<string, Node>).jurisdiction!;
    expect(jurisdiction.oneOf).toContainEqual({ const: "england-and-wales", title: "England and Wales" });
  });

  it("has an $id and no leftover metadata keys", () => {
    expect(schema.$id).toBe(CASE_FACTS_SCHEMA_ID);
    expect(JSON.stringify(schema)).not.toContain('"labels"');
  });

  it("where case-facts.ts documents a property in TSDoc, the schema's description says the same", () => {
    const file = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/model/case-facts.ts");
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const compared: string[] = [];
    // Top-level `export const XSchema = z.strictObject({...})` or `Base.extend({...})`: the object literal's own
    // properties (nested inline objects are not looked into).
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        const zodSchema = (caseFacts as Record<string, unknown>)[name];
        if (!(zodSchema instanceof z.ZodObject) || !declaration.initializer) continue;
        const init = declaration.initializer;
        if (!ts.isCallExpression(init)) continue;
        const literal = init.arguments[0];
        if (!literal || !ts.isObjectLiteralExpression(literal)) continue;
        for (const property of literal.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const docs = ts.getJSDocCommentsAndTags(property).filter(ts.isJSDoc);
          const comment = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "").join(" ");
          if (!comment) continue;
          const key = property.name.getText(source);
          const propertySchema = (zodSchema.shape as Record<string, z.ZodType>)[key]!;
          const description = caseFactsDocs.get(propertySchema)?.description;
          expect(description?.replace(/\s+/g, " "), `${name}.${key}`).toBe(
            comment.replace(/\s+/g, " ").trim(),
          );
          compared.push(`${name}.${key}`);
        }
      }
    }
    expect(compared.length).toBeGreaterThan(30);
  });

  it("the metadata stays out of the schemas assess parses with (no .meta() on the global registry)", () => {
    expect(z.globalRegistry.get(CaseFactsSchema.shape.jurisdiction)).toBeUndefined();
    expect(caseFactsDocs.get(CaseFactsSchema.shape.jurisdiction)?.title).toBe("Jurisdiction");
  });
});
