import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/** A value a derived fact can take. `undefined` means unknown. */
export type FactValue = string | number | boolean;

/**
 * A derived fact: a small pure function from the case facts (and the date whose law applies) to a
 * value or `undefined` (unknown), with the question to ask when it is unknown and its citation.
 * Rules read derived facts, never raw JSON paths, so rule files stay readable and paths stay typed.
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
   * unverified (for example, that a single act counts as "acts").
   */
  readonly caveat?: (facts: CaseFacts, asOf: IsoDate) => string | undefined;
}
