import { z } from "zod";
import { CaseFactsSchema } from "./case-facts.js";

/**
 * The JSON Schema (draft 2020-12) of the case facts, generated from the zod schema so the two
 * cannot drift: for systems not written in TypeScript. Also shipped as
 * `protective-orders/schema/case-facts.json`.
 *
 * @example
 * ```ts
 * import { caseFactsJsonSchema } from "protective-orders";
 * const schema = caseFactsJsonSchema();
 * schema.required; // ["id"]
 * ```
 */
export function caseFactsJsonSchema(): Record<string, unknown> & { required?: string[] } {
  const schema = z.toJSONSchema(CaseFactsSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://www.npmjs.com/package/protective-orders/schema/case-facts.json",
    title: "Case facts (protective-orders)",
    description:
      "Everything the law asks about a stalking case. Every fact but id is optional: absence means unknown, never false.",
  };
}
