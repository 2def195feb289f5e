import type { Assessment } from "../assess/assessment.js";
import type { ConditionCheck, Outcome, RuleEvaluation, Truth } from "../evaluate/types.js";

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
const MARK: Record<Truth, string> = { holds: "[x]", fails: "[ ]", unknown: "[?]" };
const MD_MARK: Record<Truth, string> = { holds: "✅", fails: "❌", unknown: "❓" };

function value(v: unknown): string {
  if (Array.isArray(v)) return v.map(value).join(" or ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

function describeFact(check: Extract<ConditionCheck, { type: "fact" }>): string {
  const actual = check.known ? value(check.actual) : "unknown";
  const want =
    check.operator === "equal" ? value(check.expected) : `${check.operator} ${value(check.expected)}`;
  return `${check.label}: ${actual} (needs ${want})`;
}

function lines(check: ConditionCheck, depth: number, md: boolean, out: string[]): void {
  const indent = md ? "  ".repeat(depth) : "    ".repeat(depth);
  const bullet = md ? `${indent}- ${MD_MARK[check.result]} ` : `${indent}${MARK[check.result]} `;
  switch (check.type) {
    case "limb": {
      const flags = check.unverified ? (md ? " **UNVERIFIED**" : " [UNVERIFIED]") : "";
      const law = check.lawStatus === "in-force" ? "" : ` (${check.lawStatus.replace(/-/g, " ")})`;
      const cite = md
        ? `[${check.citation.title}](${check.citation.url})`
        : `${check.citation.title} <${check.citation.url}>`;
      out.push(`${bullet}${check.label}: ${cite}${law}${flags}`);
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
      const caveat = check.caveat ? ` — caveat: ${check.caveat.title} is UNVERIFIED` : "";
      out.push(`${bullet}${describeFact(check)}${caveat}`);
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
  const flag = order.unverified
    ? md
      ? " — rests on an **unverified** point"
      : " — rests on an UNVERIFIED point"
    : "";
  const cite = md ? `[${order.citation.title}](${order.citation.url})` : order.citation.title;
  out.push(
    md
      ? `### ${order.label}: ${OUTCOME_WORDS[order.outcome]}${flag}`
      : `${order.label}: ${OUTCOME_WORDS[order.outcome]}${flag}`,
  );
  out.push(
    md
      ? `Law: ${cite} (${order.lawStatus.replace(/-/g, " ")})`
      : `  Law: ${cite} (${order.lawStatus.replace(/-/g, " ")})`,
  );
  for (const note of order.notes) out.push(md ? `> ${note}` : `  Note: ${note}`);
  if (order.missingFacts.length > 0) {
    out.push(`${md ? "" : "  "}Missing: ${order.missingFacts.join(", ")}`);
  }
  if (md) out.push("");
  lines(order.conditions, md ? 0 : 1, md, out);
  out.push("");
}

/**
 * Renders an assessment as plain text or Markdown for a case note: the recommendation, each order
 * with its outcome and every limb (holds, fails or unknown) with the facts it used and its
 * citation, any unverified point flagged, and the questions still open. It uses only the
 * assessment, which carries case ids and derived facts, not names or free text.
 *
 * @example
 * ```ts
 * import { assess, explain } from "protective-orders";
 * const text = explain(assess({ id: "c1", jurisdiction: "scotland" }, { asOf: "2025-01-01" }));
 * text.includes("do not apply in Scotland"); // true
 * ```
 */
export function explain(assessment: Assessment, options: ExplainOptions = {}): string {
  const md = options.format === "markdown";
  const out: string[] = [];
  out.push(
    md
      ? `## Case ${assessment.caseId}: law as at ${assessment.asOf}`
      : `Case ${assessment.caseId}: law as at ${assessment.asOf}`,
  );
  out.push("");
  for (const notice of assessment.notices) {
    const cites = notice.citations.map((c) => c.title).join("; ");
    out.push(
      md
        ? `> **Note:** ${notice.text}${cites ? ` (${cites})` : ""}`
        : `NOTE: ${notice.text}${cites ? ` (${cites})` : ""}`,
    );
  }
  if (assessment.notices.length > 0) out.push("");
  out.push(
    md
      ? `**Recommendation.** ${assessment.recommendation.summary}`
      : `RECOMMENDATION: ${assessment.recommendation.summary}`,
  );
  for (const entry of assessment.recommendation.ranked) {
    const status = entry.outcome === "available" ? "available" : "possible, needs information";
    out.push(`${md ? "- " : "  - "}${entry.label} (${entry.role}, ${status}): ${entry.reason}`);
  }
  for (const change of assessment.recommendation.whatWouldChange) out.push(`${md ? "- " : "  * "}${change}`);
  out.push("");
  if (assessment.questions.length > 0) {
    out.push(md ? "**Questions to ask, most decisive first:**" : "QUESTIONS TO ASK (most decisive first):");
    assessment.questions.forEach((q, i) => {
      const settles = q.settles.length > 0 ? ` [settles: ${q.settles.join(", ")}]` : "";
      out.push(`${md ? `${i + 1}. ` : `  ${i + 1}. `}${q.question}${settles}`);
    });
    out.push("");
  }
  out.push(md ? "### Orders" : "ORDERS");
  out.push("");
  const orders =
    options.orders === "open"
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
