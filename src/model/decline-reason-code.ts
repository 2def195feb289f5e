import * as z from "zod";

/**
 * Stable codes for the reasons police give for declining to apply for an SPO. The wording police
 * use for each, and what the law says of it, live in the decline-review module.
 *
 * @example
 * ```ts
 * import { DeclineReasonCodeSchema } from "protective-orders";
 * DeclineReasonCodeSchema.parse("no-conviction");
 * ```
 */
export const DeclineReasonCodeSchema = z.enum([
  "no-conviction",
  "no-charge-or-nfa",
  "criminal-standard-not-met",
  "suspect-acquitted",
  "prosecution-under-way",
  "domestic-use-nmo",
  "victim-will-not-support-prosecution",
  "acts-before-commencement",
  "acts-abroad",
  "acts-harmless-in-themselves",
  "acts-targeted-someone-else",
  "suspect-in-another-force-area",
  "suspect-under-18",
  "risk-of-costs",
  "single-incident",
  "no-recent-contact",
  "no-evidence-of-stalking-acts",
  "no-ongoing-risk",
  "other-protection-adequate",
  "victim-does-not-want-order",
  "suspect-lives-outside-england-and-wales",
  "risk-threshold-misstated",
  "acts-not-on-the-list",
  "unclassified",
]);
/**
 * A stable code for a reason police gave for declining to apply for an SPO.
 *
 * @example
 * ```ts
 * import { classifyDeclineReason, type DeclineReasonCode } from "protective-orders";
 * const code: DeclineReasonCode = classifyDeclineReason("no further action by the CPS"); // "no-charge-or-nfa"
 * ```
 */
export type DeclineReasonCode = z.infer<typeof DeclineReasonCodeSchema>;
