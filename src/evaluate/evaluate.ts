import type { FactValue } from "../facts/fact-definition.js";
import { resolveCitation } from "../law/local-provisions.js";
import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import { type CompiledRule, type CompiledRuleSet, F, lawStatusOn, NodeKind, T, U } from "./compile.js";
import { notesKey, planFor, type RulePlan } from "./plan.js";
import type {
  ConditionCheck,
  FactCheck,
  LawStatus,
  LimbCheck,
  Outcome,
  RuleEvaluation,
  Truth,
} from "./types.js";

/**
 * The most completions of repeated unknown facts enumerated for one rule before falling back to Kleene logic.
 *
 * @example
 * ```ts
 * import { assess } from "protective-orders";
 * import { MAX_COMPLETIONS } from "protective-orders/rule-authoring";
 * MAX_COMPLETIONS; // 4096
 * // An order whose outcome needed more completions than this says so:
 * assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).orders.every((o) => o.exact); // true
 * ```
 */
export const MAX_COMPLETIONS = 4096;

/** Derived fact values for one case, indexed like the rule set's facts (`undefined` = unknown). */
export type FactValues = (FactValue | undefined)[];

/** Per-call context: derived facts, their caveats and the status of every limb and rule on `asOf`. */
export interface EvaluationContext {
  readonly asOf: IsoDate;
  readonly values: FactValues;
  readonly caveats: (string | undefined)[];
  readonly limbStatus: readonly LawStatus[];
  /** Each limb's status as evaluation needs it (see {@link LimbEffect}). */
  readonly limbEffect: Uint8Array;
  readonly ruleStatus: readonly LawStatus[];
}

/** What a limb's law status does to its condition's truth: pass it on, make it fail, or cap it at unknown. */
const LimbEffect = { PassOn: 0, Fail: 1, AtMostUnknown: 2 } as const;

function limbEffectOf(status: LawStatus): number {
  if (status === "in-force") return LimbEffect.PassOn;
  if (status === "not-yet-in-force" || status === "no-longer-in-force") return LimbEffect.Fail;
  return LimbEffect.AtMostUnknown;
}

/**
 * Derives every fact of the compiled rule set from the case facts, and the status of every limb
 * and rule on `asOf`. The facts are per call; the statuses, a function of the date alone, are shared.
 */
export function createContext(compiled: CompiledRuleSet, facts: CaseFacts, asOf: IsoDate): EvaluationContext {
  const n = compiled.facts.length;
  const values: FactValues = new Array(n);
  const caveats: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const definition = compiled.facts[i]!;
    values[i] = definition.derive(facts, asOf);
    caveats[i] = definition.caveat?.(facts, asOf);
  }
  return contextFor(compiled, asOf, values, caveats);
}

function contextFor(
  compiled: CompiledRuleSet,
  asOf: IsoDate,
  values: FactValues,
  caveats: (string | undefined)[],
): EvaluationContext {
  const statuses = statusesOn(compiled, asOf);
  return {
    asOf,
    values,
    caveats,
    limbStatus: statuses.limbs,
    limbEffect: statuses.limbEffect,
    ruleStatus: statuses.rules,
  };
}

interface Statuses {
  readonly limbs: readonly LawStatus[];
  readonly limbEffect: Uint8Array;
  readonly rules: readonly LawStatus[];
}

// The status of every limb and rule on a date depends on the rule set and the date alone: worked
// out once per date (a caseload is usually assessed as at one date), not once per case. Bounded by
// an estimate of its size: a table that would pass STATUS_CACHE_BYTES is emptied first.
const statusCache = new WeakMap<CompiledRuleSet, { bytes: number; byDate: Map<IsoDate, Statuses> }>();

/**
 * The most bytes (estimated) that the limb and rule statuses of past dates may hold, per rule set:
 * the only thing kept between assessments that depends on what was assessed.
 */
export const STATUS_CACHE_BYTES = 256 * 1024;

/** Internal, for the tests: the estimated size and the number of dates of a rule set's status cache. */
export function statusCacheSize(compiled: CompiledRuleSet): {
  readonly bytes: number;
  readonly dates: number;
} {
  const cache = statusCache.get(compiled);
  return { bytes: cache?.bytes ?? 0, dates: cache?.byDate.size ?? 0 };
}

function statusesOn(compiled: CompiledRuleSet, asOf: IsoDate): Statuses {
  let cache = statusCache.get(compiled);
  if (!cache) {
    cache = { bytes: 0, byDate: new Map() };
    statusCache.set(compiled, cache);
  }
  let statuses = cache.byDate.get(asOf);
  if (!statuses) {
    const limbs = Object.freeze(compiled.limbs.map((l) => lawStatusOn(l.limb.inForce, asOf)));
    statuses = Object.freeze({
      limbs,
      limbEffect: Uint8Array.from(limbs, limbEffectOf),
      rules: Object.freeze(compiled.rules.map((r) => lawStatusOn(r.rule.inForce, asOf))),
    });
    // Two arrays of pointers to shared strings, a byte array, their headers, the entry and its key.
    const bytes = 9 * compiled.limbs.length + 8 * compiled.rules.length + 300;
    if (cache.bytes + bytes > STATUS_CACHE_BYTES) {
      cache.byDate.clear();
      cache.bytes = 0;
    }
    cache.byDate.set(asOf, statuses);
    cache.bytes += bytes;
  }
  return statuses;
}

/** Kleene evaluation of node `i` from its children's (or its fact's) truth in `out`. */
function step(p: RulePlan, i: number, values: FactValues, limbEffect: Uint8Array, out: Uint8Array): number {
  switch (p.kind[i]) {
    case NodeKind.Fact: {
      const value = values[p.fact[i]!];
      return value === undefined ? p.whenUnknown[i]! : p.tests[i]!(value) ? T : F;
    }
    case NodeKind.All: {
      let r: number = T;
      for (let k = p.kidStart[i]!, end = p.kidEnd[i]!; k < end; k++) {
        const x = out[p.kids[k]!];
        if (x === F) return F;
        if (x === U) r = U;
      }
      return r;
    }
    case NodeKind.Any: {
      let r: number = F;
      for (let k = p.kidStart[i]!, end = p.kidEnd[i]!; k < end; k++) {
        const x = out[p.kids[k]!];
        if (x === T) return T;
        if (x === U) r = U;
      }
      return r;
    }
    case NodeKind.Not: {
      const x = out[p.kids[p.kidStart[i]!]!]!;
      return x === U ? U : 1 - x;
    }
    default: {
      const x = out[p.kids[p.kidStart[i]!]!]!;
      const effect = limbEffect[p.limb[i]!];
      if (effect === LimbEffect.PassOn) return x;
      if (effect === LimbEffect.Fail) return F;
      return x === F ? F : U;
    }
  }
}

function evaluateNodes(p: RulePlan, values: FactValues, limbEffect: Uint8Array, out: Uint8Array): void {
  for (let i = p.kind.length - 1; i >= 0; i--) out[i] = step(p, i, values, limbEffect, out);
}

/**
 * Evaluates one rule's nodes exactly: Kleene logic first, then, where the root is unknown and some
 * unknown fact is read by more than one leaf, every completion of those facts. A node is then
 * known only if every completion agrees. Returns whether the enumeration was done (exact), and
 * the plain Kleene truths when they differ from `out` (else `out` itself).
 */
function evaluateExactly(
  compiled: CompiledRuleSet,
  rule: CompiledRule,
  p: RulePlan,
  values: FactValues,
  limbEffect: Uint8Array,
  out: Uint8Array,
): { readonly exact: boolean; readonly kleene: Uint8Array } {
  evaluateNodes(p, values, limbEffect, out);
  if (out[0] !== U) return exactKleene(out);
  const unknown = unknownRepeated(rule, values);
  if (unknown === undefined) return exactKleene(out);
  const kleene = out.slice();
  const done = completeExactly(compiled, p, values, limbEffect, unknown, out, false);
  return done ? { exact: true, kleene } : { exact: false, kleene: out };
}

function exactKleene(out: Uint8Array): { readonly exact: boolean; readonly kleene: Uint8Array } {
  return { exact: true, kleene: out };
}

/** The repeated facts of a rule that are unknown in `values`, or undefined if there are none. */
function unknownRepeated(rule: CompiledRule, values: FactValues): number[] | undefined {
  let unknown: number[] | undefined;
  for (const f of rule.repeatedFacts) {
    if (values[f] !== undefined) continue;
    unknown ??= [];
    unknown.push(f);
  }
  return unknown;
}

/**
 * Given a rule's Kleene truths in `out` (root unknown), enumerates every completion of the
 * `unknown` facts and merges the truths into `out`: a node keeps a value only if every completion
 * gives it. Only the nodes that read those facts, and their ancestors, are re-evaluated; the rest
 * are the same in every completion. With `rootOnly`, stops as soon as the root cannot be known
 * (and `out` is then left partly merged: only its root is meaningful). Returns false, leaving `out`
 * as it was, when there are more than MAX_COMPLETIONS completions.
 */
function completeExactly(
  compiled: CompiledRuleSet,
  p: RulePlan,
  values: FactValues,
  limbEffect: Uint8Array,
  unknown: readonly number[],
  out: Uint8Array,
  rootOnly: boolean,
): boolean {
  let combinations = 1;
  for (const f of unknown) combinations *= Math.max(1, compiled.domains[f]!.length);
  if (combinations > MAX_COMPLETIONS) return false;
  const nodes = affectedByAll(p, unknown);
  // Worked in place, with nothing allocated: the completions are written into `values` (the
  // `unknown` facts are unknown there, and are made so again below), and each completion's truths
  // into `out` itself, since only `nodes` change between completions and the merged truths are
  // kept apart until the end.
  if (mergedScratch.length < nodes.length)
    mergedScratch = new Uint8Array(Math.max(nodes.length, 2 * mergedScratch.length));
  if (countersScratch.length < unknown.length) countersScratch = new Int32Array(unknown.length);
  const merged = mergedScratch;
  merged.fill(255, 0, nodes.length);
  const counters = countersScratch;
  counters.fill(0, 0, unknown.length);
  try {
    for (let n = 0; n < combinations; n++) {
      for (let k = 0; k < unknown.length; k++)
        values[unknown[k]!] = compiled.domains[unknown[k]!]![counters[k]!];
      for (let j = 0; j < nodes.length; j++) {
        const i = nodes[j]!;
        const x = step(p, i, values, limbEffect, out);
        out[i] = x;
        const m = merged[j];
        merged[j] = m === 255 ? x : m === x ? m : U;
      }
      // The root is the last node re-evaluated.
      if (rootOnly && merged[nodes.length - 1] === U) break;
      for (let k = 0; k < unknown.length; k++) {
        counters[k] = counters[k]! + 1;
        if (counters[k]! < compiled.domains[unknown[k]!]!.length) break;
        counters[k] = 0;
      }
    }
  } finally {
    for (const f of unknown) values[f] = undefined;
  }
  for (let j = 0; j < nodes.length; j++) out[nodes[j]!] = merged[j]!;
  return true;
}

// Working space for completeExactly, reused: evaluation is synchronous and never re-entered.
let mergedScratch = new Uint8Array(64);
let countersScratch = new Int32Array(8);

// Per rule plan, the nodes several unknown facts reach, by the facts (see affectedKey): a rule has
// few repeated facts, so few such sets, each worked out once. Bounded all the same.
const affectedCache = new WeakMap<RulePlan, Map<number | string, Int32Array>>();
const AFFECTED_CACHE_ENTRIES = 1024;

function affectedKey(facts: readonly number[]): number | string {
  if (facts.length <= 3) {
    let key = 0;
    for (const f of facts) {
      if (f >= 1023) return facts.join(",");
      key = key * 1024 + f + 1;
    }
    return key;
  }
  return facts.join(",");
}

/** The nodes that read any of `facts` and their ancestors, children before parents (descending). */
function affectedByAll(p: RulePlan, facts: readonly number[]): Int32Array {
  if (facts.length === 1) return p.affected.get(facts[0]!) ?? new Int32Array(0);
  let cache = affectedCache.get(p);
  if (!cache) {
    cache = new Map();
    affectedCache.set(p, cache);
  }
  const key = affectedKey(facts);
  const cached = cache.get(key);
  if (cached) return cached;
  const marks = new Uint8Array(p.kind.length);
  let count = 0;
  for (const f of facts) {
    const list = p.affected.get(f);
    if (list)
      for (const i of list)
        if (marks[i] === 0) {
          marks[i] = 1;
          count++;
        }
  }
  const nodes = new Int32Array(count);
  for (let i = p.kind.length - 1, j = 0; i >= 0; i--) if (marks[i] === 1) nodes[j++] = i;
  if (cache.size < AFFECTED_CACHE_ENTRIES) cache.set(key, nodes);
  return nodes;
}

function outcomeOf(lawStatus: LawStatus, root: number): Outcome {
  if (lawStatus === "not-yet-in-force" || lawStatus === "no-longer-in-force") return "not-available";
  if (root === F) return "not-available";
  if (lawStatus !== "in-force") return "needs-information";
  return root === T ? "available" : "needs-information";
}

/**
 * One rule evaluated against one case, compactly: a truth value per node of the rule's compiled
 * tree (its static skeleton), and what follows from them. The explanation tree is built from this
 * only when it is read (see {@link explainRule}).
 */
export interface RuleTruth {
  readonly ruleIndex: number;
  /** F, T or U per node (exact: merged over every completion where one was needed). */
  readonly out: Uint8Array;
  /** The plain Kleene truths (equal to `out` unless completions were enumerated). */
  readonly kleene: Uint8Array;
  readonly exact: boolean;
  readonly lawStatus: LawStatus;
  readonly outcome: Outcome;
  readonly unverified: boolean;
  /** Fact indices still unknown whose answers could change the outcome (empty unless it needs information). */
  readonly missing: readonly number[];
}

const NO_FACTS: readonly number[] = Object.freeze([]);

/** Evaluates one rule against a prepared context, without building its explanation. */
export function evaluateRuleTruth(
  compiled: CompiledRuleSet,
  ruleIndex: number,
  ctx: EvaluationContext,
): RuleTruth {
  const rule = compiled.rules[ruleIndex]!;
  const p = planFor(compiled).rules[ruleIndex]!;
  const out = new Uint8Array(p.kind.length);
  const { exact, kleene } = evaluateExactly(compiled, rule, p, ctx.values, ctx.limbEffect, out);
  const lawStatus = ctx.ruleStatus[ruleIndex]!;
  const outcome = outcomeOf(lawStatus, out[0]!);
  const needs = outcome === "needs-information";
  let unverified = false;
  let missing = NO_FACTS;
  if (needs || p.mayBeUnverified) {
    const found: number[] = [];
    unverified = walk(compiled, rule, p, ctx, out, needs ? found : undefined);
    if (found.length > 0) missing = found.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b);
  }
  return { ruleIndex, out, kleene, exact, lawStatus, outcome, unverified, missing };
}

// Per node, while walking a rule's truths in pre-order: bit 1, every node from the root down to it
// is unknown; bit 2, every node from the root down to it holds, with no "not" on the way. Reused:
// evaluation is synchronous, and it is only ever as long as the longest rule.
let pathFlags = new Uint8Array(64);

/**
 * Walks a rule's truths as the explanation reads them: a node helped decide the outcome when every
 * ancestor had the root's truth. Collects (into `missing`, when given) the unknown facts on an
 * all-unknown path, and returns whether the rule, a limb that did not fail, or a caveat on a fact
 * that decided a holding path rests on an unverified point.
 */
function walk(
  compiled: CompiledRuleSet,
  rule: CompiledRule,
  p: RulePlan,
  ctx: EvaluationContext,
  out: Uint8Array,
  missing: number[] | undefined,
): boolean {
  let unverified = rule.unverified;
  const n = p.kind.length;
  if (pathFlags.length < n) pathFlags = new Uint8Array(n);
  const flags = pathFlags;
  for (let i = 0; i < n; i++) {
    const parent = p.parent[i]!;
    let inherited = 3;
    if (parent >= 0) {
      inherited = flags[parent]!;
      if (p.kind[parent] === NodeKind.Not) inherited &= 1;
    }
    const r = out[i];
    const f = (r === U ? inherited & 1 : 0) | (r === T ? inherited & 2 : 0);
    flags[i] = f;
    const kind = p.kind[i];
    if (kind === NodeKind.Fact) {
      const fact = p.fact[i]!;
      if (f & 1 && missing !== undefined && ctx.values[fact] === undefined) missing.push(fact);
      if (f & 2 && ctx.caveats[fact] !== undefined) unverified = true;
    } else if (kind === NodeKind.Limb) {
      if (r !== F && compiled.limbs[p.limb[i]!]!.unverified) unverified = true;
    }
  }
  return unverified;
}

/**
 * Whether giving one unknown fact one value settles a rule (its outcome no longer "needs
 * information"). Re-evaluates only the nodes that read the fact and their ancestors, from the
 * rule's Kleene truths; completions are enumerated only where Kleene logic leaves the root
 * unknown and another repeated fact is still unknown. `values` is the case's, changed for the
 * call and restored.
 */
export function settlesWith(
  compiled: CompiledRuleSet,
  truth: RuleTruth,
  ctx: EvaluationContext,
  fact: number,
  value: FactValue,
  scratch: Uint8Array,
): boolean {
  const rule = compiled.rules[truth.ruleIndex]!;
  const p = planFor(compiled).rules[truth.ruleIndex]!;
  const affected = p.affected.get(fact);
  const values = ctx.values;
  const before = values[fact];
  values[fact] = value;
  try {
    // `scratch` is as long as the longest rule; only this rule's nodes are read.
    const work = scratch;
    work.set(truth.kleene);
    if (affected) for (const i of affected) work[i] = step(p, i, values, ctx.limbEffect, work);
    if (work[0] === U) {
      const unknown = unknownRepeated(rule, values);
      if (unknown !== undefined) completeExactly(compiled, p, values, ctx.limbEffect, unknown, work, true);
    }
    const root = work[0]!;
    return outcomeOf(truth.lawStatus, root) !== "needs-information";
  } finally {
    values[fact] = before;
  }
}

const TRUTH: readonly Truth[] = ["fails", "holds", "unknown"];

/** What the `conditions` getter of one explanation needs: the rule's truths, and the tree once built. */
interface LazyTree {
  readonly compiled: CompiledRuleSet;
  readonly truth: RuleTruth;
  readonly ctx: EvaluationContext;
  tree: ConditionCheck | undefined;
}

// Attaches a LazyTree to an explanation as a private field, invisible to Object.keys, spreading,
// JSON.stringify and structuredClone: a base class whose constructor returns the object it is given
// lets a subclass's private field be installed on any object (here, a plain object literal).
class ReturnsItsArgument {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point (see above)
    return target;
  }
}
class WithLazyTree extends ReturnsItsArgument {
  readonly #lazy: LazyTree;
  constructor(target: object, lazy: LazyTree) {
    super(target);
    this.#lazy = lazy;
  }
  static conditionsOf(target: object): ConditionCheck {
    const lazy = (target as WithLazyTree).#lazy;
    lazy.tree ??= buildTree(
      lazy.compiled,
      lazy.compiled.rules[lazy.truth.ruleIndex]!,
      lazy.truth.out,
      lazy.ctx,
    );
    return lazy.tree;
  }
}

// One getter shared by every explanation. Why not a getter in the object literal: each literal's
// getter is a new function, which V8 installs in its runtime (about 1 µs an order, measured),
// while one shared accessor is installed through a cached transition (about a quarter of that).
const CONDITIONS_PROPERTY: PropertyDescriptor = Object.freeze({
  get(this: object): ConditionCheck {
    return WithLazyTree.conditionsOf(this);
  },
  enumerable: true,
  configurable: true,
});

/**
 * The explanation of one evaluated rule: the outcome, the tree of named limbs with citations, the
 * facts still missing, and whether anything rests on an unverified point. Plain JSON; the tree
 * (`conditions`, an own enumerable getter) is built the first time it is read, from the rule's
 * compiled skeleton and the case's truths, so that a caller who reads only outcomes does not pay for it.
 */
export function explainRule(
  compiled: CompiledRuleSet,
  truth: RuleTruth,
  ctx: EvaluationContext,
): RuleEvaluation {
  const rule = compiled.rules[truth.ruleIndex]!;
  const notes = planFor(compiled).rules[truth.ruleIndex]!.notes.get(notesKey(truth.lawStatus, truth.exact))!;
  const missingFacts = truth.missing.map((f) => compiled.facts[f]!.id);
  const evaluation = {
    rule: rule.rule.name,
    order: rule.rule.event.params.order,
    label: rule.rule.label,
    outcome: truth.outcome,
    lawStatus: truth.lawStatus,
    citation: rule.citation,
    unverified: truth.unverified,
    missingFacts,
    exact: truth.exact,
    notes,
  };
  Object.defineProperty(evaluation, "conditions", CONDITIONS_PROPERTY);
  new WithLazyTree(evaluation, { compiled, truth, ctx, tree: undefined });
  return evaluation as typeof evaluation & { readonly conditions: ConditionCheck };
}

function buildTree(
  compiled: CompiledRuleSet,
  rule: CompiledRule,
  out: Uint8Array,
  ctx: EvaluationContext,
): ConditionCheck {
  const build = (i: number): ConditionCheck => {
    const node = rule.nodes[i]!;
    const r = out[i]!;
    const result = TRUTH[r]!;
    switch (node.kind) {
      case NodeKind.Fact: {
        const value = ctx.values[node.fact];
        const definition = compiled.facts[node.fact]!;
        const caveatId = ctx.caveats[node.fact];
        const check: { -readonly [K in keyof FactCheck]: FactCheck[K] } = {
          type: "fact",
          fact: definition.id,
          label: definition.label,
          operator: node.operator,
          expected: node.expected!,
          known: value !== undefined,
          result,
        };
        if (value !== undefined) check.actual = value;
        if (caveatId !== undefined && r === T)
          check.caveat = resolveCitation(compiled.ruleSet.citations, caveatId);
        return check;
      }
      case NodeKind.Limb: {
        const limb = compiled.limbs[node.limb]!;
        const check: { -readonly [K in keyof LimbCheck]: LimbCheck[K] } = {
          type: "limb",
          id: limb.limb.id,
          label: limb.limb.label,
          statute: limb.limb.statute,
          citation: limb.citation,
          lawStatus: ctx.limbStatus[node.limb]!,
          unverified: limb.unverified,
          result,
          condition: build(node.children[0]!),
        };
        if (limb.limb.note !== undefined) check.note = limb.limb.note;
        return check;
      }
      default:
        return {
          type: node.kind === NodeKind.All ? "all" : node.kind === NodeKind.Any ? "any" : "not",
          result,
          conditions: node.children.map(build),
        };
    }
  };
  return build(0);
}

/**
 * The most specific named limbs that fail, as reasons: failing limbs are followed down through
 * "all of" groups (each failing part is its own reason) but not into "any of" groups, where every
 * alternative fails and the limb itself is the clearer reason. At most four.
 */
export function failingLimbs(compiled: CompiledRuleSet, truth: RuleTruth): string[] {
  const rule = compiled.rules[truth.ruleIndex]!;
  const plan = planFor(compiled).rules[truth.ruleIndex]!;
  const out = truth.out;
  const found: string[] = [];
  const visit = (i: number, enclosing: string | undefined): void => {
    if (out[i] !== F) return;
    const node = rule.nodes[i]!;
    if (node.kind === NodeKind.Limb) {
      const label = plan.failLabel[i]!;
      const before = found.length;
      visit(node.children[0]!, label);
      if (found.length === before && !found.includes(label)) found.push(label);
    } else if (node.kind === NodeKind.All) {
      for (const c of node.children) visit(c, enclosing);
    } else if (node.kind !== NodeKind.Fact && enclosing === undefined) {
      for (const c of node.children) visit(c, enclosing);
    }
  };
  visit(0, undefined);
  return found.slice(0, 4).map((label) => `${label} is not met`);
}

/** Freezes a plain JSON-like value and everything inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/**
 * Evaluates every rule against derived fact values given directly (fact id → value; a fact left
 * out is unknown), bypassing the case facts. For testing rule files, and for systems that
 * compute the derived facts themselves.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULES, evaluateDerivedFacts } from "protective-orders/rule-authoring";
 * const results = evaluateDerivedFacts(DEFAULT_RULES, { "case.jurisdiction": "scotland" }, "2025-01-01");
 * results.find((r) => r.rule === "spo")?.outcome; // "not-available"
 * ```
 */
export function evaluateDerivedFacts(
  compiled: CompiledRuleSet,
  derived: Readonly<Record<string, FactValue>>,
  asOf: IsoDate,
): RuleEvaluation[] {
  const values: FactValues = compiled.facts.map((f) =>
    Object.hasOwn(derived, f.id) ? derived[f.id] : undefined,
  );
  const caveats = new Array<string | undefined>(compiled.facts.length).fill(undefined);
  const ctx = contextFor(compiled, asOf, values, caveats);
  return compiled.rules.map((_, i) => explainRule(compiled, evaluateRuleTruth(compiled, i, ctx), ctx));
}
