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
}

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
  readonly missingInputs: readonly string[];
  readonly questions: readonly string[];
  /** Those six fields as JSON, without braces, in record order. */
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
  missingInputs: (missingFacts: readonly string[]) => readonly string[],
): CompactParts {
  const fields = {
    first: a.recommendation.first,
    outcomes: Object.fromEntries(a.orders.map((o) => [o.rule, o.outcome])),
    unverified: a.orders.filter((o) => o.unverified).map((o) => o.rule),
    missingFacts: a.missingFacts,
    missingInputs: missingInputs(a.missingFacts),
    questions: a.questions.map((q) => q.fact),
  };
  return {
    ...fields,
    json: JSON.stringify(fields).slice(1, -1),
    tally: [
      `first:${a.recommendation.first ?? "none"}`,
      ...a.orders.map((o) => `outcome:${o.rule}:${o.outcome}`),
    ],
  };
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
      missingInputs: p.missingInputs,
      questions: p.questions,
      error: null,
      problems: [],
    },
    jsonLine: compactLine(p, caseId, asOf, row, line),
  };
}

/** The compact record as one JSON line: `JSON.stringify` of {@link compactRecord}'s record. */
function compactLine(p: CompactParts, caseId: string, asOf: string, row: number, line: number): string {
  return `{"row":${row},"line":${line},"id":${JSON.stringify(caseId)},${asOfField(asOf)}${p.json},"error":null,"problems":[]}`;
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
  // The input columns behind a list of missing facts, made once per distinct list (few in a caseload).
  const inputsByFacts = new Map<string, readonly string[]>();
  const missingInputs = (missingFacts: readonly string[]): readonly string[] => {
    const key = missingFacts.join(",");
    let inputs = inputsByFacts.get(key);
    if (!inputs) {
      inputs = missingInputsOf(missingFacts, columns);
      if (inputsByFacts.size >= 4096) inputsByFacts.clear();
      inputsByFacts.set(key, inputs);
    }
    return inputs;
  };
  const ownRules = options.rulesFile !== undefined ? loadRulesFile(options.rulesFile) : undefined;
  // The fast path assesses with the bundled law only; with your own rules every row takes the general one.
  const compactOnly = options.detail !== "full" && !options.includeFacts && ownRules === undefined;
  const full = options.detail === "full";
  const bodyKeys = full
    ? ["row", "line", ...fullAssessmentKeys(asOf).filter((k) => k !== "caseId"), "id"]
    : ASSESS_KEYS.filter((k) => k !== "error" && k !== "problems");
  const recordKeys = [...bodyKeys, ...(options.includeFacts ? ["facts"] : []), "error", "problems"];
  const rules = ruleNames(ownRules);
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
      "missingInputs",
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
        const parts = compactPartsOf(assessParsedFacts(parsed.data, asOf), missingInputs);
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
      const parts = compactPartsOf(a, missingInputs);
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
        missingInputs: (
          (record.missingInputs as string[] | undefined) ?? missingInputsOf(missingFacts, columns)
        ).join(";"),
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

/** `review`: the decline review of each case's `spoRequest`. */
export function reviewCommand(options: CommandOptions): BatchCommand {
  const today = options.today ?? todayInLondon();
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
      const flagged = r.verdict === "likely-wrongly-declined" || r.verdict === "review-recommended";
      let body: Record<string, unknown>;
      if (full) {
        const { caseId, ...rest } = r;
        body = { row, line, id: caseId, ...rest };
      } else
        body = {
          row,
          line,
          id: r.caseId,
          asOf: r.asOf,
          verdict: r.verdict,
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
        tally: [`verdict:${r.verdict}`, ...(flagged ? ["flagged"] : [])],
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
