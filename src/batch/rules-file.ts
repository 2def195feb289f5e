import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type CompiledRuleSet, compileRuleSet } from "../evaluate/compile.js";
import { loadRuleSet, RulePackError } from "../evaluate/rule-set.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { BUNDLED_RULE_PACKS } from "../law/rule-packs.js";
import { fileErrorInWords } from "./file-errors.js";

// `--rules FILE` (issue 15): a rule pack of your own (or a JSON array of packs), loaded beside the bundled law.
// Its provisions are cited as local policy in every output. Loaded once per process (each worker loads its own).

const LOADED = new Map<string, CompiledRuleSet>();

/** Why a rules file cannot be used, in words: the file error, or each rule-pack problem by pack and path. */
export class RulesFileError extends Error {}

/** The bundled rule packs plus the packs in `file`, compiled. Throws {@link RulesFileError}. */
export function loadRulesFile(file: string): CompiledRuleSet {
  const key = resolve(file);
  const cached = LOADED.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(key, "utf8");
  } catch (error) {
    throw new RulesFileError(`cannot read the rules file: ${fileErrorInWords(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RulesFileError("the rules file is not valid JSON");
  }
  const packs = Array.isArray(parsed) ? parsed : [parsed];
  let rules: CompiledRuleSet;
  try {
    rules = compileRuleSet(loadRuleSet([...BUNDLED_RULE_PACKS, ...packs], FACT_DEFINITIONS));
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    const listed = error.problems.slice(0, 20).map((p) => `  ${p.pack}: ${p.path}: ${p.message}`);
    const more = error.problems.length > 20 ? [`  …and ${error.problems.length - 20} more`] : [];
    throw new RulesFileError(`the rules file is not a valid rule pack:\n${[...listed, ...more].join("\n")}`);
  }
  LOADED.set(key, rules);
  return rules;
}
