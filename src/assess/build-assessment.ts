import type { CompiledRuleSet } from "../evaluate/compile.js";
import {
  type EvaluationContext,
  evaluateRuleTruth,
  explainRule,
  failingLimbs,
  type RuleTruth,
  settlesWith,
} from "../evaluate/evaluate.js";
import { freezeDeep, notesKey, planFor } from "../evaluate/plan.js";
import type { RuleEvaluation } from "../evaluate/types.js";
import { resolveCitation } from "../law/local-provisions.js";
import type { IsoDate } from "../model/iso-date.js";
import type { Assessment, Notice, Question, Recommendation, RecommendedOrder } from "./assessment.js";

// An assessment is made from each rule's compact truths (evaluateRuleTruth): the outcomes, the
// recommendation, the questions and the missing facts come straight from them, the parts that do
// not depend on the case are made once per rule set and shared (frozen), and each order's
// explanation tree is built only when it is read. The result is plain JSON, serialising exactly as
// an eagerly built one does (tests/assess/reference compares the two). The questions, the notices
// and "what would change" are likewise made only when read.

interface Recommendations {
  /** Per rule: its entry in `ranked` when available, and when it needs information. */
  readonly available: readonly RecommendedOrder[];
  readonly open: readonly RecommendedOrder[];
  /** Per rule: the summary when it is the one to consider first. */
  readonly firstSummary: readonly string[];
}

const RECOMMENDATIONS = new WeakMap<CompiledRuleSet, Recommendations>();

let lastRules: CompiledRuleSet | undefined;
let lastRecommendations: Recommendations | undefined;

function recommendationsFor(rules: CompiledRuleSet): Recommendations {
  // The last rule set's, without a WeakMap lookup (see planFor).
  if (rules === lastRules) return lastRecommendations!;
  let r = RECOMMENDATIONS.get(rules);
  if (!r) {
    const entry = (rule: CompiledRuleSet["rules"][number]["rule"], outcome: RecommendedOrder["outcome"]) =>
      freezeDeep<RecommendedOrder>({
        rule: rule.name,
        order: rule.event.params.order,
        label: rule.label,
        role: rule.recommendation.role,
        outcome,
        reason: rule.recommendation.reason,
        citations: rule.recommendation.citations.map((id) => resolveCitation(rules.ruleSet.citations, id)),
      });
    r = {
      available: rules.rules.map((c) => entry(c.rule, "available")),
      open: rules.rules.map((c) => entry(c.rule, "needs-information")),
      firstSummary: rules.rules.map(
        (c) => `Consider first: ${c.rule.label}. ${c.rule.recommendation.reason}`,
      ),
    };
    RECOMMENDATIONS.set(rules, r);
  }
  lastRules = rules;
  lastRecommendations = r;
  return r;
}

/** What the lazy parts of one assessment are made from, and each part once made. */
interface LazyParts {
  readonly rules: CompiledRuleSet;
  readonly ctx: EvaluationContext;
  readonly truths: readonly RuleTruth[];
  readonly byRank: readonly number[];
  readonly available: number;
  readonly notices: () => readonly Notice[];
  questions: Question[] | undefined;
  madeNotices: readonly Notice[] | undefined;
  whatWouldChange: string[] | undefined;
}

// Attaches the LazyParts to an assessment and to its recommendation as a private field, invisible to
// Object.keys, spreading, JSON.stringify and structuredClone (the pattern of each order's
// `conditions`, see evaluate.ts): a base class whose constructor returns its argument lets a
// subclass's private field be installed on a plain object literal.
class ReturnsItsArgument {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the point (see above)
    return target;
  }
}
class WithLazyParts extends ReturnsItsArgument {
  readonly #parts: LazyParts;
  constructor(target: object, parts: LazyParts) {
    super(target);
    this.#parts = parts;
  }
  static partsOf(target: object): LazyParts {
    return (target as WithLazyParts).#parts;
  }
}

/**
 * One shared, frozen accessor per lazy property: own and enumerable like a data property, so the
 * result serialises, clones and spreads as before. Assigning to it makes it a data property with
 * the value assigned, as assigning to a data property would.
 */
function lazyProperty<T>(key: string, make: (parts: LazyParts) => T): PropertyDescriptor {
  return Object.freeze({
    get(this: object): T {
      return make(WithLazyParts.partsOf(this));
    },
    set(this: object, value: unknown): void {
      const redefined = Reflect.defineProperty(this, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      if (!redefined) throw new TypeError(`Cannot assign to read only property '${key}'`);
    },
    enumerable: true,
    configurable: true,
  });
}

// Ranking the questions (re-evaluating the rules an answer could settle, about a tenth of an
// assessment), the notices (describing the recorded acts) and "what would change" (walking the
// failing limbs) are each made the first time they are read, and kept.
const QUESTIONS_PROPERTY = lazyProperty("questions", (parts) => {
  parts.questions ??= rankQuestions(parts.rules, parts.ctx, parts.truths);
  return parts.questions;
});
const NOTICES_PROPERTY = lazyProperty("notices", (parts) => {
  parts.madeNotices ??= parts.notices();
  return parts.madeNotices;
});
const WHAT_WOULD_CHANGE_PROPERTY = lazyProperty("whatWouldChange", (parts) => {
  parts.whatWouldChange ??= whatWouldChange(parts.rules, parts.truths, parts.byRank, parts.available);
  return parts.whatWouldChange;
});

/**
 * The assessment of one case whose facts are derived in `ctx`, with the notices `notices()` makes.
 * Internal: {@link assess} is the public way in.
 */
export function buildAssessment(
  caseId: string,
  asOf: IsoDate,
  rules: CompiledRuleSet,
  ctx: EvaluationContext,
  notices: () => readonly Notice[],
): Assessment {
  const plan = planFor(rules);
  const n = rules.rules.length;
  const truths: RuleTruth[] = new Array(n);
  let exact = true;
  for (let i = 0; i < n; i++) {
    const t = evaluateRuleTruth(rules, i, ctx);
    truths[i] = t;
    if (!t.exact) exact = false;
  }
  const byRank = plan.byRank;
  const orders: RuleEvaluation[] = byRank.map((i) => explainRule(rules, truths[i]!, ctx));
  const missing = new Uint8Array(rules.facts.length);
  for (const t of truths) for (const f of t.missing) missing[f] = 1;
  const missingFacts: string[] = [];
  for (let f = 0; f < missing.length; f++) if (missing[f]) missingFacts.push(rules.facts[f]!.id);
  const { recommendation, available } = recommend(rules, truths, byRank);
  const parts: LazyParts = {
    rules,
    ctx,
    truths,
    byRank,
    available,
    notices,
    questions: undefined,
    madeNotices: undefined,
    whatWouldChange: undefined,
  };
  new WithLazyParts(recommendation, parts);
  // Built in the order the properties serialise in.
  const assessment = { caseId, asOf, orders, recommendation } as Record<string, unknown>;
  Object.defineProperty(assessment, "questions", QUESTIONS_PROPERTY);
  assessment.missingFacts = missingFacts;
  Object.defineProperty(assessment, "notices", NOTICES_PROPERTY);
  assessment.exact = exact;
  new WithLazyParts(assessment, parts);
  return assessment as unknown as Assessment;
}

// Working space for settlesWith, reused: evaluation is synchronous, and it only ever needs to be as
// long as the longest rule.
let scratchTruths = new Uint8Array(64);

/**
 * For every unknown fact that some needs-information order is waiting on: the orders one of its
 * possible answers would settle. Those settling the highest-ranked order first (SPO first), then the
 * most decisive (settling the most orders).
 */
function rankQuestions(
  rules: CompiledRuleSet,
  ctx: EvaluationContext,
  truths: readonly RuleTruth[],
): Question[] {
  const waiting = new Map<number, number[]>();
  for (const t of truths) {
    for (const fact of t.missing) {
      const list = waiting.get(fact);
      if (list) list.push(t.ruleIndex);
      else waiting.set(fact, [t.ruleIndex]);
    }
  }
  if (waiting.size === 0) return [];
  const plan = planFor(rules);
  if (scratchTruths.length < plan.longestRule) scratchTruths = new Uint8Array(plan.longestRule);
  const scratch = scratchTruths;
  // The rank of each rule in the recommendation order (SPO first): a question that settles a
  // higher-ranked order comes before one that settles more lower-ranked orders, so the order the
  // library recommends considering first is the one whose questions come first (issue 31: the
  // suspect's age, a DAPO question, had come before the SPO's own protection question).
  const rankOf = new Array<number>(rules.rules.length);
  plan.byRank.forEach((ruleIndex, rank) => {
    rankOf[ruleIndex] = rank;
  });
  const scored: { fi: number; settles: string[]; best: number; waiting: number }[] = [];
  for (const [fi, ruleIndexes] of waiting) {
    const settles: string[] = [];
    let best = Number.POSITIVE_INFINITY;
    const domain = rules.domains[fi]!;
    for (const ruleIndex of ruleIndexes) {
      const truth = truths[ruleIndex]!;
      for (const value of domain) {
        if (settlesWith(rules, truth, ctx, fi, value, scratch)) {
          settles.push(rules.rules[ruleIndex]!.rule.name);
          best = Math.min(best, rankOf[ruleIndex] ?? Number.POSITIVE_INFINITY);
          break;
        }
      }
    }
    scored.push({ fi, settles, best, waiting: ruleIndexes.length });
  }
  scored.sort(
    (a, b) =>
      (a.best === b.best ? 0 : a.best < b.best ? -1 : 1) ||
      b.settles.length - a.settles.length ||
      b.waiting - a.waiting ||
      a.fi - b.fi,
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
  const citations = plan.factCitations;
  const questions: Question[] = [];
  for (const [question, { fi, settles }] of byQuestion) {
    questions.push({
      fact: rules.facts[fi]!.id,
      question,
      settles: [...settles],
      citation: citations[fi]!,
    });
  }
  return questions;
}

function recommend(
  rules: CompiledRuleSet,
  truths: readonly RuleTruth[],
  byRank: readonly number[],
): { readonly recommendation: Recommendation; readonly available: number } {
  const statics = recommendationsFor(rules);
  const available: number[] = [];
  const open: number[] = [];
  for (const i of byRank) {
    const outcome = truths[i]!.outcome;
    if (outcome === "available") available.push(i);
    else if (outcome === "needs-information") open.push(i);
  }
  const first =
    available.find((i) => rules.rules[i]!.rule.recommendation.role !== "complement") ?? available[0];
  const ranked: RecommendedOrder[] = [];
  for (const i of available) ranked.push(statics.available[i]!);
  for (const i of open) ranked.push(statics.open[i]!);
  const summary =
    first !== undefined
      ? statics.firstSummary[first]!
      : open.length > 0
        ? `Nothing is available yet on these facts; ${open.map((i) => rules.rules[i]!.rule.label).join(", ")} may be, once the open questions are answered.`
        : "No order assessed here is available on these facts.";
  const recommendation = {
    first: first === undefined ? null : rules.rules[first]!.rule.name,
    ranked,
    summary,
  };
  // `whatWouldChange` last, as it serialises: made when read (see buildAssessment).
  Object.defineProperty(recommendation, "whatWouldChange", WHAT_WOULD_CHANGE_PROPERTY);
  return { recommendation: recommendation as unknown as Recommendation, available: available.length };
}

/** Why each order that is not available is not, when nothing is available. */
function whatWouldChange(
  rules: CompiledRuleSet,
  truths: readonly RuleTruth[],
  byRank: readonly number[],
  available: number,
): string[] {
  const result: string[] = [];
  if (available > 0) return result;
  for (const i of byRank) {
    const rule = rules.rules[i]!.rule;
    if (rule.recommendation.role === "complement") continue;
    const truth = truths[i]!;
    if (truth.outcome !== "not-available") continue;
    const failing = failingLimbs(rules, truth);
    if (failing.length > 0) result.push(`${rule.label}: not available because ${failing.join("; ")}.`);
    else {
      const note = planFor(rules).rules[i]!.notes.get(notesKey(truth.lawStatus, truth.exact))![0];
      if (note) result.push(`${rule.label}: ${note}`);
    }
  }
  return result;
}
