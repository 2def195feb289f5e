import type { CompiledRuleSet } from "../evaluate/compile.js";
import { bundledRules } from "./bundled-rules.js";

/**
 * The bundled rules, validated and compiled once: a rule file that does not validate fails in the
 * tests and in the build, not with a wrong answer later. Immutable, so shared safely between
 * concurrent calls. Importing this constant compiles them; `assess` without `rules` uses the same
 * object, compiled on its first call.
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
export const DEFAULT_RULES: CompiledRuleSet = bundledRules();
