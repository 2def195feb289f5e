import * as z from "zod";
import { LocalBankHolidaysSchema, LocalPilotAreasSchema } from "../law/local-tables.js";
import { ProvisionFileSchema } from "../law/provision-file-schema.js";
import { IsoDateSchema } from "../model/iso-date.js";

/**
 * The operators rule files may use. The first ten are json-rules-engine's built-ins; the date
 * operators are ours (json-rules-engine's numeric operators would `parseFloat` "2020-12-01" to 2020),
 * and the adapter registers them on a json-rules-engine Engine.
 *
 * @example
 * ```ts
 * import { OPERATORS } from "protective-orders/rule-authoring";
 * OPERATORS.includes("dateOnOrAfter"); // true
 * ```
 */
export const OPERATORS = [
  "equal",
  "notEqual",
  "in",
  "notIn",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "dateBefore",
  "dateOnOrBefore",
  "dateAfter",
  "dateOnOrAfter",
] as const;
/**
 * An operator a rule file may use.
 *
 * @example
 * ```ts
 * import type { FactCondition, Operator } from "protective-orders/rule-authoring";
 * const operator: Operator = "dateOnOrAfter";
 * const convictedSince: FactCondition = { fact: "criminal.convictedOn", operator, value: "2009-09-30" };
 * ```
 */
export type Operator = (typeof OPERATORS)[number];

/**
 * A leaf condition: compare one derived fact with a literal.
 *
 * @example
 * ```ts
 * import type { FactCondition } from "protective-orders/rule-authoring";
 * const suspectIsAdult: FactCondition = { fact: "suspect.aged18OrOver", operator: "equal", value: true };
 * ```
 */
export interface FactCondition {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: string | number | boolean | ReadonlyArray<string | number | boolean>;
}
/**
 * A named condition reference: a statutory limb defined once and used by name.
 *
 * @example
 * ```ts
 * import type { ConditionReference } from "protective-orders/rule-authoring";
 * const inEnglandAndWales: ConditionReference = { condition: "spa-2019.extent" };
 * ```
 */
export interface ConditionReference {
  readonly condition: string;
}
/**
 * A condition in json-rules-engine's format.
 *
 * @example
 * ```ts
 * import type { RuleCondition } from "protective-orders/rule-authoring";
 * const condition: RuleCondition = {
 *   all: [{ condition: "spa-2019.extent" }, { fact: "risk.ongoing", operator: "equal", value: true }],
 * };
 * ```
 */
export type RuleCondition =
  | FactCondition
  | ConditionReference
  | { readonly all: readonly RuleCondition[] }
  | { readonly any: readonly RuleCondition[] }
  | { readonly not: RuleCondition };

type ConditionIssue = { path: (string | number)[]; message: string };

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * Checks a condition tree's shape by hand rather than with a zod union, so that every problem is
 * reported at the exact path of the bad leaf, with its own message (a union would only say
 * "invalid input" at the top of the tree).
 */
function conditionIssues(value: unknown, path: (string | number)[], issues: ConditionIssue[]): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.push({
      path,
      message: "expected a condition: {all}, {any}, {not}, {condition} or {fact, operator, value}",
    });
    return;
  }
  const node = value as Record<string, unknown>;
  const keys = Object.keys(node);
  const only = (allowed: readonly string[]) => {
    for (const key of keys)
      if (!allowed.includes(key)) issues.push({ path: [...path, key], message: `unexpected key "${key}"` });
  };
  if ("all" in node || "any" in node) {
    const key = "all" in node ? "all" : "any";
    only([key]);
    const list = node[key];
    if (!Array.isArray(list) || list.length === 0) {
      issues.push({ path: [...path, key], message: `"${key}" needs a non-empty list of conditions` });
      return;
    }
    list.forEach((child, i) => {
      conditionIssues(child, [...path, key, i], issues);
    });
  } else if ("not" in node) {
    only(["not"]);
    conditionIssues(node.not, [...path, "not"], issues);
  } else if ("condition" in node) {
    only(["condition"]);
    if (typeof node.condition !== "string" || node.condition === "") {
      issues.push({ path: [...path, "condition"], message: "expected the name of a limb" });
    }
  } else if ("fact" in node) {
    only(["fact", "operator", "value"]);
    if (typeof node.fact !== "string" || node.fact === "")
      issues.push({ path: [...path, "fact"], message: "expected a fact id" });
    if (!(OPERATORS as readonly unknown[]).includes(node.operator)) {
      issues.push({
        path: [...path, "operator"],
        message: `unknown operator ${JSON.stringify(node.operator)}; expected one of ${OPERATORS.join(", ")}`,
      });
    }
    const v = node.value;
    if (Array.isArray(v) ? v.length === 0 || !v.every(isPrimitive) : !isPrimitive(v)) {
      issues.push({
        path: [...path, "value"],
        message:
          Array.isArray(v) && v.length === 0
            ? "a list of values must not be empty (it could never match)"
            : "expected a string, number or boolean, or a list of them",
      });
    }
  } else {
    issues.push({
      path,
      message: "expected a condition: {all}, {any}, {not}, {condition} or {fact, operator, value}",
    });
  }
}

const conditionSchema = z.unknown().superRefine((value, ctx) => {
  const issues: ConditionIssue[] = [];
  conditionIssues(value, [], issues);
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}) as unknown as z.ZodType<RuleCondition>;

const inForceSchema = z.strictObject({
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable().optional(),
  noDataAfter: IsoDateSchema.optional(),
  notBefore: IsoDateSchema.optional(),
  note: z.string().optional(),
});

/**
 * A statutory limb: a named condition with its citation and in-force period.
 *
 * @example
 * ```ts
 * import { LimbSchema } from "protective-orders/rule-authoring";
 * LimbSchema.parse({
 *   id: "spa-2019.extent",
 *   label: "The case is in England and Wales",
 *   citation: "spa-2019:extent",
 *   statute: "The Act extends to England and Wales only.",
 *   inForce: { from: "2019-03-15" },
 *   conditions: { fact: "case.jurisdiction", operator: "equal", value: "england-and-wales" },
 * });
 * ```
 */
export const LimbSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  citation: z.string().min(1),
  /** A short paraphrase of the statute's words for this limb (Catala-style, beside the rule). */
  statute: z.string().min(1),
  inForce: inForceSchema,
  note: z.string().optional(),
  unverified: z.boolean().optional(),
  conditions: conditionSchema,
});
/**
 * A statutory limb.
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_PACKS, FACT_DEFINITIONS, loadRuleSet, type Limb } from "protective-orders/rule-authoring";
 * const limb: Limb | undefined = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS).limbs.get("spa-2019.s1(1)(a)");
 * limb?.citation; // "spa-2019:s1(1)(a)"
 * ```
 */
export type Limb = z.infer<typeof LimbSchema>;

/**
 * How an order is ranked in recommendations, and why.
 *
 * @example
 * ```ts
 * import { RecommendationSchema } from "protective-orders/rule-authoring";
 * RecommendationSchema.parse({
 *   rank: 1,
 *   role: "primary",
 *   reason: "The police apply, at no cost to the victim.",
 *   citations: ["spa-2019:s1"],
 * });
 * ```
 */
export const RecommendationSchema = z.strictObject({
  rank: z.number().int().min(1),
  role: z.enum(["primary", "alternative", "complement"]),
  reason: z.string().min(1),
  citations: z.array(z.string().min(1)),
});

/**
 * One order's legal test, in json-rules-engine's rule format plus citation metadata.
 *
 * @example
 * ```ts
 * import { RuleSchema } from "protective-orders/rule-authoring";
 * RuleSchema.safeParse({ name: "spo", label: "Stalking Protection Order" }).success; // false: citation, statute, … missing
 * ```
 */
export const RuleSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1),
  citation: z.string().min(1),
  statute: z.string().min(1),
  inForce: inForceSchema,
  /**
   * The jurisdictions whose cases list this order (absent: every case). A Northern Ireland order
   * is listed only for Northern Ireland cases, so that England and Wales and Scotland answers are
   * unchanged by it; the England and Wales orders are listed for every case, and say in Northern
   * Ireland and Scotland that they do not apply there.
   */
  jurisdictions: z
    .array(z.enum(["england-and-wales", "northern-ireland", "scotland"]))
    .min(1)
    .optional(),
  unverified: z.boolean().optional(),
  note: z.string().optional(),
  priority: z.number().int().min(1).optional(),
  recommendation: RecommendationSchema,
  conditions: conditionSchema,
  event: z.strictObject({
    type: z.literal("order-available"),
    params: z.strictObject({ order: z.string().min(1) }),
  }),
});
/**
 * One order's legal test.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, type Rule } from "protective-orders/rule-authoring";
 * const rules: readonly Rule[] = DEFAULT_RULES.ruleSet.rules;
 * rules.find((r) => r.name === "spo")?.citation; // "spa-2019:s2"
 * ```
 */
export type Rule = z.infer<typeof RuleSchema>;

/**
 * A rule pack: the limbs and rules of one instrument.
 *
 * @example
 * ```ts
 * import { RulePackSchema } from "protective-orders/rule-authoring";
 * RulePackSchema.safeParse({ instrument: "x", limbs: [], rules: [] }).success; // true
 * ```
 */
export const RulePackSchema = z.strictObject({
  $schema: z.string().optional(),
  instrument: z.string().min(1),
  description: z.string().optional(),
  limbs: z.array(LimbSchema),
  rules: z.array(RuleSchema),
  /**
   * The pack's own provisions (a force's local policy), validated like the bundled provision files and cited by
   * the pack's limbs and rules beside the statute's: every output marks them as local policy.
   */
  provisions: ProvisionFileSchema.optional(),
  /**
   * DAA 2021 Part 3 pilot areas after the bundled table's last day of data (31 March 2026), cited to one of the
   * pack's own provisions: a case in one is in the pilot, marked local in every output.
   */
  pilotAreas: LocalPilotAreasSchema.optional(),
  /** Bank holidays in England and Wales for years the bundled table does not list, cited to a pack provision. */
  bankHolidays: LocalBankHolidaysSchema.optional(),
});
/**
 * A rule pack.
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_PACKS, FACT_DEFINITIONS, loadRuleSet, type RulePack } from "protective-orders/rule-authoring";
 * const packs: readonly RulePack[] = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS).packs;
 * packs.map((p) => p.instrument); // ["spa-2019", "cpa-2026", "fla-1996", "pha-1997", "sa-2020", "daa-2021", "csa-2010"]
 * ```
 */
export type RulePack = z.infer<typeof RulePackSchema>;
