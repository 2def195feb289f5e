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

// Characters that could end or break a Markdown link destination, or a `<…>` URL in text, once percent-encoded
// mean the same URL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must be encoded
const URL_BREAKING = /[\s()<>[\]"'`\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

/**
 * A citation's URL as a link target, or `undefined` if it is not an `https:` URL. Rule packs' instrument URLs
 * are validated as `https:` when they load, but a renderer is handed an assessment that any caller could have
 * built, so it checks again: no `javascript:`, `data:` or `vbscript:` link, in any case or behind leading
 * whitespace, can reach a note. Characters that could close the link (`)`, `>`, a space) are percent-encoded.
 */
export function linkTarget(url: unknown): string | undefined {
  if (typeof url !== "string" || !/^https:\/\/[^\s/\\]/i.test(url)) return undefined;
  // encodeURIComponent leaves `(`, `)` and `'` as they are.
  return url.replace(URL_BREAKING, (ch) =>
    ch === "(" ? "%28" : ch === ")" ? "%29" : ch === "'" ? "%27" : encodeURIComponent(ch),
  );
}

/**
 * A citation as Markdown: its title escaped like a case value (a rule pack's title cannot open a link, an image
 * or raw HTML), linked only to an `https:` URL (see {@link linkTarget}).
 */
export function markdownCitation(citation: { readonly title: string; readonly url?: unknown }): string {
  const title = escapeMarkdown(String(citation.title));
  const target = linkTarget(ownField(citation, "url"));
  return target ? `[${title}](${target})` : title;
}

/** A citation as plain text: its title on one line, then its URL in `<…>` if it is an `https:` URL. */
export function textCitation(citation: { readonly title: string; readonly url?: unknown }): string {
  const title = escapeText(String(citation.title));
  const target = linkTarget(ownField(citation, "url"));
  return target ? `${title} <${target}>` : title;
}
