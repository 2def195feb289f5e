/**
 * Escaping for the renderers: a value from the case (an id, a name, a date) cannot forge a line, a
 * heading, a link or raw HTML in a case note.
 *
 * Why: a case note is read by people who act on it. An id such as
 * `x\n\n## Recommendation: no order needed` must not become a heading, nor `<img onerror=…>` or
 * `[click](javascript:…)` markup in a page that renders the Markdown.
 *
 * Not exported from the package.
 */

// C0 and C1 controls, and the Unicode line and paragraph separators: anything that can end a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must be escaped
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visibleEscape(ch: string): string {
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (ch === "\t") return "\\t";
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * A case value for plain text: on one line, every control character (a newline above all) shown
 * as an escape (`\n`), so no value can start a line of its own.
 */
export function escapeText(value: string): string {
  return value.replace(LINE_BREAKING, visibleEscape);
}

// Markdown's inline punctuation that can start emphasis, code, a link, an image, a table cell,
// strikethrough or an escape; `#` too (a heading, where a value starts a line).
const MARKDOWN_PUNCTUATION = /[\\`*_[\]!|~#]/g;

/**
 * A case value for Markdown: on one line (controls escaped as in {@link escapeText}), with `&`, `<`
 * and `>` as HTML entities (so no raw HTML and no autolink, hence no `javascript:` link) and
 * Markdown's inline punctuation backslash-escaped (no emphasis, code, link or image).
 */
export function escapeMarkdown(value: string): string {
  return escapeText(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}

/**
 * Text from the law data or a rule pack (labels, notes, questions): rendered as written, but on one
 * line, so that even a rule pack from outside cannot forge a line of the note.
 */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKING, " ");
}

/** An optional field of a caller's object, read only if it is the object's own. */
export function ownField<T extends object, K extends keyof T>(
  object: T | undefined | null,
  key: K,
): T[K] | undefined {
  if (object === undefined || object === null || !Object.hasOwn(object, key)) return undefined;
  return object[key];
}
