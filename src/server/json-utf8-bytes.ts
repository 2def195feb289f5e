/**
 * How many levels of objects and arrays are written out here rather than by one `JSON.stringify`
 * of the whole: two covers an assessment's top-level fields and each of its orders (each order's
 * explanation tree, about 10 KB, is one piece), so no piece is a large string.
 */
const FRAMED_LEVELS = 2;

/** The JSON text of `value` as pieces, written out to `levels` deep; false if a piece needs `toJSON`. */
function collectPieces(value: unknown, levels: number, out: string[]): boolean {
  if (levels > 0 && typeof value === "object" && value !== null) {
    // JSON.stringify calls a toJSON it finds on any object, an array included (even one put on
    // Array.prototype or Object.prototype): such a value is left to JSON.stringify of the whole.
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
    const prototype = Object.getPrototypeOf(value);
    if (Array.isArray(value) && prototype === Array.prototype) {
      out.push("[");
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.push(",");
        const item: unknown = value[i];
        // JSON.stringify writes what it cannot represent as null in an array (ECMA-262 SerializeJSONArray).
        if (item === undefined || typeof item === "function" || typeof item === "symbol") out.push("null");
        else if (!collectPieces(item, levels - 1, out)) return false;
      }
      out.push("]");
      return true;
    }
    if (prototype === Object.prototype || prototype === null) {
      out.push("{");
      let first = true;
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        // ... and leaves such a property out of an object (SerializeJSONObject).
        if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
        out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
        first = false;
        if (!collectPieces(item, levels - 1, out)) return false;
      }
      out.push("}");
      return true;
    }
  }
  // A value's toJSON is called with its key (ECMA-262 SerializeJSONProperty): stringified on its
  // own it would get "" instead, so such a value is left to one JSON.stringify of the whole.
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  )
    return false;
  const text = JSON.stringify(value);
  if (text !== undefined) out.push(text);
  return true;
}

/**
 * The bytes of `JSON.stringify(value)` encoded as UTF-8, exactly, without making the whole text as
 * one string: what the service sends for every JSON response.
 *
 * Why: a full assessment is about 130 KB of JSON, and in V8 a two-byte string (the law's text has
 * en dashes). Made as one string, then encoded, it costs a large fresh allocation for the text and
 * another for the bytes, each request; written piece by piece (each order's explanation a piece)
 * into one buffer, the same bytes cost about a fifth less on this service's measurements (see
 * docs/guides/http-service.md, "Speed"). Throws what `JSON.stringify` throws (a cycle, a BigInt).
 * A `toJSON` method anywhere in the written-out levels, or on a piece, gives the plain
 * `JSON.stringify` of the whole, so the bytes are the same for every value; where `JSON.stringify`
 * gives `undefined` (a function, `undefined` itself), the buffer is empty.
 *
 * @example
 * ```ts
 * import { jsonUtf8Bytes } from "protective-orders/server";
 * jsonUtf8Bytes({ title: "ss.1–2", orders: [{ id: "spo" }] }).toString("utf8");
 * // '{"title":"ss.1–2","orders":[{"id":"spo"}]}'
 * ```
 */
export function jsonUtf8Bytes(value: unknown): Buffer {
  const pieces: string[] = [];
  if (!collectPieces(value, FRAMED_LEVELS, pieces)) return Buffer.from(JSON.stringify(value) ?? "", "utf8");
  let charsLeft = 0;
  for (const piece of pieces) charsLeft += piece.length;
  // Most of the text is ASCII (one byte a character); room for the rest is made as it comes, never
  // more than the worst case of what is left (three bytes a UTF-16 code unit).
  let bytes = Buffer.allocUnsafe(charsLeft + (charsLeft >> 4) + 64);
  let length = 0;
  for (const piece of pieces) {
    if (bytes.length - length < piece.length * 3) {
      const larger = Buffer.allocUnsafe(length + charsLeft * 3);
      bytes.copy(larger, 0, 0, length);
      bytes = larger;
    }
    length += bytes.write(piece, length, "utf8");
    charsLeft -= piece.length;
  }
  return bytes.subarray(0, length);
}
