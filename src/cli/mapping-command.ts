// `protective-orders mapping export.csv`: a proposed `--mapping` file from an export's header row
// (issue #28 item 4). Each header is matched to the nearest column by its words (against the
// column's path, its title and the question it answers; stemmed with `stemmer`, already a
// dependency), and every proposal is marked for the analyst to confirm. Only the header row is
// read: no cell value is ever read into, or echoed by, the proposal.

import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { stemmer } from "stemmer";
import { splitCsvRecord } from "../batch/csv-reader.js";
import { decodeInput } from "../batch/decode-input.js";
import { fileErrorInWords } from "../batch/file-errors.js";
import { terminalSafe } from "../batch/terminal-safe.js";
import { type ColumnGuideEntry, columnGuide } from "./column-guide.js";

const STOP = new Set(
  "a an and any are as at be been by did do does each for has have if in is it its of on or the their them they this to was were what when where which who with".split(
    " ",
  ),
);

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !STOP.has(w))
    .map((w) => stemmer(w));
}

interface ColumnWords {
  readonly entry: ColumnGuideEntry;
  readonly last: Set<string>;
  readonly path: Set<string>;
  readonly title: Set<string>;
  readonly text: Set<string>;
  readonly segments: number;
}

let indexed: readonly ColumnWords[] | undefined;
function columnWords(): readonly ColumnWords[] {
  indexed ??= columnGuide().map((entry) => {
    const segments = entry.path.split(".");
    return {
      entry,
      last: new Set(words(segments.at(-1)!)),
      path: new Set(words(segments.slice(0, -1).join(" "))),
      title: new Set(words(entry.title)),
      text: new Set(words(entry.question)),
      segments: segments.length,
    };
  });
  return indexed;
}

/**
 * 1 for the same word, 0.8 for one the start of the other (psych, psychological; a header's
 * abbreviation may be three letters: ref, reference), else 0.
 */
function wordLikeness(header: string, column: string): number {
  if (header === column) return 1;
  if (header.length >= 3 && column.startsWith(header)) return 0.8;
  if (column.length >= 4 && header.startsWith(column)) return 0.8;
  return 0;
}

function likeness(header: string, set: ReadonlySet<string>): number {
  let best = 0;
  for (const w of set) best = Math.max(best, wordLikeness(header, w));
  return best;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** How sure a proposal is: the header names the column, or its words match well, or only somewhat. */
export type MatchStrength = "exact" | "likely" | "possible";

/** A header's proposed column. */
export interface MappingProposal {
  readonly header: string;
  readonly column: string;
  readonly strength: MatchStrength;
  readonly title: string;
}

function score(header: readonly string[], c: ColumnWords): number {
  if (header.length === 0) return 0;
  let total = 0;
  // Each header word counts once, where it matches best: the column's own name, the path above
  // it, its title, or (weakly) the question it answers.
  for (const w of header)
    total += Math.max(
      3 * likeness(w, c.last),
      2 * likeness(w, c.path),
      2 * likeness(w, c.title),
      0.5 * likeness(w, c.text),
    );
  // Ties go to the column whose name the header says most of, then to the shallower path.
  const unmatchedLast = [...c.last].filter((w) => header.every((h) => wordLikeness(h, w) === 0)).length;
  return total / header.length - 0.1 * unmatchedLast - 0.15 * c.segments;
}

/**
 * The nearest column to each header, or none. A header that names a column (ignoring case and
 * punctuation) maps to it exactly.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * proposeMapping(["Psych harm"]).proposals[0]?.column; // "risk.psychologicalHarm"
 * ```
 */
export function proposeMapping(headers: readonly string[]): {
  proposals: MappingProposal[];
  unmatched: string[];
} {
  const columns = columnWords();
  const proposals: MappingProposal[] = [];
  const unmatched: string[] = [];
  for (const header of headers) {
    const exact = columns.find((c) => squash(c.entry.path) === squash(header));
    if (exact) {
      proposals.push({ header, column: exact.entry.path, strength: "exact", title: exact.entry.title });
      continue;
    }
    const w = words(header);
    let best: ColumnWords | undefined;
    let bestScore = 0;
    for (const c of columns) {
      const s = score(w, c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best === undefined || bestScore < 0.9) unmatched.push(header);
    else
      proposals.push({
        header,
        column: best.entry.path,
        strength: bestScore >= 2.4 ? "likely" : "possible",
        title: best.entry.title,
      });
  }
  return { proposals, unmatched };
}

/**
 * The proposal as a `--mapping` file: `"their header": "our.path"`, each preceded by a `"// header"`
 * line saying what to confirm (the reader looks up only the file's own headers, so those lines are
 * never read as columns). Unmatched headers are left out, so a run stops at them until mapped.
 */
export function mappingFileText(
  source: string,
  result: { proposals: readonly MappingProposal[]; unmatched: readonly string[] },
): string {
  const out: Record<string, string> = {
    "//": `Proposed by protective-orders mapping from the headers of ${source}. Confirm each proposal (its "// header" line), correct any that is wrong, then delete the "//" lines. See protective-orders columns for every column.`,
  };
  const used = new Map<string, string>();
  for (const p of result.proposals) {
    const clash = used.get(p.column);
    out[`// ${p.header}`] =
      `CONFIRM (${p.strength} match): ${p.column}${p.title ? ` = ${p.title}` : ""}${clash !== undefined ? `; also proposed for "${clash}": keep one, map the other to "" (not read)` : ""}`;
    out[p.header] = p.column;
    if (clash === undefined) used.set(p.column, p.header);
  }
  if (result.unmatched.length > 0)
    out["// unmatched"] =
      `no column found for: ${result.unmatched.map((h) => `"${h}"`).join(", ")}. Add each as "header": "our.path", or "header": "" not to read it`;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Only the header row is read, up to this many bytes. */
const HEADER_LIMIT = 1024 * 1024;

/** The export's header row: its first line, decoded as the batch commands decode input. */
async function readHeaderLine(file: string, encoding: string | undefined): Promise<string> {
  let text = "";
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of decodeInput(createReadStream(file, { highWaterMark: 64 * 1024 }), encoding)) {
    text += decoder.decode(chunk, { stream: true });
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > HEADER_LIMIT) break;
  }
  if (text.length > HEADER_LIMIT) throw new Error(`the header row is longer than ${HEADER_LIMIT} bytes`);
  return text;
}

function guessDelimiter(file: string, line: string): string {
  if (/\.tsv$/i.test(file)) return "\t";
  const counts = [",", "\t", ";", "|"].map((d) => ({ d, n: line.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ",";
}

/** Runs `mapping`: the proposed file on `stdout`, the review (unless quiet) on `stderr`. */
export async function runMapping(
  file: string,
  options: { delimiter?: string | undefined; encoding?: string | undefined; quiet?: boolean | undefined },
  io: { stdout: Writable; stderr: Writable },
): Promise<number> {
  const say = (message: string) => io.stderr.write(`protective-orders: ${message}\n`);
  let line: string;
  try {
    line = (await readHeaderLine(file, options.encoding)).replace(/^\uFEFF/, "");
  } catch (error) {
    say(`cannot read the header row of ${terminalSafe(file)}: ${fileErrorInWords(error)}`);
    return 2;
  }
  if (line.includes("\uFFFD")) {
    say("the header row is not valid UTF-8: give its encoding, e.g. --encoding windows-1252");
    return 2;
  }
  const headers = splitCsvRecord(line, options.delimiter ?? guessDelimiter(file, line))
    .map((h) => h.trim())
    .filter((h) => h !== "");
  if (headers.length === 0) {
    say(`${terminalSafe(file)} has no header row: its first line should name the columns`);
    return 2;
  }
  const result = proposeMapping(headers);
  io.stdout.write(mappingFileText(file, result));
  if (!options.quiet) {
    const width = Math.max(...headers.map((h) => terminalSafe(h).length));
    const lines = result.proposals.map(
      (p) => `  ${terminalSafe(p.header).padEnd(width)}  -> ${p.column}  (${p.strength}: confirm)`,
    );
    for (const h of result.unmatched) lines.push(`  ${terminalSafe(h).padEnd(width)}  -> no match`);
    io.stderr.write(
      `protective-orders: proposed a mapping for ${result.proposals.length} of ${headers.length} headers: confirm each before use\n${lines.join("\n")}\n`,
    );
  }
  return 0;
}
