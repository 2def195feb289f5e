import { type CompiledRuleSet, compileRuleSet } from "../evaluate/compile.js";
import { loadRuleSet } from "../evaluate/rule-set.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { BUNDLED_RULE_PACKS } from "../law/rule-packs.js";

/**
 * The bundled rules, validated and compiled once when the module loads: a rule file that does not
 * validate fails here, at import, in the tests and in the build, not with a wrong answer later.
 * Immutable, so shared safely between concurrent calls.
 */
export const DEFAULT_RULES: CompiledRuleSet = compileRuleSet(
  loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS),
);
