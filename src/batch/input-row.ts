// What the readers yield: input rows, and the errors and warnings about the input as a whole. Its own
// module, so the readers (CSV, JSON Lines) and read-rows, which picks one, share it without an import circle.

/** The input formats the CLI reads. */
export type InputFormat = "json" | "jsonl" | "csv";

/** One input row: its 1-based number, the line it starts on, and either its value or why it could not be read. */
export type InputRow =
  | { readonly row: number; readonly line: number; readonly value: unknown }
  | { readonly row: number; readonly line: number; readonly text: string }
  | { readonly row: number; readonly line: number; readonly unreadable: string };

/** Raised for input that cannot be read at all (as opposed to one bad row): exit code 2. */
export class UnreadableInputError extends Error {}

/** Something about the input as a whole that the caller must hear about (not a row): exit code 1. */
export type InputWarning = (message: string) => void;
