/**
 * Splits a stream of JSON bytes holding one top-level array (or a single value) into the bytes of
 * each top-level element, without holding the whole document: memory stays bounded by the largest
 * element. It works on bytes, not text, so that each element can be decoded strictly on its own:
 * bytes that are not UTF-8 cost that element only, and a U+FFFD the file really holds is kept.
 * (Every byte JSON's structure uses is ASCII, and no byte of a multi-byte UTF-8 character is.)
 * Strings and escapes are tracked so brackets inside strings do not count, and the line on which
 * each element starts is kept for error records (a line ends at LF, CRLF or a lone CR).
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private arrayMode = false;
  private inElement = false;
  private parts: Uint8Array[] = [];
  private elementLine = 0;
  private line = 1;
  private lastWasCR = false;
  private closed = false;
  private trailing = false;
  /** Bytes of a byte-order mark seen before the first value. */
  private bomBytes = 0;

  /** Feeds a chunk; returns the elements completed in it, each with the line it started on. */
  push(chunk: Uint8Array | string): { bytes: Uint8Array; line: number }[] {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    const out: { bytes: Uint8Array; line: number }[] = [];
    let segmentStart = this.inElement ? 0 : -1;
    const emit = (end: number) => {
      if (segmentStart >= 0) this.parts.push(bytes.subarray(segmentStart, end));
      out.push({ bytes: concat(this.parts), line: this.elementLine });
      this.parts = [];
      this.inElement = false;
      segmentStart = -1;
    };
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (c === 10) {
        if (!this.lastWasCR) this.line++;
      } else if (c === 13) this.line++;
      this.lastWasCR = c === 13;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      const space = c === 32 || c === 9 || c === 10 || c === 13;
      if (!this.started) {
        if (space) continue;
        // A byte-order mark (EF BB BF) before the first value.
        if (c === [0xef, 0xbb, 0xbf][this.bomBytes]) {
          this.bomBytes++;
          continue;
        }
        this.started = true;
        if (c === 91) {
          this.arrayMode = true;
          this.depth = 1;
          continue;
        }
        this.inElement = true;
        this.elementLine = this.line;
        segmentStart = i;
      } else if (this.arrayMode && !this.inElement) {
        if (space || c === 44) continue;
        if (this.closed) {
          // Anything but white space after the closing bracket is not part of the array.
          this.trailing = true;
          continue;
        }
        if (c === 93 && this.depth === 1) {
          this.depth = 0;
          this.closed = true;
          continue;
        }
        this.inElement = true;
        this.elementLine = this.line;
        segmentStart = i;
      }
      if (c === 34) {
        this.inString = true;
      } else if (c === 91 || c === 123) {
        this.depth++;
      } else if (c === 93 || c === 125) {
        this.depth--;
        if (this.arrayMode && this.depth === 0) {
          emit(i);
          this.closed = true;
        }
      } else if (c === 44 && this.arrayMode && this.inElement && this.depth === 1) {
        emit(i);
      }
    }
    // Copied: the caller may reuse its buffer.
    if (this.inElement && segmentStart >= 0) this.parts.push(bytes.slice(segmentStart));
    return out;
  }

  /** At the end of input: any unfinished element (a truncated file's last element, or a single value). */
  end(): { bytes: Uint8Array; line: number }[] {
    if (!this.inElement) return [];
    const bytes = concat(this.parts);
    this.parts = [];
    this.inElement = false;
    return bytes.every((b) => b === 32 || b === 9 || b === 10 || b === 13)
      ? []
      : [{ bytes, line: this.elementLine }];
  }

  /** False for an array that was never closed (a truncated file). */
  get complete(): boolean {
    return !this.arrayMode || this.closed;
  }

  /** True when text follows the closing bracket (a second array, say): it was not read. */
  get trailingText(): boolean {
    return this.trailing;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
