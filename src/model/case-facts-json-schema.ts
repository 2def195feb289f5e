import * as z from "zod";
import { CaseFactsSchema } from "./case-facts.js";
import { IsoDateSchema } from "./iso-date.js";

/**
 * The JSON Schema (draft 2020-12) of the case facts, generated from the zod schema so the two
 * cannot drift: for systems not written in TypeScript. The same schema is shipped as
 * `protective-orders/schema/case-facts.json` and printed by `protective-orders schema`. zod's
 * refinement that a date must exist cannot be written in JSON Schema, so dates carry
 * `"format": "date"`, which validators with format checking (e.g. ajv-formats) enforce.
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
    override: (ctx) => {
      if (ctx.zodSchema === IsoDateSchema) ctx.jsonSchema.format = "date";
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "CaseFacts",
    description:
      "Everything protective-orders' assess() reads about a stalking case. Generated from CaseFactsSchema by " +
      "scripts/write-json-schema.mjs: do not edit. Only `id` is required; a fact left out is unknown, not false.",
    ...rest,
  };
}
