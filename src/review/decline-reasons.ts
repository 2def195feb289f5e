import data from "../law/stalking-protection-act-2019/decline-reasons.json";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import { deepFreezeData } from "../model/plain-data.js";
import { mostSpecificReason } from "./read-decline-text.js";

/**
 * How a reason is judged: on the law alone (`misstates-law`, `misdirected`, `questionable`), by the
 * statutory guidance in force on the decision date (`guidance-dated`), against where the suspect
 * lives and is believed to be (`residence`, SPA 2019 s.1(3)), or against the facts.
 *
 * @example
 * ```ts
 * import { DECLINE_REASONS, type DeclineReasonTest } from "protective-orders";
 * const codesJudgedBy = (test: DeclineReasonTest) => DECLINE_REASONS.filter((r) => r.test === test).map((r) => r.code);
 * codesJudgedBy("misdirected"); // ["suspect-in-another-force-area"]
 * ```
 */
export type DeclineReasonTest =
  | "misstates-law"
  | "misdirected"
  | "residence"
  | "guidance-dated"
  | "questionable"
  | "depends-on-facts"
  | "unclassified";

/**
 * One entry of the decline-reason taxonomy (law data, with citations).
 *
 * @example
 * ```ts
 * import { DECLINE_REASONS, type DeclineReasonDefinition } from "protective-orders";
 * const reason: DeclineReasonDefinition | undefined = DECLINE_REASONS.find((r) => r.code === "no-conviction");
 * reason?.test; // "misstates-law": SPA 2019 s.1 needs no conviction
 * ```
 */
export interface DeclineReasonDefinition {
  readonly code: DeclineReasonCode;
  readonly label: string;
  /** Examples of how police put it; each is read as this reason (a test checks it). */
  readonly phrasings: readonly string[];
  /**
   * The phrasings as patterns over normalised, stemmed tokens: the syntax is described in the
   * taxonomy's `reading.description` and compiled by `readDeclineText`.
   */
  readonly patterns?: readonly string[];
  /** Reasons whose overlapping reading this one replaces ("bail ... pending trial" is not a prosecution point). */
  readonly overrides?: readonly DeclineReasonCode[];
  /** True when the finding rests on a point the law digest marks unverified (the flag reaches the output). */
  readonly unverified?: boolean;
  readonly test: DeclineReasonTest;
  readonly why: string;
  readonly citations: readonly string[];
  readonly check?: string;
  readonly guidanceFrom?: string;
  readonly beforeWhy?: string;
  readonly whenContradicted?: string;
  readonly whenLawful?: string;
  readonly whenUnknown?: string;
}

/**
 * The taxonomy of reasons police give for declining to apply for an SPO: stable codes,
 * plain-English labels, the phrasings police commonly use, and what the law says of each.
 *
 * @example
 * ```ts
 * import { DECLINE_REASONS } from "protective-orders";
 * DECLINE_REASONS.find((r) => r.code === "risk-of-costs")?.citations; // ["malik-2023:costs"]
 * ```
 */
export const DECLINE_REASONS: readonly DeclineReasonDefinition[] = deepFreezeData(
  data.reasons as readonly DeclineReasonDefinition[],
);

/**
 * The one category a free-text reason most likely belongs to, or `unclassified`: the most specific
 * reading `readDeclineText` finds (patterns over stemmed words, shorthand and negation). For
 * a text that may give several reasons, use `readDeclineText` or `declineReasonCodes`.
 *
 * @example
 * ```ts
 * import { classifyDeclineReason } from "protective-orders";
 * classifyDeclineReason("NFA'd by CPS - no further action"); // "no-charge-or-nfa"
 * classifyDeclineReason("He has moved away and lives in Leeds, out of force"); // "suspect-in-another-force-area"
 * ```
 */
export function classifyDeclineReason(text: string): DeclineReasonCode {
  return mostSpecificReason(text) ?? "unclassified";
}
