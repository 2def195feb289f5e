/**
 * `protective-orders/rule-authoring`: for writing and running rule packs of your own. The rule-pack format
 * (zod schemas and the condition types), the loader that checks packs against the fact registry and the citation
 * registry (`loadRuleSet`), the compiler to the synchronous three-valued evaluator (`compileRuleSet`) and its
 * compiled forms and limits, the bundled rule packs and fact definitions, and the derived-fact functions (each a
 * small cited reading of the case facts) that the rules read.
 *
 * Case-system code needs none of this: `assess`, `reviewSpoDecline`, `explain` and the models are in the package's
 * root, `protective-orders`. What is here may change between minor versions faster than the root does.
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_PACKS, compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "protective-orders/rule-authoring";
 * import { assess } from "protective-orders";
 * const rules = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
 * assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01", rules }).orders.length; // 13
 * ```
 *
 * @module
 */
export { DEFAULT_RULES } from "./assess/default-rules.js";
export {
  type CompiledLimb,
  type CompiledNode,
  type CompiledRule,
  type CompiledRuleSet,
  compileRuleSet,
  isCompiledRuleSet,
  lawStatusOn,
  NodeKind,
} from "./evaluate/compile.js";
export { evaluateDerivedFacts, MAX_COMPLETIONS } from "./evaluate/evaluate.js";
export { rulesForJurisdiction } from "./evaluate/jurisdiction-view.js";
export { MAX_CONDITION_DEPTH, MAX_EXPANDED_NODES, MAX_RULE_PACK_SIZE } from "./evaluate/rule-pack-limits.js";
export * from "./evaluate/rule-pack-schema.js";
export { loadRuleSet, RulePackError, type RulePackProblem, type RuleSet } from "./evaluate/rule-set.js";
export { domesticAbuseProtectionPilotInForce } from "./facts/area.js";
export * from "./facts/conduct.js";
export type { FactDefinition, FactValue } from "./facts/fact-definition.js";
export * from "./facts/northern-ireland.js";
export * from "./facts/parties.js";
export { FACT_DEFINITIONS } from "./facts/registry.js";
export * from "./facts/relationship.js";
export * from "./facts/residence.js";
export * from "./facts/risk.js";
export { LOCAL_POLICY_MARK, type LocalProvisions } from "./law/local-provisions.js";
export {
  LocalBankHolidaysSchema,
  type LocalPilotArea,
  LocalPilotAreasSchema,
  type LocalTables,
} from "./law/local-tables.js";
export { ProvisionFileSchema } from "./law/provision-file-schema.js";
export { BUNDLED_RULE_PACKS } from "./law/rule-packs.js";
