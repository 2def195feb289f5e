import type { InputProblem } from "../model/parse-case-facts.js";

/**
 * Thrown by {@link assess} (and the other throwing entry points) for input that does not validate.
 * Lists every problem with its path; never includes the values.
 *
 * @example
 * ```ts
 * import { assess, CaseFactsError } from "protective-orders";
 * try {
 *   assess({ id: "" } as never, { asOf: "2025-01-01" });
 * } catch (error) {
 *   if (error instanceof CaseFactsError) console.log(error.problems[0]?.path); // "id"
 * }
 * ```
 */
export class CaseFactsError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(`invalid case facts: ${problems.map((p) => `${p.path || "(input)"}: ${p.message}`).join("; ")}`);
    this.name = "CaseFactsError";
    this.problems = problems;
  }
}
