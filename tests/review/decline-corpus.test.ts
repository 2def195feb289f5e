// The decline-letter corpus (issue 20 item 4): sentences labelled with their reason codes before the
// reader was run on them (decline-corpus.json). Reports recall and precision per reason in the test
// output; the bar is recall of at least 95% overall, and no lawful sentence read as a reason that
// misstates the law. The figures are also in docs/guides/reviewing-declined-spo-requests.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DECLINE_REASONS,
  type DeclineReasonCode,
  DeclineReasonCodeSchema,
  declineReasonCodes,
} from "../../src/index.js";

interface Labelled {
  readonly text: string;
  readonly codes: readonly DeclineReasonCode[];
}
const CORPUS = JSON.parse(readFileSync(new URL("./decline-corpus.json", import.meta.url), "utf8")) as {
  readonly declines: readonly Labelled[];
  readonly lawful: readonly Labelled[];
  readonly heldOutDeclines: readonly Labelled[];
  readonly heldOutLawful: readonly Labelled[];
};
/** The second held-out set: labelled and committed before the reader was run on it (see its description). */
const HELD_OUT_2 = JSON.parse(
  readFileSync(new URL("./decline-corpus-held-out-2.json", import.meta.url), "utf8"),
) as { readonly declines: readonly Labelled[]; readonly lawful: readonly Labelled[] };
const MISSTATES: ReadonlySet<string> = new Set(
  DECLINE_REASONS.filter((r) => r.test === "misstates-law").map((r) => r.code),
);

interface Tally {
  labelled: number;
  found: number;
  predicted: number;
  correct: number;
}

/** Recall and precision per reason over the labelled sentences. */
function measure(sentences: readonly Labelled[]) {
  const tally = new Map<string, Tally>();
  const get = (code: string) => {
    let t = tally.get(code);
    if (!t) {
      t = { labelled: 0, found: 0, predicted: 0, correct: 0 };
      tally.set(code, t);
    }
    return t;
  };
  const misses: string[] = [];
  const extras: string[] = [];
  for (const s of sentences) {
    const predicted = new Set(declineReasonCodes(s.text));
    const labelled = new Set(s.codes);
    for (const code of labelled) {
      const t = get(code);
      t.labelled++;
      if (predicted.has(code)) t.found++;
      else misses.push(`${code}: ${s.text}`);
    }
    for (const code of predicted) {
      const t = get(code);
      t.predicted++;
      if (labelled.has(code)) t.correct++;
      else extras.push(`${code}: ${s.text}`);
    }
  }
  return { tally, misses, extras };
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function table(title: string, tally: ReadonlyMap<string, Tally>): string {
  const rows = [...tally].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(
    ([code, t]) =>
      `${code.padEnd(38)} ${String(t.labelled).padStart(4)} ${pct(t.found, t.labelled)} ${pct(t.correct, t.predicted)}`,
  );
  const sum = rows.reduce(
    (a, [, t]) => ({
      labelled: a.labelled + t.labelled,
      found: a.found + t.found,
      predicted: a.predicted + t.predicted,
      correct: a.correct + t.correct,
    }),
    { labelled: 0, found: 0, predicted: 0, correct: 0 },
  );
  return [
    title,
    `${"reason".padEnd(38)} ${"n".padStart(4)} ${"recall".padStart(6)} ${"precision".padStart(6)}`,
    ...lines,
    `${"overall".padEnd(38)} ${String(sum.labelled).padStart(4)} ${pct(sum.found, sum.labelled)} ${pct(sum.correct, sum.predicted)}`,
  ].join("\n");
}

describe("the decline-letter corpus", () => {
  it("is large enough: at least 200 decline sentences and 50 lawful ones, every label a known code", () => {
    expect(CORPUS.declines.length).toBeGreaterThanOrEqual(200);
    expect(CORPUS.lawful.length).toBeGreaterThanOrEqual(50);
    for (const s of [...CORPUS.declines, ...CORPUS.lawful]) {
      expect(s.codes.length).toBeGreaterThan(0);
      for (const code of s.codes) expect(DeclineReasonCodeSchema.options).toContain(code);
    }
    // Every reason of the taxonomy is in the corpus, or (for the reasons added in issue 26) in the
    // round-3 corpus, which tests/review/decline-corpus-round-3.test.ts measures.
    const round3 = JSON.parse(
      readFileSync(new URL("./decline-corpus-round-3.json", import.meta.url), "utf8"),
    ) as { readonly declines: readonly Labelled[] };
    const labelled = new Set([...CORPUS.declines, ...round3.declines].flatMap((s) => s.codes));
    expect(DeclineReasonCodeSchema.options.filter((c) => c !== "unclassified" && !labelled.has(c))).toEqual(
      [],
    );
  });

  it("recall is at least 95% overall on the decline sentences (per-reason figures printed)", () => {
    const { tally, misses, extras } = measure(CORPUS.declines);
    console.log(table("Decline sentences: recall and precision per reason", tally));
    if (misses.length > 0) console.log(`Missed (${misses.length}):\n  ${misses.join("\n  ")}`);
    if (extras.length > 0) console.log(`Read but not labelled (${extras.length}):\n  ${extras.join("\n  ")}`);
    let labelled = 0;
    let found = 0;
    for (const t of tally.values()) {
      labelled += t.labelled;
      found += t.found;
    }
    expect(found / labelled).toBeGreaterThanOrEqual(0.95);
  });

  it("no lawful sentence is read as a reason that misstates the law", () => {
    const { tally } = measure(CORPUS.lawful);
    console.log(table("Lawful-ground sentences: recall and precision per reason", tally));
    const misread = CORPUS.lawful.flatMap((s) =>
      declineReasonCodes(s.text)
        .filter((code) => MISSTATES.has(code))
        .map((code) => `${code}: ${s.text}`),
    );
    expect(misread).toEqual([]);
  });

  // The first held-out set: written after the reader was fixed against the sentences above. Its
  // misses were later used to improve the patterns (1 December 2026), so it is no longer truly held
  // out: the second set below is. Figures are reported, not held to the 95% bar; the lawful rule holds.
  it("held-out sentences: recall and precision reported; no lawful one read as a misstatement", () => {
    const declines = measure(CORPUS.heldOutDeclines);
    console.log(table("Held-out decline sentences: recall and precision per reason", declines.tally));
    if (declines.misses.length > 0)
      console.log(`Missed (${declines.misses.length}):\n  ${declines.misses.join("\n  ")}`);
    if (declines.extras.length > 0)
      console.log(`Read but not labelled (${declines.extras.length}):\n  ${declines.extras.join("\n  ")}`);
    console.log(table("Held-out lawful-ground sentences", measure(CORPUS.heldOutLawful).tally));
    expect(CORPUS.heldOutDeclines.length).toBeGreaterThan(50);
    const misread = CORPUS.heldOutLawful.flatMap((s) =>
      declineReasonCodes(s.text)
        .filter((code) => MISSTATES.has(code))
        .map((code) => `${code}: ${s.text}`),
    );
    expect(misread).toEqual([]);
  });

  // The second held-out set: the only one the reader was never changed for. Reported, with the lawful rule.
  it("second held-out set: recall and precision reported; no lawful one read as a misstatement", () => {
    const declines = measure(HELD_OUT_2.declines);
    console.log(
      table("Second held-out set, decline sentences: recall and precision per reason", declines.tally),
    );
    if (declines.misses.length > 0)
      console.log(`Missed (${declines.misses.length}):\n  ${declines.misses.join("\n  ")}`);
    if (declines.extras.length > 0)
      console.log(`Read but not labelled (${declines.extras.length}):\n  ${declines.extras.join("\n  ")}`);
    console.log(table("Second held-out set, lawful-ground sentences", measure(HELD_OUT_2.lawful).tally));
    expect(HELD_OUT_2.declines.length).toBeGreaterThanOrEqual(40);
    const misread = HELD_OUT_2.lawful.flatMap((s) =>
      declineReasonCodes(s.text)
        .filter((code) => MISSTATES.has(code))
        .map((code) => `${code}: ${s.text}`),
    );
    expect(misread).toEqual([]);
  });
});
