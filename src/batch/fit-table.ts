// A table that fits the terminal (issue #28 item 9): cells wrap within their column; when even
// wrapped columns would be too narrow to read, the caller falls back to a vertical layout.

import { terminalSafe } from "./terminal-safe.js";

/**
 * The width to fit: the terminal's columns when standard output is one; else `COLUMNS` from the
 * environment if set (as a shell sets it, e.g. `COLUMNS=200 protective-orders ... > out.txt`); else 80.
 */
export function terminalWidth(
  stdout: { readonly isTTY?: boolean | undefined; readonly columns?: number },
  env: Readonly<Record<string, string | undefined>> = {},
): number {
  const fromEnv = env.COLUMNS !== undefined && /^\d+$/.test(env.COLUMNS) ? Number(env.COLUMNS) : undefined;
  const columns = stdout.isTTY === true ? stdout.columns : fromEnv;
  return typeof columns === "number" && Number.isInteger(columns) && columns >= 20 ? columns : 80;
}

/** `text` cut into lines of at most `width` characters, at spaces (or after . , ; /), else anywhere. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let rest = paragraph.trim();
    if (rest === "") {
      lines.push("");
      continue;
    }
    while (rest.length > width) {
      const window = rest.slice(0, width + 1);
      let cut = window.lastIndexOf(" ");
      if (cut <= 0) {
        const soft = Math.max(...[".", ",", ";", "/"].map((c) => window.lastIndexOf(c, width - 1)));
        cut = soft > 0 ? soft + 1 : width;
      }
      lines.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    lines.push(rest);
  }
  return lines;
}

const GAP = "  ";
/** A wrapped column narrower than this is too narrow to read: the caller goes vertical instead. */
export const MIN_WRAPPED_WIDTH = 16;

/**
 * The widths that fit `natural` (each column's widest cell) into `width`: columns that fit their
 * fair share keep their width, the others share the rest. Undefined if a shared column would be
 * narrower than {@link MIN_WRAPPED_WIDTH}.
 */
export function fitWidths(natural: readonly number[], width: number): number[] | undefined {
  const room = width - GAP.length * (natural.length - 1);
  if (natural.reduce((a, b) => a + b, 0) <= room) return [...natural];
  const widths: (number | undefined)[] = natural.map(() => undefined);
  let left = room;
  let open = natural.length;
  for (;;) {
    const share = Math.floor(left / open);
    let settled = false;
    for (const [i, w] of natural.entries()) {
      if (widths[i] === undefined && w <= share) {
        widths[i] = w;
        left -= w;
        open -= 1;
        settled = true;
      }
    }
    if (!settled || open === 0) break;
  }
  const share = open > 0 ? Math.floor(left / open) : 0;
  if (open > 0 && share < MIN_WRAPPED_WIDTH) return undefined;
  return widths.map((w) => w ?? share);
}

/**
 * Rows under a header row, cells wrapped to fit `width`; undefined when they cannot fit (see
 * {@link fitWidths}). Cells are made terminal-safe.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * fitTable(["A", "B"], [["x", "y"]], 80); // "A  B\nx  y\n"
 * ```
 */
export function fitTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): string | undefined {
  const safe = [headers, ...rows].map((r) => r.map((c) => terminalSafe(c)));
  const natural = headers.map((_, i) => Math.max(1, ...safe.map((r) => (r[i] ?? "").length)));
  const widths = fitWidths(natural, width);
  if (!widths) return undefined;
  let out = "";
  for (const row of safe) {
    const cells = widths.map((w, i) => wrapText(row[i] ?? "", w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++)
      out += `${cells
        .map((c, i) => (c[line] ?? "").padEnd(widths[i]!))
        .join(GAP)
        .trimEnd()}\n`;
  }
  return out;
}

/**
 * One `header  value` line per field (values wrapped, under themselves), a blank line between
 * rows: for a terminal too narrow for the table.
 */
export function verticalTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): string {
  const keyWidth = Math.max(...headers.map((h) => h.length));
  const valueWidth = Math.max(MIN_WRAPPED_WIDTH, width - keyWidth - GAP.length);
  return rows
    .map((row) =>
      headers
        .flatMap((h, i) => {
          const value = terminalSafe(row[i] ?? "");
          if (value === "") return [];
          return wrapText(value, valueWidth).map((line, n) =>
            `${(n === 0 ? h : "").padEnd(keyWidth)}${GAP}${line}`.trimEnd(),
          );
        })
        .join("\n"),
    )
    .join("\n\n")
    .concat("\n");
}
