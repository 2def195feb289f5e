/**
 * Plain data from untrusted callers: what the parsers copy before validating, and what they build.
 *
 * Why: the core is imported into long-running servers and browser forms, where an input may be
 * cyclic, share parts, be a `Map` or a class instance, or where something else in the process may
 * have polluted `Object.prototype`. Validation reads only the input's own data, once, in one pass
 * (a visited set for objects only), and what the parsers return has no `Object.prototype` in its
 * chain, so an inherited property can never become a fact.
 *
 * Not exported from the package: it is how the parsers are safe, not an API.
 */

/**
 * The prototype of every object the parsers build: empty, frozen, with a null prototype. Objects
 * made from it keep V8's fast property access (unlike `Object.create(null)`, which starts in
 * dictionary mode), and reading an absent field on one gives `undefined` whatever has been added
 * to `Object.prototype`.
 */
export const PLAIN_DATA_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

const PlainRecord = function PlainRecord() {} as unknown as new () => Record<string, unknown>;
PlainRecord.prototype = PLAIN_DATA_PROTOTYPE;

/** A new, empty record whose prototype chain holds nothing (see {@link PLAIN_DATA_PROTOTYPE}). */
export function emptyRecord(): Record<string, unknown> {
  return new PlainRecord();
}

/** True for the prototype of a plain object: `Object.prototype` (of this or another realm), null, or ours. */
export function isPlainObjectPrototype(proto: unknown): boolean {
  if (proto === Object.prototype || proto === null || proto === PLAIN_DATA_PROTOTYPE) return true;
  // Another realm's Object.prototype (an iframe, a vm context): its own prototype is null and it
  // has Object.prototype's own methods. A class's prototype has a prototype of its own.
  return (
    typeof proto === "object" &&
    Object.getPrototypeOf(proto) === null &&
    Object.hasOwn(proto, "isPrototypeOf") &&
    Object.hasOwn(proto, "hasOwnProperty")
  );
}

/** True for an array that is plain data: `Array.prototype` of any realm, not a subclass. */
export function isPlainArray(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Every realm's Array.prototype is itself an array; a subclass's prototype is not.
  return proto === Array.prototype || Array.isArray(proto);
}

/** Put in a copy where the input referred back to an object or array containing it. */
export const CYCLE: unique symbol = Symbol("cycle");
/** Put in a copy where the input had a Map, Set, Date, class instance, function or other non-plain value. */
export const NOT_PLAIN: unique symbol = Symbol("not plain data");

/** What a structural marker in a copy means, worded as a problem (never naming the value). */
export const STRUCTURAL_PROBLEM: Readonly<Record<typeof CYCLE | typeof NOT_PLAIN, string>> = Object.freeze({
  [CYCLE]: "refers back to an object or list that contains it (a cycle): expected plain data",
  [NOT_PLAIN]:
    "expected plain data (an object, list, text, number or true/false), not a Map, Set, Date, class instance or function",
});

/** One structural problem found while copying: where, and which. */
export interface StructuralProblem {
  readonly path: readonly PropertyKey[];
  readonly kind: typeof CYCLE | typeof NOT_PLAIN;
}

/** How deep a copy goes: deeper than any schema here, and far from the call-stack limit. */
export const MAX_COPY_DEPTH = 64;

/**
 * A copy of a value's own data only (own enumerable properties, arrays as arrays), in one pass:
 * nothing inherited through a prototype, however polluted, can become a fact. A cycle becomes
 * {@link CYCLE} and anything that is not plain data {@link NOT_PLAIN}, each listed with its path;
 * an object met again through another path (a shared reference) is copied once and shared, so the
 * work is linear in the input's size, not in the number of paths through it.
 */
export function plainDataCopy(value: unknown): { copy: unknown; problems: StructuralProblem[] } {
  const problems: StructuralProblem[] = [];
  const copied = new Map<object, unknown>();
  const onPath = new Set<object>();
  const path: PropertyKey[] = [];

  const copyOf = (node: unknown, depth: number): unknown => {
    if (typeof node === "function") {
      problems.push({ path: [...path], kind: NOT_PLAIN });
      return NOT_PLAIN;
    }
    if (typeof node !== "object" || node === null) return node;
    if (onPath.has(node)) {
      problems.push({ path: [...path], kind: CYCLE });
      return CYCLE;
    }
    if (copied.has(node)) return copied.get(node);
    if (depth > MAX_COPY_DEPTH) return "(nested too deeply)";
    let copy: unknown;
    onPath.add(node);
    if (isPlainArray(node)) {
      const items: unknown[] = new Array(node.length);
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        // A hole or an inherited index is not the input's own data: it reads as undefined.
        items[i] = Object.hasOwn(node, i) ? copyOf(node[i], depth + 1) : undefined;
        path.pop();
      }
      copy = items;
    } else if (!Array.isArray(node) && isPlainObjectPrototype(Object.getPrototypeOf(node))) {
      const record = emptyRecord();
      for (const key of Object.keys(node)) {
        path.push(key);
        record[key] = copyOf((node as Record<string, unknown>)[key], depth + 1);
        path.pop();
      }
      copy = record;
    } else {
      problems.push({ path: [...path], kind: NOT_PLAIN });
      copy = NOT_PLAIN;
    }
    onPath.delete(node);
    copied.set(node, copy);
    return copy;
  };

  const copy = copyOf(value, 0);
  return { copy, problems };
}

/**
 * Rebuilds a tree of plain data (a validator's output) on {@link emptyRecord} objects, so that no
 * absent field of it reads through to `Object.prototype`. Arrays stay arrays.
 */
export function toPlainRecords<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => toPlainRecords(item)) as T;
  const record = emptyRecord();
  for (const key of Object.keys(value)) record[key] = toPlainRecords((value as Record<string, unknown>)[key]);
  return record as T;
}

/**
 * A key that may be echoed in a problem: short and identifier-like (field names are; a person's
 * name, an e-mail address or a 100 MB string are not).
 */
export function isEchoableKey(key: string): boolean {
  return key.length <= 40 && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key);
}

/**
 * Reads one option the caller passed, from the options object's own properties only (an option
 * inherited from a polluted `Object.prototype` is not an option).
 */
export function ownOption(options: unknown, key: string): unknown {
  if (typeof options !== "object" || options === null || !Object.hasOwn(options, key)) return undefined;
  return (options as Record<string, unknown>)[key];
}

/**
 * Freezes plain data deeply (objects and arrays, through their own properties) and returns it, so
 * that no caller can edit a constant the library reads later (a decline reason, a police force, a
 * provision, a rule). What is not plain data is left as it is: a Map or typed array cannot be frozen
 * by `Object.freeze` (a memo must stay writable), and a function or class instance is not data.
 * Keys named in `skip` are frozen as properties but their values are not descended into.
 */
export function deepFreezeData<T>(value: T, skip: ReadonlySet<string> = new Set()): T {
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || Object.isFrozen(node)) return;
    if (isPlainArray(node)) {
      Object.freeze(node);
      for (const item of node) visit(item);
      return;
    }
    if (Array.isArray(node) || !isPlainObjectPrototype(Object.getPrototypeOf(node))) return;
    Object.freeze(node);
    for (const key of Object.keys(node)) if (!skip.has(key)) visit((node as Record<string, unknown>)[key]);
  };
  visit(value);
  return value;
}
