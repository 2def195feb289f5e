import { z } from "zod";
import { IsoDateSchema } from "../model/iso-date.js";

/**
 * The operators rule files may use. The first ten are json-rules-engine's built-ins; the date
 * operators are ours (json-rules-engine's numeric operators would `parseFloat` "2020-12-01" to 2020),
 * and the adapter registers them on a json-rules-engine Engine.
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
/** An operator a rule file may use. */
export type Operator = (typeof OPERATORS)[number];

const factValue = z.union([z.string(), z.number(), z.boolean()]);

/** A leaf condition: compare one derived fact with a literal. */
export interface FactCondition {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: string | number | boolean | ReadonlyArray<string | number | boolean>;
}
/** A named condition reference: a statutory limb defined once and used by name. */
export interface ConditionReference {
  readonly condition: string;
}
/** A condition in json-rules-engine's format. */
export type RuleCondition =
  | FactCondition
  | ConditionReference
  | { readonly all: readonly RuleCondition[] }
  | { readonly any: readonly RuleCondition[] }
  | { readonly not: RuleCondition };

const conditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ condition: z.string().min(1) }),
    z.strictObject({
      fact: z.string().min(1),
      operator: z.enum(OPERATORS, { message: `unknown operator; expected one of ${OPERATORS.join(", ")}` }),
      value: z.union([factValue, z.array(factValue)]),
    }),
  ]),
);

const inForceSchema = z.strictObject({
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable().optional(),
  noDataAfter: IsoDateSchema.optional(),
  notBefore: IsoDateSchema.optional(),
  note: z.string().optional(),
});

/** A statutory limb: a named condition with its citation and in-force period. */
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
/** A statutory limb. */
export type Limb = z.infer<typeof LimbSchema>;

/** How an order is ranked in recommendations, and why. */
export const RecommendationSchema = z.strictObject({
  rank: z.number().int().min(1),
  role: z.enum(["primary", "alternative", "complement"]),
  reason: z.string().min(1),
  citations: z.array(z.string().min(1)),
});

/** One order's legal test, in json-rules-engine's rule format plus citation metadata. */
export const RuleSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1),
  citation: z.string().min(1),
  statute: z.string().min(1),
  inForce: inForceSchema,
  unverified: z.boolean().optional(),
  note: z.string().optional(),
  priority: z.number().int().min(1).optional(),
  recommendation: RecommendationSchema,
  conditions: conditionSchema,
  event: z.strictObject({ type: z.literal("order-available"), params: z.strictObject({ order: z.string().min(1) }) }),
});
/** One order's legal test. */
export type Rule = z.infer<typeof RuleSchema>;

/**
 * A rule pack: the limbs and rules of one instrument.
 *
 * @example
 * ```ts
 * import { RulePackSchema } from "protective-orders";
 * RulePackSchema.safeParse({ instrument: "x", limbs: [], rules: [] }).success; // true
 * ```
 */
export const RulePackSchema = z.strictObject({
  $schema: z.string().optional(),
  instrument: z.string().min(1),
  description: z.string().optional(),
  limbs: z.array(LimbSchema),
  rules: z.array(RuleSchema),
});
/** A rule pack. */
export type RulePack = z.infer<typeof RulePackSchema>;
