import type { z } from "zod";
import { type CaseFacts, CaseFactsSchema } from "./case-facts.js";
import { compileFastParser, NOT_PARSED, ownDataCopy } from "./compile-fast-parser.js";

// Valid input is read in one pass; anything else goes to zod, which words every problem.
const readValidCaseFacts = compileFastParser(CaseFactsSchema);

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

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeExpected(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return valueAt(input, issue.path) === undefined
        ? `required: expected ${issue.expected}`
        : `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "too_small":
      return issue.origin === "array"
        ? `expected at least ${issue.minimum} item(s)`
        : issue.origin === "string"
          ? "expected a non-empty text"
          : `expected at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array"
        ? `expected at most ${issue.maximum} item(s)`
        : issue.origin === "string"
          ? `expected at most ${issue.maximum} characters`
          : `expected at most ${issue.maximum}`;
    case "invalid_union":
      return "does not match any allowed form";
    case "invalid_format":
    case "custom":
      return issue.message;
    default:
      return issue.message;
  }
}

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
  const problems = error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: issue.path.map((p) => String(p)).join("."),
    message: describeExpected(issue, input),
  }));
  if (error.issues.length > MAX_PROBLEMS) {
    problems.push({ path: "", message: `…and ${error.issues.length - MAX_PROBLEMS} more problems` });
  }
  return problems;
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
export const MAX_PROBLEMS = 100;

/**
 * Validates untrusted input as case facts. Never throws: returns the parsed facts, or every
 * problem with its path and a plain-English message. Unknown keys (including `__proto__` and
 * `constructor`) are problems, not properties, so nothing can be polluted.
 *
 * @example
 * ```ts
 * import { parseCaseFacts } from "protective-orders";
 * const result = parseCaseFacts(JSON.parse('{"id":"c1","incidents":[{"kind":"following","date":"2025-02-30"}]}'));
 * if (!result.success) console.log(result.problems); // [{ path: "incidents.0.date", message: "expected a calendar date that exists (YYYY-MM-DD)" }]
 * ```
 */
export function parseCaseFacts(input: unknown): ParseResult<CaseFacts> {
  const fast = readValidCaseFacts(input);
  if (fast !== NOT_PARSED) return { success: true, data: fast };
  try {
    const result = CaseFactsSchema.safeParse(ownDataCopy(input));
    if (result.success) return { success: true, data: result.data };
    return { success: false, problems: problemsFromZodError(result.error, input) };
  } catch {
    // A hostile input (a getter that throws, a cyclic proxy, stack exhaustion) must not crash the caller.
    return { success: false, problems: [{ path: "", message: "could not be read as case facts" }] };
  }
}
