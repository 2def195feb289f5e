// protective-orders/json-rules-engine: load our rule files into a json-rules-engine Engine.
// Named imports only: a default import passes tsc and vitest but breaks in the built ESM file
// (shared/engineering-notes.md).
import { Engine } from "json-rules-engine";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { BUNDLED_RULE_PACKS } from "../law/rule-packs.js";
import type { CaseFacts } from "../model/case-facts.js";
import { CaseFactsError } from "../model/errors.js";
import { type IsoDate, IsoDateSchema } from "../model/iso-date.js";
import { type InputProblem, type ParseResult, parseCaseFacts } from "../model/parse-case-facts.js";
import type { RuleCondition } from "./rule-pack-schema.js";
import { loadRuleSet, type RuleSet } from "./rule-set.js";

const DATE_OPERATORS: Record<string, (a: string, b: string) => boolean> = {
  dateBefore: (a, b) => a < b,
  dateOnOrBefore: (a, b) => a <= b,
  dateAfter: (a, b) => a > b,
  dateOnOrAfter: (a, b) => a >= b,
};

/**
 * The fact that carries the assessment date inside json-rules-engine.
 *
 * @example
 * ```ts
 * import { AS_OF_FACT, deriveJsonRulesEngineFacts } from "protective-orders/json-rules-engine";
 * AS_OF_FACT; // "law.asOf"
 * deriveJsonRulesEngineFacts({ id: "c", jurisdiction: "england-and-wales" }, "2025-06-01")[AS_OF_FACT]; // "2025-06-01"
 * ```
 */
export const AS_OF_FACT = "law.asOf";

function withInForce(
  conditions: RuleCondition,
  inForce: { from: string | null; to?: string | null | undefined; noDataAfter?: string | undefined },
): RuleCondition {
  const gates: RuleCondition[] = [];
  // After the last day the law digest has data for, nothing can be said to be in force.
  if (inForce.noDataAfter)
    gates.push({ fact: AS_OF_FACT, operator: "dateOnOrBefore", value: inForce.noDataAfter });
  // An unknown commencement can never be shown as in force.
  if (inForce.from === null)
    return { all: [{ fact: AS_OF_FACT, operator: "dateBefore", value: "0000-01-01" }, conditions] };
  gates.push({ fact: AS_OF_FACT, operator: "dateOnOrAfter", value: inForce.from });
  if (inForce.to) gates.push({ fact: AS_OF_FACT, operator: "dateOnOrBefore", value: inForce.to });
  return { all: [...gates, conditions] };
}

/**
 * Creates a json-rules-engine `Engine` loaded with our rules: every statutory limb as a named
 * condition (`setCondition`), every order's test as a rule firing an `order-available` event, our
 * date operators registered, and each rule and limb gated on its in-force period through the
 * `law.asOf` fact. Pass it the facts from {@link deriveJsonRulesEngineFacts}. json-rules-engine is
 * two-valued: an unknown fact makes its conditions false, so use `assess` for needs-information.
 *
 * @example
 * ```ts
 * import { createJsonRulesEngine, deriveJsonRulesEngineFacts } from "protective-orders/json-rules-engine";
 * const engine = createJsonRulesEngine();
 * const { events } = await engine.run(deriveJsonRulesEngineFacts({ id: "c", jurisdiction: "england-and-wales" }, "2025-06-01"));
 * events.map((e) => e.params?.order);
 * ```
 */
export function createJsonRulesEngine(
  ruleSet: RuleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS),
): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, compare] of Object.entries(DATE_OPERATORS)) {
    engine.addOperator(
      name,
      (factValue: unknown, jsonValue: unknown) =>
        typeof factValue === "string" && typeof jsonValue === "string" && compare(factValue, jsonValue),
    );
  }
  for (const [id, limb] of ruleSet.limbs) {
    engine.setCondition(id, withInForce(limb.conditions, limb.inForce) as never);
  }
  for (const rule of ruleSet.rules) {
    engine.addRule({
      name: rule.name,
      ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
      conditions: withInForce(rule.conditions, rule.inForce) as never,
      event: rule.event,
    });
  }
  return engine;
}

/**
 * The derived facts of a case as a plain object for json-rules-engine (unknown facts left out),
 * plus `law.asOf`. Validates its input like `assess`: throws {@link CaseFactsError} listing every
 * problem by path (never a value); {@link safeDeriveJsonRulesEngineFacts} returns them instead.
 *
 * @example
 * ```ts
 * import { deriveJsonRulesEngineFacts } from "protective-orders/json-rules-engine";
 * deriveJsonRulesEngineFacts({ id: "c", jurisdiction: "scotland" }, "2025-06-01")["case.jurisdiction"]; // "scotland"
 * ```
 */
export function deriveJsonRulesEngineFacts(
  facts: CaseFacts,
  asOf: IsoDate,
): Record<string, string | number | boolean> {
  const result = safeDeriveJsonRulesEngineFacts(facts, asOf);
  if (!result.success) throw new CaseFactsError(result.problems);
  return result.data;
}

/**
 * Like {@link deriveJsonRulesEngineFacts}, but never throws: returns the facts, or every problem
 * with the case facts (or `asOf`) by path.
 *
 * @example
 * ```ts
 * import { safeDeriveJsonRulesEngineFacts } from "protective-orders/json-rules-engine";
 * const result = safeDeriveJsonRulesEngineFacts({ id: "c" }, "not-a-date");
 * result.success === false && result.problems[0]?.path; // "asOf"
 * ```
 */
export function safeDeriveJsonRulesEngineFacts(
  facts: unknown,
  asOf: unknown,
): ParseResult<Record<string, string | number | boolean>> {
  const problems: InputProblem[] = [];
  if (!IsoDateSchema.safeParse(asOf).success)
    problems.push({ path: "asOf", message: "expected a calendar date written YYYY-MM-DD" });
  const parsed = parseCaseFacts(facts);
  if (!parsed.success) problems.push(...parsed.problems);
  if (!parsed.success || problems.length > 0) return { success: false, problems };
  return { success: true, data: derivedFactsOf(parsed.data, asOf as IsoDate) };
}

function derivedFactsOf(facts: CaseFacts, asOf: IsoDate): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = { [AS_OF_FACT]: asOf };
  for (const definition of FACT_DEFINITIONS) {
    const value = definition.derive(facts, asOf);
    if (value !== undefined) result[definition.id] = value;
  }
  return result;
}
