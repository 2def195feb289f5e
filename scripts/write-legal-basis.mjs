// Writes docs/guides/legal-basis.md, the site's "legal basis" page, from the BUILT package (dist/):
// every order's rule, every statutory limb it turns on, each with its citation, link, in-force period
// and `unverified` flag, and every provision the library cites. `npm run docs` runs it before TypeDoc,
// so the page is regenerated from the rules on every build and cannot drift from them. The output is
// git-ignored: never edit it by hand. Run `npm run build` first.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const LEGAL_BASIS_PATH = resolve(root, "docs", "guides", "legal-basis.md");

async function loadBuiltPackage() {
  try {
    // Self-reference through the package's own exports map: exactly what a consumer gets (DEFAULT_RULES is in
    // the rule-authoring subpath).
    return { ...(await import("protective-orders")), ...(await import("protective-orders/rule-authoring")) };
  } catch (error) {
    throw new Error(
      `Cannot import the built package (dist/): run \`npm run build\` first. (${error.message})`,
    );
  }
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** 2020-01-20 → "20 January 2020". */
function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Text safe inside Markdown (and a Markdown table cell): no raw HTML, no stray pipes or inline tags. */
function md(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\{@/g, "{&#64;")
    .replace(/\r?\n/g, " ");
}

function link(citation) {
  return `[${md(citation.title)}](${citation.url})`;
}

/**
 * An in-force period in words. `provision` (the cited provision, from the registry) adds whether its
 * start date is itself unverified.
 */
export function inForceText(inForce, provision) {
  const parts = [];
  if (inForce.from === null) {
    parts.push(
      inForce.notBefore
        ? `enacted; commencement unknown (not in force before ${longDate(inForce.notBefore)})`
        : "enacted; commencement unknown",
    );
  } else if (inForce.to) {
    parts.push(`${longDate(inForce.from)} to ${longDate(inForce.to)}`);
  } else {
    parts.push(`from ${longDate(inForce.from)}`);
  }
  if (inForce.noDataAfter) parts.push(`the law digest has no data after ${longDate(inForce.noDataAfter)}`);
  if (provision?.inForce?.dateConfidence === "UNVERIFIED") parts.push("start date unverified");
  return parts.join("; ");
}

function unverifiedText(flag) {
  return flag ? "**UNVERIFIED**" : "no";
}

function valueText(v) {
  if (Array.isArray(v)) return v.map(valueText).join(" or ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return `\`${String(v)}\``;
}

const OPERATOR_WORDS = {
  equal: "is",
  notEqual: "is not",
  in: "is one of",
  notIn: "is none of",
  lessThan: "is less than",
  lessThanInclusive: "is at most",
  greaterThan: "is more than",
  greaterThanInclusive: "is at least",
  dateBefore: "is before",
  dateOnOrBefore: "is on or before",
  dateAfter: "is after",
  dateOnOrAfter: "is on or after",
};

/**
 * The Markdown of every order, limb and provision, from the built package.
 * Exported for tests; `pkg` is the module namespaces of `protective-orders` and `protective-orders/rule-authoring`,
 * merged.
 */
export function legalBasisMarkdown(pkg, version) {
  const {
    DECLINE_REASONS,
    DEFAULT_RULES,
    OrderKindSchema,
    RELATIONSHIP_IMPLICATIONS,
    assess,
    citationFor,
    getProvision,
    listInstruments,
    listProvisions,
  } = pkg;
  const factLabel = new Map(DEFAULT_RULES.facts.map((f) => [f.id, f.label]));
  const limbsById = new Map(DEFAULT_RULES.limbs.map((l) => [l.limb.id, l]));
  const usedBy = new Map();
  const out = [];
  const push = (...lines) => out.push(...lines);

  const limbLine = (compiled) =>
    `${md(compiled.limb.label)} (\`${compiled.limb.id}\`): ${link(compiled.citation)}; in force ${inForceText(
      compiled.limb.inForce,
      getProvision(compiled.limb.citation),
    )}${compiled.unverified ? "; **UNVERIFIED**" : ""}`;

  const condition = (node, depth, ruleName, lines) => {
    const indent = "  ".repeat(depth);
    if ("all" in node || "any" in node) {
      const key = "all" in node ? "all" : "any";
      // A group of one is that one condition: show it without the "all of:" line.
      if (node[key].length === 1) {
        condition(node[key][0], depth, ruleName, lines);
        return;
      }
      lines.push(`${indent}- ${key === "all" ? "all of:" : "any one of:"}`);
      for (const child of node[key]) condition(child, depth + 1, ruleName, lines);
    } else if ("not" in node) {
      lines.push(`${indent}- not:`);
      condition(node.not, depth + 1, ruleName, lines);
    } else if ("condition" in node) {
      const compiled = limbsById.get(node.condition);
      if (!compiled) throw new Error(`rule ${ruleName}: unknown limb ${node.condition}`);
      const users = usedBy.get(node.condition) ?? new Set();
      users.add(ruleName);
      usedBy.set(node.condition, users);
      lines.push(`${indent}- ${limbLine(compiled)}`);
      // A limb's note says how it is read where the statute leaves a choice (e.g. SPA 2019 s.1(3) with residence unrecorded).
      if (compiled.limb.note) lines.push(`${indent}  - **Note:** ${md(compiled.limb.note)}`);
      condition(compiled.limb.conditions, depth + 1, ruleName, lines);
    } else {
      const label = factLabel.get(node.fact) ?? node.fact;
      lines.push(
        `${indent}- ${md(label)} (\`${node.fact}\`) ${OPERATOR_WORDS[node.operator] ?? node.operator} ${valueText(node.value)}`,
      );
    }
  };

  const rules = DEFAULT_RULES.rules;
  const orderKinds = OrderKindSchema.options;
  for (const kind of orderKinds) {
    if (!rules.some((r) => r.rule.event.params.order === kind)) {
      throw new Error(`order "${kind}" (OrderKindSchema) has no rule in DEFAULT_RULES`);
    }
  }

  push(
    "---",
    "title: The legal basis",
    "group: Guides",
    "---",
    "",
    "# The legal basis",
    "",
    `> Generated from the rule files (\`src/law/*/rules.json\`) and the citation registry of protective-orders ${version}`,
    "> when this site was built. Do not edit it: it is rewritten by `npm run docs`, so it always matches the rules.",
    "",
    "**This is not legal advice.** The rules encode a digest of the law. Check the cited provisions, and take advice on",
    "a real case. Points the digest could not confirm are marked **UNVERIFIED** here, in `assess()`'s output",
    "(`unverified: true`) and in `explain()`; see the [Limits](limits.md) guide.",
    "",
    "How to read this page:",
    "",
    "- Each **order** has one rule or more (a non-molestation order has two: on notice and without notice). A rule's",
    "  conditions are a tree of **statutory limbs**, each citing the provision it encodes, with the derived facts it",
    "  reads at the leaves. `assess()` reports the same tree for a case, with each limb holding, failing or unknown.",
    "- **In force** is the period the rules apply the limb or rule for: `assess(facts, { asOf })` uses the law as at",
    '  `asOf`. "Start date unverified" means the commencement date is not in the law digest.',
    "- **Unverified** means the rule or limb, or the provision it cites, rests on a point the law digest could not",
    "  confirm. Every outcome that turns on it carries `unverified: true`.",
    "",
    "## Orders at a glance",
    "",
    "| Order | Rule | Citation | In force | Unverified |",
    "|---|---|---|---|---|",
  );
  for (const r of rules) {
    push(
      `| \`${r.rule.event.params.order}\` | ${md(r.rule.label)} (\`${r.rule.name}\`) | ${link(r.citation)} | ${inForceText(
        r.rule.inForce,
        getProvision(r.rule.citation),
      )} | ${unverifiedText(r.unverified)} |`,
    );
  }

  push("", "## The orders, limb by limb", "");
  for (const kind of orderKinds) {
    const forKind = rules.filter((r) => r.rule.event.params.order === kind);
    for (const r of forKind) {
      const rule = r.rule;
      push(`### ${md(rule.label)} (${rule.name})`, "");
      push(
        `- **Order:** \`${kind}\``,
        `- **Citation:** ${link(r.citation)} (${r.citation.confidence === "UNVERIFIED" ? "**UNVERIFIED**" : `confidence ${r.citation.confidence}`})`,
        `- **In force:** ${inForceText(rule.inForce, getProvision(rule.citation))}`,
        `- **Unverified:** ${unverifiedText(r.unverified)}`,
        `- **The statute:** ${md(rule.statute)}`,
      );
      if (rule.inForce.note) push(`- **In-force note:** ${md(rule.inForce.note)}`);
      if (rule.note) push(`- **Note:** ${md(rule.note)}`);
      const rec = rule.recommendation;
      push(
        `- **Recommendation:** rank ${rec.rank}, ${rec.role}. ${md(rec.reason)}${
          rec.citations.length > 0 ? ` (${rec.citations.map((c) => link(citationFor(c))).join("; ")})` : ""
        }`,
      );
      push("", "The test:", "");
      const lines = [];
      condition(rule.conditions, 0, rule.name, lines);
      push(...lines, "");
    }
  }

  push(
    "## Every limb",
    "",
    "Every statutory limb in the rule files, whether or not a rule uses it.",
    "",
    "| Limb | Citation | In force | Unverified | Used by |",
    "|---|---|---|---|---|",
  );
  for (const compiled of DEFAULT_RULES.limbs) {
    const limb = compiled.limb;
    const users = [...(usedBy.get(limb.id) ?? [])].map((u) => `\`${u}\``).join(", ") || "(no rule)";
    push(
      `| ${md(limb.label)} (\`${limb.id}\`) | ${link(compiled.citation)} | ${inForceText(
        limb.inForce,
        getProvision(limb.citation),
      )} | ${unverifiedText(compiled.unverified)} | ${users} |`,
    );
  }

  if (RELATIONSHIP_IMPLICATIONS) {
    push(
      "",
      "## Relationships the rules infer",
      "",
      "What one recorded connection implies for the other limbs of FLA 1996 s.62(3) and DAA 2021 s.2(1), and what",
      'it does not. A "no" that the case\'s own relationship summary contradicts is unknown, with a notice.',
      "",
      "| Implication | When | Settles | Leaves unknown | Citations |",
      "|---|---|---|---|---|",
    );
    for (const entry of RELATIONSHIP_IMPLICATIONS.implications) {
      const settles =
        Object.entries(entry.settles)
          .map(([fact, value]) => `\`${fact}\` = ${value}`)
          .join(", ") || "nothing";
      const unknown = entry.leavesUnknown.map((f) => `\`${f}\``).join(", ") || "nothing";
      push(
        `| ${md(entry.reasoning)} (\`${entry.id}\`) | ${md(entry.when)} | ${settles} | ${unknown} | ${entry.citations
          .map((id) => link(citationFor(id)))
          .join(", ")} |`,
      );
    }
    push("", "What is not implied:", "");
    for (const entry of RELATIONSHIP_IMPLICATIONS.nonImplications) {
      push(`- ${md(entry.reasoning)} (${entry.citations.map((id) => link(citationFor(id))).join(", ")})`);
    }
  }

  push(
    "",
    "## Outside England and Wales",
    "",
    "For a case in Scotland or Northern Ireland every order above is `not-available`, and the assessment carries a",
    "notice pointing to the local law:",
    "",
  );
  const JURISDICTION_NAMES = { scotland: "Scotland", "northern-ireland": "Northern Ireland" };
  for (const [jurisdiction, jurisdictionName] of Object.entries(JURISDICTION_NAMES)) {
    const { notices } = assess({ id: "legal-basis", jurisdiction }, { asOf: "2025-06-01" });
    for (const notice of notices) {
      const cites = notice.citations.map((c) => `${link(c)}${c.unverified ? " (**UNVERIFIED**)" : ""}`);
      push(
        `- **${jurisdictionName}** (\`${notice.code}\`): ${md(notice.text)}${cites.length > 0 ? ` ${cites.join("; ")}` : ""}`,
      );
    }
  }

  push(
    "",
    "## Reasons given for declining an SPO",
    "",
    "The reasons `reviewSpoDecline()` recognises, and what the law says of each (see",
    "[Reviewing declined SPO requests](reviewing-declined-spo-requests.md)).",
    "",
    "| Code | Reason | How it is judged | What the law says | Citations |",
    "|---|---|---|---|---|",
  );
  const TEST_WORDS = {
    "misstates-law": "on the law alone",
    misdirected: "who should apply",
    residence: "who may apply: against where the suspect lives and is believed to be (s.1(3))",
    "guidance-dated": "by the guidance in force on the decision date",
    questionable: "on the law alone: questionable, not a misstatement of the law",
    "depends-on-facts": "against the recorded facts",
    unclassified: "read from its wording",
  };
  for (const reason of DECLINE_REASONS) {
    const test = TEST_WORDS[reason.test] ?? reason.test;
    const from = reason.guidanceFrom ? ` (from ${longDate(reason.guidanceFrom)})` : "";
    const flag = reason.unverified
      ? " (**UNVERIFIED**: reported as contrary to the guidance, not as settled law)"
      : "";
    const cites = reason.citations.map((c) => {
      const citation = citationFor(c);
      return `${link(citation)}${citation.unverified ? " (**UNVERIFIED**)" : ""}`;
    });
    push(
      `| \`${reason.code}\` | ${md(reason.label)} | ${test}${from}${flag} | ${md(reason.why)} | ${cites.join("; ")} |`,
    );
  }

  const provisions = listProvisions();
  const unverified = provisions.filter((p) => p.confidence === "UNVERIFIED");
  push(
    "",
    "## Provisions marked unverified",
    "",
    "The law digest could not confirm these. Every rule, limb or fact that rests on one carries `unverified: true`.",
    "",
    "| Provision | What the library takes it to say | In force |",
    "|---|---|---|",
  );
  for (const p of unverified) {
    push(`| ${link(citationFor(p.id))} (\`${p.id}\`) | ${md(p.summary)} | ${inForceText(p.inForce, p)} |`);
  }

  push(
    "",
    "## Every provision cited",
    "",
    "The citation registry, by instrument. Confidence: **V1** verified against primary or official text; **V2**",
    "through a reputable secondary source; **INF** inferred from verified text; **UNVERIFIED** not confirmed.",
  );
  for (const instrument of listInstruments()) {
    const own = provisions.filter((p) => p.instrument === instrument.id);
    if (own.length === 0) continue;
    push(
      "",
      `### ${md(instrument.title)}`,
      "",
      `Extent: ${md(instrument.extent)}.`,
      "",
      "| Provision | Summary | Confidence | In force |",
      "|---|---|---|---|",
    );
    for (const p of own) {
      const confidence = p.confidence === "UNVERIFIED" ? "**UNVERIFIED**" : p.confidence;
      push(
        `| ${link(citationFor(p.id))} (\`${p.id}\`) | ${md(p.summary)} | ${confidence} | ${inForceText(p.inForce, p)} |`,
      );
    }
  }
  push("");
  return out.join("\n");
}

async function main() {
  const pkg = await loadBuiltPackage();
  const { version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  const text = legalBasisMarkdown(pkg, version);
  mkdirSync(dirname(LEGAL_BASIS_PATH), { recursive: true });
  writeFileSync(LEGAL_BASIS_PATH, text);
  console.log(`wrote ${LEGAL_BASIS_PATH.slice(root.length + 1)} (${pkg.DEFAULT_RULES.rules.length} rules)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
