// Text from the data (ids, CSV headers, cells) is shown on a terminal only once it cannot drive
// the terminal: an id must not clear the screen, move the cursor, set the window title, or forge
// a line of output.

// ANSI/ECMA-48 escape sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), DCS, SOS,
// PM and APC strings, other two-character escapes, and the 8-bit CSI (U+009B). Built from strings
// so that the source holds no control character.
const ESCAPE_SEQUENCE = new RegExp(
  [
    String.raw`\u001b\[[0-?]*[ -/]*[@-~]`,
    String.raw`\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?`,
    String.raw`\u001b[PX^_][^\u001b]*(?:\u001b\\)?`,
    String.raw`\u001b[@-Z\\-_]?`,
    String.raw`\u009b[0-?]*[ -/]*[@-~]`,
  ].join("|"),
  "g",
);
// C0 and C1 controls and DEL; bidirectional marks, overrides and isolates (they reorder what is
// shown); the Unicode line and paragraph separators.
const OTHER_CONTROLS = String.raw`\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029`;
const CONTROL = new RegExp(String.raw`[\u0000-\u001f${OTHER_CONTROLS}]`, "g");
const CONTROL_BUT_NEWLINE = new RegExp(String.raw`[\u0000-\u0009\u000b-\u001f${OTHER_CONTROLS}]`, "g");

/**
 * `text` with every escape sequence removed and every control character (line ends and tabs
 * included) replaced by a space: one line that cannot drive a terminal.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * terminalSafe("c1\u001b[2J\nrow 2"); // "c1 row 2"
 * ```
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, " ");
}

/**
 * Like {@link terminalSafe}, but keeps line ends (a CRLF or lone CR becomes a line feed): for
 * text of many lines, such as an explanation.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * terminalSafeLines("a\r\nb\u001b]0;title\u0007"); // "a\nb"
 * ```
 */
export function terminalSafeLines(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(/\r\n?/g, "\n").replace(CONTROL_BUT_NEWLINE, " ");
}
