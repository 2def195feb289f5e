import type { FactValue } from "../facts/fact-definition.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import { type CompiledRuleSet, NodeKind } from "./compile.js";
import type { LawStatus } from "./types.js";

// The parts of every explanation and recommendation that do not depend on the case, worked out
// once per compiled rule set (on its first use) and frozen once, so that an assessment only has to
// add what the case decides: a truth value per node, the facts still missing, and which answers
// would settle an outcome.

/**
 * What a rule's explanation says whatever the case: per node, and for the rule as a whole; and the
 * rule's tree as flat typed arrays (pre-order, children after their parent), for evaluation.
 */
export interface RulePlan {
  readonly kind: Uint8Array;
  /** For a fact leaf, the fact's index; else -1. */
  readonly fact: Int32Array;
  /** For a limb node, the limb's index; else -1. */
  readonly limb: Int32Array;
  /** A node's children are kids[kidStart[i]] … kids[kidEnd[i] - 1]. */
  readonly kidStart: Int32Array;
  readonly kidEnd: Int32Array;
  readonly kids: Int32Array;
  /** For a fact leaf, its test; else undefined. */
  readonly tests: readonly (((value: FactValue) => boolean) | undefined)[];
  /** For a fact leaf, its truth when the fact is unknown (see CompiledRule.whenUnknown). */
  readonly whenUnknown: Uint8Array;
  /** Each node's parent (-1 for the root). */
  readonly parent: Int32Array;
  /**
   * For each fact the rule reads: the nodes whose truth can change when that fact's value does
   * (the leaves reading it and their ancestors), children before parents (descending index).
   */
  readonly affected: ReadonlyMap<number, Int32Array>;
  /** For a limb node: the limb's label as a failing reason ("it appears … (citation)"); else "". */
  readonly failLabel: readonly string[];
  /** The notes of an evaluation, by law status and whether it was exact (see notesFor). */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  /** Whether any limb of the rule is unverified or any fact leaf can carry a caveat. */
  readonly mayBeUnverified: boolean;
}

/** What the rule set's explanations and questions say whatever the case. */
export interface Plan {
  readonly rules: readonly RulePlan[];
  /** Each fact's question citation, resolved once. */
  readonly factCitations: readonly Citation[];
  /** Rule indices by recommendation rank (ties in rule order): the order of `orders`. */
  readonly byRank: readonly number[];
  /** The number of nodes of the rule set's longest rule. */
  readonly longestRule: number;
}

const LAW_STATUSES: readonly LawStatus[] = [
  "in-force",
  "not-yet-in-force",
  "no-longer-in-force",
  "in-force-date-unknown",
  "no-data",
];

const LAW_STATUS_NOTES: Partial<Record<LawStatus, string>> = {
  "not-yet-in-force": "Not yet in force on the assessment date.",
  "no-longer-in-force": "No longer in force on the assessment date.",
  "in-force-date-unknown":
    "Enacted, but not known to be in force: check its commencement before relying on it.",
  "no-data": "The law digest has no data for the assessment date: check whether this law is in force then.",
};

const INEXACT_NOTE =
  "Too many unknown facts to settle exactly: the outcome may be reported as needing information when it is not.";

// One plan per compiled rule set, kept as long as the rule set is (a WeakMap: nothing here grows
// with the cases assessed).
const PLANS = new WeakMap<CompiledRuleSet, Plan>();

// The last rule set asked about and its plan: asked for several times in every assessment, almost
// always of the same rule set, and an identity check is cheaper than a WeakMap lookup.
let lastCompiled: CompiledRuleSet | undefined;
let lastPlan: Plan | undefined;

/** The plan of a compiled rule set, made on first use. */
export function planFor(compiled: CompiledRuleSet): Plan {
  if (compiled === lastCompiled) return lastPlan!;
  let plan = PLANS.get(compiled);
  if (!plan) {
    plan = makePlan(compiled);
    PLANS.set(compiled, plan);
  }
  lastCompiled = compiled;
  lastPlan = plan;
  return plan;
}

/** The key of {@link RulePlan.notes}. */
export function notesKey(lawStatus: LawStatus, exact: boolean): string {
  return exact ? lawStatus : `${lawStatus}!`;
}

function makePlan(compiled: CompiledRuleSet): Plan {
  const rules = compiled.rules.map((rule): RulePlan => {
    const n = rule.nodes.length;
    const parent = new Int32Array(n).fill(-1);
    rule.nodes.forEach((node, i) => {
      for (const c of node.children) parent[c] = i;
    });
    const affectedSets = new Map<number, Set<number>>();
    let mayBeUnverified = rule.unverified;
    const failLabel = rule.nodes.map((node, i) => {
      if (node.kind === NodeKind.Fact) {
        // Shared by every explanation that shows it.
        freezeDeep(node.expected);
        let set = affectedSets.get(node.fact);
        if (!set) {
          set = new Set();
          affectedSets.set(node.fact, set);
        }
        for (let k = i; k >= 0; k = parent[k]!) set.add(k);
        if (compiled.facts[node.fact]!.caveat) mayBeUnverified = true;
        return "";
      }
      if (node.kind !== NodeKind.Limb) return "";
      const limb = compiled.limbs[node.limb]!;
      if (limb.unverified) mayBeUnverified = true;
      const label = limb.limb.label;
      return `${label.charAt(0).toLowerCase()}${label.slice(1)} (${limb.citation.title})`;
    });
    const affected = new Map<number, Int32Array>();
    for (const [fact, set] of affectedSets)
      affected.set(fact, Int32Array.from([...set].sort((a, b) => b - a)));
    const notes = new Map<string, readonly string[]>();
    for (const status of LAW_STATUSES) {
      for (const exact of [true, false]) {
        const list: string[] = [];
        const statusNote = LAW_STATUS_NOTES[status];
        if (statusNote) list.push(statusNote);
        if (rule.rule.note) list.push(rule.rule.note);
        if (!exact) list.push(INEXACT_NOTE);
        notes.set(notesKey(status, exact), Object.freeze(list));
      }
    }
    const kind = Uint8Array.from(rule.nodes, (node) => node.kind);
    const fact = Int32Array.from(rule.nodes, (node) => (node.kind === NodeKind.Fact ? node.fact : -1));
    const limbOf = Int32Array.from(rule.nodes, (node) => (node.kind === NodeKind.Limb ? node.limb : -1));
    const kidStart = new Int32Array(n);
    const kidEnd = new Int32Array(n);
    const kids: number[] = [];
    rule.nodes.forEach((node, i) => {
      kidStart[i] = kids.length;
      kids.push(...node.children);
      kidEnd[i] = kids.length;
    });
    return {
      kind,
      fact,
      limb: limbOf,
      kidStart,
      kidEnd,
      kids: Int32Array.from(kids),
      tests: rule.nodes.map((node) => node.test),
      whenUnknown: rule.whenUnknown,
      parent,
      affected,
      failLabel,
      notes,
      mayBeUnverified,
    };
  });
  const byRank = compiled.rules
    .map((r, i) => ({ rank: r.rule.recommendation.rank, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.i);
  return {
    rules,
    factCitations: compiled.facts.map((f) => citationFor(f.citation)),
    byRank,
    longestRule: Math.max(0, ...compiled.rules.map((r) => r.nodes.length)),
  };
}

/** Freezes a plain JSON-like value and everything inside it, so that results can share it; returns it. */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
