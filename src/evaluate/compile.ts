import { addDaysToDate } from "../dates/calendar.js";
import type { FactDefinition, FactValue } from "../facts/fact-definition.js";
import type { Citation, InForcePeriod } from "../law/citation.js";
import { resolveCitation } from "../law/local-provisions.js";
import type { IsoDate } from "../model/iso-date.js";
import { expansionProblems } from "./rule-pack-limits.js";
import type { Limb, Rule, RuleCondition } from "./rule-pack-schema.js";
import { RulePackError, type RuleSet } from "./rule-set.js";
import type { LawStatus } from "./types.js";

// Three-valued truth, packed in a Uint8Array: F = 0, T = 1, U = 2.
export const F = 0;
export const T = 1;
export const U = 2;

/**
 * The kinds of node in a compiled condition tree.
 *
 * @example
 * ```ts
 * import { NodeKind } from "protective-orders/rule-authoring";
 * NodeKind.Limb; // 4
 * ```
 */
export const NodeKind = { Fact: 0, All: 1, Any: 2, Not: 3, Limb: 4 } as const;
/** A kind of node in a compiled condition tree. */
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/**
 * One node of a rule's expanded condition tree. Children always have higher indices.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, NodeKind, type CompiledNode } from "protective-orders/rule-authoring";
 * const root: CompiledNode | undefined = DEFAULT_RULES.rules.find((r) => r.rule.name === "spo")?.nodes[0];
 * root?.kind === NodeKind.All; // true: the SPO test is "all of" its limbs
 * ```
 */
export interface CompiledNode {
  readonly kind: NodeKind;
  readonly children: readonly number[];
  readonly fact: number;
  readonly test: ((value: FactValue) => boolean) | undefined;
  readonly operator: string;
  readonly expected: FactValue | readonly FactValue[] | undefined;
  readonly limb: number;
}

/**
 * A statutory limb after compilation: the limb, its resolved citation, and whether it rests on an unverified point.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, type CompiledLimb } from "protective-orders/rule-authoring";
 * const limb: CompiledLimb | undefined = DEFAULT_RULES.limbs.find((l) => l.limb.id === "spa-2019.s1(1)(a)");
 * limb?.citation.title; // "Stalking Protection Act 2019, s.1(1)(a)"
 * ```
 */
export interface CompiledLimb {
  readonly limb: Limb;
  readonly citation: Citation;
  readonly unverified: boolean;
}

/**
 * One order's legal test after compilation: the rule, its resolved citation, and its condition tree as flat nodes.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, type CompiledRule } from "protective-orders/rule-authoring";
 * const spo: CompiledRule | undefined = DEFAULT_RULES.rules.find((r) => r.rule.name === "spo");
 * spo?.citation.title; // "Stalking Protection Act 2019, s.2"
 * ```
 */
export interface CompiledRule {
  readonly rule: Rule;
  readonly citation: Citation;
  readonly unverified: boolean;
  readonly nodes: readonly CompiledNode[];
  /** Fact indices this rule reads, in registry order. */
  readonly factsRead: readonly number[];
  /** Fact indices read by more than one leaf (where plain Kleene logic can over-report unknown). */
  readonly repeatedFacts: readonly number[];
  /**
   * For each node, the result of a fact leaf whose fact is unknown: U, unless the leaf's test
   * comes out the same for every value the fact can take (then that value), so that a leaf that
   * cannot fail, or cannot hold, is not reported as unknown.
   */
  readonly whenUnknown: Uint8Array;
}

/**
 * A rule set compiled to flat arrays, evaluated synchronously with no shared state between calls.
 *
 * @example
 * ```ts
 * import { assess, type CompiledRuleSet } from "protective-orders";
 * import { BUNDLED_RULE_PACKS, compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "protective-orders/rule-authoring";
 * const rules: CompiledRuleSet = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
 * assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01", rules });
 * ```
 */
export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly facts: readonly FactDefinition[];
  readonly limbs: readonly CompiledLimb[];
  readonly rules: readonly CompiledRule[];
  /** For each fact, the values to try when settling it (booleans, enum values, date representatives). */
  readonly domains: readonly (readonly FactValue[])[];
}

function compileTest(operator: string, value: FactValue | readonly FactValue[]): (v: FactValue) => boolean {
  switch (operator) {
    case "equal":
      return (v) => v === value;
    case "notEqual":
      return (v) => v !== value;
    case "in": {
      const set = new Set(value as readonly FactValue[]);
      return (v) => set.has(v);
    }
    case "notIn": {
      const set = new Set(value as readonly FactValue[]);
      return (v) => !set.has(v);
    }
    case "lessThan":
      return (v) => typeof v === "number" && v < (value as number);
    case "lessThanInclusive":
      return (v) => typeof v === "number" && v <= (value as number);
    case "greaterThan":
      return (v) => typeof v === "number" && v > (value as number);
    case "greaterThanInclusive":
      return (v) => typeof v === "number" && v >= (value as number);
    case "dateBefore":
      return (v) => typeof v === "string" && v < (value as string);
    case "dateOnOrBefore":
      return (v) => typeof v === "string" && v <= (value as string);
    case "dateAfter":
      return (v) => typeof v === "string" && v > (value as string);
    case "dateOnOrAfter":
      return (v) => typeof v === "string" && v >= (value as string);
    default:
      throw new Error(`unknown operator ${operator}`);
  }
}

/**
 * Compiles a validated rule set: each rule's condition tree is expanded (named limbs inlined,
 * keeping their names and citations) into a flat array of nodes in pre-order. A rule set over the
 * limits (`MAX_EXPANDED_NODES`, `MAX_CONDITION_DEPTH`), or with a circular limb
 * reference, throws {@link RulePackError} before anything is expanded: `loadRuleSet` refuses
 * such packs already, and this covers a rule set built by hand.
 *
 * @example
 * ```ts
 * import { compileRuleSet, loadRuleSet, BUNDLED_RULE_PACKS, FACT_DEFINITIONS } from "protective-orders/rule-authoring";
 * const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
 * compiled.rules.map((r) => r.rule.name).includes("spo"); // true
 * ```
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  checkLimits(ruleSet);
  const facts = ruleSet.facts;
  const factIndex = new Map(facts.map((f, i) => [f.id, i]));
  const limbIds = [...ruleSet.limbs.keys()];
  const limbIndex = new Map(limbIds.map((id, i) => [id, i]));
  const limbs: CompiledLimb[] = limbIds.map((id) => {
    const limb = ruleSet.limbs.get(id)!;
    const citation = resolveCitation(ruleSet.citations, limb.citation);
    return { limb, citation, unverified: limb.unverified === true || citation.unverified };
  });
  const dateLiterals = new Map<number, Set<string>>();

  const rules = ruleSet.rules.map((rule): CompiledRule => {
    const nodes: CompiledNode[] = [];
    const factUses = new Map<number, number>();
    const add = (condition: RuleCondition): number => {
      const index = nodes.length;
      const placeholder: CompiledNode = {
        kind: NodeKind.All,
        children: [],
        fact: -1,
        test: undefined,
        operator: "",
        expected: undefined,
        limb: -1,
      };
      nodes.push(placeholder);
      let node: CompiledNode;
      if ("all" in condition) {
        node = { ...placeholder, kind: NodeKind.All, children: condition.all.map(add) };
      } else if ("any" in condition) {
        node = { ...placeholder, kind: NodeKind.Any, children: condition.any.map(add) };
      } else if ("not" in condition) {
        node = { ...placeholder, kind: NodeKind.Not, children: [add(condition.not)] };
      } else if ("condition" in condition) {
        const li = limbIndex.get(condition.condition)!;
        node = { ...placeholder, kind: NodeKind.Limb, limb: li, children: [add(limbs[li]!.limb.conditions)] };
      } else {
        const fi = factIndex.get(condition.fact)!;
        factUses.set(fi, (factUses.get(fi) ?? 0) + 1);
        if (condition.operator.startsWith("date")) {
          const set = dateLiterals.get(fi) ?? new Set<string>();
          set.add(condition.value as string);
          dateLiterals.set(fi, set);
        }
        node = {
          ...placeholder,
          kind: NodeKind.Fact,
          fact: fi,
          operator: condition.operator,
          expected: condition.value as FactValue | readonly FactValue[],
          test: compileTest(condition.operator, condition.value as FactValue | readonly FactValue[]),
        };
      }
      nodes[index] = node;
      return index;
    };
    add(rule.conditions);
    const citation = resolveCitation(ruleSet.citations, rule.citation);
    const factsRead = [...factUses.keys()].sort((a, b) => a - b);
    return {
      rule,
      citation,
      unverified: rule.unverified === true || citation.unverified,
      nodes,
      factsRead,
      repeatedFacts: factsRead.filter((f) => (factUses.get(f) ?? 0) > 1),
      whenUnknown: new Uint8Array(nodes.length).fill(U),
    };
  });

  const domains = facts.map((fact, i): readonly FactValue[] => {
    if (fact.type === "boolean") return [true, false];
    if (fact.type === "enum") return fact.values ?? [];
    // Dates are only ever compared with literals, so the day before, of and after each literal
    // represent every class of date the rules can tell apart.
    const literals = [...(dateLiterals.get(i) ?? [])];
    const points = new Set<string>();
    for (const literal of literals) {
      points.add(addDaysToDate(literal, -1));
      points.add(literal);
      points.add(addDaysToDate(literal, 1));
    }
    return [...points].sort();
  });

  // The earliest and latest dates the schema accepts, so that a date test true (or false) for every
  // date is recognised as such.
  const extremes = ["0000-01-01", "9999-12-31"];
  for (const rule of rules) {
    rule.nodes.forEach((node, i) => {
      if (node.kind !== NodeKind.Fact) return;
      const fact = facts[node.fact]!;
      const values = fact.type === "date" ? [...domains[node.fact]!, ...extremes] : domains[node.fact]!;
      if (values.length === 0) return;
      const results = values.map((v) => node.test!(v));
      if (results.every(Boolean)) rule.whenUnknown[i] = T;
      else if (!results.some(Boolean)) rule.whenUnknown[i] = F;
    });
  }
  const compiled: CompiledRuleSet = { ruleSet, facts, limbs, rules, domains };
  COMPILED.add(compiled);
  return compiled;
}

function checkLimits(ruleSet: RuleSet): void {
  const packOfLimb = new Map<string, string>();
  const placeOfRule = new Map<object, { pack: string; path: string }>();
  for (const pack of ruleSet.packs) {
    for (const limb of pack.limbs) packOfLimb.set(limb.id, pack.instrument);
    pack.rules.forEach((rule, i) => {
      placeOfRule.set(rule, { pack: pack.instrument, path: `rules.${i}.conditions` });
    });
  }
  const { problems } = expansionProblems(
    {
      limbs: ruleSet.limbs,
      rules: ruleSet.rules,
      limbAt: (id) => ({ pack: packOfLimb.get(id) ?? "(rule set)", path: `limbs.${id}` }),
      ruleAt: (i) =>
        placeOfRule.get(ruleSet.rules[i] ?? {}) ?? { pack: "(rule set)", path: `rules.${i}.conditions` },
    },
    true,
  );
  if (problems.length > 0) throw new RulePackError(problems);
}

// Every rule set this module compiled, so a caller's `rules` option can be checked before use.
const COMPILED = new WeakSet<object>();

/**
 * Whether a value is a rule set made by {@link compileRuleSet} (and so safe to evaluate).
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, isCompiledRuleSet } from "protective-orders/rule-authoring";
 * isCompiledRuleSet(DEFAULT_RULES); // true
 * isCompiledRuleSet({}); // false
 * ```
 */
export function isCompiledRuleSet(value: unknown): value is CompiledRuleSet {
  return typeof value === "object" && value !== null && COMPILED.has(value);
}

/**
 * Whether a provision with this in-force period is in force on `asOf`.
 *
 * @example
 * ```ts
 * import { lawStatusOn } from "protective-orders/rule-authoring";
 * lawStatusOn({ from: "2020-01-20" }, "2019-12-31"); // "not-yet-in-force"
 * lawStatusOn({ from: null }, "2026-11-28"); // "in-force-date-unknown"
 * ```
 */
export function lawStatusOn(period: InForcePeriod, asOf: IsoDate): LawStatus {
  if (period.noDataAfter !== undefined && asOf > period.noDataAfter) return "no-data";
  if (period.from === null) {
    return period.notBefore !== undefined && asOf < period.notBefore
      ? "not-yet-in-force"
      : "in-force-date-unknown";
  }
  if (asOf < period.from) return "not-yet-in-force";
  if (period.to !== undefined && period.to !== null && asOf > period.to) return "no-longer-in-force";
  return "in-force";
}
