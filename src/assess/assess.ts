import { todayInLondon } from "../dates/calendar.js";
import { type CompiledRuleSet, isCompiledRuleSet, MEMO_LIMIT } from "../evaluate/compile.js";
import {
  createContext,
  deepFreeze,
  evaluateOutcome,
  evaluateRule,
  factsKey,
  withFact,
} from "../evaluate/evaluate.js";
import type { BundledVocabulary, RuleEvaluation, Vocabulary } from "../evaluate/types.js";
import notices from "../law/outside-england-and-wales/notices.json";
import { citationFor } from "../law/registry.js";
import relationshipImplications from "../law/relationship-implications.json";
import type { CaseFacts } from "../model/case-facts.js";
import { type IsoDate, IsoDateSchema } from "../model/iso-date.js";
import { type InputProblem, type ParseResult, parseCaseFacts } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { ownOption } from "../model/plain-data.js";
import type {
  Assessment,
  BundledAssessment,
  Notice,
  NoticeCode,
  Question,
  Recommendation,
  RecommendedOrder,
} from "./assessment.js";
import { DEFAULT_RULES } from "./default-rules.js";
import { CaseFactsError } from "./errors.js";

/**
 * Options for {@link assess}.
 *
 * @example
 * ```ts
 * import { assess, type AssessOptions } from "protective-orders";
 * const options: AssessOptions = { asOf: "2025-06-01" };
 * assess({ id: "case-1", jurisdiction: "england-and-wales" }, options).asOf; // "2025-06-01"
 * ```
 */
export interface AssessOptions {
  /** The date whose law applies (YYYY-MM-DD). Default: today in England and Wales, echoed in the result. */
  readonly asOf?: IsoDate | undefined;
  /** Another compiled rule set (for example, your own rule files): default, the bundled rules. */
  readonly rules?: CompiledRuleSet | undefined;
}

/**
 * {@link AssessOptions} without `rules`: the bundled rules, whose results {@link assess} types with literal
 * unions ({@link BundledAssessment}).
 *
 * @example
 * ```ts
 * import type { BundledRulesOptions } from "protective-orders";
 * const options: BundledRulesOptions = { asOf: "2025-06-01" };
 * ```
 */
export type BundledRulesOptions = AssessOptions & { readonly rules?: undefined };

/**
 * What {@link safeAssess} returns: the assessment, or every problem with the input by path.
 *
 * @example
 * ```ts
 * import { safeAssess, type SafeAssessResult } from "protective-orders";
 * const result: SafeAssessResult = safeAssess({ id: "c" }, { asOf: "2025-06-01" });
 * if (!result.success) console.log(result.problems.map((p) => p.path));
 * ```
 */
export type SafeAssessResult<V extends Vocabulary = Vocabulary> =
  | { readonly success: true; readonly assessment: Assessment<V> }
  | { readonly success: false; readonly problems: readonly InputProblem[] };

/**
 * Assesses a case against the law in force on `asOf`: for each order, whether it is available,
 * not available, or needs information, with every statutory limb, its citation and the facts it
 * used; which order to consider first; and the questions to ask, most decisive first.
 * Throws {@link CaseFactsError} (listing every problem by path) for input that does not validate;
 * use {@link safeAssess} for a result that never throws.
 *
 * @example
 * ```ts
 * import { assess } from "protective-orders";
 * const assessment = assess(
 *   {
 *     id: "case-1",
 *     jurisdiction: "england-and-wales",
 *     relationship: { summary: "stranger", allConnectionsRecorded: true },
 *     incidents: [{ kind: "following", date: "2025-05-01" }, { kind: "loitering", date: "2025-05-03" }],
 *     risk: { psychologicalHarm: true, ongoing: true },
 *     protection: {},
 *   },
 *   { asOf: "2025-06-01" },
 * );
 * assessment.recommendation.first; // "spo"
 * ```
 */
export function assess(facts: CaseFacts, options?: BundledRulesOptions | null): BundledAssessment;
export function assess(facts: CaseFacts, options?: AssessOptions | null): Assessment;
export function assess(facts: CaseFacts, options?: AssessOptions | null): Assessment {
  const result = safeAssess(facts, options);
  if (!result.success) throw new CaseFactsError(result.problems);
  return result.assessment;
}

/**
 * Like {@link assess}, but never throws: returns the assessment, or every problem with the input
 * (or with `asOf`) by path.
 *
 * @example
 * ```ts
 * import { safeAssess } from "protective-orders";
 * const result = safeAssess({ id: "c", incidents: "lots" }, { asOf: "2025-01-01" });
 * result.success; // false
 * ```
 */
export function safeAssess(
  input: unknown,
  options?: BundledRulesOptions | null,
): SafeAssessResult<BundledVocabulary>;
export function safeAssess(input: unknown, options?: AssessOptions | null): SafeAssessResult;
export function safeAssess(input: unknown, options?: AssessOptions | null): SafeAssessResult {
  let read: AssessOptions;
  try {
    // Own properties only: an option inherited from a polluted Object.prototype is not an option.
    read = {
      asOf: ownOption(options, "asOf") as IsoDate | undefined,
      rules: ownOption(options, "rules") as CompiledRuleSet | undefined,
    };
  } catch {
    // A hostile options object (a getter that throws) must not crash the caller.
    return { success: false, problems: [{ path: "options", message: "could not be read" }] };
  }
  return assessUnsafely(input, read, parseCaseFacts);
}

/**
 * {@link safeAssess} for a value fresh from `JSON.parse` that nothing else holds (see
 * {@link parseCaseFactsFromJson}). Internal: for the CLI.
 */
export function safeAssessJson(value: unknown, options: AssessOptions): SafeAssessResult {
  return assessUnsafely(value, options, parseCaseFactsFromJson);
}

function assessUnsafely(
  input: unknown,
  options: AssessOptions,
  parse: (input: unknown) => ParseResult<CaseFacts>,
):
  | { readonly success: true; readonly assessment: Assessment }
  | { readonly success: false; readonly problems: readonly InputProblem[] } {
  if (options.rules !== undefined && !isCompiledRuleSet(options.rules)) {
    return {
      success: false,
      problems: [{ path: "options.rules", message: "expected a rule set made by compileRuleSet" }],
    };
  }
  const asOfProblem = options.asOf !== undefined && !IsoDateSchema.safeParse(options.asOf).success;
  const parsed = parse(input);
  if (!parsed.success || asOfProblem) {
    const problems = [
      ...(asOfProblem ? [{ path: "asOf", message: "expected a calendar date written YYYY-MM-DD" }] : []),
      ...(parsed.success ? [] : parsed.problems),
    ];
    return { success: false, problems };
  }
  const defaulted = options.asOf === undefined;
  const asOf = options.asOf ?? todayInLondon();
  return {
    success: true,
    assessment: assessParsed(parsed.data, asOf, options.rules ?? DEFAULT_RULES, defaulted),
  };
}

type AssessmentBody = Omit<Assessment, "caseId" | "asOf">;

function assessParsed(
  facts: CaseFacts,
  asOf: IsoDate,
  rules: CompiledRuleSet,
  defaulted: boolean,
): Assessment {
  const ctx = createContext(rules, facts, asOf);
  const key = assessmentKey(rules, facts, asOf, defaulted, ctx);
  let body = rules.memo.assessments.get(key) as AssessmentBody | undefined;
  if (!body) {
    body = deepFreeze(assessBody(facts, asOf, rules, defaulted, ctx));
    if (rules.memo.assessments.size >= MEMO_LIMIT) rules.memo.assessments.clear();
    rules.memo.assessments.set(key, body);
  }
  return withCase(facts, asOf, body);
}

// Everything but the case id is a function of the derived facts, their caveats, the date and
// whether the date was defaulted: memoise on exactly those (see EvaluationMemo).
// The notices read the jurisdiction directly, so it is part of the key whatever facts the rule set has.
// The date, whether it was defaulted and the jurisdiction are numbered (leadCodeFor), so that the
// whole key is one short flat string (see factsKey).
function assessmentKey(
  rules: CompiledRuleSet,
  facts: CaseFacts,
  asOf: IsoDate,
  defaulted: boolean,
  ctx: ReturnType<typeof createContext>,
): string {
  const lead = leadCodeFor(asOf, defaulted, facts.jurisdiction ?? "~");
  if (lead === undefined)
    return `${asOf}${defaulted ? "D" : ""}\u0001${facts.jurisdiction ?? "~"}${factsKey(rules, ctx)}`;
  return factsKey(rules, ctx, lead);
}

const leadCodes = new Map<string, Map<string, number>>();
let nextLeadCode = 4;
const MAX_LEAD_CODE = 0xd000;

/** A number for each (date, defaulted, jurisdiction) met; `undefined` once very many have been. */
function leadCodeFor(asOf: IsoDate, defaulted: boolean, jurisdiction: string): number | undefined {
  const dateKey = defaulted ? `${asOf}D` : asOf;
  let byJurisdiction = leadCodes.get(dateKey);
  if (!byJurisdiction) {
    byJurisdiction = new Map();
    leadCodes.set(dateKey, byJurisdiction);
  }
  let code = byJurisdiction.get(jurisdiction);
  if (code === undefined) {
    if (nextLeadCode >= MAX_LEAD_CODE) return undefined;
    code = nextLeadCode++;
    byJurisdiction.set(jurisdiction, code);
  }
  return code;
}

function withCase(facts: CaseFacts, asOf: IsoDate, body: AssessmentBody): Assessment {
  return {
    caseId: facts.id,
    asOf,
    orders: body.orders,
    recommendation: body.recommendation,
    questions: body.questions,
    missingFacts: body.missingFacts,
    notices: body.notices,
    exact: body.exact,
  };
}

/**
 * Internal, for the CLI: the key on which a valid case's assessment depends (equal keys, equal
 * assessments but for the case id), and a function that makes the assessment. What is made is not
 * kept in the rule set's memo: the caller keeps what it needs of it (for the CLI, a compact line a
 * few hundred bytes long rather than the full assessment with every explanation).
 */
export function assessmentKeyed(
  facts: CaseFacts,
  asOf: IsoDate,
  rules: CompiledRuleSet = DEFAULT_RULES,
): { readonly key: string; readonly make: () => Assessment } {
  const ctx = createContext(rules, facts, asOf);
  const key = assessmentKey(rules, facts, asOf, false, ctx);
  return {
    key,
    make: () => {
      const body =
        (rules.memo.assessments.get(key) as AssessmentBody | undefined) ??
        deepFreeze(assessBody(facts, asOf, rules, false, ctx));
      return withCase(facts, asOf, body);
    },
  };
}

function assessBody(
  facts: CaseFacts,
  asOf: IsoDate,
  rules: CompiledRuleSet,
  defaulted: boolean,
  ctx: ReturnType<typeof createContext>,
): AssessmentBody {
  const evaluations = rules.rules.map((_, i) => evaluateRule(rules, i, ctx));
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
    notices: noticesFor(facts, asOf, defaulted, rules, ctx),
    exact: evaluations.every((e) => e.exact),
  };
}

/**
 * For every unknown fact that some needs-information order is waiting on: the orders one of its
 * possible answers would settle. Most decisive (settling the most orders) first.
 */
function rankQuestions(
  rules: CompiledRuleSet,
  ctx: ReturnType<typeof createContext>,
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
  const scored = [...waiting.entries()].map(([fi, ruleIndexes]) => {
    const settles: string[] = [];
    const settings = rules.domains[fi]!.map((value) => withFact(ctx, fi, value));
    for (const ruleIndex of ruleIndexes) {
      const settled = settings.some(
        (setting) => evaluateOutcome(rules, ruleIndex, setting) !== "needs-information",
      );
      if (settled) settles.push(rules.rules[ruleIndex]!.rule.name);
    }
    return { fi, settles, waiting: ruleIndexes.length };
  });
  scored.sort((a, b) => b.settles.length - a.settles.length || b.waiting - a.waiting || a.fi - b.fi);
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

const RELATIONSHIP_NOTICES: Readonly<Record<string, { text: string; citations: string[] }>> =
  relationshipImplications.notices;

const summaryReadingIndex = new WeakMap<CompiledRuleSet, number>();

function noticesFor(
  facts: CaseFacts,
  asOf: IsoDate,
  defaulted: boolean,
  rules: CompiledRuleSet,
  ctx: ReturnType<typeof createContext>,
): Notice[] {
  const result: Notice[] = [];
  if (defaulted) {
    result.push({
      code: "as-of-defaulted",
      text: `No assessment date was given: the law as at today, ${asOf}, was applied.`,
      citations: [],
    });
  }
  if (facts.jurisdiction === "northern-ireland" || facts.jurisdiction === "scotland") {
    const notice = notices[facts.jurisdiction];
    result.push({
      code: `outside-england-and-wales`,
      text: notice.text,
      citations: notice.citations.map(citationFor),
    });
  }
  // What the relationship summary implies, or contradicts (law/relationship-implications.json). It
  // is read from the derived fact, so the notice is a function of the memo key like the rest.
  let index = summaryReadingIndex.get(rules);
  if (index === undefined) {
    index = rules.facts.findIndex((f) => f.id === "relationship.summaryReading");
    summaryReadingIndex.set(rules, index);
  }
  const reading = index === -1 ? undefined : ctx.values[index];
  const relationshipNotice = typeof reading === "string" ? RELATIONSHIP_NOTICES[reading] : undefined;
  if (relationshipNotice) {
    result.push({
      // A key of RELATIONSHIP_NOTICES (the relationship-implications notices), so one of the NoticeCodes.
      code: `relationship-${String(reading)}` as NoticeCode,
      text: relationshipNotice.text,
      citations: relationshipNotice.citations.map(citationFor),
    });
  }
  return result;
}
