// What parsing an input gives: the value, or every problem with it. Its own module, so the parsers
// (parse-case-facts, parse-plain-data) and the error class can share the types without an import circle.

/**
 * One problem with an input: where it is, and what was expected. Never the value itself.
 *
 * @example
 * ```ts
 * import { parseCaseFacts, type InputProblem } from "protective-orders";
 * const result = parseCaseFacts({ id: "c", incidents: [{ kind: "shouting" }] });
 * const problems: readonly InputProblem[] = result.success ? [] : result.problems;
 * problems[0]?.path; // "incidents.0.kind"
 * ```
 */
export interface InputProblem {
  /** The path to the problem, e.g. `incidents.2.date`; empty for the input as a whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * The result of parsing input: the value, or every problem with it.
 *
 * @example
 * ```ts
 * import { parseCaseFacts, type CaseFacts, type ParseResult } from "protective-orders";
 * const result: ParseResult<CaseFacts> = parseCaseFacts({ id: "case-1", jurisdiction: "england-and-wales" });
 * result.success ? result.data.id : result.problems; // "case-1"
 * ```
 */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly problems: readonly InputProblem[] };
