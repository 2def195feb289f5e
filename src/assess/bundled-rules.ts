import { type CompiledRuleSet, compileRuleSet } from "../evaluate/compile.js";
import { loadRuleSet } from "../evaluate/rule-set.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { BUNDLED_RULE_PACKS } from "../law/rule-packs.js";
import { onFirstUse } from "../model/on-first-use.js";
import { deepFreezeData } from "../model/plain-data.js";

/**
 * The bundled rules, validated and compiled on first use and then kept (the same object every
 * time, exported as `DEFAULT_RULES` from `protective-orders/rule-authoring`). Not at import:
 * compiling them took about a sixth of `import "protective-orders"`, paid by a program that only
 * reads the models. A rule file that does not validate still fails in the tests and the build,
 * on the first assessment, never with a wrong answer.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES } from "protective-orders/rule-authoring";
 * DEFAULT_RULES.rules.some((r) => r.rule.name === "spo"); // true
 * ```
 */
export const bundledRules: () => CompiledRuleSet = onFirstUse(() => {
  const rules = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
  // Frozen at the data level (issue #13): the rules, limbs and facts cannot be edited by a
  // caller; the memo (the caches) stays writable, as it must.
  deepFreezeData(rules, new Set(["memo"]));
  return rules;
});
