// The interview page (issue 31): one question at a time from the library's nextQuestion, each answer
// recorded with answerQuestion, a running summary from safeAssess, and at the end the request letter
// and the application pack (spoRequestLetter, spoApplicationPack) to read, print or download.
// Nothing leaves the page: no request is made, nothing goes in the URL or in storage; the answers
// live in this page's memory only, and are gone when it is closed.
import {
  answerQuestion,
  INTERVIEW_ACT_KINDS,
  nextQuestion,
  safeAssess,
  spoApplicationPack,
  spoRequestLetter,
  todayInLondon,
} from "./protective-orders.browser.js";

const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children; every text is set as text, never as markup. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

const OUTCOME_WORDS = {
  available: "available",
  "not-available": "not available",
  "needs-information": "needs information",
};

// The interview's state, in memory only.
const state = {
  asOf: todayInLondon(),
  facts: { id: "interview" },
  /** Each answered step: the facts before it, the question and the answer. */
  steps: [],
  question: null,
  /** The answer to show selected when a question is asked again (Back, Change). */
  previous: undefined,
  /** Acts added so far, for an acts question. */
  acts: [],
  /** Whether "No act has happened" was the answer shown (Back, Change). */
  noActs: false,
  shown: "letter",
  /** Questions the user does not know the answer to: not asked again; their facts stay unknown. */
  skipped: [],
  urls: [],
};

function actWords(kind) {
  return kind.replace(/-/g, " ");
}

function answerWords(question, answer) {
  if (answer === undefined) return "Not known";
  if (question.answerType === "acts")
    return answer.length === 0
      ? "No act has happened"
      : answer.map((a) => `${actWords(a.kind)}${a.date ? ` (${a.date})` : ""}${unwelcomeWords(a)}`).join("; ");
  const option = question.answers.find((o) => JSON.stringify(o.value) === JSON.stringify(answer));
  if (option && question.answerType !== "age") return option.label;
  return String(answer);
}

function ruleLabels() {
  const result = safeAssess(state.facts, { asOf: state.asOf });
  return result.success ? new Map(result.assessment.orders.map((o) => [o.rule, o.label])) : new Map();
}

// ---------------------------------------------------------------------------------------------
// The question.

function renderAnswerArea(question) {
  const area = $("#answer-area");
  area.replaceChildren();
  const previous = state.previous;
  if (question.answerType === "yes-no" || question.answerType === "choice") {
    if (question.answers.length > 8) {
      const select = el("select", { id: "answer-select", name: "answer", "aria-describedby": "help" });
      select.append(el("option", { value: "", text: "Choose…" }));
      question.answers.forEach((o, i) =>
        select.append(el("option", { value: String(i), text: o.label, selected: JSON.stringify(o.value) === JSON.stringify(previous) })),
      );
      area.append(el("label", { for: "answer-select", text: "Your answer" }), select);
    } else {
      const fieldset = el("fieldset", { "aria-describedby": "help" }, el("legend", { text: "Your answer" }));
      question.answers.forEach((o, i) => {
        const id = `answer-${i}`;
        fieldset.append(
          el(
            "label",
            { for: id },
            el("input", {
              type: "radio",
              name: "answer",
              id,
              value: String(i),
              checked: JSON.stringify(o.value) === JSON.stringify(previous),
            }),
            ` ${o.label}`,
          ),
        );
      });
      area.append(fieldset);
    }
  } else if (question.answerType === "age") {
    area.append(
      el("label", { for: "answer-age", text: "Age in whole years" }),
      el("input", { type: "number", id: "answer-age", min: "0", max: "130", step: "1", inputmode: "numeric", value: previous ?? "", "aria-describedby": "help" }),
    );
  } else if (question.answerType === "date") {
    area.append(
      el("label", { for: "answer-date", text: "Date" }),
      el("input", { type: "date", id: "answer-date", value: previous ?? "", "aria-describedby": "help" }),
    );
  } else if (question.answerType === "acts") {
    state.acts = Array.isArray(previous) ? [...previous] : [];
    state.noActs = Array.isArray(previous) && previous.length === 0;
    renderActs(area);
  }
}

function renderActs(area) {
  area.replaceChildren();
  const list = el("ul", { className: "acts-list", id: "acts-list", "aria-live": "polite" });
  state.acts.forEach((act, i) => {
    const remove = el("button", { type: "button", text: "Remove", "aria-label": `Remove act ${i + 1}: ${actWords(act.kind)}` });
    remove.addEventListener("click", () => {
      state.acts.splice(i, 1);
      renderActs(area);
      $("#act-kind").focus();
    });
    list.append(el("li", {}, `Act ${i + 1}: ${actWords(act.kind)}${act.date ? ` on ${act.date}` : ""}${unwelcomeWords(act)} `, remove));
  });
  const kind = el("select", { id: "act-kind" });
  for (const k of INTERVIEW_ACT_KINDS) kind.append(el("option", { value: k, text: actWords(k) }));
  const add = el("button", { type: "button", id: "add-act", text: "Add this act" });
  add.addEventListener("click", () => {
    const date = $("#act-date").value;
    const unwelcome = $("#act-unwelcome").value;
    // "Not known" leaves the point out: unknown, never "no".
    state.acts.push({ kind: kind.value, ...(date ? { date } : {}), ...(unwelcome === "" ? {} : { unwelcome: unwelcome === "yes" }) });
    $("#no-acts").checked = false;
    renderActs(area);
    $("#act-kind").focus();
  });
  area.append(
    el("h3", { text: state.acts.length === 0 ? "No acts added yet" : `Acts added: ${state.acts.length}` }),
    list,
    el(
      "div",
      { className: "act-row", role: "group", "aria-label": "Add an act" },
      el("label", { for: "act-kind", text: "Kind of act" }),
      kind,
      el("label", { for: "act-date", text: "Date, if known" }),
      el("input", { type: "date", id: "act-date" }),
      el("label", { for: "act-unwelcome", text: "Was it unwelcome, and did the suspect know or ought to have known that?" }),
      el(
        "select",
        { id: "act-unwelcome" },
        el("option", { value: "", text: "Not known" }),
        el("option", { value: "yes", text: "Yes" }),
        el("option", { value: "no", text: "No" }),
      ),
      add,
    ),
    el(
      "label",
      { for: "no-acts", className: "no-acts" },
      el("input", { type: "checkbox", id: "no-acts", ...(state.acts.length === 0 && state.noActs ? { checked: true } : {}) }),
      " No act has happened (then a Stalking Protection Order cannot be made)",
    ),
    el("p", { className: "hint", text: "Add every act with \u201cAdd this act\u201d, then choose Next. If no act has happened, tick the box instead. If you do not know, choose \u201cI don\u2019t know\u201d." }),
  );
}

function readAnswer(question) {
  if (question.answerType === "yes-no" || question.answerType === "choice") {
    const picked = document.querySelector('input[name="answer"]:checked')?.value ?? $("#answer-select")?.value;
    if (picked === undefined || picked === "") return { error: "Choose an answer." };
    return { value: question.answers[Number(picked)].value };
  }
  if (question.answerType === "age") {
    const raw = $("#answer-age").value;
    const n = Number(raw);
    if (raw === "" || !Number.isInteger(n) || n < 0 || n > 130) return { error: "Enter an age in whole years, from 0 to 130." };
    return { value: n };
  }
  if (question.answerType === "date") {
    const raw = $("#answer-date").value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { error: "Enter a date." };
    return { value: raw };
  }
  // An act chosen but not added, or no act and no tick, is not an answer: [] would record that no
  // act has happened, which makes the SPO not available.
  if ($("#act-date")?.value) return { error: "Add the act with \u201cAdd this act\u201d, or clear its date." };
  if (state.acts.length === 0 && !$("#no-acts")?.checked)
    return { error: "Add each act with \u201cAdd this act\u201d, or tick \u201cNo act has happened\u201d." };
  return { value: [...state.acts] };
}

function unwelcomeWords(act) {
  return act.unwelcome === true ? " (unwelcome)" : act.unwelcome === false ? " (not shown unwelcome)" : " (unwelcome: not known)";
}

function renderQuestion() {
  const question = state.question;
  $("#documents").hidden = true;
  $("#question-card").hidden = false;
  $("#progress").textContent = `Question ${state.steps.length + 1}`;
  $("#question-heading").textContent = question.question;
  const labels = ruleLabels();
  const settles = question.settles.map((r) => labels.get(r) ?? r).join(", ");
  const citation = el("a", { href: question.citation.url, text: question.citation.title });
  $("#help").replaceChildren(
    el("p", { text: question.help }),
    el("p", { className: "cite" }, "Why this is asked: ", citation, question.citation.unverified ? " (unverified)" : ""),
    el("p", { className: "cite", text: `The answer can settle: ${settles}.` }),
  );
  $("#answer-error").hidden = true;
  renderAnswerArea(question);
  $("#back").disabled = state.steps.length === 0;
  $("#question-heading").focus();
}

// ---------------------------------------------------------------------------------------------
// The running summary: what is available, and why; the answers so far, each with Change.

function renderSummary() {
  const status = $("#summary-status");
  const result = safeAssess(state.facts, { asOf: state.asOf });
  if (!result.success) {
    status.replaceChildren(el("p", { className: "error", text: "The answers could not be assessed." }));
    return;
  }
  const { assessment } = result;
  const reasons = new Map(assessment.recommendation.ranked.map((r) => [r.rule, r.reason]));
  const list = el("ul", { className: "status-list" });
  for (const order of assessment.orders) {
    if (order.outcome === "not-available" && !order.rule.includes("spo")) continue;
    const why = order.outcome === "available" ? ` ${reasons.get(order.rule) ?? ""}` : "";
    list.append(el("li", {}, el("strong", { text: `${order.label}: ` }), `${OUTCOME_WORDS[order.outcome]}.${why}`));
  }
  status.replaceChildren(el("p", { text: assessment.recommendation.summary }), list);
  const answers = $("#answers-list");
  answers.replaceChildren();
  state.steps.forEach((step, i) => {
    const change = el("button", { type: "button", text: "Change", "aria-label": `Change answer ${i + 1}: ${step.question.question}` });
    change.addEventListener("click", () => goBackTo(i));
    answers.append(el("li", {}, el("span", { text: `${step.question.question} ` }), el("strong", { text: answerWords(step.question, step.answer) }), " ", change));
  });
  if (state.steps.length === 0) answers.append(el("li", { text: "No answers yet." }));
}

function goBackTo(index) {
  const step = state.steps[index];
  state.facts = step.factsBefore;
  state.previous = step.answer;
  // Later answers may no longer apply once this one changes: they are asked again.
  state.steps = state.steps.slice(0, index);
  state.skipped = state.steps.filter((s) => s.skipped).map((s) => s.question.id);
  advance(false);
}

// ---------------------------------------------------------------------------------------------
// The documents.

function documentText(format) {
  const options = { asOf: state.asOf, format };
  return state.shown === "pack" ? spoApplicationPack(state.facts, options) : spoRequestLetter(state.facts, options);
}

function renderDocuments() {
  $("#question-card").hidden = true;
  $("#documents").hidden = false;
  for (const url of state.urls) URL.revokeObjectURL(url);
  const html = documentText("html");
  const markdown = documentText("markdown");
  // The document's own markup, made by the library with every value escaped, shown without its
  // inline style (the page's CSP allows none): the page's stylesheet styles it.
  const parsed = new DOMParser().parseFromString(html, "text/html");
  $("#document-view").replaceChildren(...[...parsed.querySelector("main").childNodes].map((n) => document.importNode(n, true)));
  const name = state.shown === "pack" ? "spo-application-pack" : "spo-request-letter";
  const htmlUrl = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  const mdUrl = URL.createObjectURL(new Blob([markdown], { type: "text/markdown" }));
  state.urls = [htmlUrl, mdUrl];
  Object.assign($("#download-html"), { href: htmlUrl, download: `${name}.html` });
  Object.assign($("#download-md"), { href: mdUrl, download: `${name}.md` });
  $("#show-letter").setAttribute("aria-pressed", String(state.shown === "letter"));
  $("#show-pack").setAttribute("aria-pressed", String(state.shown === "pack"));
}

// ---------------------------------------------------------------------------------------------

function advance(clearPrevious = true) {
  if (clearPrevious) state.previous = undefined;
  state.question = nextQuestion(state.facts, { asOf: state.asOf, skip: state.skipped });
  renderSummary();
  if (state.question === null) {
    renderDocuments();
    $("#documents-heading").focus();
  } else renderQuestion();
}

function start() {
  $("#as-of").value = state.asOf;
  $("#as-of").addEventListener("change", (event) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) return;
    state.asOf = event.target.value;
    advance(false);
  });
  $("#answer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = state.question;
    const read = readAnswer(question);
    if (read.error) {
      const error = $("#answer-error");
      error.textContent = read.error;
      error.hidden = false;
      return;
    }
    const factsBefore = state.facts;
    state.facts = answerQuestion(state.facts, question.id, read.value);
    state.steps.push({ factsBefore, question, answer: read.value });
    advance();
  });
  $("#dont-know").addEventListener("click", () => {
    const question = state.question;
    state.skipped.push(question.id);
    state.steps.push({ factsBefore: state.facts, question, answer: undefined, skipped: true });
    advance();
  });
  $("#back").addEventListener("click", () => {
    if (state.steps.length > 0) goBackTo(state.steps.length - 1);
  });
  $("#show-letter").addEventListener("click", () => {
    state.shown = "letter";
    renderDocuments();
  });
  $("#show-pack").addEventListener("click", () => {
    state.shown = "pack";
    renderDocuments();
  });
  $("#print").addEventListener("click", () => window.print());
  advance();
}

try {
  start();
} catch (error) {
  const box = $("#load-error");
  box.textContent = "The interview could not start in this browser.";
  box.hidden = false;
  throw error;
}
