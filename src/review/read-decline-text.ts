import { stemmer } from "stemmer";
import data from "../law/stalking-protection-act-2019/decline-reasons.json";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import { onFirstUse } from "../model/on-first-use.js";

/**
 * What one part of a decline letter was read as: a `reason` the taxonomy knows; the `decision`
 * itself ("an SPO will not be applied for"), which gives no reason; `courtesy` (greetings, sign-off,
 * offers of help); or `not-recognised`.
 *
 * @example
 * ```ts
 * import { readDeclineText, type DeclineTextPartStatus } from "protective-orders";
 * const status: DeclineTextPartStatus | undefined = readDeclineText("NFA.").parts[0]?.status; // "reason"
 * ```
 */
export type DeclineTextPartStatus = "reason" | "decision" | "courtesy" | "not-recognised";

/**
 * One sentence, or one clause of a sentence, of a decline letter, named by its position.
 *
 * @example
 * ```ts
 * import { readDeclineText, type DeclineTextPart } from "protective-orders";
 * const part: DeclineTextPart | undefined = readDeclineText("He lives in Spain. We are sorry.").parts[1];
 * part?.position; // "sentence 2 of 2"
 * ```
 */
export interface DeclineTextPart {
  /** "sentence 2 of 3", or "sentence 2 of 3, clause 1 of 2" when the sentence has several clauses. */
  readonly position: string;
  readonly sentence: number;
  readonly clause: number;
  readonly clauses: number;
  readonly status: DeclineTextPartStatus;
  /** The reasons read in this part, in the order they appear. */
  readonly codes: readonly DeclineReasonCode[];
  /** The part's own words: only when the caller asked for the text (decision text is case data). */
  readonly text?: string;
}

/**
 * A decline letter read sentence by sentence and clause by clause.
 *
 * @example
 * ```ts
 * import { readDeclineText, type DeclineTextReading } from "protective-orders";
 * const reading: DeclineTextReading = readDeclineText("Not charged or convicted, and the victim does not want to go to court.");
 * reading.reasons.map((r) => r.code); // ["no-charge-or-nfa", "no-conviction", "victim-will-not-support-prosecution"]
 * ```
 */
export interface DeclineTextReading {
  readonly sentences: number;
  readonly parts: readonly DeclineTextPart[];
  /** Each reason read, once, in the order first seen, with the positions it was read at. */
  readonly reasons: readonly { readonly code: DeclineReasonCode; readonly positions: readonly string[] }[];
  /** The positions of the parts that were not recognised. */
  readonly notRecognised: readonly string[];
}

/**
 * Options for {@link readDeclineText}.
 *
 * @example
 * ```ts
 * import { readDeclineText, type ReadDeclineTextOptions } from "protective-orders";
 * const options: ReadDeclineTextOptions = { includeText: true };
 * readDeclineText("He is 16.", options).parts[0]?.text; // "He is 16."
 * ```
 */
export interface ReadDeclineTextOptions {
  /** Copy each part's words into the reading. Default false: decision text is case data. */
  readonly includeText?: boolean | undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens. A token is a word (lower case, stemmed with the Porter stemmer), a number, or a break:
// a strong break ends a clause; a soft break (a comma) stops a pattern's gaps and negation scope.

interface Token {
  readonly stem: string;
  readonly number?: number;
  readonly negator: boolean;
  readonly brk?: "soft" | "strong";
  /** Character offsets into the sentence, for the optional copy of a part's text. */
  readonly start: number;
  readonly end: number;
}

const reading = data.reading;
/**
 * Contractions written without their apostrophe ("dont"), as a Map: a word of the text is looked up
 * among the table's own entries only, so "constructor" is not `Object.prototype.constructor` (which
 * threw) and a key added to `Object.prototype` cannot change a reading (#13's guarantee).
 */
const contractionsWithoutApostrophe: ReadonlyMap<string, string> = new Map(
  Object.entries(reading.contractionsWithoutApostrophe as Record<string, string>),
);
const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 20_000) stemCache.set(word, s);
  }
  return s;
}

// The word tables and compiled patterns are built on first use, not at import: stemming the
// taxonomy's words and compiling its patterns took about a tenth of `import "protective-orders"`,
// paid by every program that never reads a decline letter. tests/review/decline-taxonomy.test.ts
// compiles every pattern, so an error in the taxonomy still fails the tests.

/** The taxonomy's words of each kind, stemmed. */
const wordSets = onFirstUse(() => ({
  negators: new Set(reading.negators.map(stem)) as ReadonlySet<string>,
  strongBreakWords: new Set(reading.clauseBreakWords.map(stem)) as ReadonlySet<string>,
  afterCommaBreakWords: new Set(reading.clauseBreakWordsAfterComma.map(stem)) as ReadonlySet<string>,
  commaContinues: new Set(reading.commaContinuesBefore.map(stem)) as ReadonlySet<string>,
}));
const ABBREVIATIONS: ReadonlySet<string> = new Set(reading.abbreviations);

interface RawWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Contractions read as their words ("hasn't" as "has not", "can't" as "can not"); other apostrophes end the word. */
function expandWord(word: string): string[] {
  const w = word.replace(/’/g, "'");
  if (w === "cannot" || w === "can't") return ["can", "not"];
  if (w === "won't") return ["will", "not"];
  if (w === "shan't") return ["shall", "not"];
  if (w.endsWith("n't")) return [w.slice(0, -3), "not"];
  const unmarked = contractionsWithoutApostrophe.get(w);
  if (unmarked !== undefined) return unmarked.split(" ");
  const apostrophe = w.indexOf("'");
  return [apostrophe > 0 ? w.slice(0, apostrophe) : w];
}

/** Words, numbers and punctuation that breaks clauses, each with its offsets in `text`. */
function rawWords(text: string): RawWord[] {
  const out: RawWord[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z]+(?:['’][a-z]+)*|\d+|[,;:()]|\s[-–—]+\s/g)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (/^[a-z]/.test(m[0])) for (const word of expandWord(m[0])) out.push({ word, start, end });
    else out.push({ word: m[0].trim(), start, end });
  }
  return out;
}

interface Shorthand {
  readonly words: readonly string[];
  readonly canonical: string;
}

/** Shorthand forms by their first stemmed word, the longest first. */
const shorthandForms = onFirstUse((): ReadonlyMap<string, readonly Shorthand[]> => {
  const byFirst = new Map<string, Shorthand[]>();
  for (const [canonical, forms] of Object.entries(reading.shorthand)) {
    for (const form of forms) {
      const words = rawWords(form).map((w) => stem(w.word));
      const first = words[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ words, canonical });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);
  return byFirst;
});

function tokenise(sentence: string): Token[] {
  const words = rawWords(sentence);
  const shorthand = shorthandForms();
  const singleWordShorthand = singleWordShorthandForms();
  const { negators } = wordSets();
  const tokens: Token[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const { start, end } = w;
    if (w.word === ";" || w.word === ":" || /^[-–—]+$/.test(w.word) || w.word === "(" || w.word === ")") {
      tokens.push({ stem: w.word, negator: false, brk: "strong", start, end });
      i++;
      continue;
    }
    if (w.word === ",") {
      tokens.push({ stem: ",", negator: false, brk: "soft", start, end });
      i++;
      continue;
    }
    // Police shorthand and long forms, the longest first: "no further action" and "nfa" alike read "nfa".
    let matched = false;
    for (const s of shorthand.get(stem(w.word)) ?? []) {
      if (i + s.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < s.words.length && ok; k++) ok = stem(words[i + k]!.word) === s.words[k];
      if (ok) {
        tokens.push({ stem: s.canonical, negator: false, start, end: words[i + s.words.length - 1]!.end });
        i += s.words.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const corrected = correctTypo(w.word);
    const s =
      corrected === w.word ? stem(w.word) : (singleWordShorthand.get(stem(corrected)) ?? stem(corrected));
    const number = /^\d+$/.test(w.word) ? Number(w.word) : undefined;
    tokens.push({
      stem: s,
      negator: negators.has(s),
      ...(number !== undefined ? { number } : {}),
      start,
      end,
    });
    i++;
  }
  return markClauseBreaks(tokens);
}

// ---------------------------------------------------------------------------------------------
// Typos: a word of seven letters or more that nothing in the taxonomy knows is read as the known
// word one edit away (insertion, deletion, substitution or swap of two letters), if there is one.

const NOT_TYPOS: ReadonlySet<string> = new Set(reading.notTypos);
let vocabulary: { readonly known: ReadonlySet<string>; readonly words: readonly string[] } | undefined;

function knownWords(): { readonly known: ReadonlySet<string>; readonly words: readonly string[] } {
  if (vocabulary === undefined) {
    const known = new Set<string>();
    const words = new Set<string>();
    const add = (w: string) => {
      known.add(w);
      if (/^[a-z]{6,}$/.test(w)) words.add(w);
    };
    for (const list of shorthandForms().values()) for (const s of list) for (const w of s.words) add(w);
    for (const forms of Object.values(reading.shorthand))
      for (const f of forms) for (const w of rawWords(f)) add(w.word);
    const { reasonPatterns } = patternTables();
    for (const entry of [...reasonPatterns.flatMap((r) => r.patterns)]) {
      for (const step of entry.steps) if (step.kind === "words") for (const w of step.stems) add(w);
    }
    for (const w of reasonPatterns.flatMap((r) => r.patterns).flatMap((p) => p.source.split(/[\s|]+/)))
      if (/^[a-z]+$/.test(w)) add(w);
    vocabulary = { known, words: [...words] };
  }
  return vocabulary;
}

/** True when a and b are one insertion, deletion, substitution or swap of neighbours apart. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const typoCache = new Map<string, string>();
function correctTypo(word: string): string {
  if (word.length < 7 || NOT_TYPOS.has(word) || !/^[a-z]+$/.test(word)) return word;
  const cached = typoCache.get(word);
  if (cached !== undefined) return cached;
  const { known, words } = knownWords();
  let out = word;
  if (!known.has(word) && !known.has(stem(word))) {
    const near = words.find((k) => k.length >= 6 && oneEditApart(word, k));
    if (near !== undefined) out = near;
  }
  if (typoCache.size < 20_000) typoCache.set(word, out);
  return out;
}

/** Words such as "but" and "because" start a new clause; "and" or "or" do so after a comma. */
function markClauseBreaks(tokens: Token[]): Token[] {
  const { strongBreakWords, afterCommaBreakWords, commaContinues } = wordSets();
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    if (!t.brk && strongBreakWords.has(t.stem) && out.length > 0) {
      out.push({ stem: "|", negator: false, brk: "strong", start: t.start, end: t.start });
    } else if (!t.brk && afterCommaBreakWords.has(t.stem) && prev?.brk === "soft") {
      out[out.length - 1] = { ...prev, brk: "strong" };
    }
    out.push(t);
  }
  // A comma between two runs of three or more words each also ends a clause.
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.brk !== "soft") continue;
    let before = 0;
    for (let j = i - 1; j >= 0 && !out[j]!.brk; j--) before++;
    let after = 0;
    for (let j = i + 1; j < out.length && !out[j]!.brk; j++) after++;
    const next = out[i + 1];
    if (before >= 3 && after >= 3 && !(next !== undefined && commaContinues.has(next.stem)))
      out[i] = { ...t, brk: "strong" };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentences: split at . ! ? followed by a space or the end (not after "s." or "e.g."), at line
// breaks and at bullets.

interface SentenceText {
  readonly text: string;
}

function splitSentences(text: string): SentenceText[] {
  const out: SentenceText[] = [];
  for (const line of text.split(/\r?\n|\r|\u2022|\s\*\s/)) {
    let start = 0;
    const re = /[.!?]+(?=\s|$)/g;
    for (const m of line.matchAll(re)) {
      const before = line.slice(start, m.index);
      const lastWord = /([a-z]+)$/i.exec(before)?.[1]?.toLowerCase();
      if (m[0] === "." && lastWord !== undefined && ABBREVIATIONS.has(lastWord)) continue;
      const piece = line.slice(start, m.index + m[0].length);
      if (/[a-z0-9]/i.test(piece)) out.push({ text: piece.trim() });
      start = m.index + m[0].length;
    }
    const rest = line.slice(start);
    if (/[a-z0-9]/i.test(rest)) out.push({ text: rest.trim().replace(/^[-*\d.)\s]+(?=[a-z])/i, "") });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Patterns, written as words in decline-reasons.json and compiled here: a word (stemmed), `a|b`
// alternatives, `word?` optional, `...` (or `...5`) a gap of up to 3 (or 5) words within the clause,
// `NEG` any negator, `@class` any word of a word class, `#<18` a number below 18, `YEAR<2020` a year
// from 1900 to 2019, `$` the end of the clause. A pattern with no `NEG` does not match where a
// negator stands in the three words before it ("has not been charged" is not "been charged").

type Step =
  | {
      readonly kind: "words";
      readonly stems: ReadonlySet<string>;
      readonly optional: boolean;
      /** `NEG` among the alternatives: a negator also matches ("NEG|unwilling"). */
      readonly orNegator: boolean;
    }
  | { readonly kind: "neg"; readonly optional: boolean }
  | { readonly kind: "gap"; readonly max: number }
  | { readonly kind: "below"; readonly limit: number; readonly year: boolean }
  | { readonly kind: "end" }
  | { readonly kind: "comma"; readonly optional: boolean };

interface CompiledPattern {
  readonly steps: readonly Step[];
  readonly weight: number;
  readonly negated: boolean;
  readonly source: string;
}

const CLASSES: Readonly<Record<string, readonly string[]>> = reading.wordClasses;

function compileWord(word: string): string[] {
  if (word.startsWith("@")) {
    const list = CLASSES[word.slice(1)];
    if (!list) throw new Error(`decline-reasons.json: unknown word class ${word}`);
    return list.flatMap(compileWord);
  }
  const shorthand = reading.shorthand as Record<string, readonly string[]>;
  if (shorthand[word] !== undefined) return [word];
  // A word written in the taxonomy may be a full word ("refused") or already a stem ("refus"): the
  // stemmer is not idempotent ("refus" would become "refu"), so a single word matches as either;
  // and a word that shorthand reads as one token ("messag", read "msg") matches that token too.
  const words = rawWords(word).map((w) => w.word);
  const one = words.length === 1 ? words[0] : undefined;
  if (one === undefined) return words.map(stem);
  const forms = [stem(one), one];
  const singleWordShorthand = singleWordShorthandForms();
  return [...new Set(forms.flatMap((f) => [f, singleWordShorthand.get(f) ?? f]))];
}

/** One-word shorthand forms (stemmed) to their token: "messages" → "msg". */
const singleWordShorthandForms = onFirstUse(
  (): ReadonlyMap<string, string> =>
    new Map(
      [...shorthandForms().values()]
        .flat()
        .flatMap((s) => (s.words.length === 1 ? [[s.words[0]!, s.canonical] as const] : [])),
    ),
);

/** Compiles one pattern of the taxonomy. Exported for the data tests. */
export function compileDeclinePattern(source: string): CompiledPattern {
  const steps: Step[] = [];
  let weight = 0;
  const trimmed = source.trim();
  // `~`: negation before the match does not change what it says.
  let negated = trimmed.startsWith("~");
  for (const part of (negated ? trimmed.slice(1) : trimmed).split(/\s+/)) {
    const gap = /^\.\.\.(\d*)$/.exec(part);
    if (gap) {
      steps.push({ kind: "gap", max: gap[1] ? Number(gap[1]) : 3 });
      continue;
    }
    if (part === "$") {
      steps.push({ kind: "end" });
      continue;
    }
    if (part === "," || part === ",?") {
      steps.push({ kind: "comma", optional: part === ",?" });
      continue;
    }
    const below = /^(#|YEAR)<(\d+)$/.exec(part);
    if (below) {
      steps.push({ kind: "below", limit: Number(below[2]), year: below[1] === "YEAR" });
      weight++;
      continue;
    }
    const optional = part.endsWith("?");
    const body = optional ? part.slice(0, -1) : part;
    if (body === "NEG") {
      steps.push({ kind: "neg", optional });
      negated = true;
      if (!optional) weight++;
      continue;
    }
    const stems = new Set<string>();
    let orNegator = false;
    for (const alt of body.split("|")) {
      if (alt === "NEG") orNegator = true;
      else for (const s of compileWord(alt)) stems.add(s);
    }
    if (orNegator) negated = true;
    if (stems.size === 0) throw new Error(`decline-reasons.json: empty word in pattern "${source}"`);
    steps.push({ kind: "words", stems, optional, orNegator });
    if (!optional) weight++;
  }
  return { steps, weight, negated, source };
}

/** Where a pattern matches from `start`: the index after its last token, or -1. */
function matchFrom(steps: readonly Step[], s: number, tokens: readonly Token[], i: number): number {
  if (s === steps.length) return i;
  const step = steps[s]!;
  switch (step.kind) {
    case "gap": {
      for (let skip = 0; skip <= step.max; skip++) {
        const at = i + skip;
        const end = matchFrom(steps, s + 1, tokens, at);
        if (end >= 0) return end;
        const t = tokens[at];
        if (t === undefined || t.brk) return -1;
      }
      return -1;
    }
    case "end": {
      const t = tokens[i];
      return t === undefined || t.brk === "strong" ? matchFrom(steps, s + 1, tokens, i) : -1;
    }
    case "comma": {
      if (tokens[i]?.stem === ",") {
        const end = matchFrom(steps, s + 1, tokens, i + 1);
        if (end >= 0) return end;
      }
      return step.optional ? matchFrom(steps, s + 1, tokens, i) : -1;
    }
    case "neg":
    case "words":
    case "below": {
      const t = tokens[i];
      const hit =
        t !== undefined &&
        !t.brk &&
        (step.kind === "neg"
          ? t.negator
          : step.kind === "below"
            ? t.number !== undefined && t.number < step.limit && (!step.year || t.number >= 1900)
            : step.stems.has(t.stem) || (step.orNegator && t.negator));
      if (hit) {
        const end = matchFrom(steps, s + 1, tokens, i + 1);
        if (end >= 0) return end;
      }
      if (step.kind !== "below" && step.optional) return matchFrom(steps, s + 1, tokens, i);
      return -1;
    }
  }
}

function negatedBefore(tokens: readonly Token[], start: number): boolean {
  for (let j = start - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
    const t = tokens[j]!;
    if (t.brk) return false;
    if (t.negator) return true;
  }
  return false;
}

interface Match {
  readonly code: DeclineReasonCode;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  /** The pattern itself reads a negator (`NEG`). */
  readonly negated: boolean;
}

interface ReasonPatterns {
  readonly code: DeclineReasonCode;
  readonly patterns: readonly CompiledPattern[];
  readonly overrides: ReadonlySet<string>;
}

/** A pattern with the reason it reads (decision and courtesy patterns read as `unclassified`). */
interface Entry {
  readonly code: DeclineReasonCode;
  readonly pattern: CompiledPattern;
}

/**
 * Patterns indexed by the tokens that can start them, so each position tries only the patterns that
 * could match there; one that can start anywhere (a leading gap or optional word) is tried everywhere.
 */
interface PatternIndex {
  readonly byStem: ReadonlyMap<string, readonly Entry[]>;
  readonly byNegator: readonly Entry[];
  readonly anywhere: readonly Entry[];
}

function indexPatterns(list: readonly Entry[]): PatternIndex {
  const byStem = new Map<string, Entry[]>();
  const byNegator: Entry[] = [];
  const anywhere: Entry[] = [];
  for (const entry of list) {
    const first = entry.pattern.steps[0];
    if (first?.kind === "words" && !first.optional) {
      for (const s of first.stems) {
        const l = byStem.get(s) ?? [];
        l.push(entry);
        byStem.set(s, l);
      }
      if (first.orNegator) byNegator.push(entry);
    } else if (first?.kind === "neg" && !first.optional) byNegator.push(entry);
    else anywhere.push(entry);
  }
  return { byStem, byNegator, anywhere };
}

/** The taxonomy's patterns, compiled and indexed (on first use, not at import: see `onFirstUse`). */
const patternTables = onFirstUse(() => {
  const reasons = data.reasons as readonly {
    code: DeclineReasonCode;
    patterns?: readonly string[];
    overrides?: readonly string[];
    overridesInClause?: readonly string[];
    overridesLaterInClause?: readonly string[];
  }[];
  const reasonPatterns: readonly ReasonPatterns[] = reasons.map((r) => ({
    code: r.code,
    patterns: (r.patterns ?? []).map(compileDeclinePattern),
    overrides: new Set(r.overrides ?? []),
  }));
  const frames = (list: readonly string[]) =>
    indexPatterns(list.map((p) => ({ code: "unclassified" as const, pattern: compileDeclinePattern(p) })));
  return {
    reasonPatterns,
    overrides: new Map(reasonPatterns.map((r) => [r.code, r.overrides])),
    overridesInClause: new Map(
      reasons
        .filter((r) => (r.overridesInClause ?? []).length > 0)
        .map((r) => [r.code, new Set(r.overridesInClause) as ReadonlySet<string>]),
    ) as ReadonlyMap<DeclineReasonCode, ReadonlySet<string>>,
    overridesLaterInClause: new Map(
      reasons
        .filter((r) => (r.overridesLaterInClause ?? []).length > 0)
        .map((r) => [r.code, new Set(r.overridesLaterInClause) as ReadonlySet<string>]),
    ) as ReadonlyMap<DeclineReasonCode, ReadonlySet<string>>,
    denialFrames: frames(reading.denialFrames),
    reportFrames: frames(reading.reportFrames),
    frameScopeEndsAt: new Set(reading.frameScopeEndsAt.map(stem)) as ReadonlySet<string>,
    reportedReasonsStillGiven: new Set(reading.reportedReasonsStillGiven) as ReadonlySet<string>,
    reasonIndex: indexPatterns(
      reasonPatterns.flatMap((r) => r.patterns.map((pattern) => ({ code: r.code, pattern }))),
    ),
    decisionPatterns: indexPatterns(
      reading.decisionPatterns.map((p) => ({
        code: "unclassified" as const,
        pattern: compileDeclinePattern(p),
      })),
    ),
    courtesyPatterns: indexPatterns(
      reading.courtesyPatterns.map((p) => ({
        code: "unclassified" as const,
        pattern: compileDeclinePattern(p),
      })),
    ),
  };
});

function findMatches(tokens: readonly Token[], index: PatternIndex): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.brk) continue;
    const byStem = index.byStem.get(t.stem);
    for (const list of [byStem, t.negator ? index.byNegator : undefined, index.anywhere]) {
      if (list === undefined) continue;
      for (const { code, pattern } of list) {
        const end = matchFrom(pattern.steps, 0, tokens, i);
        if (end <= i) continue;
        if (!pattern.negated && negatedBefore(tokens, i)) continue;
        out.push({ code, start: i, end, weight: pattern.weight, negated: pattern.negated });
      }
    }
  }
  return out;
}

function anyMatch(tokens: readonly Token[], index: PatternIndex): boolean {
  return findMatches(tokens, index).length > 0;
}

/**
 * Keeps, of two overlapping matches for different reasons, the one that overrides the other (by
 * the taxonomy's `overrides`) or else the more specific (more words); equally specific ones stay.
 */
function resolve(matches: readonly Match[]): Match[] {
  const overrides = patternTables().overrides;
  return matches.filter(
    (m) =>
      !matches.some(
        (o) =>
          o.code !== m.code &&
          o.start < m.end &&
          m.start < o.end &&
          (overrides.get(o.code)?.has(m.code) === true ||
            (overrides.get(m.code)?.has(o.code) !== true && o.weight > m.weight)),
      ),
  );
}

interface Clause {
  readonly from: number;
  readonly to: number;
}

/** Clauses: the runs between strong breaks that hold at least one word. */
function clausesOf(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.brk === "strong") {
      if (tokens.slice(from, i).some((t) => !t.brk)) clauses.push({ from, to: i });
      from = i + 1;
    }
  }
  if (clauses.length === 0) clauses.push({ from: 0, to: tokens.length });
  return clauses;
}

/**
 * The spans of a clause that deny or report what follows them ("we do not consider this …", "it is
 * wrong to say …", "her sister said that …"): from the end of the frame to the clause's end, or to
 * a word that starts a reason of the writer's own ("as", "since", "given").
 */
function framedSpans(tokens: readonly Token[], clause: Clause): FramedSpan[] {
  const { denialFrames, reportFrames, frameScopeEndsAt } = patternTables();
  const clauseTokens = tokens.slice(clause.from, clause.to);
  const spans: FramedSpan[] = [];
  for (const [index, report] of [
    [denialFrames, false],
    [reportFrames, true],
  ] as const) {
    for (const m of findMatches(clauseTokens, index)) {
      let to = clause.to;
      for (let j = clause.from + m.end; j < clause.to; j++) {
        if (frameScopeEndsAt.has(tokens[j]!.stem)) {
          to = j;
          break;
        }
      }
      // A report's own words ("her friend claims") are the reporter, not a reason, so its span
      // starts with the frame; a denial's starts after it.
      spans.push({
        from: clause.from + (report ? m.start : m.end),
        scope: clause.from + m.end,
        to,
        report,
        negated: m.negated,
      });
    }
  }
  return spans;
}

interface FramedSpan {
  /** Readings that start from here to `to` are governed by the frame. */
  readonly from: number;
  /** Where the framed words start (after the frame). */
  readonly scope: number;
  readonly to: number;
  readonly report: boolean;
  /** The frame holds a negator ("we do not consider that …"). */
  readonly negated: boolean;
}

/**
 * Reasons a negated denial frame states by its own negator: "we do not consider that he poses a
 * risk" is the no-risk reason, read as "not … he poses a risk". Only readings whose pattern needs
 * a negator, and that start at the frame's negator, are kept.
 */
function negatedFrameMatches(tokens: readonly Token[], span: FramedSpan): Match[] {
  const { reasonIndex } = patternTables();
  const first = tokens[span.scope];
  if (first === undefined || span.scope >= span.to) return [];
  const synthetic: Token[] = [
    { stem: "not", negator: true, start: first.start, end: first.start },
    ...tokens.slice(span.scope, span.to),
  ];
  return findMatches(synthetic, reasonIndex)
    .filter((m) => m.start === 0 && m.negated)
    .map((m) => ({ ...m, start: span.scope, end: span.scope + m.end - 1 }));
}

/**
 * The reasons a sentence states: every pattern's reading, less those a denial or report frame
 * governs (a clause that denies or reports a reason is not that reason), resolved where they
 * overlap, and less those another reading in the same clause replaces (`overridesInClause`, or
 * `overridesLaterInClause` for readings after it: "on police bail while the investigation
 * continues" is one reason, bail).
 */
function sentenceMatches(tokens: readonly Token[], clauses: readonly Clause[]): Match[] {
  const { reasonIndex, overridesInClause, overridesLaterInClause, reportedReasonsStillGiven } =
    patternTables();
  const spans = clauses.flatMap((clause) => framedSpans(tokens, clause));
  const kept = findMatches(tokens, reasonIndex).filter(
    (m) =>
      !spans.some(
        (span) =>
          m.start >= span.from &&
          m.start < span.to &&
          !(span.report && reportedReasonsStillGiven.has(m.code)),
      ),
  );
  for (const span of spans) if (!span.report && span.negated) kept.push(...negatedFrameMatches(tokens, span));
  const resolved = resolve(kept);
  return resolved.filter((m) => {
    const clause = clauses.find((c) => m.start >= c.from && m.start < c.to);
    if (clause === undefined) return true;
    return !resolved.some(
      (o) =>
        o !== m &&
        o.start >= clause.from &&
        o.start < clause.to &&
        (overridesInClause.get(o.code)?.has(m.code) === true ||
          (o.start < m.start && overridesLaterInClause.get(o.code)?.has(m.code) === true)),
    );
  });
}

/**
 * Reads a decline letter or email: splits it into sentences and clauses, normalises word forms
 * (Porter stemming), police shorthand (NFA, CPS, OIC, DA, NMO, RO) and negation ("has not been
 * charged"), and matches each reason's patterns from the taxonomy (`decline-reasons.json`). Every
 * part is accounted for by its position: a reason, the decision itself, courtesy, or not recognised.
 * The text is not copied into the reading unless `includeText` is set.
 *
 * @example
 * ```ts
 * import { readDeclineText } from "protective-orders";
 * const reading = readDeclineText("He has not been charged so an SPO cannot be applied for. He is a nice man.");
 * reading.reasons.map((r) => r.code); // ["no-charge-or-nfa"]
 * reading.notRecognised; // ["sentence 2 of 2"]
 * ```
 */
export function readDeclineText(text: string, options: ReadDeclineTextOptions = {}): DeclineTextReading {
  // The whole letter is read: no silent stop at a length (issue 26; the case-facts schema bounds
  // `freeText` itself).
  const sentences = splitSentences(typeof text === "string" ? text.normalize("NFKC") : "");
  const parts: DeclineTextPart[] = [];
  const reasons = new Map<DeclineReasonCode, string[]>();
  const { decisionPatterns, courtesyPatterns } = patternTables();
  sentences.forEach((sentence, si) => {
    const tokens = tokenise(sentence.text);
    const clauses = clausesOf(tokens);
    const matches = sentenceMatches(tokens, clauses);
    clauses.forEach((clause, ci) => {
      const inClause = matches
        .filter((m) => m.start < clause.to && m.end > clause.from)
        .sort((a, b) => a.start - b.start || a.end - b.end);
      const codes = [...new Set(inClause.map((m) => m.code))];
      const clauseTokens = tokens.slice(clause.from, clause.to);
      const status: DeclineTextPartStatus =
        codes.length > 0
          ? "reason"
          : anyMatch(clauseTokens, decisionPatterns)
            ? "decision"
            : anyMatch(clauseTokens, courtesyPatterns)
              ? "courtesy"
              : "not-recognised";
      const position =
        clauses.length === 1
          ? `sentence ${si + 1} of ${sentences.length}`
          : `sentence ${si + 1} of ${sentences.length}, clause ${ci + 1} of ${clauses.length}`;
      let partText: string | undefined;
      if (options.includeText === true) {
        const first = clauseTokens.find((t) => !t.brk);
        const last = [...clauseTokens].reverse().find((t) => !t.brk);
        partText =
          clauses.length === 1 || first === undefined || last === undefined
            ? sentence.text
            : sentence.text.slice(first.start, last.end).trim();
      }
      parts.push({
        position,
        sentence: si + 1,
        clause: ci + 1,
        clauses: clauses.length,
        status,
        codes,
        ...(partText !== undefined ? { text: partText } : {}),
      });
      for (const code of codes) {
        const seen = reasons.get(code);
        if (seen) seen.push(position);
        else reasons.set(code, [position]);
      }
    });
  });
  return {
    sentences: sentences.length,
    parts,
    reasons: [...reasons].map(([code, positions]) => ({ code, positions })),
    notRecognised: parts.filter((p) => p.status === "not-recognised").map((p) => p.position),
  };
}

/**
 * The reason codes a text states, most specific reading first for each part; `[]` if none.
 *
 * @example
 * ```ts
 * import { declineReasonCodes } from "protective-orders";
 * declineReasonCodes("NFA. Victim w/drawn support."); // ["no-charge-or-nfa", "victim-will-not-support-prosecution"]
 * ```
 */
export function declineReasonCodes(text: string): DeclineReasonCode[] {
  return readDeclineText(text).reasons.map((r) => r.code);
}

/** The single most specific reason in a text, for the one-code classifier. */
export function mostSpecificReason(text: string): DeclineReasonCode | undefined {
  let best: Match | undefined;
  for (const sentence of splitSentences(typeof text === "string" ? text.normalize("NFKC") : "")) {
    const tokens = tokenise(sentence.text);
    for (const m of sentenceMatches(tokens, clausesOf(tokens))) {
      if (best === undefined || m.weight > best.weight) best = m;
    }
  }
  return best?.code;
}
