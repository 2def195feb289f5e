// Input in the encodings Excel writes: UTF-8 with or without a byte-order mark, UTF-16 LE/BE with
// one ("Unicode text", which Excel saves as tab-separated), and any encoding Node's TextDecoder
// knows (`--encoding windows-1252`, `latin1`, ...), turned into UTF-8 bytes before anything reads
// them. Node's own TextDecoder: no dependency.

/** Raised for an `--encoding` that Node's TextDecoder does not know. */
export class UnknownEncodingError extends Error {}

/**
 * Whether `label` names an encoding Node's TextDecoder can read.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * isKnownEncoding("windows-1252"); // true
 * ```
 */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * The input as UTF-8 bytes. With `encoding`, every byte is decoded from it. Without, a UTF-16 BOM
 * (FF FE or FE FF) says the file is UTF-16 and it is decoded so; anything else passes through
 * untouched (UTF-8, with or without a BOM, which the readers drop).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * const utf8 = decodeInput(createReadStream("export.txt"), undefined); // Excel "Unicode text" read as UTF-8
 * ```
 */
export async function* decodeInput(
  input: AsyncIterable<Uint8Array | string>,
  encoding: string | undefined,
): AsyncGenerator<Uint8Array> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let decided =
    encoding === undefined || encoding.toLowerCase().replace(/[-_]/g, "") === "utf8" ? false : true;
  if (decided) decoder = new TextDecoder(encoding);
  let head: Uint8Array | undefined;
  for await (const chunk of input) {
    let bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (!decided) {
      if (head) bytes = Buffer.concat([head, bytes]);
      if (bytes.length < 2) {
        head = bytes;
        continue;
      }
      head = undefined;
      decided = true;
      if (bytes[0] === 0xff && bytes[1] === 0xfe) decoder = new TextDecoder("utf-16le");
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoder = new TextDecoder("utf-16be");
    }
    if (decoder) {
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) yield Buffer.from(text);
    } else yield bytes;
  }
  if (head && head.length > 0) yield head;
  if (decoder) {
    const rest = decoder.decode();
    if (rest.length > 0) yield Buffer.from(rest);
  }
}
