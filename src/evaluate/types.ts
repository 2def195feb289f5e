import type { FactId, LimbId, RuleId, RuleOrder } from "../law/bundled-names.js";
import type { Citation } from "../law/citation.js";

/**
 * The names an evaluation uses: of its rules, the orders they are for, their statutory limbs and the derived
 * facts they read. Any rule set's results use plain strings (`Vocabulary`); `assess` with the bundled rules
 * returns results typed with {@link BundledVocabulary}, whose literal unions make a misspelt id a compile error.
 *
 * @example
 * ```ts
 * import type { RuleEvaluation, Vocabulary } from "protective-orders";
 * const ruleOf = (evaluation: RuleEvaluation<Vocabulary>): string => evaluation.rule;
 * ```
 */
export interface Vocabulary {
  readonly rule: string;
  readonly order: string;
  readonly limb: string;
  readonly fact: string;
}

/**
 * The names of the bundled rule packs, as literal unions generated from the rule files.
 *
 * @example
 * ```ts
 * import { assess, type Assessment, type BundledVocabulary } from "protective-orders";
 * const assessment: Assessment<BundledVocabulary> = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" });
 * assessment.orders.find((o) => o.rule === "nmo")?.outcome; // "needs-information"
 * ```
 */
export interface BundledVocabulary extends Vocabulary {
  readonly rule: RuleId;
  readonly order: RuleOrder;
  readonly limb: LimbId;
  readonly fact: FactId;
}

/**
 * Three-valued result of a limb or condition.
 *
 * @example
 * ```ts
 * import type { Truth } from "protective-orders";
 * const mark = (truth: Truth) => (truth === "holds" ? "[x]" : truth === "fails" ? "[ ]" : "[?]");
 * ```
 */
export type Truth = "holds" | "fails" | "unknown";

/**
 * The outcome for one order.
 *
 * @example
 * ```ts
 * import { assess, type Outcome } from "protective-orders";
 * const spo = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).orders.find((o) => o.rule === "spo");
 * const outcome: Outcome | undefined = spo?.outcome; // "needs-information"
 * ```
 */
export type Outcome = "available" | "not-available" | "needs-information";

/**
 * Whether the law behind a rule is in force on the assessment date: `in-force`; `not-yet-in-force`
 * (before its commencement); `no-longer-in-force`; `in-force-date-unknown` (enacted, commencement
 * unknown); `no-data` (the law digest has no data for the date).
 *
 * @example
 * ```ts
 * import { type LawStatus } from "protective-orders";
 * import { lawStatusOn } from "protective-orders/rule-authoring";
 * const status: LawStatus = lawStatusOn({ from: "2020-01-20" }, "2019-12-31"); // "not-yet-in-force"
 * ```
 */
export type LawStatus =
  | "in-force"
  | "not-yet-in-force"
  | "no-longer-in-force"
  | "in-force-date-unknown"
  | "no-data";

/**
 * A comparison of one derived fact with a literal, as it was evaluated.
 *
 * @example
 * ```ts
 * import type { FactCheck } from "protective-orders";
 * const describe = (check: FactCheck) => `${check.label}: ${check.known ? String(check.actual) : "unknown"}`;
 * ```
 */
export interface FactCheck<V extends Vocabulary = Vocabulary> {
  readonly type: "fact";
  readonly fact: V["fact"];
  readonly label: string;
  readonly operator: string;
  readonly expected: string | number | boolean | ReadonlyArray<string | number | boolean>;
  /** Whether the fact was known; `actual` is present only when it was. */
  readonly known: boolean;
  readonly actual?: string | number | boolean;
  readonly result: Truth;
  /**
   * Citation of a point the value rests on that the law digest marks unverified, or of a rule pack's own table
   * the value came from (then `local: true`: a pilot area the pack supplies).
   */
  readonly caveat?: Citation;
}

/**
 * A named statutory limb, as it was evaluated.
 *
 * @example
 * ```ts
 * import type { LimbCheck } from "protective-orders";
 * const describe = (limb: LimbCheck) => `${limb.label} (${limb.citation.title}): ${limb.result}`;
 * ```
 */
export interface LimbCheck<V extends Vocabulary = Vocabulary> {
  readonly type: "limb";
  readonly id: V["limb"];
  readonly label: string;
  readonly statute: string;
  readonly citation: Citation;
  readonly lawStatus: LawStatus;
  readonly unverified: boolean;
  readonly note?: string;
  readonly result: Truth;
  readonly condition: ConditionCheck<V>;
}

/**
 * An all / any / not node, as it was evaluated.
 *
 * @example
 * ```ts
 * import type { GroupCheck } from "protective-orders";
 * const failing = (group: GroupCheck) => group.conditions.filter((c) => c.result === "fails");
 * ```
 */
export interface GroupCheck<V extends Vocabulary = Vocabulary> {
  readonly type: "all" | "any" | "not";
  readonly result: Truth;
  readonly conditions: readonly ConditionCheck<V>[];
}

/**
 * Any node of an explanation tree.
 *
 * @example
 * ```ts
 * import type { ConditionCheck } from "protective-orders";
 * function unknownFacts(check: ConditionCheck): string[] {
 *   if (check.type === "fact") return check.known ? [] : [check.fact];
 *   if (check.type === "limb") return unknownFacts(check.condition);
 *   return check.conditions.flatMap(unknownFacts);
 * }
 * ```
 */
export type ConditionCheck<V extends Vocabulary = Vocabulary> = FactCheck<V> | LimbCheck<V> | GroupCheck<V>;

/**
 * The evaluation of one rule (one order's legal test) against one case.
 *
 * @example
 * ```ts
 * import { assess, type RuleEvaluation } from "protective-orders";
 * const orders: readonly RuleEvaluation[] = assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).orders;
 * orders.find((o) => o.rule === "spo")?.missingFacts; // ["conduct.actsAssociatedWithStalking", "risk.harm", "risk.ongoing", "protection.otherProtectionAdequate"]
 * ```
 */
export interface RuleEvaluation<V extends Vocabulary = Vocabulary> {
  readonly rule: V["rule"];
  readonly order: V["order"];
  readonly label: string;
  readonly outcome: Outcome;
  readonly lawStatus: LawStatus;
  readonly citation: Citation;
  /** True when the rule, a limb that decided it, or a fact caveat rests on an unverified point. */
  readonly unverified: boolean;
  /** The derived facts still unknown whose answers could change this outcome. */
  readonly missingFacts: readonly V["fact"][];
  /**
   * False when too many unknown facts appear more than once in the rule to enumerate their
   * values; the outcome is then plain Kleene logic, which may report unknown where the exact
   * answer is known (never the other way round).
   */
  readonly exact: boolean;
  readonly notes: readonly string[];
  readonly conditions: ConditionCheck<V>;
}
