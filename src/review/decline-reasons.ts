import data from "../law/stalking-protection-act-2019/decline-reasons.json";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import { deepFreezeData } from "../model/plain-data.js";

/**
 * How a reason is judged: on the law alone, by date of guidance, or against the facts.
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
  | "guidance-dated"
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
  /** Phrasings police commonly use, lower case, used to classify free text. */
  readonly phrasings: readonly string[];
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
 * The category a free-text reason most likely belongs to, from the phrasings police commonly use,
 * or `unclassified`. The longest matching phrasing wins, so "no further action" beats "no".
 *
 * @example
 * ```ts
 * import { classifyDeclineReason } from "protective-orders";
 * classifyDeclineReason("NFA'd by CPS - no further action"); // "no-charge-or-nfa"
 * classifyDeclineReason("he has moved to Leeds, lives in another force"); // "suspect-in-another-force-area"
 * ```
 */
export function classifyDeclineReason(text: string): DeclineReasonCode {
  const lower = text.toLowerCase();
  let best: { code: DeclineReasonCode; length: number } | undefined;
  for (const { code, phrase, pattern } of PHRASE_PATTERNS) {
    if (phrase.length > (best?.length ?? 0) && pattern.test(lower)) best = { code, length: phrase.length };
  }
  return best?.code ?? "unclassified";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Phrasings match whole words only, so "nfa" does not match inside "unfair".
const PHRASE_PATTERNS = DECLINE_REASONS.flatMap((reason) =>
  reason.phrasings.map((phrase) => ({
    code: reason.code,
    phrase,
    pattern: new RegExp(`(^|[^a-z0-9])${escapeRegExp(phrase)}($|[^a-z0-9])`),
  })),
);
