import { CaseFactsError } from "../model/errors.js";
import { POLICE_FORCES } from "../model/police-forces.js";
import type { CaseFactsInput } from "../model/readonly-input.js";
import type { DeclineReview, ReasonFindingKind } from "../review/decline-review.js";
import { escapeMarkdown, escapeText, markdownCitation, oneLine, ownField } from "./escape.js";
import { documentPage, escapeHtml } from "./spo-documents.js";
import { englandAndWalesLaw, NOT_LEGAL_ADVICE, northernIrelandLaw } from "./spo-wording.js";

/**
 * Options for {@link challengeSummary}.
 *
 * @example
 * ```ts
 * import { challengeSummary, reviewSpoDecline, type CaseFacts, type ChallengeSummaryOptions } from "protective-orders";
 * const facts: CaseFacts = { id: "c1", jurisdiction: "england-and-wales", personsToProtect: [{ name: "Alex", role: "victim" }] };
 * const review = reviewSpoDecline(facts, { decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] } });
 * const options: ChallengeSummaryOptions = { format: "markdown", facts }; // names Alex
 * challengeSummary(review, options);
 * ```
 */
export interface ChallengeSummaryOptions {
  /**
   * `text` (the default), `markdown`, or `html`: a print-ready A4 page with the same layout and stylesheet as
   * {@link spoApplicationPack} and {@link spoRequestLetter}.
   */
  readonly format?: "text" | "markdown" | "html" | undefined;
  /**
   * The case facts, to name the victim and the suspect. Left out (the default), the summary names
   * nobody: it uses only the review, which carries the case id and no names.
   */
  readonly facts?: CaseFactsInput | undefined;
}

const FINDING_WORDS: Record<ReasonFindingKind, string> = {
  "misstates-the-law": "misstates the law",
  misdirected: "is misdirected (refer, don't close)",
  "contradicted-by-facts": "is contradicted by the facts",
  "contrary-to-guidance": "is contrary to the statutory guidance",
  questionable: "is questionable",
  "lawful-on-these-facts": "is a lawful ground on these facts",
  "needs-information": "cannot be judged without more information",
};

// The law in plain words: the same statements the application pack and the request letter list.
const ENGLAND_AND_WALES_TEST = englandAndWalesLaw()
  .map((s) => s.text)
  .join(" ");
const NORTHERN_IRELAND_TEST = northernIrelandLaw()
  .map((s) => s.text)
  .join(" ");

/** The text with its first letter a capital, for a value that starts a sentence ("The force declined"). */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function forceName(id: string | undefined): string {
  return POLICE_FORCES.find((f) => f.id === id)?.name ?? "the force";
}

/** The name of the victim (or the first person to protect) and of the suspect, from the caller's facts. */
function namesFrom(facts: CaseFactsInput | undefined): {
  victim?: string | undefined;
  suspect?: string | undefined;
} {
  // Both fields always set: an absent one would read through to Object.prototype.
  if (typeof facts !== "object" || facts === null) return { victim: undefined, suspect: undefined };
  // Own data only: a name inherited from a polluted Object.prototype is nobody's name.
  const persons = ownField(facts, "personsToProtect");
  const list = Array.isArray(persons) ? persons : [];
  const nameOf = (person: unknown): string | undefined => {
    if (typeof person !== "object" || person === null) return undefined;
    const name = ownField(person as { name?: unknown }, "name");
    return typeof name === "string" ? name : undefined;
  };
  const victim =
    nameOf(list.find((p) => typeof p === "object" && p !== null && ownField(p, "role") === "victim")) ??
    nameOf(list[0]);
  const suspect = nameOf(ownField(facts, "suspect"));
  return { victim, suspect };
}

/** The fields of a decline review that `challengeSummary` reads and that `value` lacks. */
function missingReviewFields(input: unknown): string[] {
  if (typeof input !== "object" || input === null) return ["review"];
  const value = input as Record<string, unknown>;
  const out: string[] = [];
  for (const k of ["findings", "questions"]) if (!Array.isArray(ownField(value, k))) out.push(k);
  for (const k of ["decision", "spo"]) {
    const v = ownField(value, k);
    if (typeof v !== "object" || v === null) out.push(k);
  }
  if (typeof ownField(value, "verdictText") !== "string") out.push("verdictText");
  return out.map((k) => `review.${k}`);
}

/**
 * A challenge summary for an advocate: what was decided, which reasons do not hold and why, what
 * the Act requires, and what to ask the force to reconsider. By default it names no one; pass the
 * case facts to name the victim and suspect. It uses only what the caller passed in.
 *
 * Every value from the case (the id, dates, the names) is escaped: in text it stays on its line
 * (a newline shows as `\n`); in Markdown it also cannot open a heading, emphasis, a link, an image
 * or raw HTML (`&`, `<`, `>` become entities, so no `<script>` and no `javascript:` link).
 *
 * @example
 * ```ts
 * import { challengeSummary, reviewSpoDecline } from "protective-orders";
 * const review = reviewSpoDecline(
 *   { id: "c1", jurisdiction: "england-and-wales", incidents: [{ kind: "following" }, { kind: "contacting" }], risk: { psychologicalHarm: true, ongoing: true }, protection: {} },
 *   { decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-charge-or-nfa" }] } },
 * );
 * challengeSummary(review, { format: "markdown" }).includes("misstates the law"); // true
 * ```
 */
export function challengeSummary(review: DeclineReview, options: ChallengeSummaryOptions = {}): string {
  const missing = missingReviewFields(review);
  if (missing.length > 0)
    throw new CaseFactsError(
      missing.map((path) => ({
        path,
        message:
          "expected a decline review from reviewSpoDecline(): this field is missing or of the wrong kind",
      })),
      "input",
    );
  if (ownField(options, "format") === "html")
    return challengeHtml(challengeSummary(review, { ...options, format: "text" }));
  const md = ownField(options, "format") === "markdown";
  const esc = md ? escapeMarkdown : escapeText;
  // The law's text (labels, reasons, questions, citation titles) is escaped in Markdown too: a rule pack or a
  // caller-built review may carry it, and it must not open a link or raw HTML.
  const line = md ? escapeMarkdown : oneLine;
  const names = namesFrom(ownField(options, "facts"));
  const victim = names.victim ? esc(names.victim) : undefined;
  const suspect = names.suspect ? esc(names.suspect) : undefined;
  const who = victim ? `${victim}'s` : "the victim's";
  const out: string[] = [];
  const h = (text: string) => out.push(md ? `### ${text}` : text.toUpperCase());
  out.push(
    md
      ? `## Request for review: declined SPO request (case ${esc(String(review.caseId))})`
      : `REQUEST FOR REVIEW: DECLINED SPO REQUEST (case ${esc(String(review.caseId))})`,
  );
  out.push("");
  h("What was decided");
  const decidingForce = ownField(review.decision, "decidingForce");
  const decidedOn = ownField(review.decision, "decidedOn");
  const requestedOn = ownField(review.decision, "requestedOn");
  const force = forceName(decidingForce);
  const when = decidedOn ? ` on ${esc(String(decidedOn))}` : "";
  const asked = requestedOn ? `, requested on ${esc(String(requestedOn))}` : "";
  out.push(
    `${capitalise(force)} declined to apply for a Stalking Protection Order${suspect ? ` against ${suspect}` : ""} on ${who} behalf${when}${asked}.`,
  );
  if (review.daysFromRequestToDecision !== null)
    out.push(`The decision took ${line(String(review.daysFromRequestToDecision))} days.`);
  out.push("");
  h("The reasons given");
  const decisionTextOf = ownField(review, "decisionText");
  for (const finding of review.findings) {
    const classifiedAs = ownField(finding, "classifiedAs");
    const onTheFacts = ownField(finding, "onTheFacts");
    const positions = ownField(finding, "positions");
    // A reason read from the letter: where it was read, the letter's own words when the caller
    // asked for them (`includeDecisionText`), and what it was read as, in plain English, never a code.
    const placed = Array.isArray(positions) && positions.length > 0 ? (positions as readonly string[]) : [];
    const partsRead = Array.isArray(decisionTextOf?.parts) ? decisionTextOf.parts : [];
    const words = placed
      .map((p) => partsRead.find((part) => ownField(part, "position") === p))
      .map((part) => (part === undefined ? undefined : ownField(part, "text")))
      .filter((t): t is string => typeof t === "string");
    const quoted = words.length > 0 ? ` ("${words.map(esc).join('"; "')}")` : "";
    const subject =
      classifiedAs === undefined
        ? `"${line(finding.label)}"`
        : placed.length > 0
          ? `${capitalise(line(placed.join("; ")))} of the decision${quoted}, read as "${line(finding.label)}",`
          : `A reason given in free text, read as "${line(finding.label)}",`;
    const cites = finding.citations.map((c) => (md ? markdownCitation(c) : oneLine(c.title))).join("; ");
    const flag = finding.unverified
      ? md
        ? " _(rests on an unverified point)_"
        : " (rests on an unverified point)"
      : "";
    out.push(
      `- ${subject} ${Object.hasOwn(FINDING_WORDS, finding.finding) ? FINDING_WORDS[finding.finding] : line(String(finding.finding))}.${flag} ${line(finding.why)}${onTheFacts ? ` On the facts: ${line(onTheFacts)}` : ""} (${cites})`,
    );
  }
  const decisionText = ownField(review, "decisionText");
  // A Northern Ireland review assesses `ni-spo`: the 2022 Act's test, not the 2019 Act's.
  const northernIreland = ownField(review.spo, "rule") === "ni-spo";
  const unread = Array.isArray(decisionText?.notRecognised) ? decisionText.notRecognised : [];
  if (unread.length > 0) {
    out.push(
      `- Not recognised: ${line(unread.join("; "))} of the decision's text. Read ${unread.length === 1 ? "it" : "them"} against ${northernIreland ? "the conditions of the 2022 Act (s.7 and s.8(2))" : "the three conditions of s.1(1)"}.`,
    );
  }
  out.push("");
  h("What the Act requires");
  out.push(northernIreland ? NORTHERN_IRELAND_TEST : ENGLAND_AND_WALES_TEST);
  out.push(
    `On the facts recorded, the SPO test is assessed as: ${line(String(review.spo.outcome).replace(/-/g, " "))} (law as at ${esc(String(review.asOf))}).`,
  );
  out.push("");
  h("What to ask the force to reconsider");
  const notHolding = review.findings.filter(
    (f) =>
      f.finding === "misstates-the-law" ||
      f.finding === "contradicted-by-facts" ||
      f.finding === "misdirected" ||
      f.finding === "contrary-to-guidance" ||
      f.finding === "questionable",
  );
  if (notHolding.length === 0)
    out.push("- No reason given is flagged; ask only for the facts still missing, if any.");
  for (const finding of notHolding) {
    if (finding.finding === "misdirected") {
      const referTo = ownField(finding, "referTo");
      out.push(
        `- Refer the request${referTo?.length ? ` to ${referTo.map(forceName).join(" or ")}` : " to the force for the suspect's home area, or one the suspect is believed to be in or coming to"} rather than closing it.`,
      );
    } else {
      out.push(
        `- Reconsider without relying on "${line(finding.label)}": ${
          finding.finding === "questionable"
            ? "it is doubtful as a reason on its own"
            : finding.finding === "contrary-to-guidance"
              ? "it goes against the statutory guidance in force when the decision was made"
              : "it does not hold"
        }.`,
      );
    }
  }
  for (const q of review.questions) out.push(`- Record and consider: ${line(q.question)}`);
  out.push("");
  out.push(line(review.verdictText));
  out.push(md ? `\n_${NOT_LEGAL_ADVICE}_` : `\n${NOT_LEGAL_ADVICE}`);
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * The text form laid out as the other documents' HTML page: its first line the title, each line in capitals a
 * section heading, "- " lines a list, every other line a paragraph; every character escaped.
 */
function challengeHtml(text: string): string {
  const lines = text.split("\n");
  const title = lines.find((l) => l.trim() !== "") ?? "Request for review";
  const parts = [`<h1>${escapeHtml(title)}</h1>`];
  let list = false;
  let section = false;
  const closeList = () => {
    if (list) parts.push("</ul>");
    list = false;
  };
  for (const line of lines.slice(lines.indexOf(title) + 1)) {
    if (line.trim() === "") {
      closeList();
      continue;
    }
    if (line.startsWith("- ")) {
      if (!list) parts.push("<ul>");
      list = true;
      parts.push(`<li>${escapeHtml(line.slice(2))}</li>`);
      continue;
    }
    closeList();
    if (line === NOT_LEGAL_ADVICE) parts.push(`<p class="closing">${escapeHtml(line)}</p>`);
    else if (/[A-Z]/.test(line) && line === line.toUpperCase()) {
      if (section) parts.push("</section>");
      section = true;
      parts.push(`<section><h2>${escapeHtml(line)}</h2>`);
    } else parts.push(`<p>${escapeHtml(line)}</p>`);
  }
  closeList();
  if (section) parts.push("</section>");
  return documentPage(title, parts.join("\n"));
}
