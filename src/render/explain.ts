import type { Assessment } from "../assess/assessment.js";
import type { ConditionCheck, Outcome, RuleEvaluation, Truth } from "../evaluate/types.js";
import { CaseFactsError } from "../model/errors.js";
import { escapeMarkdown, escapeText, markdownCitation, oneLine, ownField, textCitation } from "./escape.js";

/**
 * Text from the rule set (labels, notes, questions, citation titles) as it is rendered: in Markdown escaped like a
 * case value, since a rule pack from outside may carry it (a title with `](javascript:…)` or `<img>` in it must not
 * become a link or HTML); in text kept on one line. The bundled law uses no Markdown in its text, so it reads the same.
 */
function lawText(md: boolean): (text: string) => string {
  return md ? escapeMarkdown : oneLine;
}

/**
 * Options for {@link explain}.
 *
 * @example
 * ```ts
 * import { assess, explain, type ExplainOptions } from "protective-orders";
 * const options: ExplainOptions = { format: "markdown", orders: "open" };
 * explain(assess({ id: "c", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }), options);
 * ```
 */
export interface ExplainOptions {
  /** `text` (default) for a case note, `markdown` for documents and web pages. */
  readonly format?: "text" | "markdown" | undefined;
  /** Which orders to explain in full: all (default), or only those available or needing information. */
  readonly orders?: "all" | "open" | undefined;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  available: "AVAILABLE",
  "not-available": "NOT AVAILABLE",
  "needs-information": "NEEDS INFORMATION",
};

/** An outcome in words; a value that is not an outcome (a caller-built result) is escaped as text. */
function outcomeWords(outcome: Outcome, line: (text: string) => string): string {
  return Object.hasOwn(OUTCOME_WORDS, outcome) ? OUTCOME_WORDS[outcome] : line(String(outcome));
}
const MARK: Record<Truth, string> = { holds: "[x]", fails: "[ ]", unknown: "[?]" };
const MD_MARK: Record<Truth, string> = { holds: "✅", fails: "❌", unknown: "❓" };

/** A fact's value, escaped: it may come from the case. */
function value(v: unknown, md: boolean): string {
  if (Array.isArray(v)) return v.map((x) => value(x, md)).join(" or ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return md ? escapeMarkdown(String(v)) : escapeText(String(v));
}

function describeFact(check: Extract<ConditionCheck, { type: "fact" }>, md: boolean): string {
  const line = lawText(md);
  const actual = check.known ? value(check.actual, md) : "unknown";
  const want =
    check.operator === "equal"
      ? value(check.expected, md)
      : `${line(check.operator)} ${value(check.expected, md)}`;
  return `${line(check.label)}: ${actual} (needs ${want})`;
}

function lines(check: ConditionCheck, depth: number, md: boolean, out: string[]): void {
  const line = lawText(md);
  const indent = md ? "  ".repeat(depth) : "    ".repeat(depth);
  const bullet = md ? `${indent}- ${MD_MARK[check.result]} ` : `${indent}${MARK[check.result]} `;
  switch (check.type) {
    case "limb": {
      const flags = check.unverified ? (md ? " **UNVERIFIED**" : " [UNVERIFIED]") : "";
      const law =
        check.lawStatus === "in-force" ? "" : ` (${line(String(check.lawStatus).replace(/-/g, " "))})`;
      const cite = md ? markdownCitation(check.citation) : textCitation(check.citation);
      out.push(`${bullet}${line(check.label)}: ${cite}${law}${flags}`);
      const inner = check.condition;
      // A limb wrapping a single group shows the group's members directly beneath it.
      if ((inner.type === "all" || inner.type === "any") && inner.conditions.length > 0) {
        if (inner.type === "any" && inner.conditions.length > 1) {
          out.push(`${md ? `${"  ".repeat(depth + 1)}- ` : "    ".repeat(depth + 1)}any one of:`);
          for (const c of inner.conditions) lines(c, depth + 2, md, out);
        } else {
          for (const c of inner.conditions) lines(c, depth + 1, md, out);
        }
      } else {
        lines(inner, depth + 1, md, out);
      }
      return;
    }
    case "fact": {
      const caveatCitation = ownField(check, "caveat");
      // A rule pack's own table (pilot areas) is not a point of the digest: it is named as local data.
      const caveat = !caveatCitation
        ? ""
        : ownField(caveatCitation, "local") === true
          ? ` — from local data: ${line(caveatCitation.title)}`
          : ` — caveat: ${line(caveatCitation.title)} is UNVERIFIED`;
      out.push(`${bullet}${describeFact(check, md)}${caveat}`);
      return;
    }
    case "not":
      out.push(`${bullet}not:`);
      for (const c of check.conditions) lines(c, depth + 1, md, out);
      return;
    default:
      out.push(`${bullet}${check.type === "all" ? "all of:" : "any one of:"}`);
      for (const c of check.conditions) lines(c, depth + 1, md, out);
  }
}

function explainOrder(order: RuleEvaluation, md: boolean, out: string[]): void {
  const line = lawText(md);
  const flag = order.unverified
    ? md
      ? " — rests on an **unverified** point"
      : " — rests on an UNVERIFIED point"
    : "";
  const cite = md ? markdownCitation(order.citation) : line(order.citation.title);
  out.push(
    md
      ? `### ${line(order.label)}: ${outcomeWords(order.outcome, line)}${flag}`
      : `${line(order.label)}: ${outcomeWords(order.outcome, line)}${flag}`,
  );
  out.push(
    md
      ? `Law: ${cite} (${line(String(order.lawStatus).replace(/-/g, " "))})`
      : `  Law: ${cite} (${line(String(order.lawStatus).replace(/-/g, " "))})`,
  );
  for (const note of order.notes) out.push(md ? `> ${line(note)}` : `  Note: ${line(note)}`);
  if (order.missingFacts.length > 0) {
    out.push(`${md ? "" : "  "}Missing: ${line(order.missingFacts.join(", "))}`);
  }
  if (md) out.push("");
  lines(order.conditions, md ? 0 : 1, md, out);
  out.push("");
}

/** The fields of an assessment that `explain` reads and that `value` lacks (own fields, by path). */
function missingAssessmentFields(input: unknown): string[] {
  if (typeof input !== "object" || input === null) return ["assessment"];
  const value = input as Record<string, unknown>;
  const lists = ["notices", "orders", "questions"].filter((k) => !Array.isArray(ownField(value, k)));
  const recommendation = ownField(value, "recommendation");
  const rec =
    typeof recommendation === "object" &&
    recommendation !== null &&
    Array.isArray(ownField(recommendation as Record<string, unknown>, "ranked")) &&
    Array.isArray(ownField(recommendation as Record<string, unknown>, "whatWouldChange"))
      ? []
      : ["recommendation"];
  return [...lists, ...rec].map((k) => `assessment.${k}`);
}

/**
 * Renders an assessment as plain text or Markdown for a case note: the recommendation, each order
 * with its outcome and every limb (holds, fails or unknown) with the facts it used and its
 * citation, any unverified point flagged, and the questions still open. It uses only the
 * assessment, which carries case ids and derived facts, not names or free text.
 *
 * Every value from the case (the id, the date, a fact's value) is escaped: in text it stays on
 * its line (a newline shows as `\n`), in Markdown it also cannot open a heading, emphasis, a link,
 * an image or raw HTML (`&`, `<`, `>` become entities). The law's own text (labels, notes,
 * questions, citation titles, from the rule set) is kept on one line and, in Markdown, escaped the
 * same way, since a rule pack from outside may carry it; a citation links only to an `https:` URL.
 *
 * @example
 * ```ts
 * import { assess, explain } from "protective-orders";
 * const text = explain(assess({ id: "c1", jurisdiction: "scotland" }, { asOf: "2025-01-01" }));
 * text.includes("do not apply in Scotland"); // true
 * ```
 *
 * @throws {CaseFactsError} naming each missing field (`explain({})`), never a bare TypeError.
 */
export function explain(assessment: Assessment, options: ExplainOptions = {}): string {
  const missing = missingAssessmentFields(assessment);
  if (missing.length > 0)
    throw new CaseFactsError(
      missing.map((path) => ({
        path,
        message: "expected an assessment from assess(): this field is missing or not a list",
      })),
      "input",
    );
  const md = ownField(options, "format") === "markdown";
  const esc = md ? escapeMarkdown : escapeText;
  const line = lawText(md);
  const out: string[] = [];
  out.push(
    md
      ? `## Case ${esc(String(assessment.caseId))}: law as at ${esc(String(assessment.asOf))}`
      : `Case ${esc(String(assessment.caseId))}: law as at ${esc(String(assessment.asOf))}`,
  );
  out.push("");
  for (const notice of assessment.notices) {
    const cites = line(notice.citations.map((c) => c.title).join("; "));
    out.push(
      md
        ? `> **Note:** ${line(notice.text)}${cites ? ` (${cites})` : ""}`
        : `NOTE: ${line(notice.text)}${cites ? ` (${cites})` : ""}`,
    );
  }
  if (assessment.notices.length > 0) out.push("");
  out.push(
    md
      ? `**Recommendation.** ${line(assessment.recommendation.summary)}`
      : `RECOMMENDATION: ${line(assessment.recommendation.summary)}`,
  );
  for (const entry of assessment.recommendation.ranked) {
    const status = entry.outcome === "available" ? "available" : "possible, needs information";
    out.push(
      `${md ? "- " : "  - "}${line(entry.label)} (${line(entry.role)}, ${status}): ${line(entry.reason)}`,
    );
  }
  for (const change of assessment.recommendation.whatWouldChange)
    out.push(`${md ? "- " : "  * "}${line(change)}`);
  out.push("");
  if (assessment.questions.length > 0) {
    out.push(md ? "**Questions to ask, most decisive first:**" : "QUESTIONS TO ASK (most decisive first):");
    assessment.questions.forEach((q, i) => {
      const settles = q.settles.length > 0 ? ` [settles: ${line(q.settles.join(", "))}]` : "";
      out.push(`${md ? `${i + 1}. ` : `  ${i + 1}. `}${line(q.question)}${settles}`);
    });
    out.push("");
  }
  out.push(md ? "### Orders" : "ORDERS");
  out.push("");
  const orders =
    ownField(options, "orders") === "open"
      ? assessment.orders.filter((o) => o.outcome !== "not-available")
      : assessment.orders;
  for (const order of orders) explainOrder(order, md, out);
  out.push(
    md
      ? "_Not legal advice: a structured reading of the law as at the date shown, with its sources._"
      : "Not legal advice: a structured reading of the law as at the date shown, with its sources.",
  );
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
