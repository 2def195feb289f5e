import { assessParsedFacts, safeAssessJson } from "../assess/assess.js";
import type { Assessment } from "../assess/assessment.js";
import { DEFAULT_RULES } from "../assess/default-rules.js";
import { todayInLondon } from "../dates/calendar.js";
import type { CompiledRuleSet } from "../evaluate/compile.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { IsoDateSchema } from "../model/iso-date.js";
import type { InputProblem } from "../model/parse-case-facts.js";
import { parseCaseFacts } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { explain } from "../render/explain.js";
import { safeReviewSpoDecline } from "../review/review-spo-decline.js";
import { csvColumns } from "./csv-columns.js";
import type { FlatRecord } from "./output.js";
import { loadRulesFile } from "./rules-file.js";

/** What a command makes of one valid-or-not input value. */
export type RowResult =
  | {
      readonly ok: true;
      readonly record: Record<string, unknown>;
      readonly tally: readonly string[];
      /** The record already rendered as one JSON line (without the newline), when that is cheaper. */
      readonly jsonLine?: string;
    }
  | { readonly ok: false; readonly id?: string; readonly problems: readonly InputProblem[] };

/**
 * A batch command: how to process a row, flatten a record, and what to summarise. Its keys and
 * columns are fixed before any row is read: every record it writes has the same keys, and CSV or
 * table output the same columns, whatever the rows hold.
 */
export interface BatchCommand {
  readonly name: "assess" | "review" | "validate" | "explain";
  /** `line` is the input line the row starts on; it is part of every record. */
  process(value: unknown, row: number, line: number): RowResult;
  flatten(record: Record<string, unknown>): FlatRecord;
  /** The record a row that could not be read, or was invalid, becomes: the same keys as a result. */
  errorRecord(error: ErrorFields): Record<string, unknown>;
  /** The keys of every JSON record, in order (the names `--fields` accepts for JSON output). */
  readonly recordKeys: readonly string[];
  /** The columns of CSV, TSV, table and vertical output, in order (the names `--fields` accepts there). */
  readonly columns: readonly string[];
  /** True for commands whose default output is text, not records (explain). */
  readonly text?: boolean;
}

/** What says which row failed and why. */
export interface ErrorFields {
  readonly row: number;
  readonly line: number;
  readonly id?: string | undefined;
  readonly error: "unreadable" | "invalid" | "failed";
  readonly problems: readonly InputProblem[];
}

/** A record with every key of `keys` (null unless set), then the error fields. */
function errorRecordWith(keys: readonly string[], e: ErrorFields, extra: Record<string, unknown> = {}) {
  const record: Record<string, unknown> = {};
  for (const key of keys) record[key] = null;
  record.row = e.row;
  record.line = e.line;
  record.id = e.id ?? null;
  Object.assign(record, extra);
  record.error = e.error;
  record.problems = e.problems;
  return record;
}

export interface CommandOptions {
  /** The date whose law applies (`--as-of`). */
  readonly asOf?: string | undefined;
  /**
   * Today in England and Wales, resolved once per run before any row (so a run across midnight
   * applies one date): the date used where no `asOf` is given (review: where a case records no
   * decision date either).
   */
  readonly today?: string | undefined;
  readonly detail?: "summary" | "full" | undefined;
  readonly includeFacts?: boolean | undefined;
  readonly markdown?: boolean | undefined;
  /** explain: only this rendering will be written (plain text output), so the other need not be made. */
  readonly textOnly?: "text" | "markdown" | undefined;
  /** Only each record's JSON line will be written: a command that gives `jsonLine` may leave `record` empty. */
  readonly linesOnly?: boolean | undefined;
  /** assess, explain: a rule pack file of your own, loaded beside the bundled law (`--rules FILE`). */
  readonly rulesFile?: string | undefined;
  /** The fields asked for (`--fields`): assess writes `missingInputs` only when it is one of them. */
  readonly fields?: readonly string[] | undefined;
}

/** How many of the most decisive open questions a compact `assess` record names (the rest: `--detail full`). */
export const COMPACT_QUESTIONS = 3;

function idOf(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === "string" && id.length > 0 && id.length <= 200) return id;
  }
  return undefined;
}

/** The parts of a compact record, and its tallies, that depend only on the assessment (not the id or row). */
interface CompactParts {
  readonly first: string | null;
  readonly outcomes: Readonly<Record<string, string>>;
  readonly unverified: readonly string[];
  readonly missingFacts: readonly string[];
  /** Present only when asked for (`--fields missingInputs`): it is the widest field of a record. */
  readonly missingInputs?: readonly string[];
  readonly questions: readonly string[];
  /** Those fields as JSON, without braces, in record order. */
  readonly json: string;
  readonly tally: readonly string[];
}

/**
 * The input columns (CSV headers, or paths into the JSON case facts) that would supply each of
 * these missing facts: an analyst can add each as a column and fill it in.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * missingInputsOf(["risk.harm"], columns); // ["risk.physicalHarm", "risk.psychologicalHarm"]
 * ```
 */
export function missingInputsOf(
  missingFacts: readonly string[],
  columns: ReadonlyMap<string, unknown>,
): string[] {
  const out = new Set<string>();
  for (const fact of missingFacts) {
    const reads = FACT_DEFINITIONS.find((f) => f.id === fact)?.reads ?? [];
    for (const path of reads) {
      if (columns.has(path)) out.add(path);
      else for (const column of columns.keys()) if (column.startsWith(`${path}.`)) out.add(column);
    }
  }
  return [...out];
}

function compactPartsOf(
  a: Assessment,
  missingInputs: ((missingFacts: readonly string[]) => readonly string[]) | undefined,
): CompactParts {
  const fields = {
    first: a.recommendation.first,
    outcomes: Object.fromEntries(a.orders.map((o) => [o.rule, o.outcome])),
    unverified: a.orders.filter((o) => o.unverified).map((o) => o.rule),
    missingFacts: a.missingFacts,
    ...(missingInputs ? { missingInputs: missingInputs(a.missingFacts) } : {}),
    questions: a.questions.slice(0, COMPACT_QUESTIONS).map((q) => q.fact),
  };
  return {
    ...fields,
    json: JSON.stringify(fields).slice(1, -1),
    tally: tallyOf(a),
  };
}

/**
 * The JSON string literal of each name a compact record repeats (rule, outcome and fact names),
 * made once per name rather than once per row. Bounded: a name past the bound is quoted afresh.
 */
class QuotedNames {
  private readonly quoted = new Map<string, string>();
  of(name: string): string {
    let q = this.quoted.get(name);
    if (q === undefined) {
      q = JSON.stringify(name);
      if (this.quoted.size < 10_000) this.quoted.set(name, q);
    }
    return q;
  }
  /** `JSON.stringify` of a list of names. */
  list(names: readonly string[]): string {
    let json = "[";
    for (let i = 0; i < names.length; i++) json += (i === 0 ? "" : ",") + this.of(names[i]!);
    return `${json}]`;
  }
}

/** Base-4 digits for the outcomes in a tally's key (0 is a rule not listed for the case). */
function outcomeDigit(outcome: string): number {
  return outcome === "available"
    ? 1
    : outcome === "not-available"
      ? 2
      : outcome === "needs-information"
        ? 3
        : -1;
}

/**
 * The compact line of an assessment, written straight from it: the same text as
 * `JSON.stringify` of the compact record (a property test compares the two on generated cases),
 * without building the record, its `outcomes` object or its lists, and with the tallies shared by
 * every case of the same outcomes and first recommendation. For the bundled rules only, whose names
 * are distinct and none an array index (which `JSON.stringify` would put first).
 */
class CompactLines {
  private readonly names = new QuotedNames();
  private readonly ruleIndex: ReadonlyMap<string, number>;
  private readonly firstWeight: number;
  private readonly tallies = new Map<number, readonly string[]>();
  /** The `missingFacts` and `missingInputs` fields of a list of missing facts, by the list. */
  private readonly missingFields = new Map<string, string>();

  constructor(
    rules: readonly string[],
    private readonly missingInputs: ((missingFacts: readonly string[]) => readonly string[]) | undefined,
  ) {
    this.ruleIndex = new Map(rules.map((name, i) => [name, i]));
    this.firstWeight = 4 ** rules.length;
  }

  /** Whether these rule names can be written this way (else the record is stringified). */
  static suits(rules: readonly string[]): boolean {
    return (
      rules.length <= 20 &&
      new Set(rules).size === rules.length &&
      rules.every((name) => !/^(0|[1-9]\d*)$/.test(name))
    );
  }

  /** The fields that depend only on the assessment: {@link CompactParts}'s `json`. */
  fields(a: Assessment): string {
    const { names } = this;
    const orders = a.orders;
    let outcomes = "{";
    let unverified = "[";
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i]!;
      outcomes += `${i === 0 ? "" : ","}${names.of(o.rule)}:${names.of(o.outcome)}`;
      if (o.unverified) unverified += (unverified.length === 1 ? "" : ",") + names.of(o.rule);
    }
    let questions = "[";
    const asked = Math.min(a.questions.length, COMPACT_QUESTIONS);
    for (let i = 0; i < asked; i++) questions += (i === 0 ? "" : ",") + names.of(a.questions[i]!.fact);
    const first = a.recommendation.first;
    return `"first":${first === null ? "null" : names.of(first)},"outcomes":${outcomes}},"unverified":${unverified}],${this.missing(a.missingFacts)},"questions":${questions}]`;
  }

  private missing(missingFacts: readonly string[]): string {
    const key = missingFacts.join("\u0000");
    let json = this.missingFields.get(key);
    if (json === undefined) {
      json = `"missingFacts":${this.names.list(missingFacts)}${this.missingInputs ? `,"missingInputs":${this.names.list(this.missingInputs(missingFacts))}` : ""}`;
      if (this.missingFields.size >= 4096) this.missingFields.clear();
      this.missingFields.set(key, json);
    }
    return json;
  }

  /** The assessment's tallies (as {@link CompactParts}'s), one shared list per outcomes and first recommendation. */
  tally(a: Assessment): readonly string[] {
    let key = 0;
    for (const o of a.orders) {
      const digit = outcomeDigit(o.outcome);
      const index = this.ruleIndex.get(o.rule);
      if (digit < 0 || index === undefined) return tallyOf(a);
      key += digit * 4 ** index;
    }
    const first = a.recommendation.first;
    if (first !== null) {
      const index = this.ruleIndex.get(first);
      if (index === undefined) return tallyOf(a);
      key += (index + 1) * this.firstWeight;
    }
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      tally = tallyOf(a);
      if (this.tallies.size >= 4096) this.tallies.clear();
      this.tallies.set(key, tally);
    }
    return tally;
  }
}

/** An assessment's tallies for the summary: its first recommendation and each order's outcome. */
function tallyOf(a: Assessment): string[] {
  return [
    `first:${a.recommendation.first ?? "none"}`,
    ...a.orders.map((o) => `outcome:${o.rule}:${o.outcome}`),
  ];
}

// `"asOf":"…",` as JSON, made once for the date a run uses rather than once a row.
let asOfFieldCache: { readonly asOf: string; readonly json: string } | undefined;
function asOfField(asOf: string): string {
  if (asOfFieldCache?.asOf !== asOf) asOfFieldCache = { asOf, json: `"asOf":${JSON.stringify(asOf)},` };
  return asOfFieldCache.json;
}

/** The keys of every compact `assess` record, in order. */
const ASSESS_KEYS = [
  "row",
  "line",
  "id",
  "asOf",
  "first",
  "outcomes",
  "unverified",
  "missingFacts",
  "missingInputs",
  "questions",
  "error",
  "problems",
] as const;

/** The compact record of an assessment (row first), and the same record as one JSON line. */
function compactRecord(
  p: CompactParts,
  caseId: string,
  asOf: string,
  row: number,
  line: number,
): { record: Record<string, unknown>; jsonLine: string } {
  return {
    record: {
      row,
      line,
      id: caseId,
      asOf,
      first: p.first,
      outcomes: p.outcomes,
      unverified: p.unverified,
      missingFacts: p.missingFacts,
      ...(p.missingInputs ? { missingInputs: p.missingInputs } : {}),
      questions: p.questions,
      error: null,
      problems: [],
    },
    jsonLine: compactLine(p, caseId, asOf, row, line),
  };
}

/** The compact record as one JSON line: `JSON.stringify` of {@link compactRecord}'s record. */
function compactLine(p: CompactParts, caseId: string, asOf: string, row: number, line: number): string {
  return compactLineOf(p.json, caseId, asOf, row, line);
}

/** {@link compactLine} from the fields' JSON. */
function compactLineOf(fieldsJson: string, caseId: string, asOf: string, row: number, line: number): string {
  return `{"row":${row},"line":${line},"id":${JSON.stringify(caseId)},${asOfField(asOf)}${fieldsJson},"error":null,"problems":[]}`;
}

/** The rules whose outcomes are the columns of flat `assess` output, in rule-set order. */
function ruleNames(rules: CompiledRuleSet = DEFAULT_RULES): string[] {
  return rules.rules.map((r) => r.rule.name);
}

/** The keys of a full assessment, from one assessed once when the command is made (not from the data). */
function fullAssessmentKeys(asOf: string): string[] {
  const probe = safeAssessJson({ id: "probe", jurisdiction: "england-and-wales" }, { asOf });
  return probe.success ? Object.keys(probe.assessment) : [];
}

/** The record given with a JSON line when only the line will be written. */
const NO_RECORD: Record<string, unknown> = Object.freeze({});

function withFacts(
  record: Record<string, unknown>,
  value: unknown,
  include: boolean | undefined,
): Record<string, unknown> {
  return include ? { ...record, facts: value } : record;
}

/** A result record's error fields: none. */
const NO_ERROR = { error: null, problems: [] } as const;

/** `assess`: one record per case, compact by default or the full assessment with `--detail full`. */
export function assessCommand(options: CommandOptions): BatchCommand {
  const asOf = options.asOf ?? options.today ?? todayInLondon();
  const columns = csvColumns();
  // The input columns behind each missing fact, found once per fact (a varied caseload has more
  // distinct lists of missing facts than any cache of lists would hold, but few facts).
  const inputsByFact = new Map<string, readonly string[]>();
  const missingInputs = (missingFacts: readonly string[]): readonly string[] => {
    const out = new Set<string>();
    for (const fact of missingFacts) {
      let inputs = inputsByFact.get(fact);
      if (!inputs) {
        inputs = missingInputsOf([fact], columns);
        if (inputsByFact.size < 4096) inputsByFact.set(fact, inputs);
      }
      for (const input of inputs) out.add(input);
    }
    return [...out];
  };
  // The input columns behind the missing facts are the widest field (41% of a wide export's row):
  // written only when asked for.
  const withInputs = options.fields?.includes("missingInputs") === true;
  const inputsFor = withInputs ? missingInputs : undefined;
  const ownRules = options.rulesFile !== undefined ? loadRulesFile(options.rulesFile) : undefined;
  // The fast path assesses with the bundled law only; with your own rules every row takes the general one.
  const compactOnly = options.detail !== "full" && !options.includeFacts && ownRules === undefined;
  const full = options.detail === "full";
  const bodyKeys = full
    ? ["row", "line", ...fullAssessmentKeys(asOf).filter((k) => k !== "caseId"), "id"]
    : ASSESS_KEYS.filter((k) => k !== "error" && k !== "problems" && (withInputs || k !== "missingInputs"));
  const recordKeys = [...bodyKeys, ...(options.includeFacts ? ["facts"] : []), "error", "problems"];
  const rules = ruleNames(ownRules);
  const lines =
    compactOnly && options.linesOnly && CompactLines.suits(rules)
      ? new CompactLines(rules, inputsFor)
      : undefined;
  return {
    name: "assess",
    recordKeys,
    columns: [
      "row",
      "line",
      "id",
      "asOf",
      "first",
      ...rules,
      "unverified",
      "missingFacts",
      "questions",
      ...(withInputs ? ["missingInputs"] : []),
      "error",
      "problems",
    ],
    errorRecord: (e) => errorRecordWith(recordKeys, e, full ? {} : { asOf }),
    process(value, row, line) {
      if (compactOnly) {
        // Each row is fresh from JSON.parse (or built from a CSV record) and held by nothing else.
        const parsed = parseCaseFactsFromJson(value);
        if (!parsed.success) return { ok: false, ...withId(value), problems: parsed.problems };
        // No cache of results: an assessment whose explanations are not read costs little more
        // than looking one up would, and a row costs the same however many distinct cases came before.
        const assessment = assessParsedFacts(parsed.data, asOf);
        if (lines)
          return {
            ok: true,
            record: NO_RECORD,
            jsonLine: compactLineOf(lines.fields(assessment), parsed.data.id, asOf, row, line),
            tally: lines.tally(assessment),
          };
        const parts = compactPartsOf(assessment, inputsFor);
        if (options.linesOnly)
          return {
            ok: true,
            record: NO_RECORD,
            jsonLine: compactLine(parts, parsed.data.id, asOf, row, line),
            tally: parts.tally,
          };
        return { ok: true, ...compactRecord(parts, parsed.data.id, asOf, row, line), tally: parts.tally };
      }
      const result = safeAssessJson(value, ownRules ? { asOf, rules: ownRules } : { asOf });
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const a = result.assessment;
      const parts = compactPartsOf(a, inputsFor);
      let body: Record<string, unknown>;
      if (full) {
        const { caseId, ...rest } = a;
        body = { row, line, ...rest, id: caseId };
      } else {
        const {
          error: _e,
          problems: _p,
          ...compact
        } = compactRecord(parts, a.caseId, a.asOf, row, line).record;
        body = compact;
      }
      return {
        ok: true,
        record: { ...withFacts(body, value, options.includeFacts), ...NO_ERROR },
        tally: parts.tally,
      };
    },
    flatten(record) {
      const outcomes = (record.outcomes ?? {}) as Record<string, string>;
      const orders =
        (record.orders as { rule: string; outcome: string }[] | undefined)?.map((o) => [o.rule, o.outcome]) ??
        Object.entries(outcomes);
      const unverified =
        (record.unverified as string[] | undefined) ??
        (record.orders as { rule: string; unverified?: boolean }[] | undefined)
          ?.filter((o) => o.unverified)
          .map((o) => o.rule) ??
        [];
      const missingFacts = (record.missingFacts as string[] | undefined) ?? [];
      return {
        row: record.row as number,
        line: (record.line as number | undefined) ?? null,
        id: (record.id ?? record.caseId) as string,
        asOf: record.asOf as string,
        first: (record.first ??
          (record.recommendation as { first?: string | null } | undefined)?.first ??
          null) as string | null,
        ...Object.fromEntries(orders),
        unverified: unverified.join(";"),
        missingFacts: missingFacts.join(";"),
        questions: (
          (record.questions as (string | { fact: string })[] | undefined)?.map((q) =>
            typeof q === "string" ? q : q.fact,
          ) ?? []
        )
          .slice(0, COMPACT_QUESTIONS)
          .join(";"),
        ...(withInputs
          ? {
              missingInputs: (
                (record.missingInputs as string[] | undefined) ?? missingInputsOf(missingFacts, columns)
              ).join(";"),
            }
          : {}),
        error: null,
        problems: "",
      };
    },
  };
}

function withId(value: unknown): { id?: string } {
  const id = idOf(value);
  return id === undefined ? {} : { id };
}

/** The keys of every compact `review` record, in order. */
const REVIEW_KEYS = [
  "row",
  "line",
  "id",
  "asOf",
  "verdict",
  "spo",
  "daysFromRequestToDecision",
  "findings",
  "questions",
  "error",
  "problems",
] as const;

/** The decision date a case records, when it is a calendar date: review's default `asOf`. */
function decisionDateOf(value: unknown): string | undefined {
  const decidedOn = (value as { spoRequest?: { decision?: { decidedOn?: unknown } } } | null)?.spoRequest
    ?.decision?.decidedOn;
  return typeof decidedOn === "string" && IsoDateSchema.safeParse(decidedOn).success ? decidedOn : undefined;
}

/**
 * What `review` says of a row with no declined request, instead of a verdict: `no-request-recorded`
 * (no `spoRequest`), `no-decision-recorded` (a request, no decision yet recorded) or `not-declined`
 * (the decision was to apply, or is pending). Undefined for a declined request, which is reviewed.
 */
export type ReviewRequestState = "no-request-recorded" | "no-decision-recorded" | "not-declined";

function requestStateOf(value: unknown): ReviewRequestState | undefined {
  const request = (value as { spoRequest?: { decision?: { outcome?: unknown } } } | null)?.spoRequest;
  if (request === undefined) return "no-request-recorded";
  if (request.decision === undefined) return "no-decision-recorded";
  const outcome = request.decision.outcome;
  return outcome === "application-made" || outcome === "pending" ? "not-declined" : undefined;
}

/** `review`: the decline review of each case's `spoRequest`. */
export function reviewCommand(options: CommandOptions): BatchCommand {
  // Today is needed only where no date is given (--as-of): not looked up otherwise.
  const today = options.asOf === undefined ? (options.today ?? todayInLondon()) : "";
  const full = options.detail === "full";
  const recordKeys = full
    ? ["row", "line", "id", "asOf", ...(options.includeFacts ? ["facts"] : []), "error", "problems"]
    : [...REVIEW_KEYS.slice(0, -2), ...(options.includeFacts ? ["facts"] : []), "error", "problems"];
  return {
    name: "review",
    recordKeys,
    columns: [...REVIEW_KEYS],
    errorRecord: (e) => errorRecordWith(recordKeys, e),
    process(value, row, line) {
      // Law as at the date given, else the case's decision date, else today (once per run).
      const asOf = options.asOf ?? decisionDateOf(value) ?? today;
      const result = safeReviewSpoDecline(value, undefined, { asOf });
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const r = result.review;
      // A row with no declined request has nothing to review: say so, rather than give it a verdict.
      const verdict = requestStateOf(value) ?? r.verdict;
      const flagged = verdict === "likely-wrongly-declined" || verdict === "review-recommended";
      let body: Record<string, unknown>;
      if (full) {
        const { caseId, ...rest } = r;
        body = { row, line, id: caseId, ...rest, verdict };
      } else
        body = {
          row,
          line,
          id: r.caseId,
          asOf: r.asOf,
          verdict,
          spo: r.spo.outcome,
          daysFromRequestToDecision: r.daysFromRequestToDecision,
          findings: r.findings.map((f) => ({
            code: f.code,
            finding: f.finding,
            ...(f.classifiedAs ? { classifiedAs: f.classifiedAs } : {}),
            ...(f.positions ? { positions: f.positions } : {}),
          })),
          questions: r.questions.map((q) => q.fact),
          // The decision's free text is named by position only: never its words (case data).
          ...(r.decisionText ? { notRecognised: r.decisionText.notRecognised } : {}),
        };
      return {
        ok: true,
        record: { ...withFacts(body, value, options.includeFacts), ...NO_ERROR },
        tally: [`verdict:${verdict}`, ...(flagged ? ["flagged"] : [])],
      };
    },
    flatten(record) {
      const findings =
        (record.findings as { code: string; finding: string; classifiedAs?: string }[] | undefined) ?? [];
      const questions = (record.questions as (string | { fact: string })[] | undefined) ?? [];
      return {
        row: record.row as number,
        line: (record.line as number | undefined) ?? null,
        id: (record.id ?? record.caseId) as string,
        asOf: record.asOf as string,
        verdict: record.verdict as string,
        spo:
          (typeof record.spo === "string"
            ? record.spo
            : (record.spo as { outcome?: string } | undefined)?.outcome) ?? "",
        daysFromRequestToDecision: (record.daysFromRequestToDecision as number | null) ?? null,
        findings: findings
          .map((f) => `${f.code}${f.classifiedAs ? `(${f.classifiedAs})` : ""}=${f.finding}`)
          .join(";"),
        questions: questions.map((q) => (typeof q === "string" ? q : q.fact)).join(";"),
        error: null,
        problems: "",
      };
    },
  };
}

const VALIDATE_KEYS = ["row", "line", "id", "valid", "error", "problems"] as const;

/** `validate`: whether each row is valid case facts, with every problem by path. */
export function validateCommand(): BatchCommand {
  return {
    name: "validate",
    recordKeys: VALIDATE_KEYS,
    columns: VALIDATE_KEYS,
    errorRecord: (e) => errorRecordWith(VALIDATE_KEYS, e, { valid: false }),
    process(value, row, line) {
      const result = parseCaseFacts(value);
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      return { ok: true, record: { row, line, id: result.data.id, valid: true, ...NO_ERROR }, tally: [] };
    },
    flatten(record) {
      return {
        row: record.row as number,
        line: (record.line as number | undefined) ?? null,
        id: (record.id as string) ?? "",
        valid: record.valid as boolean,
        error: null,
        problems: "",
      };
    },
  };
}

const EXPLAIN_KEYS = ["row", "line", "id", "asOf", "first", "text", "markdown", "error", "problems"] as const;

/**
 * `explain`: each case explained. As text (the default) each explanation is written in turn, as
 * plain text or Markdown; as records (`--format jsonl|json|csv`) each case is one record holding
 * both.
 */
export function explainCommand(options: CommandOptions): BatchCommand {
  const asOf = options.asOf ?? options.today ?? todayInLondon();
  const ownRules = options.rulesFile !== undefined ? loadRulesFile(options.rulesFile) : undefined;
  return {
    name: "explain",
    text: true,
    recordKeys: EXPLAIN_KEYS,
    columns: [
      "row",
      "line",
      "id",
      "asOf",
      "first",
      options.markdown ? "markdown" : "text",
      "error",
      "problems",
    ],
    errorRecord: (e) => errorRecordWith(EXPLAIN_KEYS, e, { asOf }),
    process(value, row, line) {
      // Each row is fresh from JSON.parse (or built from a CSV record) and held by nothing else.
      const result = safeAssessJson(value, ownRules ? { asOf, rules: ownRules } : { asOf });
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const a = result.assessment;
      return {
        ok: true,
        record: {
          row,
          line,
          id: a.caseId,
          asOf: a.asOf,
          first: a.recommendation.first,
          text: options.textOnly === "markdown" ? null : explain(a, { format: "text" }),
          markdown: options.textOnly === "text" ? null : explain(a, { format: "markdown" }),
          ...NO_ERROR,
        },
        tally: [
          `first:${a.recommendation.first ?? "none"}`,
          ...a.orders.map((o) => `outcome:${o.rule}:${o.outcome}`),
        ],
      };
    },
    flatten(record) {
      return {
        row: record.row as number,
        line: (record.line as number | undefined) ?? null,
        id: record.id as string,
        asOf: record.asOf as string,
        first: (record.first as string | null) ?? null,
        text: record.text as string,
        markdown: record.markdown as string,
        error: null,
        problems: "",
      };
    },
  };
}

/** A command and its options, as plain data that can be sent to a worker thread. */
export interface CommandSpec {
  readonly name: BatchCommand["name"];
  readonly options: CommandOptions;
}

/** Builds the batch command a spec describes. */
export function makeCommand(spec: CommandSpec): BatchCommand {
  switch (spec.name) {
    case "assess":
      return assessCommand(spec.options);
    case "review":
      return reviewCommand(spec.options);
    case "explain":
      return explainCommand(spec.options);
    default:
      return validateCommand();
  }
}
