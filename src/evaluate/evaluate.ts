import type { FactValue } from "../facts/fact-definition.js";
import { citationFor } from "../law/registry.js";
import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import {
  type CompiledRule,
  type CompiledRuleSet,
  F,
  lawStatusOn,
  MEMO_LIMIT,
  NodeKind,
  T,
  U,
} from "./compile.js";
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

/** Per-call context: derived facts, their caveats and the status of every limb on `asOf`. */
export interface EvaluationContext {
  readonly asOf: IsoDate;
  readonly values: FactValues;
  /** Each fact's value and caveat as memo-key text (see {@link encodeValue}). */
  readonly encoded: readonly string[];
  readonly caveats: (string | undefined)[];
  readonly limbStatus: readonly LawStatus[];
}

/**
 * Derives every fact of the compiled rule set from the case facts, and the status of every limb on
 * `asOf`. The facts are per call; the limb statuses, a function of the date alone, are shared.
 */
export function createContext(compiled: CompiledRuleSet, facts: CaseFacts, asOf: IsoDate): EvaluationContext {
  const values: FactValues = new Array(compiled.facts.length);
  const caveats: (string | undefined)[] = new Array(compiled.facts.length);
  for (let i = 0; i < compiled.facts.length; i++) {
    const definition = compiled.facts[i]!;
    values[i] = definition.derive(facts, asOf);
    caveats[i] = definition.caveat?.(facts, asOf);
  }
  return {
    asOf,
    values,
    caveats,
    limbStatus: limbStatusOn(compiled, asOf),
    encoded: encodeAll(values, caveats),
  };
}

// For each rule set, and each of its facts, a small number for each value the fact has taken:
// numbers for factsKey. Bounded: a fact with too many distinct values falls back to the long key.
const factValueCodes = new WeakMap<CompiledRuleSet, Map<FactValue, number>[]>();
const MAX_VALUE_CODE = 0xd000; // below the UTF-16 surrogates, so each code is one ordinary char

/**
 * A short text that is equal for two contexts of the same rule set (and the same `lead`) exactly
 * when every fact has the same value and caveat in both: one character per fact (booleans and
 * unknown have fixed codes, other values are numbered as first seen), then any caveats in full.
 * `lead`, a number below 0xD000, is written first: callers use it for what else the key depends on.
 * It is what the assessment memo is keyed on, and far shorter than the facts' memo-key texts
 * joined, so cheaper to hash and compare; it is made in one piece (one flat string). Falls back to
 * those texts joined if a fact has taken very many distinct values.
 */
export function factsKey(compiled: CompiledRuleSet, ctx: EvaluationContext, lead = 0): string {
  let tables = factValueCodes.get(compiled);
  if (!tables) {
    tables = compiled.facts.map(() => new Map<FactValue, number>());
    factValueCodes.set(compiled, tables);
  }
  // "\u0002" first: never equal to the long form, which starts "\u0001".
  const codes = new Array<number>(ctx.values.length + 2);
  codes[0] = 2;
  codes[1] = lead;
  let caveatText = "";
  for (let i = 0; i < ctx.values.length; i++) {
    const value = ctx.values[i];
    let code: number | undefined;
    if (value === undefined) code = 1;
    else if (value === true) code = 2;
    else if (value === false) code = 3;
    else {
      const table = tables[i]!;
      code = table.get(value);
      if (code === undefined) {
        if (table.size + 4 >= MAX_VALUE_CODE)
          return `\u0001${String.fromCharCode(lead)}\u0001${ctx.encoded.join("\u0001")}`;
        code = table.size + 4;
        table.set(value, code);
      }
    }
    codes[i + 2] = code;
    const caveat = ctx.caveats[i];
    if (caveat !== undefined) caveatText += `\u0003${i}:${caveat}`;
  }
  const key = String.fromCharCode(...codes);
  return caveatText === "" ? key : key + caveatText;
}

// The status of every limb on a date depends on the rule set and the date alone: worked out once
// per date (a caseload is usually assessed as at one date), not once per case.
const limbStatusCache = new WeakMap<CompiledRuleSet, Map<IsoDate, readonly LawStatus[]>>();

function limbStatusOn(compiled: CompiledRuleSet, asOf: IsoDate): readonly LawStatus[] {
  let byDate = limbStatusCache.get(compiled);
  if (!byDate) {
    byDate = new Map();
    limbStatusCache.set(compiled, byDate);
  }
  let statuses = byDate.get(asOf);
  if (!statuses) {
    statuses = Object.freeze(compiled.limbs.map((l) => lawStatusOn(l.limb.inForce, asOf)));
    if (byDate.size >= 64) byDate.clear();
    byDate.set(asOf, statuses);
  }
  return statuses;
}

function encodeAll(values: FactValues, caveats: readonly (string | undefined)[]): string[] {
  const encoded = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const caveat = caveats[i];
    encoded[i] = caveat === undefined ? encodeValue(values[i]) : `${encodeValue(values[i])}!${caveat}`;
  }
  return encoded;
}

function ruleKey(rule: CompiledRule, ctx: EvaluationContext): string {
  let key = ctx.asOf;
  for (const f of rule.factsRead) key += `\u0001${ctx.encoded[f]}`;
  return key;
}

function evaluateNodes(
  rule: CompiledRule,
  values: FactValues,
  limbStatus: readonly LawStatus[],
  out: Uint8Array,
): void {
  const nodes = rule.nodes;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    switch (node.kind) {
      case NodeKind.Fact: {
        const value = values[node.fact];
        out[i] = value === undefined ? rule.whenUnknown[i]! : node.test!(value) ? T : F;
        break;
      }
      case NodeKind.All: {
        let r: number = T;
        for (const c of node.children) {
          const x = out[c];
          if (x === F) {
            r = F;
            break;
          }
          if (x === U) r = U;
        }
        out[i] = r;
        break;
      }
      case NodeKind.Any: {
        let r: number = F;
        for (const c of node.children) {
          const x = out[c];
          if (x === T) {
            r = T;
            break;
          }
          if (x === U) r = U;
        }
        out[i] = r;
        break;
      }
      case NodeKind.Not: {
        const x = out[node.children[0]!]!;
        out[i] = x === U ? U : 1 - x;
        break;
      }
      default: {
        const status = limbStatus[node.limb];
        const x = out[node.children[0]!]!;
        if (status === "in-force") out[i] = x;
        else if (status === "not-yet-in-force" || status === "no-longer-in-force") out[i] = F;
        else out[i] = x === F ? F : U;
      }
    }
  }
}

/**
 * Evaluates one rule's nodes exactly: Kleene logic first, then, where the root is unknown and some
 * unknown fact is read by more than one leaf, every completion of those facts. A node is then
 * known only if every completion agrees. Returns whether the enumeration was done (exact).
 */
function evaluateExactly(
  compiled: CompiledRuleSet,
  rule: CompiledRule,
  ctx: EvaluationContext,
  out: Uint8Array,
): boolean {
  evaluateNodes(rule, ctx.values, ctx.limbStatus, out);
  if (out[0] !== U) return true;
  const unknown = rule.repeatedFacts.filter((f) => ctx.values[f] === undefined);
  if (unknown.length === 0) return true;
  let combinations = 1;
  for (const f of unknown) combinations *= Math.max(1, compiled.domains[f]!.length);
  if (combinations > MAX_COMPLETIONS) return false;
  const values = ctx.values.slice();
  const scratch = new Uint8Array(out.length);
  const merged = new Uint8Array(out.length).fill(255);
  const counters = new Array<number>(unknown.length).fill(0);
  for (let n = 0; n < combinations; n++) {
    for (let k = 0; k < unknown.length; k++)
      values[unknown[k]!] = compiled.domains[unknown[k]!]![counters[k]!];
    evaluateNodes(rule, values, ctx.limbStatus, scratch);
    for (let i = 0; i < out.length; i++) {
      const m = merged[i];
      merged[i] = m === 255 ? scratch[i]! : m === scratch[i] ? m! : U;
    }
    for (let k = 0; k < unknown.length; k++) {
      counters[k] = counters[k]! + 1;
      if (counters[k]! < compiled.domains[unknown[k]!]!.length) break;
      counters[k] = 0;
    }
  }
  out.set(merged);
  return true;
}

function outcomeOf(lawStatus: LawStatus, root: number): Outcome {
  if (lawStatus === "not-yet-in-force" || lawStatus === "no-longer-in-force") return "not-available";
  if (root === F) return "not-available";
  if (lawStatus !== "in-force") return "needs-information";
  return root === T ? "available" : "needs-information";
}

/**
 * The outcome of one rule only, without building an explanation: used to find which unknown facts
 * would settle an outcome.
 */
export function evaluateOutcome(
  compiled: CompiledRuleSet,
  ruleIndex: number,
  ctx: EvaluationContext,
): Outcome {
  const rule = compiled.rules[ruleIndex]!;
  const key = ruleKey(rule, ctx);
  const table = compiled.memo.outcomes[ruleIndex]!;
  const hit = table.get(key) as Outcome | undefined;
  if (hit) return hit;
  const out = new Uint8Array(rule.nodes.length);
  evaluateExactly(compiled, rule, ctx, out);
  const outcome = outcomeOf(lawStatusOn(rule.rule.inForce, ctx.asOf), out[0]!);
  if (table.size >= MEMO_LIMIT) table.clear();
  table.set(key, outcome);
  return outcome;
}

/**
 * The context with one fact set to a value: for asking what an answer would settle.
 */
export function withFact(ctx: EvaluationContext, fact: number, value: FactValue): EvaluationContext {
  const values = ctx.values.slice();
  values[fact] = value;
  const encoded = ctx.encoded.slice();
  encoded[fact] = encodeValue(value);
  return { ...ctx, values, encoded };
}

const TRUTH: readonly Truth[] = ["fails", "holds", "unknown"];

const LAW_STATUS_NOTES: Partial<Record<LawStatus, string>> = {
  "not-yet-in-force": "Not yet in force on the assessment date.",
  "no-longer-in-force": "No longer in force on the assessment date.",
  "in-force-date-unknown":
    "Enacted, but not known to be in force: check its commencement before relying on it.",
  "no-data": "The law digest has no data for the assessment date: check whether this law is in force then.",
};

/**
 * Evaluates one rule against a prepared context and explains it: the outcome, the tree of named
 * limbs with citations, the facts still missing, and whether anything rests on an unverified point.
 */
export function evaluateRule(
  compiled: CompiledRuleSet,
  ruleIndex: number,
  ctx: EvaluationContext,
): RuleEvaluation {
  const rule = compiled.rules[ruleIndex]!;
  // The explanation depends only on the values (and caveats) of the facts this rule reads and on
  // the date: memoise on exactly those.
  const key = ruleKey(rule, ctx);
  const table = compiled.memo.rules[ruleIndex]!;
  const hit = table.get(key) as RuleEvaluation | undefined;
  if (hit) return hit;
  const evaluation = deepFreeze(evaluateRuleUncached(compiled, rule, ctx));
  if (table.size >= MEMO_LIMIT) table.clear();
  table.set(key, evaluation);
  return evaluation;
}

/** A fact value as text for memo keys: distinct values give distinct text. */
export function encodeValue(value: FactValue | undefined): string {
  if (value === undefined) return "~";
  if (value === true) return "T";
  if (value === false) return "F";
  return typeof value === "number" ? `#${value}` : `'${value}`;
}

/** Freezes a plain JSON-like value and everything inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) deepFreeze(record[key]);
  }
  return Object.freeze(value);
}

function evaluateRuleUncached(
  compiled: CompiledRuleSet,
  rule: CompiledRule,
  ctx: EvaluationContext,
): RuleEvaluation {
  const out = new Uint8Array(rule.nodes.length);
  const exact = evaluateExactly(compiled, rule, ctx, out);
  const lawStatus = lawStatusOn(rule.rule.inForce, ctx.asOf);
  const outcome = outcomeOf(lawStatus, out[0]!);
  const missing = new Set<number>();
  let unverified = rule.unverified;

  // onPath: every ancestor had the same truth as the root, so this node helped decide the outcome.
  const build = (i: number, unknownPath: boolean, holdsPath: boolean): ConditionCheck => {
    const node = rule.nodes[i]!;
    const r = out[i]!;
    const result = TRUTH[r]!;
    const stillUnknown = unknownPath && r === U;
    const stillHolds = holdsPath && r === T;
    switch (node.kind) {
      case NodeKind.Fact: {
        const value = ctx.values[node.fact];
        const definition = compiled.facts[node.fact]!;
        if (stillUnknown && value === undefined) missing.add(node.fact);
        const caveatId = ctx.caveats[node.fact];
        const caveat = caveatId !== undefined && r === T ? citationFor(caveatId) : undefined;
        if (caveat && stillHolds) unverified = true;
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
        if (caveat) check.caveat = caveat;
        return check;
      }
      case NodeKind.Limb: {
        const limb = compiled.limbs[node.limb]!;
        if (limb.unverified && r !== F) unverified = true;
        const limbStatus = ctx.limbStatus[node.limb]!;
        const check: { -readonly [K in keyof LimbCheck]: LimbCheck[K] } = {
          type: "limb",
          id: limb.limb.id,
          label: limb.limb.label,
          statute: limb.limb.statute,
          citation: limb.citation,
          lawStatus: limbStatus,
          unverified: limb.unverified,
          result,
          condition: build(node.children[0]!, stillUnknown, stillHolds),
        };
        if (limb.limb.note !== undefined) check.note = limb.limb.note;
        return check;
      }
      default:
        return {
          type: node.kind === NodeKind.All ? "all" : node.kind === NodeKind.Any ? "any" : "not",
          result,
          conditions: node.children.map((c) =>
            build(c, stillUnknown, node.kind === NodeKind.Not ? false : stillHolds),
          ),
        };
    }
  };
  const conditions = build(0, true, true);
  const notes: string[] = [];
  const statusNote = LAW_STATUS_NOTES[lawStatus];
  if (statusNote) notes.push(statusNote);
  if (rule.rule.note) notes.push(rule.rule.note);
  if (!exact)
    notes.push(
      "Too many unknown facts to settle exactly: the outcome may be reported as needing information when it is not.",
    );
  return {
    rule: rule.rule.name,
    order: rule.rule.event.params.order,
    label: rule.rule.label,
    outcome,
    lawStatus,
    citation: rule.citation,
    unverified,
    missingFacts:
      outcome === "needs-information"
        ? [...missing].sort((a, b) => a - b).map((f) => compiled.facts[f]!.id)
        : [],
    exact,
    notes,
    conditions,
  };
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
  const ctx: EvaluationContext = {
    asOf,
    values,
    caveats,
    limbStatus: compiled.limbs.map((l) => lawStatusOn(l.limb.inForce, asOf)),
    encoded: encodeAll(values, caveats),
  };
  return compiled.rules.map((_, i) => evaluateRule(compiled, i, ctx));
}
