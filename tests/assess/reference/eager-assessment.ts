// The eager implementation of `assess` as it was before issue 14 (kept for the tests only, as an
// oracle): every rule's explanation tree built and deep-frozen at once, questions ranked by
// re-evaluating whole rules for every possible answer, no memo. It shares with the library only
// what is not being tested here: the compiled rule set, the derived facts (the context) and the
// notices, so it follows every change to the law while holding the fast path to the same output.
// tests/assess/reference.test.ts compares JSON.stringify of the two on generated caseloads.
import type {
  Assessment,
  Notice,
  Question,
  Recommendation,
  RecommendedOrder,
} from "../../../src/assess/assessment.js";
import {
  type CompiledRule,
  type CompiledRuleSet,
  F,
  lawStatusOn,
  NodeKind,
  T,
  U,
} from "../../../src/evaluate/compile.js";
import {
  deepFreeze,
  type EvaluationContext,
  type FactValues,
  MAX_COMPLETIONS,
} from "../../../src/evaluate/evaluate.js";
import type {
  ConditionCheck,
  FactCheck,
  LawStatus,
  LimbCheck,
  Outcome,
  RuleEvaluation,
  Truth,
} from "../../../src/evaluate/types.js";
import type { FactValue } from "../../../src/facts/fact-definition.js";
import { citationFor } from "../../../src/law/registry.js";
import type { IsoDate } from "../../../src/model/iso-date.js";

type AssessmentBody = Omit<Assessment, "caseId" | "asOf">;

/** The eager assessment: an AssessmentBuilder (see safeAssessWith). */
export function eagerAssessment(
  caseId: string,
  asOf: IsoDate,
  rules: CompiledRuleSet,
  ctx: EvaluationContext,
  notices: () => readonly Notice[],
): Assessment {
  const body = deepFreeze(assessBody(rules, ctx, notices()));
  return {
    caseId,
    asOf,
    orders: body.orders,
    recommendation: body.recommendation,
    questions: body.questions,
    missingFacts: body.missingFacts,
    notices: body.notices,
    exact: body.exact,
  };
}

/** Every rule evaluated and explained eagerly (as evaluateDerivedFacts did). */
export function eagerEvaluations(rules: CompiledRuleSet, ctx: EvaluationContext): RuleEvaluation[] {
  return rules.rules.map((rule) => deepFreeze(evaluateRuleUncached(rules, rule, ctx)));
}

function evaluateOutcome(compiled: CompiledRuleSet, ruleIndex: number, ctx: EvaluationContext): Outcome {
  const rule = compiled.rules[ruleIndex]!;
  const out = new Uint8Array(rule.nodes.length);
  evaluateExactly(compiled, rule, ctx, out);
  return outcomeOf(lawStatusOn(rule.rule.inForce, ctx.asOf), out[0]!);
}

function withFact(ctx: EvaluationContext, fact: number, value: FactValue): EvaluationContext {
  const values = ctx.values.slice();
  values[fact] = value;
  return { ...ctx, values };
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

const TRUTH: readonly Truth[] = ["fails", "holds", "unknown"];

const LAW_STATUS_NOTES: Partial<Record<LawStatus, string>> = {
  "not-yet-in-force": "Not yet in force on the assessment date.",
  "no-longer-in-force": "No longer in force on the assessment date.",
  "in-force-date-unknown":
    "Enacted, but not known to be in force: check its commencement before relying on it.",
  "no-data": "The law digest has no data for the assessment date: check whether this law is in force then.",
};

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

function assessBody(
  rules: CompiledRuleSet,
  ctx: EvaluationContext,
  notices: readonly Notice[],
): AssessmentBody {
  const evaluations = rules.rules.map((rule) => evaluateRuleUncached(rules, rule, ctx));
  const questions = rankQuestions(rules, ctx, evaluations);
  const missing = new Set<string>();
  for (const e of evaluations) for (const f of e.missingFacts) missing.add(f);
  const factOrder = new Map(rules.facts.map((f, i) => [f.id, i]));
  const orders = evaluations
    .map((e, i) => ({ e, rank: rules.rules[i]!.rule.recommendation.rank, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.e);
  return {
    orders,
    recommendation: recommend(rules, evaluations),
    questions,
    missingFacts: [...missing].sort((a, b) => (factOrder.get(a) ?? 0) - (factOrder.get(b) ?? 0)),
    notices,
    exact: evaluations.every((e) => e.exact),
  };
}

/**
 * For every unknown fact that some needs-information order is waiting on: the orders one of its
 * possible answers would settle. Those settling the highest-ranked order first, then the most
 * decisive (settling the most orders).
 */
function rankQuestions(
  rules: CompiledRuleSet,
  ctx: EvaluationContext,
  evaluations: readonly RuleEvaluation[],
): Question[] {
  const factIndex = new Map(rules.facts.map((f, i) => [f.id, i]));
  const waiting = new Map<number, number[]>();
  evaluations.forEach((e, ruleIndex) => {
    for (const fact of e.missingFacts) {
      const fi = factIndex.get(fact)!;
      waiting.set(fi, [...(waiting.get(fi) ?? []), ruleIndex]);
    }
  });
  const rankOrder = rules.rules
    .map((rule, i) => ({ name: rule.rule.name, rank: rule.rule.recommendation.rank, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.name);
  const bestRank = (settles: readonly string[]) =>
    settles.length === 0 ? rankOrder.length : Math.min(...settles.map((name) => rankOrder.indexOf(name)));
  const scored = [...waiting.entries()].map(([fi, ruleIndexes]) => {
    const settles: string[] = [];
    const settings = rules.domains[fi]!.map((value) => withFact(ctx, fi, value));
    for (const ruleIndex of ruleIndexes) {
      const settled = settings.some(
        (setting) => evaluateOutcome(rules, ruleIndex, setting) !== "needs-information",
      );
      if (settled) settles.push(rules.rules[ruleIndex]!.rule.name);
    }
    return { fi, settles, best: bestRank(settles), waiting: ruleIndexes.length };
  });
  // The highest-ranked order a question settles comes first (SPO first, issue 31), then the count.
  scored.sort(
    (a, b) => a.best - b.best || b.settles.length - a.settles.length || b.waiting - a.waiting || a.fi - b.fi,
  );
  // Two facts can share one question (the suspect's age decides both 16+ and 18+): ask it once,
  // where the more decisive of them would put it.
  const byQuestion = new Map<string, { fi: number; settles: Set<string> }>();
  for (const { fi, settles } of scored) {
    const question = rules.facts[fi]!.question;
    const entry = byQuestion.get(question);
    if (entry) for (const s of settles) entry.settles.add(s);
    else byQuestion.set(question, { fi, settles: new Set(settles) });
  }
  return [...byQuestion.entries()].map(([question, { fi, settles }]) => {
    const definition = rules.facts[fi]!;
    return {
      fact: definition.id,
      question,
      settles: [...settles],
      citation: citationFor(definition.citation),
    };
  });
}

function recommend(rules: CompiledRuleSet, evaluations: readonly RuleEvaluation[]): Recommendation {
  const entries = evaluations.map((evaluation, i) => ({ evaluation, rule: rules.rules[i]!.rule }));
  const toEntry = (x: (typeof entries)[number]): RecommendedOrder => ({
    rule: x.rule.name,
    order: x.rule.event.params.order,
    label: x.rule.label,
    role: x.rule.recommendation.role,
    outcome: x.evaluation.outcome === "available" ? "available" : "needs-information",
    reason: x.rule.recommendation.reason,
    citations: x.rule.recommendation.citations.map(citationFor),
  });
  const byRank = (a: (typeof entries)[number], b: (typeof entries)[number]) =>
    a.rule.recommendation.rank - b.rule.recommendation.rank;
  const available = entries.filter((x) => x.evaluation.outcome === "available").sort(byRank);
  const open = entries.filter((x) => x.evaluation.outcome === "needs-information").sort(byRank);
  const firstEntry = available.find((x) => x.rule.recommendation.role !== "complement") ?? available[0];
  const ranked = [...available, ...open].map(toEntry);
  const whatWouldChange: string[] = [];
  if (available.length === 0) {
    for (const x of entries.filter((e) => e.rule.recommendation.role !== "complement").sort(byRank)) {
      if (x.evaluation.outcome !== "not-available") continue;
      const failing = failingLimbs(x.evaluation);
      if (failing.length > 0)
        whatWouldChange.push(`${x.rule.label}: not available because ${failing.join("; ")}.`);
      else if (x.evaluation.notes[0]) whatWouldChange.push(`${x.rule.label}: ${x.evaluation.notes[0]}`);
    }
  }
  const summary = firstEntry
    ? `Consider first: ${firstEntry.rule.label}. ${firstEntry.rule.recommendation.reason}`
    : open.length > 0
      ? `Nothing is available yet on these facts; ${open.map((x) => x.rule.label).join(", ")} may be, once the open questions are answered.`
      : "No order assessed here is available on these facts.";
  return { first: firstEntry?.rule.name ?? null, ranked, summary, whatWouldChange };
}

/**
 * The most specific named limbs that fail, with citations: failing limbs are followed down
 * through "all of" groups (each failing part is its own reason) but not into "any of" groups,
 * where every alternative fails and the limb itself is the clearer reason.
 */
function failingLimbs(evaluation: RuleEvaluation): string[] {
  const found: string[] = [];
  const visit = (check: RuleEvaluation["conditions"], enclosing: string | undefined): void => {
    if (check.result !== "fails") return;
    if (check.type === "limb") {
      const label = `${check.label.charAt(0).toLowerCase()}${check.label.slice(1)} (${check.citation.title})`;
      const before = found.length;
      visit(check.condition, label);
      if (found.length === before && !found.includes(label)) found.push(label);
    } else if (check.type === "all") {
      for (const c of check.conditions) visit(c, enclosing);
    } else if (check.type !== "fact" && enclosing === undefined) {
      for (const c of check.conditions) visit(c, enclosing);
    }
  };
  visit(evaluation.conditions, undefined);
  return found.slice(0, 4).map((label) => `${label} is not met`);
}
