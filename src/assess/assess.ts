import { todayInLondon } from "../dates/calendar.js";
import { type CompiledRuleSet, isCompiledRuleSet } from "../evaluate/compile.js";
import { createContext } from "../evaluate/evaluate.js";
import { rulesForJurisdiction } from "../evaluate/jurisdiction-view.js";
import type { BundledVocabulary, Vocabulary } from "../evaluate/types.js";
import { describeStalkingActBases } from "../facts/conduct.js";
import { whoMayApplyForAStalkingProtectionOrder } from "../facts/residence.js";
import { citationFor } from "../law/citations.js";
import notices from "../law/outside-england-and-wales/notices.json";
import relationshipImplications from "../law/relationship-implications.json";
import type { CaseFacts } from "../model/case-facts.js";
import { CaseFactsError } from "../model/errors.js";
import { type IsoDate, isRealCalendarDate } from "../model/iso-date.js";
import { type InputProblem, type ParseResult, parseCaseFacts } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { ownOption } from "../model/plain-data.js";
import { POLICE_FORCES } from "../model/police-forces.js";
import type { CaseFactsInput } from "../model/readonly-input.js";
import type { Assessment, BundledAssessment, Notice, NoticeCode } from "./assessment.js";
import { buildAssessment } from "./build-assessment.js";
import { bundledRules } from "./bundled-rules.js";

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
export function assess(facts: CaseFactsInput, options?: BundledRulesOptions | null): BundledAssessment;
export function assess(facts: CaseFactsInput, options?: AssessOptions | null): Assessment;
export function assess(facts: CaseFactsInput, options?: AssessOptions | null): Assessment {
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
  build: AssessmentBuilder = buildAssessment,
):
  | { readonly success: true; readonly assessment: Assessment }
  | { readonly success: false; readonly problems: readonly InputProblem[] } {
  if (options.rules !== undefined && !isCompiledRuleSet(options.rules)) {
    return {
      success: false,
      problems: [{ path: "options.rules", message: "expected a rule set made by compileRuleSet" }],
    };
  }
  const asOfProblem =
    options.asOf !== undefined && !(typeof options.asOf === "string" && isRealCalendarDate(options.asOf));
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
    assessment: assessParsed(parsed.data, asOf, options.rules ?? bundledRules(), defaulted, build),
  };
}

/**
 * How an assessment is made from a case's derived facts: by default {@link buildAssessment}.
 * Internal: the tests pass an eager reference implementation here, to hold the default to it.
 */
export type AssessmentBuilder = (
  caseId: string,
  asOf: IsoDate,
  rules: CompiledRuleSet,
  ctx: ReturnType<typeof createContext>,
  notices: () => readonly Notice[],
) => Assessment;

/** Internal, for the tests: {@link safeAssess} with the assessment made by `build`. */
export function safeAssessWith(
  input: unknown,
  options: AssessOptions,
  build: AssessmentBuilder,
): ReturnType<typeof safeAssess> {
  return assessUnsafely(input, options, parseCaseFacts, build);
}

// No memo: an assessment costs about what reading its outcomes does (the explanation trees are
// built only when read), so nothing is kept between calls and nothing grows with the cases or
// dates assessed.
function assessParsed(
  recorded: CaseFacts,
  asOf: IsoDate,
  allRules: CompiledRuleSet,
  defaulted: boolean,
  build: AssessmentBuilder = buildAssessment,
): Assessment {
  // A case with a police force area and no jurisdiction is in that force's jurisdiction (a territorial
  // force of England and Wales, or the PSNI): read so, and said in a notice (issue 28).
  const inferred =
    recorded.jurisdiction === undefined ? jurisdictionOfForceArea(recorded.policeForceArea) : undefined;
  const facts: CaseFacts = inferred === undefined ? recorded : { ...recorded, jurisdiction: inferred };
  // The rules listed for the case's jurisdiction (the Northern Ireland orders for NI cases only).
  const rules = rulesForJurisdiction(allRules, facts.jurisdiction);
  const ctx = createContext(rules, facts, asOf);
  // The notices are made when read (see buildAssessment): from the parsed facts, which are the
  // library's own copy, so reading them late gives what reading them now would.
  return build(facts.id, asOf, rules, ctx, () => {
    const notices = noticesFor(facts, asOf, defaulted, rules, ctx);
    return inferred === undefined ? notices : [jurisdictionInferredNotice(facts, inferred), ...notices];
  });
}

/** The jurisdiction of a police force area: undefined for BTP and MoD Police (no territorial area) or none. */
function jurisdictionOfForceArea(
  force: CaseFacts["policeForceArea"],
): "england-and-wales" | "northern-ireland" | undefined {
  if (force === undefined) return undefined;
  if (force === "psni") return "northern-ireland";
  return POLICE_FORCES.find((f) => f.id === force)?.territorial === true ? "england-and-wales" : undefined;
}

function jurisdictionInferredNotice(
  facts: CaseFacts,
  jurisdiction: "england-and-wales" | "northern-ireland",
): Notice {
  const force = POLICE_FORCES.find((f) => f.id === facts.policeForceArea)?.name ?? "the police force area";
  const where = jurisdiction === "northern-ireland" ? "Northern Ireland" : "England and Wales";
  return {
    code: "jurisdiction-inferred-from-police-force-area",
    text: `The jurisdiction is not recorded: read as ${where}, where the ${force} area is. Record the jurisdiction if the case is elsewhere.`,
    citations: [citationFor(jurisdiction === "northern-ireland" ? "pfsa-ni-2022:ss6-17" : "spa-2019:extent")],
  };
}

/**
 * Internal, for the CLI and the decline review: the assessment of case facts already parsed (by
 * {@link parseCaseFacts} or {@link parseCaseFactsFromJson}), with `asOf` given.
 */
export function assessParsedFacts(
  facts: CaseFacts,
  asOf: IsoDate,
  rules: CompiledRuleSet = bundledRules(),
): Assessment {
  return assessParsed(facts, asOf, rules, false);
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
  // Outside England and Wales (and where the jurisdiction is not recorded): what applies instead.
  if (facts.jurisdiction !== "england-and-wales") {
    for (const notice of notices[facts.jurisdiction ?? "unknown"]) {
      // One of the NoticeCodes (tests/northern-ireland checks every code in notices.json is).
      const code = notice.code as NoticeCode;
      result.push({ code, text: notice.text, citations: notice.citations.map(citationFor) });
    }
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
  // Which basis each recorded act rests on for the acts associated with stalking (PHA 1997 s.2A(3),
  // SPA 2019 s.1(4)(b)), where a listed rule reads that fact: the England and Wales orders, which
  // are not listed for Scotland or decide nothing for a Northern Ireland case.
  if (
    facts.jurisdiction !== "scotland" &&
    facts.jurisdiction !== "northern-ireland" &&
    readsStalkingActs(rules)
  ) {
    const bases = describeStalkingActBases(facts);
    if (bases !== undefined) {
      result.push({
        code: "stalking-acts-basis",
        text: bases,
        citations: STALKING_ACTS_CITATIONS.map(citationFor),
      });
    }
  }
  // Who may apply for an SPO (SPA 2019 s.1(3); NI 2022 Act s.7(3)), where a listed rule reads the
  // area limit: the answer depends on where the suspect lives, and names the forces.
  const areaLimitFact =
    facts.jurisdiction === "northern-ireland" ? "ni.suspectWithinAreaLimit" : "spa.suspectWithinAreaLimit";
  if (
    (facts.jurisdiction === "england-and-wales" || facts.jurisdiction === "northern-ireland") &&
    readsFact(rules, areaLimitFact)
  ) {
    const text = whoMayApplyForAStalkingProtectionOrder(facts);
    if (text !== undefined) {
      result.push({
        code: "who-may-apply-for-spo",
        text,
        citations: [
          citationFor(facts.jurisdiction === "northern-ireland" ? "pfsa-ni-2022:s7(3)" : "spa-2019:s1(3)"),
        ],
      });
    }
  }
  return result;
}

const readsFactCache = new WeakMap<CompiledRuleSet, Map<string, boolean>>();

/** Whether a rule of the set reads the derived fact `id`. */
function readsFact(rules: CompiledRuleSet, id: string): boolean {
  let cache = readsFactCache.get(rules);
  if (cache === undefined) {
    cache = new Map();
    readsFactCache.set(rules, cache);
  }
  let reads = cache.get(id);
  if (reads === undefined) {
    const index = rules.facts.findIndex((f) => f.id === id);
    reads = index !== -1 && rules.rules.some((rule) => rule.factsRead.includes(index));
    cache.set(id, reads);
  }
  return reads;
}

const STALKING_ACTS_CITATIONS = ["pha-1997:s2A(3)", "spa-2019:s1(6)", "spa-2019:s1(4)"] as const;

const readsStalkingActsCache = new WeakMap<CompiledRuleSet, boolean>();

/** Whether a rule of the set reads `conduct.actsAssociatedWithStalking`. */
function readsStalkingActs(rules: CompiledRuleSet): boolean {
  let reads = readsStalkingActsCache.get(rules);
  if (reads === undefined) {
    const index = rules.facts.findIndex((f) => f.id === "conduct.actsAssociatedWithStalking");
    reads = index !== -1 && rules.rules.some((rule) => rule.factsRead.includes(index));
    readsStalkingActsCache.set(rules, reads);
  }
  return reads;
}
