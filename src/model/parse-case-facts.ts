import type { z } from "zod";
import { type CaseFacts, CaseFactsSchema } from "./case-facts.js";
import { compileFastParser } from "./compile-fast-parser.js";
import type { InputProblem, ParseResult } from "./input-problem.js";
import { MAX_PROBLEMS_LISTED, parsePlainData, problemsFrom } from "./parse-plain-data.js";

export type { InputProblem, ParseResult } from "./input-problem.js";

// Valid input is read in one pass; anything else goes to zod, which words every problem.
const readValidCaseFacts = compileFastParser(CaseFactsSchema);

/**
 * Turns zod issues into plain-English problems that name the path and what was expected, never
 * the value given (case data is sensitive personal data).
 *
 * @example
 * ```ts
 * import { CaseFactsSchema, problemsFromZodError } from "protective-orders";
 * const result = CaseFactsSchema.safeParse({ id: 1 });
 * if (!result.success) problemsFromZodError(result.error, { id: 1 }); // [{ path: "id", message: "expected string" }]
 * ```
 */
export function problemsFromZodError(error: z.ZodError, input?: unknown): InputProblem[] {
  return problemsFrom(error.issues, input, []);
}

/**
 * The most problems listed for one input; the rest are counted in a last problem, not listed.
 *
 * @example
 * ```ts
 * import { MAX_PROBLEMS, parseCaseFacts } from "protective-orders";
 * const result = parseCaseFacts({ id: "c", incidents: Array.from({ length: 500 }, () => ({ kind: "?" })) });
 * result.success === false && result.problems.length === MAX_PROBLEMS + 1; // true
 * ```
 */
export const MAX_PROBLEMS = MAX_PROBLEMS_LISTED;

/**
 * Validates untrusted input as case facts. Never throws: returns the parsed facts, or every
 * problem with its path and a plain-English message. Unknown keys (including `__proto__` and
 * `constructor`) are problems, not properties, so nothing can be polluted; an unknown key is named
 * only when it is short and identifier-like, otherwise it is "an unrecognised key" with its position.
 *
 * Only the input's own plain data is read: objects (with `Object.prototype` or a null prototype),
 * arrays, strings, numbers and booleans. A cycle, or a `Map`, `Set`, `Date`, class instance or
 * function where data is expected, is a problem at its path; a part shared between two places is
 * read once (linear time). The parsed facts are built on objects with no `Object.prototype` behind
 * them, so a polluted `Object.prototype` in the host process never becomes a fact.
 *
 * @example
 * ```ts
 * import { parseCaseFacts } from "protective-orders";
 * const result = parseCaseFacts(JSON.parse('{"id":"c1","incidents":[{"kind":"following","date":"2025-02-30"}]}'));
 * if (!result.success) console.log(result.problems); // [{ path: "incidents.0.date", message: "expected a calendar date that exists (YYYY-MM-DD)" }]
 * ```
 */
export function parseCaseFacts(input: unknown): ParseResult<CaseFacts> {
  return parsePlainData(CaseFactsSchema, readValidCaseFacts, input, "could not be read as case facts");
}
