import { type CompiledRuleSet, compileRuleSet } from "../evaluate/compile.js";
import { loadRuleSet } from "../evaluate/rule-set.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { BUNDLED_RULE_PACKS } from "../law/rule-packs.js";
import { deepFreezeData } from "../model/plain-data.js";

/**
 * The bundled rules, validated and compiled once when the module loads: a rule file that does not
 * validate fails here, at import, in the tests and in the build, not with a wrong answer later.
 * Immutable, so shared safely between concurrent calls.
 *
 * @example
 * ```ts
 * import { assess } from "protective-orders";
 * import { DEFAULT_RULES } from "protective-orders/rule-authoring";
 * DEFAULT_RULES.rules.map((r) => r.rule.name).includes("spo"); // true
 * // The same as leaving `rules` out:
 * assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01", rules: DEFAULT_RULES });
 * ```
 */
export const DEFAULT_RULES: CompiledRuleSet = compileRuleSet(
  loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS),
);
// Frozen at the data level (issue #13): the rules, limbs and facts cannot be edited by a caller; the
// memo (the caches) stays writable, as it must.
deepFreezeData(DEFAULT_RULES, new Set(["memo"]));
