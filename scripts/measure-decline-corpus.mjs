#!/usr/bin/env node
// Measures the decline-letter reader against the labelled corpora in tests/review/ (issue 26 item 7):
// recall and precision per reason, and the count of clauses read as a reason that misstates the law
// when no such reason was labelled ("false misstates the law", which must stay at zero). Reads the
// built library (run `npm run build` first). Output: a Markdown table per corpus, as pasted into
// docs/guides/reviewing-declined-spo-requests.md.
//
//   node scripts/measure-decline-corpus.mjs            # every corpus
//   node scripts/measure-decline-corpus.mjs --json     # the figures as JSON
import { readFileSync } from "node:fs";
import { DECLINE_REASONS, declineReasonCodes } from "../dist/index.js";

const MISSTATES = new Set(DECLINE_REASONS.filter((r) => r.test === "misstates-law").map((r) => r.code));
const read = (name) => JSON.parse(readFileSync(new URL(`../tests/review/${name}`, import.meta.url), "utf8"));
const main = read("decline-corpus.json");
const heldOut2 = read("decline-corpus-held-out-2.json");
const round3 = read("decline-corpus-round-3.json");
const CORPORA = [
  ["decline-corpus-round-3.json (issue 26), declines and lawful", [...round3.declines, ...round3.lawful]],
  ["decline-corpus-held-out-2.json", [...heldOut2.declines, ...heldOut2.lawful]],
  ["decline-corpus.json, declines and lawful", [...main.declines, ...main.lawful]],
  [
    "decline-corpus.json, heldOutDeclines and heldOutLawful",
    [...main.heldOutDeclines, ...main.heldOutLawful],
  ],
];

function measure(sentences) {
  const tally = new Map();
  const get = (code) => {
    if (!tally.has(code)) tally.set(code, { labelled: 0, found: 0, predicted: 0, correct: 0 });
    return tally.get(code);
  };
  let falseMisstates = 0;
  const falseMisstatesText = [];
  for (const s of sentences) {
    const predicted = new Set(declineReasonCodes(s.text));
    const labelled = new Set(s.codes);
    for (const code of labelled) {
      const t = get(code);
      t.labelled++;
      if (predicted.has(code)) t.found++;
    }
    for (const code of predicted) {
      const t = get(code);
      t.predicted++;
      if (labelled.has(code)) t.correct++;
      else if (MISSTATES.has(code)) {
        falseMisstates++;
        falseMisstatesText.push(`${code}: ${s.text}`);
      }
    }
  }
  return { clauses: sentences.length, tally, falseMisstates, falseMisstatesText };
}

const pct = (n, d) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const results = CORPORA.map(([title, sentences]) => ({ title, ...measure(sentences) }));
if (process.argv.includes("--json")) {
  console.log(
    JSON.stringify(
      results.map((r) => ({
        ...r,
        tally: Object.fromEntries([...r.tally].sort(([a], [b]) => a.localeCompare(b))),
      })),
      null,
      2,
    ),
  );
} else {
  for (const r of results) {
    console.log(`#### ${r.title}: ${r.clauses} clauses, false "misstates the law": ${r.falseMisstates}\n`);
    console.log("| Reason | Labelled | Read | Recall | Precision |");
    console.log("|---|---:|---:|---:|---:|");
    const sum = { labelled: 0, found: 0, predicted: 0, correct: 0 };
    for (const [code, t] of [...r.tally].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(
        `| ${code} | ${t.labelled} | ${t.predicted} | ${pct(t.found, t.labelled)} | ${pct(t.correct, t.predicted)} |`,
      );
      for (const k of Object.keys(sum)) sum[k] += t[k];
    }
    console.log(
      `| **overall** | ${sum.labelled} | ${sum.predicted} | ${pct(sum.found, sum.labelled)} | ${pct(sum.correct, sum.predicted)} |\n`,
    );
    for (const t of r.falseMisstatesText) console.log(`  false misstatement: ${t}`);
  }
}
