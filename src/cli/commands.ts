import { assessParsedFacts, safeAssessJson } from "../assess/assess.js";
import type { Assessment } from "../assess/assessment.js";
import { todayInLondon } from "../dates/calendar.js";
import type { InputProblem } from "../model/parse-case-facts.js";
import { parseCaseFacts } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { explain } from "../render/explain.js";
import { safeReviewSpoDecline } from "../review/review-spo-decline.js";
import type { FlatRecord } from "./output.js";

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

/** A batch command: how to process a row, flatten a record, and what to summarise. */
export interface BatchCommand {
  readonly name: "assess" | "review" | "validate" | "explain";
  process(value: unknown, row: number): RowResult;
  flatten(record: Record<string, unknown>): FlatRecord;
  /** True for commands whose output is text, not records. */
  readonly text?: boolean;
}

export interface CommandOptions {
  readonly asOf?: string | undefined;
  readonly detail?: "summary" | "full" | undefined;
  readonly includeFacts?: boolean | undefined;
  readonly markdown?: boolean | undefined;
  /** Only each record's JSON line will be written: a command that gives `jsonLine` may leave `record` empty. */
  readonly linesOnly?: boolean | undefined;
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
  readonly questions: readonly string[];
  /** Those five fields as JSON, without braces, in record order. */
  readonly json: string;
  readonly tally: readonly string[];
}

function compactPartsOf(a: Assessment): CompactParts {
  const fields = {
    first: a.recommendation.first,
    outcomes: Object.fromEntries(a.orders.map((o) => [o.rule, o.outcome])),
    unverified: a.orders.filter((o) => o.unverified).map((o) => o.rule),
    missingFacts: a.missingFacts,
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

/** The compact record of an assessment (row first), and the same record as one JSON line. */
function compactRecord(
  p: CompactParts,
  caseId: string,
  asOf: string,
  row: number,
): { record: Record<string, unknown>; jsonLine: string } {
  return {
    record: {
      row,
      id: caseId,
      asOf,
      first: p.first,
      outcomes: p.outcomes,
      unverified: p.unverified,
      missingFacts: p.missingFacts,
      questions: p.questions,
    },
    jsonLine: compactLine(p, caseId, asOf, row),
  };
}

/** The compact record as one JSON line: `JSON.stringify` of {@link compactRecord}'s record. */
function compactLine(p: CompactParts, caseId: string, asOf: string, row: number): string {
  return `{"row":${row},"id":${JSON.stringify(caseId)},${asOfField(asOf)}${p.json}}`;
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

/** `assess`: one record per case, compact by default or the full assessment with `--detail full`. */
export function assessCommand(options: CommandOptions): BatchCommand {
  const asOf = options.asOf ?? todayInLondon();
  const compactOnly = options.detail !== "full" && !options.includeFacts;
  return {
    name: "assess",
    process(value, row) {
      if (compactOnly) {
        // Each row is fresh from JSON.parse (or built from a CSV record) and held by nothing else.
        const parsed = parseCaseFactsFromJson(value);
        if (!parsed.success) return { ok: false, ...withId(value), problems: parsed.problems };
        // No cache of results: an assessment whose explanations are not read costs little more
        // than looking one up would, and a row costs the same however many distinct cases came before.
        const parts = compactPartsOf(assessParsedFacts(parsed.data, asOf));
        if (options.linesOnly)
          return {
            ok: true,
            record: NO_RECORD,
            jsonLine: compactLine(parts, parsed.data.id, asOf, row),
            tally: parts.tally,
          };
        return { ok: true, ...compactRecord(parts, parsed.data.id, asOf, row), tally: parts.tally };
      }
      const result = safeAssessJson(value, { asOf });
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const a = result.assessment;
      const parts = compactPartsOf(a);
      const body =
        options.detail === "full"
          ? { ...a, id: a.caseId }
          : compactRecord(parts, a.caseId, a.asOf, row).record;
      return {
        ok: true,
        record: withFacts({ row, ...body }, value, options.includeFacts),
        tally: parts.tally,
      };
    },
    flatten(record) {
      const outcomes = (record.outcomes ?? {}) as Record<string, string>;
      const orders =
        (record.orders as { rule: string; outcome: string }[] | undefined)?.map((o) => [o.rule, o.outcome]) ??
        Object.entries(outcomes);
      return {
        row: record.row as number,
        id: (record.id ?? record.caseId) as string,
        asOf: record.asOf as string,
        first: (record.first ??
          (record.recommendation as { first?: string } | undefined)?.first ??
          "") as string,
        ...Object.fromEntries(orders),
        missingFacts: ((record.missingFacts as string[] | undefined) ?? []).join(";"),
      };
    },
  };
}

function withId(value: unknown): { id?: string } {
  const id = idOf(value);
  return id === undefined ? {} : { id };
}

/** `review`: the decline review of each case's `spoRequest`. */
export function reviewCommand(options: CommandOptions): BatchCommand {
  return {
    name: "review",
    process(value, row) {
      const result = safeReviewSpoDecline(value, undefined, options.asOf ? { asOf: options.asOf } : {});
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const r = result.review;
      const flagged = r.verdict === "likely-wrongly-declined" || r.verdict === "review-recommended";
      const body =
        options.detail === "full"
          ? { ...r, id: r.caseId }
          : {
              id: r.caseId,
              asOf: r.asOf,
              verdict: r.verdict,
              spo: r.spo.outcome,
              daysFromRequestToDecision: r.daysFromRequestToDecision,
              findings: r.findings.map((f) => ({
                code: f.code,
                finding: f.finding,
                ...(f.classifiedAs ? { classifiedAs: f.classifiedAs } : {}),
              })),
              questions: r.questions.map((q) => q.fact),
            };
      return {
        ok: true,
        record: withFacts({ row, ...body }, value, options.includeFacts),
        tally: [`verdict:${r.verdict}`, ...(flagged ? ["flagged"] : [])],
      };
    },
    flatten(record) {
      const findings = (record.findings as { code: string; finding: string }[] | undefined) ?? [];
      return {
        row: record.row as number,
        id: (record.id ?? record.caseId) as string,
        asOf: record.asOf as string,
        verdict: record.verdict as string,
        spo:
          (typeof record.spo === "string"
            ? record.spo
            : (record.spo as { outcome?: string } | undefined)?.outcome) ?? "",
        daysFromRequestToDecision: (record.daysFromRequestToDecision as number | null) ?? null,
        findings: findings.map((f) => `${f.code}=${f.finding}`).join(";"),
      };
    },
  };
}

/** `validate`: whether each row is valid case facts, with every problem by path. */
export function validateCommand(): BatchCommand {
  return {
    name: "validate",
    process(value, row) {
      const result = parseCaseFacts(value);
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      return { ok: true, record: { row, id: result.data.id, valid: true }, tally: [] };
    },
    flatten(record) {
      return {
        row: record.row as number,
        id: (record.id as string) ?? "",
        valid: record.valid as boolean,
        problems: "",
      };
    },
  };
}

/** `explain`: each case explained as text or Markdown. */
export function explainCommand(options: CommandOptions): BatchCommand {
  const asOf = options.asOf ?? todayInLondon();
  return {
    name: "explain",
    text: true,
    process(value, row) {
      // Each row is fresh from JSON.parse (or built from a CSV record) and held by nothing else.
      const result = safeAssessJson(value, { asOf });
      if (!result.success) return { ok: false, ...withId(value), problems: result.problems };
      const a = result.assessment;
      return {
        ok: true,
        record: { row, id: a.caseId, text: explain(a, { format: options.markdown ? "markdown" : "text" }) },
        tally: [
          `first:${a.recommendation.first ?? "none"}`,
          ...a.orders.map((o) => `outcome:${o.rule}:${o.outcome}`),
        ],
      };
    },
    flatten(record) {
      return { row: record.row as number, id: record.id as string, text: record.text as string };
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
