import type { z } from "zod";
import { type FastParser, NOT_PARSED } from "./compile-fast-parser.js";
import type { InputProblem, ParseResult } from "./input-problem.js";
import {
  CYCLE,
  isEchoableKey,
  NOT_PLAIN,
  plainDataCopy,
  STRUCTURAL_PROBLEM,
  type StructuralProblem,
  toPlainRecords,
} from "./plain-data.js";

// The engine behind parseCaseFacts and the other safe entry points: plain data in, problems by path
// out, never a value. Not exported from the package (see parse-case-facts.ts for the public API).

/** The most problems listed for one input (exported as `MAX_PROBLEMS`). */
export const MAX_PROBLEMS_LISTED = 100;
const MAX_PROBLEMS = MAX_PROBLEMS_LISTED;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The most unknown keys named in one problem; the rest are counted. */
const MAX_KEYS_NAMED = 10;

/**
 * The unknown keys of one object, each echoed only when short and identifier-like; any other key
 * (a person's name, a huge string) is "an unrecognised key" with its position among the object's keys.
 */
function describeUnknownKeys(keys: readonly string[], object: unknown): string {
  let positions: Map<string, number> | undefined;
  const named = keys.slice(0, MAX_KEYS_NAMED).map((key) => {
    if (isEchoableKey(key)) return JSON.stringify(key);
    if (!positions) {
      positions = new Map();
      if (typeof object === "object" && object !== null)
        for (const [i, k] of Object.keys(object).entries()) positions.set(k, i + 1);
    }
    const at = positions.get(key);
    return at === undefined ? "an unrecognised key" : `an unrecognised key (key ${at})`;
  });
  const more = keys.length > MAX_KEYS_NAMED ? ` and ${keys.length - MAX_KEYS_NAMED} more` : "";
  return `unknown field${keys.length > 1 ? "s" : ""}: ${named.join(", ")}${more}`;
}

/** A value written as people write it: lower case, with spaces and underscores as hyphens. */
function loosely(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/**
 * ` (did you mean "england-and-wales"?)` when the value given differs from an allowed one only in case, spaces or
 * underscores (`England-and-Wales`, `Following`, `england and wales`). The suggestion is one of the schema's own
 * values, so it is safe to print; the value given is never echoed.
 */
function didYouMean(given: unknown, allowed: readonly unknown[]): string {
  if (typeof given !== "string" || given.length > 200) return "";
  const wanted = loosely(given);
  const match = allowed.find((value) => typeof value === "string" && loosely(value) === wanted);
  return match === undefined ? "" : ` (did you mean ${JSON.stringify(match)}?)`;
}

function describeExpected(issue: z.core.$ZodIssue, input: unknown): string {
  const at = valueAt(input, issue.path);
  if (at === CYCLE || at === NOT_PLAIN) return STRUCTURAL_PROBLEM[at];
  switch (issue.code) {
    case "invalid_type":
      return at === undefined ? `required: expected ${issue.expected}` : `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${didYouMean(at, issue.values)}`;
    case "unrecognized_keys":
      return describeUnknownKeys(issue.keys, at);
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
 * Problems from zod's issues on a plain-data copy, and from what the copy found (cycles and
 * non-plain values, each once by path), at most {@link MAX_PROBLEMS} listed. A structural problem
 * under a key that may not be echoed is left to the unknown-key problem that names its position.
 */
export function problemsFrom(
  issues: readonly z.core.$ZodIssue[],
  copy: unknown,
  structural: readonly StructuralProblem[],
): InputProblem[] {
  // Only the listed issues are worded (a list of 100,000 faulty items has 100,000s of issues).
  const problems: InputProblem[] = issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: issue.path.map((p) => String(p)).join("."),
    message: describeExpected(issue, copy),
  }));
  let more = Math.max(0, issues.length - MAX_PROBLEMS);
  const listed = new Set(problems.map((p) => p.path));
  for (const problem of structural) {
    if (!problem.path.every((k) => typeof k === "number" || (typeof k === "string" && isEchoableKey(k))))
      continue;
    const path = problem.path.map((p) => String(p)).join(".");
    if (listed.has(path)) continue;
    listed.add(path);
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message: STRUCTURAL_PROBLEM[problem.kind] });
    else more++;
  }
  if (more > 0) problems.push({ path: "", message: `…and ${more} more problems` });
  return problems;
}

/**
 * Validates untrusted input against a schema, reading only its own plain data: the fast parser
 * for valid input, else a one-pass plain-data copy (cycles and non-plain values become problems by
 * path) validated by zod, whose output is rebuilt on records with no `Object.prototype` behind them.
 * Never throws. Internal: the shared engine of `parseCaseFacts` and the other safe entry points.
 */
export function parsePlainData<S extends z.ZodType>(
  schema: S,
  fast: FastParser<z.output<S>>,
  input: unknown,
  whole = "could not be read",
): ParseResult<z.output<S>> {
  const quick = fast(input);
  if (quick !== NOT_PARSED) return { success: true, data: quick };
  try {
    const { copy, problems: structural } = plainDataCopy(input);
    const result = schema.safeParse(copy);
    if (result.success && structural.length === 0)
      return { success: true, data: toPlainRecords(result.data as z.output<S>) };
    const problems = problemsFrom(result.success ? [] : result.error.issues, copy, structural);
    return {
      success: false,
      problems: problems.length > 0 ? problems : [{ path: "", message: STRUCTURAL_PROBLEM[NOT_PLAIN] }],
    };
  } catch {
    // A hostile input (a getter that throws, a revoked proxy, stack exhaustion) must not crash the caller.
    return { success: false, problems: [{ path: "", message: whole }] };
  }
}
