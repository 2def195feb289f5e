import type { z } from "zod";
import { IsoDateSchema, isRealCalendarDate } from "./iso-date.js";
import { emptyRecord, PLAIN_DATA_PROTOTYPE, plainDataCopy, toPlainRecords } from "./plain-data.js";

/** What a fast parser returns when it cannot vouch for the input: the caller falls back to zod. */
export const NOT_PARSED: unique symbol = Symbol("not parsed");

/** Reads one value: returns its validated own-data copy, or {@link NOT_PARSED}. */
export type FastParser<T> = (input: unknown) => T | typeof NOT_PARSED;

type Reader = (input: unknown) => unknown;

/**
 * Compiles a zod schema into a one-pass reader for the common case, input that is valid: it
 * copies the input's own data (never anything inherited) while checking it, and builds its output
 * exactly as zod would (keys in the schema's order, a key given as `undefined` kept).
 *
 * Why: validating with zod after copying the input's own data was over half the cost of an
 * assessment (see the README's Performance section). The zod schema stays the single source of
 * truth: this reader is derived from its definition, it only ever says "valid" or "don't know",
 * and on "don't know" the caller runs zod, which finds and words every problem. A differential
 * property test (tests/model/fast-parser.test.ts) holds it to zod's answers. Parts of a schema it
 * does not understand (any kind or check not handled below) are handed to zod itself.
 *
 * What it builds has no `Object.prototype` in its chain (see `emptyRecord`), so a polluted
 * `Object.prototype` cannot be read through an absent field. It never loops: it reads no deeper
 * than the schema, so a cycle or a shared part costs what the schema's depth allows.
 *
 * With `copy: false` it only checks, and returns the input itself when valid: for values that no
 * one else holds and that are plain data by construction (fresh from `JSON.parse`, as in the CLI),
 * where a copy would be wasted work.
 *
 * Not exported from the package: it is how {@link parseCaseFacts} is fast, not an API.
 */
export function compileFastParser<S extends z.ZodType>(
  schema: S,
  options: { readonly copy?: boolean } = {},
): FastParser<z.output<S>> {
  const read = readerFor(schema, options.copy !== false);
  return (input) => {
    try {
      return read(input) as z.output<S> | typeof NOT_PARSED;
    } catch {
      // A getter that throws, a revoked proxy: let the careful path say what is wrong.
      return NOT_PARSED;
    }
  };
}

// The structural parts of zod 4's public schema definitions (`schema._zod.def`) read here.
interface CheckDefinition {
  readonly check: string;
  readonly format?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly pattern?: RegExp;
}
interface SchemaDefinition {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDefinition } }[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
}

function definitionOf(schema: z.ZodType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}

/**
 * Hands a value to zod itself, on a copy of its own data: used for anything not compiled here.
 * Checking in place, it cannot vouch for such a part (zod's output may differ from the input).
 */
function zodReader(schema: z.ZodType, copy: boolean): Reader {
  if (!copy) return () => NOT_PARSED;
  return (input) => {
    const { copy: data, problems } = plainDataCopy(input);
    if (problems.length > 0) return NOT_PARSED;
    const result = schema.safeParse(data);
    return result.success ? toPlainRecords(result.data) : NOT_PARSED;
  };
}

function readerFor(schema: z.ZodType, copy: boolean): Reader {
  // The calendar-date refinement is ours: check it directly rather than through zod's machinery.
  if (schema === IsoDateSchema)
    return (v) => (typeof v === "string" && isRealCalendarDate(v) ? v : NOT_PARSED);
  const def = definitionOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case "optional": {
      if (checks.length > 0 || !def.innerType) return zodReader(schema, copy);
      const inner = readerFor(def.innerType, copy);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case "boolean":
      return checks.length === 0 ? (v) => (typeof v === "boolean" ? v : NOT_PARSED) : zodReader(schema, copy);
    case "enum": {
      if (checks.length > 0 || !def.entries) return zodReader(schema, copy);
      const values = new Set(Object.values(def.entries));
      return (v) => (values.has(v) ? v : NOT_PARSED);
    }
    case "string":
      return stringReader(schema, checks, copy);
    case "number":
      return numberReader(schema, checks, copy);
    case "array":
      return arrayReader(schema, def, checks, copy);
    case "object":
      return objectReader(schema, def, checks, copy);
    default:
      return zodReader(schema, copy);
  }
}

function stringReader(schema: z.ZodType, checks: readonly CheckDefinition[], copy: boolean): Reader {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.check === "min_length" && typeof c.minimum === "number") min = Math.max(min, c.minimum);
    else if (c.check === "max_length" && typeof c.maximum === "number") max = Math.min(max, c.maximum);
    else return zodReader(schema, copy);
  }
  return (v) => (typeof v === "string" && v.length >= min && v.length <= max ? v : NOT_PARSED);
}

function numberReader(schema: z.ZodType, checks: readonly CheckDefinition[], copy: boolean): Reader {
  let integer = false;
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.check === "number_format" && c.format === "safeint") integer = true;
    else if (c.check === "greater_than" && c.inclusive === true && typeof c.value === "number")
      min = Math.max(min, c.value);
    else if (c.check === "less_than" && c.inclusive === true && typeof c.value === "number")
      max = Math.min(max, c.value);
    else return zodReader(schema, copy);
  }
  return (v) =>
    typeof v === "number" &&
    Number.isFinite(v) &&
    (!integer || Number.isSafeInteger(v)) &&
    v >= min &&
    v <= max
      ? v
      : NOT_PARSED;
}

function arrayReader(
  schema: z.ZodType,
  def: SchemaDefinition,
  checks: readonly CheckDefinition[],
  copy: boolean,
): Reader {
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.check === "max_length" && typeof c.maximum === "number") max = Math.min(max, c.maximum);
    else return zodReader(schema, copy);
  }
  if (!def.element) return zodReader(schema, copy);
  const element = readerFor(def.element, copy);
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length > max)
      return NOT_PARSED;
    const out: unknown[] = copy ? new Array(v.length) : v;
    for (let i = 0; i < v.length; i++) {
      // A hole or an inherited index is not the input's own data.
      if (!Object.hasOwn(v, i)) return NOT_PARSED;
      const item = element(v[i]);
      if (item === NOT_PARSED) return NOT_PARSED;
      if (copy) out[i] = item;
    }
    return out;
  };
}

function objectReader(
  schema: z.ZodType,
  def: SchemaDefinition,
  checks: readonly CheckDefinition[],
  copy: boolean,
): Reader {
  // Only strict objects (unknown keys are problems) are compiled.
  if (checks.length > 0 || !def.shape || !def.catchall || definitionOf(def.catchall).type !== "never")
    return zodReader(schema, copy);
  const keys = Object.keys(def.shape);
  const readers = keys.map((k) => readerFor(def.shape![k]!, copy));
  const position = new Map(keys.map((k, i) => [k, i]));
  // A key whose schema accepts `undefined` may be left out; any other key is required.
  const required = keys.flatMap((k, i) => (def.shape![k]!.safeParse(undefined).success ? [] : [i]));
  if (!copy) {
    // Checking in place: every enumerable key (for...in also meets inherited ones, which are never
    // the schema's own data, so they fail the check) must be the schema's, valid, and own.
    const readerByKey = new Map(keys.map((k, i) => [k, readers[i]!]));
    const requiredKeys = required.map((i) => keys[i]!);
    return (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return NOT_PARSED;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null && proto !== PLAIN_DATA_PROTOTYPE) return NOT_PARSED;
      for (const key in v) {
        const read = readerByKey.get(key);
        if (read === undefined || !Object.hasOwn(v, key)) return NOT_PARSED;
        if (read((v as Record<string, unknown>)[key]) === NOT_PARSED) return NOT_PARSED;
      }
      for (const key of requiredKeys) if (!Object.hasOwn(v, key)) return NOT_PARSED;
      return v;
    };
  }
  return (v) => {
    if (typeof v !== "object" || v === null) return NOT_PARSED;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null && proto !== PLAIN_DATA_PROTOTYPE) return NOT_PARSED;
    // Own enumerable keys: exactly the keys a copy of the input's own data would have.
    const given = Object.keys(v);
    const at: number[] = new Array(given.length);
    let inSchemaOrder = true;
    for (let j = 0; j < given.length; j++) {
      const i = position.get(given[j]!);
      if (i === undefined) return NOT_PARSED; // an unknown key
      at[j] = i;
      if (j > 0 && i < at[j - 1]!) inSchemaOrder = false;
    }
    for (const i of required) if (!at.includes(i)) return NOT_PARSED;
    // zod's output has the schema's key order, whatever the input's (an insertion sort: a
    // handful of keys, and cheaper here than Array.prototype.sort with a comparator).
    if (!inSchemaOrder) {
      for (let j = 1; j < at.length; j++) {
        const i = at[j]!;
        let k = j - 1;
        while (k >= 0 && at[k]! > i) {
          at[k + 1] = at[k]!;
          k--;
        }
        at[k + 1] = i;
      }
    }
    const out = emptyRecord();
    for (const i of at) {
      const key = keys[i]!;
      const value = readers[i]!((v as Record<string, unknown>)[key]);
      if (value === NOT_PARSED) return NOT_PARSED;
      out[key] = value;
    }
    return out;
  };
}
