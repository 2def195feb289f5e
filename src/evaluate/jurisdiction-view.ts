import type { Jurisdiction } from "../model/case-facts.js";
import { type CompiledRuleSet, compileRuleSet } from "./compile.js";

// For each compiled rule set, the rule set a case of each jurisdiction is assessed with: its rules
// minus those listed only for other jurisdictions (Rule.jurisdictions). Compiled once per rule set
// and jurisdiction, and kept as long as the rule set is.
const views = new WeakMap<CompiledRuleSet, Map<Jurisdiction | "unknown", CompiledRuleSet>>();

/**
 * The rules a case of this jurisdiction is assessed with: every rule of the set except those whose
 * `jurisdictions` list leaves the case's jurisdiction out. An unrecorded jurisdiction could be any
 * of them, so it gets every rule (unknown is not false): the Northern Ireland orders then come out
 * "needs information" on the jurisdiction question, never silently missing. A rule set with no
 * such rules is returned as it is; otherwise the narrower set is compiled once and reused.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, rulesForJurisdiction } from "protective-orders/rule-authoring";
 * rulesForJurisdiction(DEFAULT_RULES, "northern-ireland").rules.some((r) => r.rule.name === "ni-spo"); // true
 * rulesForJurisdiction(DEFAULT_RULES, "england-and-wales").rules.some((r) => r.rule.name === "ni-spo"); // false
 * rulesForJurisdiction(DEFAULT_RULES, undefined).rules.some((r) => r.rule.name === "ni-spo"); // true
 * ```
 */
export function rulesForJurisdiction(
  rules: CompiledRuleSet,
  jurisdiction: Jurisdiction | undefined,
): CompiledRuleSet {
  const key = jurisdiction ?? "unknown";
  let byJurisdiction = views.get(rules);
  const known = byJurisdiction?.get(key);
  if (known) return known;
  if (!rules.rules.some((r) => r.rule.jurisdictions !== undefined)) return rules;
  if (!byJurisdiction) {
    byJurisdiction = new Map();
    views.set(rules, byJurisdiction);
  }
  let view = byJurisdiction.get(key);
  if (!view) {
    const listed = rules.ruleSet.rules.filter(
      (r) =>
        r.jurisdictions === undefined || jurisdiction === undefined || r.jurisdictions.includes(jurisdiction),
    );
    view =
      listed.length === rules.ruleSet.rules.length
        ? rules
        : compileRuleSet({ ...rules.ruleSet, rules: listed });
    byJurisdiction.set(key, view);
  }
  return view;
}
