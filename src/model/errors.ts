import type { InputProblem } from "./input-problem.js";

/**
 * Thrown by {@link assess} (and the other throwing entry points) for input that does not validate.
 * Lists every problem with its path; never includes the values. The message says what did not
 * validate: "invalid case facts" from `assess` and `reviewSpoDecline`, "invalid input" from the
 * entry points that also take an order, breach reports or options (their paths say which).
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
  /**
   * @param problems - every problem, by path.
   * @param subject - what did not validate, for the message (default "case facts").
   */
  constructor(problems: readonly InputProblem[], subject: "case facts" | "input" = "case facts") {
    super(`invalid ${subject}: ${problems.map((p) => `${p.path || "(input)"}: ${p.message}`).join("; ")}`);
    this.name = "CaseFactsError";
    this.problems = problems;
  }
}
