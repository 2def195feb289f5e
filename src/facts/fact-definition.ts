import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * A value a derived fact can take. `undefined` means unknown.
 *
 * @example
 * ```ts
 * import { FACT_DEFINITIONS, type FactValue } from "protective-orders/rule-authoring";
 * const jurisdiction = FACT_DEFINITIONS.find((f) => f.id === "case.jurisdiction");
 * const value: FactValue | undefined = jurisdiction?.derive({ id: "c", jurisdiction: "england-and-wales" }, "2025-06-01");
 * value; // "england-and-wales"
 * ```
 */
export type FactValue = string | number | boolean;

/**
 * A derived fact: a small pure function from the case facts (and the date whose law applies) to a
 * value or `undefined` (unknown), with the question to ask when it is unknown and its citation.
 * Rules read derived facts, never raw JSON paths, so rule files stay readable and paths stay typed.
 *
 * @example
 * ```ts
 * import type { FactDefinition } from "protective-orders/rule-authoring";
 * const riskOngoing: FactDefinition = {
 *   id: "risk.ongoing",
 *   type: "boolean",
 *   label: "The suspect still poses the risk now",
 *   question: "Does the suspect still pose that risk now?",
 *   citation: "spa-2019:s1(1)(b)",
 *   reads: ["risk.ongoing"],
 *   derive: (facts) => facts.risk?.ongoing,
 * };
 * ```
 */
export interface FactDefinition {
  readonly id: string;
  readonly type: "boolean" | "enum" | "date";
  /** The values an enum fact can take (booleans take true and false). */
  readonly values?: readonly FactValue[];
  readonly label: string;
  /** The question to ask when this fact is unknown. */
  readonly question: string;
  /** The provision that makes this fact matter. */
  readonly citation: string;
  /** The case-facts paths this fact is derived from. */
  readonly reads: readonly string[];
  readonly derive: (facts: CaseFacts, asOf: IsoDate) => FactValue | undefined;
  /**
   * A provision id to attach as a caveat when the value rests on a point the law digest marks
   * unverified (for example, that a single act counts as "acts"), or on a rule pack's own table
   * (its pilot areas: the id is then the pack's own provision, and the citation is `local: true`).
   */
  readonly caveat?: (facts: CaseFacts, asOf: IsoDate) => string | undefined;
}
