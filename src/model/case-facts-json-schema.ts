import * as z from "zod";
import { CaseFactsSchema } from "./case-facts.js";
import { caseFactsDocs } from "./case-facts-docs.js";
import { IsoDateSchema } from "./iso-date.js";

/**
 * The `$id` of the case-facts JSON Schema: where the published package serves it (unpkg serves every file of an
 * npm package at `/<name>/<path>`).
 *
 * @example
 * ```ts
 * import { CASE_FACTS_SCHEMA_ID, caseFactsJsonSchema } from "protective-orders";
 * caseFactsJsonSchema().$id === CASE_FACTS_SCHEMA_ID; // true
 * ```
 */
export const CASE_FACTS_SCHEMA_ID = "https://unpkg.com/protective-orders/schema/case-facts.schema.json";

/**
 * The JSON Schema (draft 2020-12) of the case facts, generated from the zod schema so the two
 * cannot drift: for systems not written in TypeScript. The same schema is shipped as
 * `protective-orders/schema/case-facts.json` and printed by `protective-orders schema`.
 *
 * It describes itself, so that a form generated from it is usable: every property has a `title` (a form's label)
 * and a `description` (its help text), taken from the zod schemas' metadata ({@link caseFactsDocs}); every enum is
 * written as `oneOf` a list of `{ const, title }` (the form JSON Schema form generators such as react-jsonschema-form
 * and JSON Forms turn into a labelled drop-down), and the schema has an `$id`. zod's refinement that a date must
 * exist cannot be written in JSON Schema, so dates carry `"format": "date"`, which validators with format checking
 * (e.g. ajv-formats) enforce.
 *
 * @example
 * ```ts
 * import { caseFactsJsonSchema } from "protective-orders";
 * const schema = caseFactsJsonSchema();
 * schema.required; // ["id"]
 * ```
 */
export function caseFactsJsonSchema(): Record<string, unknown> & { required?: string[] } {
  const generated = z.toJSONSchema(CaseFactsSchema, {
    io: "input",
    target: "draft-2020-12",
    metadata: caseFactsDocs,
    override: (ctx) => {
      if (ctx.zodSchema === IsoDateSchema) ctx.jsonSchema.format = "date";
      labelEnumValues(ctx.jsonSchema as Record<string, unknown>);
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CASE_FACTS_SCHEMA_ID,
    title: "CaseFacts",
    description:
      "Everything protective-orders' assess() reads about a stalking case. Generated from CaseFactsSchema by " +
      "scripts/write-json-schema.mjs: do not edit. Only `id` is required; a fact left out is unknown, not false.",
    ...rest,
  };
}

/**
 * In a JSON Schema node generated with {@link caseFactsDocs} as metadata: an enum with labels becomes `oneOf`
 * `{ const, title }` (the labels come from the metadata's `labels`): `{ enum: ["uk"], labels: { uk: "In the UK" } }`
 * becomes `{ oneOf: [{ const: "uk", title: "In the UK" }] }`. For `z.toJSONSchema`'s `override`; internal (the
 * service's OpenAPI document uses it too), not exported from the package.
 */
export function labelEnumValues(node: Record<string, unknown>): void {
  const labels = node.labels as Record<string, string> | undefined;
  if (labels === undefined) return;
  delete node.labels;
  const values = node.enum;
  if (!Array.isArray(values)) return;
  delete node.enum;
  node.oneOf = values.map((value) => ({ const: value, title: labels[String(value)] ?? String(value) }));
}
