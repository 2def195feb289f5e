// The try-it page: turns the form into case facts, runs the library's browser build in the page
// (safeAssess and explain), and renders the outcome of each order, the recommendation, the open
// questions and the explanation. For a declined SPO request it also runs safeReviewSpoDecline on the
// decision's words and reason codes, and renders each finding, the parts not recognised (by position
// only) and the challenge summary. Nothing leaves the page: no request is made, nothing is stored.
import {
  CriminalProceedingsSchema,
  challengeSummary,
  DECLINE_REASONS,
  explain,
  IncidentKindSchema,
  incidentKindIsListedStalkingAct,
  POLICE_FORCES,
  RelationshipSchema,
  safeAssess,
  safeReviewSpoDecline,
  todayInLondon,
} from "./protective-orders.browser.js";

const $ = (selector) => document.querySelector(selector);
const form = $("#case-form");

// ---------------------------------------------------------------------------------------------
// Small DOM helpers. Every text is set with textContent: case facts never become markup.

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A link to a citation, opening the provision in a new tab, marked if it is unverified. */
function citationLink(citation) {
  return el(
    "span",
    { className: "citation" },
    el("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer" }, citation.title),
    citation.unverified
      ? el("span", { className: "badge unverified", title: "Not confirmed by the law digest" }, "UNVERIFIED")
      : null,
  );
}

function sentence(id) {
  const text = id.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// The form's options come from the library itself, so they cannot drift from the schema.

function fillOptions() {
  const forces = [...POLICE_FORCES].sort((a, b) => a.name.localeCompare(b.name));
  for (const force of forces) $("#policeForceArea").append(el("option", { value: force.id }, force.name));
  for (const force of forces.filter((f) => f.territorial))
    $("#suspectHomeForceArea").append(el("option", { value: force.id }, force.name));
  for (const summary of RelationshipSchema.shape.summary.unwrap().options) {
    $("#relationshipSummary").append(el("option", { value: summary }, sentence(summary)));
  }
  for (const status of CriminalProceedingsSchema.shape.status.unwrap().options) {
    $("#criminalStatus").append(el("option", { value: status }, sentence(status)));
  }
  const stalking = $("#stalking-kinds");
  const other = $("#other-kinds");
  stalking.append(el("p", { className: "group-title" }, "Acts associated with stalking (PHA 1997 s.2A(3))"));
  other.append(el("p", { className: "group-title" }, "Other conduct"));
  for (const kind of IncidentKindSchema.options) {
    const box = el(
      "label",
      { className: "check" },
      el("input", { type: "checkbox", name: "incident", value: kind, id: `incident-${kind}` }),
      ` ${sentence(kind)}`,
    );
    (incidentKindIsListedStalkingAct(kind) ? stalking : other).append(box);
  }
  const reasons = $("#reason-codes");
  reasons.append(el("p", { className: "group-title" }, "Reasons given, as codes (optional)"));
  for (const reason of DECLINE_REASONS) {
    if (reason.code === "unclassified") continue;
    reasons.append(
      el(
        "label",
        { className: "check" },
        el("input", { type: "checkbox", name: "reason", value: reason.code, id: `reason-${reason.code}` }),
        ` ${reason.label}`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Form → case facts. A field left at "unknown" is left out of the facts: unknown, never false.

function triState(name) {
  const value = form.elements[name].value;
  return value === "yes" ? true : value === "no" ? false : undefined;
}

function age(name) {
  const raw = form.elements[name].value.trim();
  if (raw === "") return undefined;
  const n = Number(raw);
  // Anything not a whole number is passed as given, so validation reports it by path.
  return Number.isFinite(n) ? n : raw;
}

function nonEmpty(object) {
  return Object.keys(object).length > 0 ? object : undefined;
}

function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function caseFactsFromForm() {
  const f = form.elements;
  const intimateStatus = f.intimateRelationship.value;
  const significant = f.significantDuration.value;
  const relationship = defined({
    summary: f.relationshipSummary.value || undefined,
    allConnectionsRecorded: f.allConnectionsRecorded.checked ? true : undefined,
    intimateRelationship: intimateStatus
      ? defined({
          status: intimateStatus,
          significantDuration: significant === "yes" ? true : significant === "no" ? false : undefined,
        })
      : undefined,
  });
  const kinds = [...form.querySelectorAll('input[name="incident"]:checked')].map((box) => box.value);
  // Applies to every ticked act: the clear case of an act associated with stalking (SPA 2019 s.1(4)(b)).
  const unwelcome = triState("unwelcome");
  const risk = defined({
    physicalHarm: triState("physicalHarm"),
    psychologicalHarm: triState("psychologicalHarm"),
    ongoing: triState("ongoing"),
  });
  const protection = f.protection.value;
  const suspectAge = age("suspectAge");
  const victimAge = age("victimAge");
  const suspect = defined({ age: suspectAge, homeForceArea: f.suspectHomeForceArea.value || undefined });
  return defined({
    id: "try-it",
    jurisdiction: f.jurisdiction.value || undefined,
    policeForceArea: f.policeForceArea.value || undefined,
    suspect: nonEmpty(suspect),
    personsToProtect: victimAge === undefined ? undefined : [{ role: "victim", age: victimAge }],
    relationship: nonEmpty(relationship),
    incidents: kinds.length > 0 ? kinds.map((kind) => defined({ kind, suspectKnewOrOughtToKnowUnwelcome: unwelcome })) : undefined,
    risk: nonEmpty(risk),
    protection: protection === "none" ? {} : protection === "adequate" ? { adequate: true } : undefined,
    criminal: f.criminalStatus.value ? { status: f.criminalStatus.value } : undefined,
  });
}

/** The declined request as `safeReviewSpoDecline` takes it, or undefined if no decline is recorded. */
function declineFromForm() {
  const f = form.elements;
  if (!f.spoDeclined.checked) return undefined;
  const codes = [...form.querySelectorAll('input[name="reason"]:checked')].map((box) => ({ code: box.value }));
  const freeText = f.decisionText.value;
  return defined({
    requestedOn: f.requestedOn.value || undefined,
    decision: defined({
      outcome: "declined",
      decidedOn: f.decidedOn.value || undefined,
      reasons: codes.length > 0 ? codes : undefined,
      freeText: freeText.trim() === "" ? undefined : freeText,
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// A small, safe Markdown renderer for what explain() writes: headings, nested lists, paragraphs,
// **bold**, _emphasis_, `code` and [links](https://...). The text is escaped before any markup is added.

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// explain() marks each limb ✅ holds, ❌ fails or ❓ unknown: shown as words, which need no emoji font and
// read out clearly.
const MARKS = { "✅": "holds", "❌": "fails", "❓": "unknown" };

function inline(text) {
  return escapeHtml(text)
    .replace(
      /(✅|❌|❓)\s?/gu,
      (mark) => `<span class="mark ${MARKS[mark.trim()]}">${MARKS[mark.trim()]}</span>`,
    )
    .replace(
      /\[((?:[^[\]]|\[[^\]]*\])+)\]\((https?:\/\/[^\s)]+)\)/g,
      (_, label, url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`,
    )
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:])/g, "$1<em>$2</em>");
}

function markdownToHtml(markdown) {
  const out = [];
  const lists = []; // open lists: { indent, tag }
  let paragraph = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
    paragraph = [];
  };
  const closeLists = (indent) => {
    while (lists.length > 0 && lists[lists.length - 1].indent > indent) {
      out.push(`</li></${lists.pop().tag}>`);
    }
  };
  for (const line of markdown.split("\n")) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (line.trim() === "") {
      flushParagraph();
      closeLists(-1);
    } else if (heading) {
      flushParagraph();
      closeLists(-1);
      const level = Math.min(6, heading[1].length + 1); // the page's own h2 sits above
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (item) {
      flushParagraph();
      const indent = item[1].length;
      const tag = /\d/.test(item[2]) ? "ol" : "ul";
      closeLists(indent);
      const top = lists[lists.length - 1];
      if (top && top.indent === indent && top.tag !== tag) {
        out.push(`</li></${lists.pop().tag}>`);
      }
      const current = lists[lists.length - 1];
      if (current && current.indent === indent) out.push("</li>");
      else {
        out.push(`<${tag}>`);
        lists.push({ indent, tag });
      }
      out.push(`<li>${inline(item[3])}`);
    } else if (lists.length > 0 && /^\s+/.test(line)) {
      // A continuation line of a list item.
      out.push(`<br>${inline(line.trim())}`);
    } else {
      closeLists(-1);
      paragraph.push(line);
    }
  }
  flushParagraph();
  closeLists(-1);
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Rendering the assessment.

const OUTCOME_WORDS = {
  available: "Available",
  "not-available": "Not available",
  "needs-information": "Needs information",
};

function renderOrders(assessment) {
  const rows = assessment.orders.map((order) =>
    el(
      "tr",
      { dataset: { rule: order.rule, order: order.order, outcome: order.outcome } },
      el(
        "th",
        { scope: "row" },
        order.label,
        assessment.recommendation.first === order.rule
          ? el("span", { className: "badge first" }, "consider first")
          : null,
        order.unverified
          ? el(
              "span",
              { className: "badge unverified", title: "Rests on a point the law digest could not confirm" },
              "UNVERIFIED",
            )
          : null,
      ),
      el(
        "td",
        {},
        el("span", { className: `outcome ${order.outcome}` }, OUTCOME_WORDS[order.outcome] ?? order.outcome),
      ),
      el(
        "td",
        {},
        citationLink(order.citation),
        order.lawStatus === "in-force"
          ? null
          : el("span", { className: "law-status" }, ` (${order.lawStatus.replace(/-/g, " ")})`),
      ),
    ),
  );
  $("#orders tbody").replaceChildren(...rows);
}

function renderRecommendation(assessment) {
  const recommendation = assessment.recommendation;
  const section = $("#recommendation");
  section.dataset.first = recommendation.first ?? "none";
  $("#recommendation-summary").textContent = recommendation.summary;
  $("#recommendation-ranked").replaceChildren(
    ...recommendation.ranked.map((entry) =>
      el(
        "li",
        { dataset: { rule: entry.rule, role: entry.role, outcome: entry.outcome } },
        el("strong", {}, entry.label),
        ` (${entry.role}, ${OUTCOME_WORDS[entry.outcome]?.toLowerCase() ?? entry.outcome}): ${entry.reason} `,
        ...entry.citations.map((c) => citationLink(c)),
      ),
    ),
  );
  $("#what-would-change").replaceChildren(
    ...recommendation.whatWouldChange.map((text) => el("li", {}, text)),
  );
}

function renderQuestions(assessment) {
  const items = assessment.questions.map((q) =>
    el(
      "li",
      { dataset: { fact: q.fact } },
      q.question,
      q.settles.length > 0 ? el("span", { className: "settles" }, ` settles: ${q.settles.join(", ")} `) : " ",
      citationLink(q.citation),
    ),
  );
  $("#questions").replaceChildren(
    ...(items.length > 0 ? items : [el("li", { className: "none" }, "None: every outcome is settled.")]),
  );
}

function renderNotices(assessment) {
  $("#notices-section").hidden = assessment.notices.length === 0;
  $("#notices").replaceChildren(
    ...assessment.notices.map((n) =>
      el("li", { dataset: { code: n.code } }, `${n.text} `, ...n.citations.map(citationLink)),
    ),
  );
}

function renderExplanation(assessment) {
  const format = $("#explainFormat").value;
  const orders = $("#explainOrders").value;
  const target = $("#explanation");
  if (format === "text") {
    target.replaceChildren(el("pre", {}, explain(assessment, { format: "text", orders })));
  } else if (format === "markdown-source") {
    target.replaceChildren(el("pre", {}, explain(assessment, { format: "markdown", orders })));
  } else {
    target.innerHTML = markdownToHtml(explain(assessment, { format: "markdown", orders }));
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering the review of a declined request. Only what the library returns is shown: positions,
// codes, the law's words and citations. The decision's own words are never put back on the page.

const FINDING_WORDS = {
  "misstates-the-law": "Misstates the law",
  misdirected: "Misdirected: refer, don't close",
  "contradicted-by-facts": "Contradicted by the facts",
  "contrary-to-guidance": "Contrary to the statutory guidance",
  questionable: "Questionable",
  "lawful-on-these-facts": "A lawful ground on these facts",
  "needs-information": "Needs information",
};

const VERDICT_WORDS = {
  "likely-wrongly-declined": "Likely wrongly declined",
  "review-recommended": "Review recommended",
  "consistent-with-the-law": "Consistent with the law",
  "needs-information": "Needs information",
};

const LABELS = new Map(DECLINE_REASONS.map((reason) => [reason.code, reason.label]));

function renderFinding(finding) {
  const readAs = finding.classifiedAs;
  return el(
    "li",
    {
      dataset: {
        code: finding.code,
        classifiedAs: readAs,
        finding: finding.finding,
        positions: finding.positions?.join("; "),
      },
    },
    el("strong", {}, readAs ? (LABELS.get(readAs) ?? readAs) : finding.label),
    readAs
      ? el(
          "span",
          { className: "read-as" },
          ` (read from the decision's words${finding.positions?.length ? `, ${finding.positions.join("; ")}` : ""})`,
        )
      : null,
    ": ",
    el("span", { className: `finding ${finding.finding}` }, FINDING_WORDS[finding.finding] ?? finding.finding),
    finding.unverified
      ? el(
          "span",
          { className: "badge unverified", title: "Rests on a point the law digest could not confirm" },
          "UNVERIFIED",
        )
      : null,
    el("p", { className: "why" }, finding.why),
    finding.onTheFacts ? el("p", { className: "on-the-facts" }, `On the facts: ${finding.onTheFacts}`) : null,
    el("p", { className: "citations" }, ...finding.citations.map(citationLink)),
  );
}

function renderDeclineReview(facts, asOf) {
  const section = $("#decline-review");
  const request = declineFromForm();
  $("#decision-details").hidden = request === undefined;
  if (request === undefined) {
    section.hidden = true;
    delete section.dataset.verdict;
    return;
  }
  $("#decision-json").textContent = JSON.stringify(request, null, 2);
  section.hidden = false;
  // The law as at the decision date; with none recorded, as at the page's assessment date.
  const options = request.decision.decidedOn ? {} : { asOf };
  const result = safeReviewSpoDecline(facts, request, options);
  if (!result.success) {
    section.dataset.verdict = "invalid";
    $("#decline-verdict").replaceChildren(
      el("span", {}, "The decision does not validate: "),
      ...result.problems.map((p) => el("span", { className: "problem" }, `${p.path || "(decision)"}: ${p.message}. `)),
    );
    for (const id of ["#decline-spo", "#challenge-summary"]) $(id).textContent = "";
    $("#decline-findings").replaceChildren();
    $("#decline-unread-section").hidden = true;
    $("#decline-questions-section").hidden = true;
    return;
  }
  const review = result.review;
  section.dataset.verdict = review.verdict;
  section.dataset.rule = review.spo.rule;
  $("#decline-verdict").replaceChildren(
    el("span", { className: `verdict ${review.verdict}` }, VERDICT_WORDS[review.verdict] ?? review.verdict),
    " ",
    review.verdictText,
  );
  $("#decline-spo").replaceChildren(
    `${review.spo.label} on the recorded facts: `,
    el(
      "span",
      { className: `outcome ${review.spo.outcome}` },
      OUTCOME_WORDS[review.spo.outcome] ?? review.spo.outcome,
    ),
    ` (law as at ${review.asOf}) `,
    citationLink(review.spo.citation),
  );
  $("#decline-findings").replaceChildren(
    ...(review.findings.length > 0
      ? review.findings.map(renderFinding)
      : [el("li", { className: "none" }, "No reason recorded.")]),
  );
  const unread = review.decisionText?.notRecognised ?? [];
  $("#decline-unread-section").hidden = unread.length === 0;
  $("#decline-unread").replaceChildren(
    ...unread.map((position) => el("li", { dataset: { position } }, `Not recognised: ${position}`)),
  );
  $("#decline-questions-section").hidden = review.questions.length === 0;
  $("#decline-questions").replaceChildren(
    ...review.questions.map((q) => el("li", { dataset: { fact: q.fact } }, `${q.question} `, citationLink(q.citation))),
  );
  $("#challenge-summary").textContent = challengeSummary(review, { format: "text" });
}

let current;

function run() {
  const facts = caseFactsFromForm();
  $("#facts-json").textContent = JSON.stringify(facts, null, 2);
  const result = safeAssess(facts, { asOf: form.elements.asOf.value || undefined });
  const problems = $("#problems");
  if (!result.success) {
    problems.hidden = false;
    problems.replaceChildren(
      el("p", {}, "These facts do not validate:"),
      el("ul", {}, ...result.problems.map((p) => el("li", {}, `${p.path || "(case)"}: ${p.message}`))),
    );
    $("#results").dataset.state = "invalid";
    $("#decline-review").hidden = true;
    return;
  }
  problems.hidden = true;
  current = result.assessment;
  renderRecommendation(current);
  renderOrders(current);
  renderQuestions(current);
  renderNotices(current);
  renderExplanation(current);
  renderDeclineReview(facts, current.asOf);
  $("#results").dataset.state = "ready";
  $("#results").dataset.asOf = current.asOf;
}

// ---------------------------------------------------------------------------------------------
// Examples.

const PRESETS = {
  declined: {
    jurisdiction: "england-and-wales",
    relationshipSummary: "stranger",
    allConnectionsRecorded: true,
    incidents: ["following", "loitering", "watching-or-spying"],
    unwelcome: "yes",
    psychologicalHarm: "yes",
    ongoing: "yes",
    protection: "none",
    criminalStatus: "under-investigation",
    spoDeclined: true,
    decisionText:
      "Thank you for your request. He has not been charged so an SPO cannot be applied for. The victim does not want to go to court.",
  },
  stranger: {
    jurisdiction: "england-and-wales",
    relationshipSummary: "stranger",
    allConnectionsRecorded: true,
    incidents: ["following", "loitering", "watching-or-spying"],
    unwelcome: "yes",
    psychologicalHarm: "yes",
    ongoing: "yes",
    protection: "none",
    criminalStatus: "under-investigation",
    suspectAge: "44",
    victimAge: "29",
  },
  "ex-partner": {
    jurisdiction: "england-and-wales",
    policeForceArea: "kent",
    relationshipSummary: "ex-partner",
    allConnectionsRecorded: true,
    intimateRelationship: "former",
    significantDuration: "yes",
    incidents: ["contacting", "monitoring-electronic-communications", "threats-of-violence"],
    physicalHarm: "yes",
    unwelcome: "yes",
    psychologicalHarm: "yes",
    ongoing: "yes",
    protection: "none",
    criminalStatus: "none",
    suspectAge: "37",
    victimAge: "34",
  },
  // Northern Ireland: the same stranger stalking, under the Protection from Stalking Act (Northern Ireland) 2022.
  "northern-ireland": {
    jurisdiction: "northern-ireland",
    policeForceArea: "psni",
    relationshipSummary: "stranger",
    allConnectionsRecorded: true,
    incidents: ["following", "loitering", "watching-or-spying"],
    unwelcome: "yes",
    psychologicalHarm: "yes",
    ongoing: "yes",
    protection: "none",
    criminalStatus: "under-investigation",
    suspectAge: "44",
    victimAge: "29",
  },
};

function applyPreset(name) {
  const asOf = form.elements.asOf.value;
  form.reset();
  form.elements.asOf.value = asOf;
  for (const [key, value] of Object.entries(PRESETS[name])) {
    if (key === "incidents") {
      for (const kind of value) $(`#incident-${kind}`).checked = true;
    } else if (key === "allConnectionsRecorded" || key === "spoDeclined") {
      form.elements[key].checked = value;
    } else {
      // A select, a number, or a radio group (whose RadioNodeList takes the value to check).
      form.elements[key].value = value;
    }
  }
  run();
}

// ---------------------------------------------------------------------------------------------

function start() {
  fillOptions();
  form.elements.asOf.value = todayInLondon();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener("input", () => run());
  form.addEventListener("change", () => run());
  form.addEventListener("reset", () => {
    // After the browser has reset the fields: keep the date, then assess the empty case.
    setTimeout(() => {
      form.elements.asOf.value = todayInLondon();
      run();
    });
  });
  for (const button of document.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => applyPreset(button.dataset.preset));
  }
  $("#explainFormat").addEventListener("change", () => current && renderExplanation(current));
  $("#explainOrders").addEventListener("change", () => current && renderExplanation(current));
  run();
  document.documentElement.dataset.ready = "true";
}

try {
  start();
} catch (error) {
  const message = $("#load-error");
  message.hidden = false;
  message.textContent = `The library could not start in this browser: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}
