import { types } from "node:util";

/**
 * How many levels of objects and arrays are written out here rather than by `JSON.stringify`: two
 * covers an assessment's top-level fields and each of its orders (each order, with its explanation
 * tree of about 10 KB, is one piece), so no piece is a large string.
 */
const FRAMED_LEVELS = 2;

/**
 * True when `value` is written out here: an ordinary plain object or array (not a Proxy, nor a boxed
 * primitive whose prototype was changed), with no
 * `toJSON` of its own or inherited. Checked without reading any property, so no getter (not even
 * one named `toJSON`) runs here that `JSON.stringify` would not run; anything else is left to
 * `JSON.stringify` whole, which then calls its `toJSON` (ECMA-262 SerializeJSONProperty) itself.
 */
function isWrittenOut(value: unknown): value is object {
  if (typeof value !== "object" || value === null || types.isProxy(value) || types.isBoxedPrimitive(value))
    return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain =
    prototype === Object.prototype ||
    prototype === null ||
    (prototype === Array.prototype && Array.isArray(value));
  return plain && !("toJSON" in value);
}

/**
 * The JSON text of a plain object or array, as pieces: its members written out here, and theirs to
 * `levels` more levels; anything deeper, or not written out, as `JSON.stringify` gives it.
 */
function collectPieces(value: object, levels: number, out: string[], writing: object[]): void {
  // A cycle through the levels written out here: the TypeError JSON.stringify throws (a cycle
  // deeper down, JSON.stringify finds itself).
  if (writing.includes(value)) throw new TypeError("Converting circular structure to JSON");
  writing.push(value);
  if (Array.isArray(value)) {
    out.push("[");
    // The length read once, before any element, as JSON.stringify reads it (SerializeJSONArray).
    const length = value.length;
    for (let i = 0; i < length; i++) {
      if (i > 0) out.push(",");
      const item: unknown = value[i];
      if (levels > 0 && isWrittenOut(item)) collectPieces(item, levels - 1, out, writing);
      else {
        // Stringified under its own key, so that a toJSON gets the index as JSON.stringify gives
        // it; what has no JSON (undefined, a function, a symbol) is null in an array.
        const index = String(i);
        const text = JSON.stringify({ [index]: item });
        out.push(text === "{}" ? "null" : text.slice(JSON.stringify(index).length + 2, -1));
      }
    }
    out.push("]");
    writing.pop();
    return;
  }
  out.push("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (levels > 0 && isWrittenOut(item)) {
      out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      collectPieces(item, levels - 1, out, writing);
    } else {
      // `"key":value` as JSON.stringify writes the member (its toJSON called with its key), or
      // nothing for a member JSON leaves out.
      const text = JSON.stringify({ [key]: item });
      if (text === "{}") continue;
      out.push(first ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
    }
    first = false;
  }
  out.push("}");
  writing.pop();
}

/** Bytes kept between calls to write into: room for a ~1 MB response in the worst case. */
const SCRATCH_BYTES = 3 * 1024 * 1024;
/** The largest scratch kept; a larger value is written into a buffer of its own. */
const SCRATCH_LIMIT = 16 * 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * The bytes of `JSON.stringify(value)` encoded as UTF-8, exactly, without making the whole text as
 * one string: what the service sends for every JSON response.
 *
 * Why: a full assessment is about 120 KB of JSON, and in V8 a two-byte string (the law's text has
 * en dashes). Made as one string and then encoded, it costs a large fresh allocation for the text
 * and another for the bytes, each request. Written piece by piece (each order a piece) into a buffer
 * kept between calls, then copied once into a buffer of exactly its length, the same bytes cost about
 * a fifth less (docs/guides/http-service.md, "Speed").
 *
 * The same bytes as `JSON.stringify` for every value: each property is read once, in the same order,
 * and every `toJSON` is called once with its own key, by `JSON.stringify` itself (a value with one,
 * a Proxy, or anything but a plain object or array is left to it whole). It throws what
 * `JSON.stringify` throws (a cycle, a BigInt without `toJSON`; through a cycle, a getter on the way
 * may be read a different number of times before the TypeError); where `JSON.stringify` gives
 * `undefined` (a function, `undefined` itself), the buffer is empty.
 *
 * @example
 * ```ts
 * import { jsonUtf8Bytes } from "protective-orders/server";
 * jsonUtf8Bytes({ title: "ss.1–2", orders: [{ id: "spo" }] }).toString("utf8");
 * // '{"title":"ss.1–2","orders":[{"id":"spo"}]}'
 * ```
 */
export function jsonUtf8Bytes(value: unknown): Buffer {
  if (!isWrittenOut(value)) return Buffer.from(JSON.stringify(value) ?? "", "utf8");
  const pieces: string[] = [];
  collectPieces(value, FRAMED_LEVELS - 1, pieces, []);
  // From here no caller code runs (every getter and toJSON has been), so the scratch buffer cannot
  // be in use twice at once.
  let units = 0;
  for (const piece of pieces) units += piece.length;
  // Three bytes a UTF-16 code unit at most (a surrogate pair: four bytes for two units).
  const worst = units * 3;
  let target: Buffer;
  if (worst <= (scratch?.length ?? 0)) target = scratch!;
  else if (worst <= SCRATCH_LIMIT) {
    scratch = Buffer.allocUnsafe(Math.max(SCRATCH_BYTES, worst));
    target = scratch;
  } else target = Buffer.allocUnsafe(worst);
  let length = 0;
  for (const piece of pieces) length += target.write(piece, length, "utf8");
  // A buffer of exactly the text's length: nothing of the scratch (or of an earlier call) is reachable.
  const bytes = Buffer.allocUnsafeSlow(length);
  target.copy(bytes, 0, 0, length);
  return bytes;
}
