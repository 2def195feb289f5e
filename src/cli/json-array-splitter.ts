/**
 * Splits a stream of JSON text holding one top-level array (or a single value) into the source
 * text of each top-level element, without holding the whole document: memory stays bounded by the
 * largest element. Strings and escapes are tracked so brackets inside strings do not count, and
 * the line on which each element starts is kept for error records.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private arrayMode = false;
  private inElement = false;
  private parts: string[] = [];
  private elementLine = 0;
  private line = 1;
  private closed = false;
  private trailing = false;

  /** Feeds a chunk; returns the elements completed in it, each with the line it started on. */
  push(chunk: string): { text: string; line: number }[] {
    const out: { text: string; line: number }[] = [];
    let segmentStart = this.inElement ? 0 : -1;
    const emit = (end: number) => {
      if (segmentStart >= 0) this.parts.push(chunk.slice(segmentStart, end));
      out.push({ text: this.parts.join(""), line: this.elementLine });
      this.parts = [];
      this.inElement = false;
      segmentStart = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
      if (!this.started) {
        if (space) continue;
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
    if (this.inElement && segmentStart >= 0) this.parts.push(chunk.slice(segmentStart));
    return out;
  }

  /** At the end of input: any unfinished element (a truncated file's last element, or a single value). */
  end(): { text: string; line: number }[] {
    if (!this.inElement) return [];
    const text = this.parts.join("");
    this.parts = [];
    this.inElement = false;
    return text.trim() === "" ? [] : [{ text, line: this.elementLine }];
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
