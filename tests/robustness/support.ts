// Shared generators and checks for the robustness suite (not a test file: vitest only collects *.test.ts).
//
// FUZZ_RUNS scales every fast-check property in tests/robustness. The default keeps the folder fast
// enough for CI; a long run is `FUZZ_RUNS=100000 npx vitest run tests/robustness`.
import fc from "fast-check";
import { expect } from "vitest";
import {
  type CaseFacts,
  CaseFactsSchema,
  DeclineReasonCodeSchema,
  IncidentKindSchema,
  type InputProblem,
  JurisdictionSchema,
  OffenceKindSchema,
  OrderKindSchema,
  PoliceForceIdSchema,
} from "../../src/index.js";

const parsedRuns = Number.parseInt(process.env.FUZZ_RUNS ?? "", 10);

/** Runs per property: `FUZZ_RUNS` if set to a positive integer, else a small default. */
export const RUNS = Number.isFinite(parsedRuns) && parsedRuns > 0 ? parsedRuns : 60;

const parsedSeed = Number.parseInt(process.env.FUZZ_SEED ?? "", 10);

/**
 * The seed of every property here: `FUZZ_SEED` if set; else fixed (13) for the short CI run, so
 * CI is reproducible; else (a long `npm run fuzz` run) fresh each time, so it explores new ground
 * (fast-check prints the seed of any failure, to replay with FUZZ_SEED).
 */
export const SEED: number | undefined = Number.isFinite(parsedSeed) ? parsedSeed : RUNS > 60 ? undefined : 13;

/** True when a long fuzzing run was asked for: per-test timeouts are lifted. */
export const LONG_RUN = RUNS > 60;

/** A vitest timeout for a property test: generous for CI, unlimited-ish for a long run. */
export const PROPERTY_TIMEOUT = LONG_RUN ? 24 * 60 * 60 * 1000 : 20_000;

/** Fast-check parameters for a property with this share of the runs (some properties are costlier). */
export function params(share = 1): { numRuns: number; seed?: number } {
  const numRuns = Math.max(1, Math.round(RUNS * share));
  return SEED === undefined ? { numRuns } : { numRuns, seed: SEED };
}

// ---------------------------------------------------------------------------------------------------------
// Distinctive values that must never come back in a problem message.

export const SECRET = "ZQX-SECRET-7f3a9";
export const SECRET_NUMBER = 987654321.25;
/** Every token whose presence in a message means a value was echoed. */
export const SECRET_TOKENS = [SECRET, "ZQX", "7f3a9", "987654321"];

/** Wrong-typed (for most fields) distinctive values. */
export const SECRET_VALUES: readonly unknown[] = [
  SECRET,
  SECRET_NUMBER,
  -SECRET_NUMBER,
  { secret: SECRET },
  [SECRET],
  [SECRET_NUMBER, { nested: SECRET }],
  `${SECRET}\u0000\n"'<>`,
];

export function containsSecret(text: string): boolean {
  return SECRET_TOKENS.some((token) => text.includes(token));
}

/** Top-level names a problem path may start with. */
const TOP_LEVEL_PATHS = new Set([...Object.keys(CaseFactsSchema.shape), "asOf", "options", "decision"]);

/** Messages that, at the empty path, describe the input as a whole. */
const WHOLE_INPUT =
  /^(unknown fields?: |expected object|required: expected object|could not be read|expected plain data)/;
/** Structural problems (a cycle, a value that is not plain data) are named where they are, known field or not. */
const STRUCTURAL = /\(a cycle\)|^expected plain data/;

/**
 * The checks every rejection must pass: at least one problem; each a `{ path, message }` of strings;
 * the path names a real top-level field (or is empty and the message is about the input as a whole);
 * and no problem echoes a distinctive value.
 */
export function expectWellFormedProblems(problems: readonly InputProblem[]): void {
  expect(Array.isArray(problems)).toBe(true);
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(Object.keys(problem).sort()).toEqual(["message", "path"]);
    expect(typeof problem.path).toBe("string");
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
    if (problem.path === "") expect(problem.message).toMatch(WHOLE_INPUT);
    else if (!STRUCTURAL.test(problem.message))
      expect(TOP_LEVEL_PATHS.has(problem.path.split(".")[0]!), problem.path).toBe(true);
    expect(containsSecret(problem.path), problem.path).toBe(false);
    expect(containsSecret(problem.message), problem.message).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A generator of valid CaseFacts, adapted from tests/model/parse-case-facts.test.ts (extended to every
// decline reason code and order kind, and with free text that carries the secret).

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export const isoDate = fc
  .date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);

/** Assessment dates: the commencement and pilot boundaries, and random days around them. */
export const asOfArbitrary = fc.oneof(
  fc.constantFrom(
    "1997-10-01",
    "2019-12-31",
    "2020-01-20",
    "2020-12-01",
    "2024-04-22",
    "2024-11-27",
    "2025-06-01",
    "2026-03-31",
    "2026-04-01",
    "2026-11-28",
  ),
  fc
    .date({
      min: new Date("1995-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`),
);

/** Free text: sometimes plain, sometimes carrying the secret (personal data must never be echoed). */
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: Math.min(max, 40) }), fc.constant(SECRET.slice(0, Math.min(max, 100))));
const ident = fc.string({ minLength: 1, maxLength: 20 });
const opt = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

const period = fc.record(
  {
    status: fc.constantFrom("current" as const, "former" as const, "never" as const),
    startedOn: isoDate,
    endedOn: isoDate,
  },
  { requiredKeys: ["status"] },
);
const agreement = fc.record(
  {
    status: fc.constantFrom("current" as const, "ended" as const, "never" as const),
    agreedOn: isoDate,
    endedOn: isoDate,
  },
  { requiredKeys: ["status"] },
);
const force = fc.constantFrom(...PoliceForceIdSchema.options);

const person = {
  id: ident,
  name: text(500),
  dateOfBirth: isoDate,
  age: fc.integer({ min: 0, max: 130 }),
};

export const incidentArbitrary = fc.record(
  {
    id: ident,
    kind: fc.constantFrom(...IncidentKindSchema.options),
    date: isoDate,
    place: fc.constantFrom("uk" as const, "abroad" as const),
    target: fc.constantFrom("victim" as const, "connected-person" as const),
    targetId: ident,
    suspectKnewOrOughtToKnowUnwelcome: fc.boolean(),
    associatedWithStalking: fc.boolean(),
    description: text(5000),
  },
  { requiredKeys: ["kind"] },
);

const spoRequestArbitrary = opt({
  requestedOn: isoDate,
  decision: opt({
    decidedOn: isoDate,
    outcome: fc.constantFrom("declined" as const, "application-made" as const, "pending" as const),
    decidingForce: force,
    reasons: fc.array(
      fc.record(
        {
          code: fc.constantFrom(...DeclineReasonCodeSchema.options),
          text: fc.oneof(
            text(5000),
            fc.constantFrom(
              "no conviction",
              "he has not been charged",
              "the acts took place abroad",
              "only one incident",
              "the victim does not want an order",
            ),
          ),
        },
        { requiredKeys: ["code"] },
      ),
      { maxLength: 3 },
    ),
    freeText: fc.oneof(
      text(20000),
      fc.constant("Declined: there is no conviction and it was a single incident."),
    ),
  }),
});

export const caseFactsArbitrary: fc.Arbitrary<CaseFacts> = fc.record(
  {
    id: ident,
    jurisdiction: fc.constantFrom(...JurisdictionSchema.options),
    policeForceArea: force,
    localAuthority: fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom("Croydon", "London Borough of Sutton", "Camden"),
    ),
    suspect: opt({
      ...person,
      homeForceArea: force,
      believedInOrComingTo: fc.array(force, { maxLength: 3 }),
      subjectToSexOffenderNotification: fc.boolean(),
      work: text(1000),
      education: text(1000),
      religion: text(1000),
    }),
    personsToProtect: fc.array(
      opt({
        ...person,
        role: fc.constantFrom("victim" as const, "connected-person" as const),
        connection: fc.constantFrom(
          "family" as const,
          "partner" as const,
          "friend" as const,
          "colleague" as const,
          "neighbour" as const,
          "other" as const,
        ),
      }),
      { maxLength: 3 },
    ),
    relationship: opt({
      summary: fc.constantFrom(
        "stranger" as const,
        "acquaintance" as const,
        "ex-partner" as const,
        "online-only" as const,
      ),
      marriage: period,
      civilPartnership: period,
      cohabitation: period,
      sameHousehold: fc.record(
        {
          status: fc.constantFrom("current" as const, "former" as const, "never" as const),
          startedOn: isoDate,
          endedOn: isoDate,
          merelyAs: fc.constantFrom(
            "employee" as const,
            "tenant" as const,
            "lodger" as const,
            "boarder" as const,
            "none" as const,
          ),
        },
        { requiredKeys: ["status"] },
      ),
      relatives: fc.boolean(),
      agreementToMarry: agreement,
      civilPartnershipAgreement: agreement,
      intimateRelationship: fc.record(
        {
          status: fc.constantFrom("current" as const, "former" as const, "never" as const),
          startedOn: isoDate,
          endedOn: isoDate,
          significantDuration: fc.boolean(),
        },
        { requiredKeys: ["status"] },
      ),
      parentsOfSameChild: fc.boolean(),
      partiesToSameFamilyProceedings: fc.boolean(),
      allConnectionsRecorded: fc.boolean(),
    }),
    incidents: fc.array(incidentArbitrary, { maxLength: 5 }),
    risk: opt({
      physicalHarm: fc.boolean(),
      psychologicalHarm: fc.boolean(),
      fearOfViolence: fc.boolean(),
      seriousAlarmOrDistress: fc.boolean(),
      escalating: fc.boolean(),
      ongoing: fc.boolean(),
      ongoingContact: fc.boolean(),
      tool: fc.record(
        {
          tool: fc.string({ minLength: 1, maxLength: 10 }),
          version: text(50),
          level: text(100),
          assessedOn: isoDate,
        },
        { requiredKeys: ["tool"] },
      ),
    }),
    protection: opt({
      bailConditions: fc.array(opt({ from: isoDate, to: isoDate, breached: fc.boolean() }), { maxLength: 3 }),
      ordersInForce: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(...OrderKindSchema.options),
            madeOn: isoDate,
            expiresOn: isoDate,
            untilFurtherOrder: fc.boolean(),
            protectsVictim: fc.boolean(),
            breached: fc.boolean(),
          },
          { requiredKeys: ["kind"] },
        ),
        { maxLength: 3 },
      ),
      adequate: fc.boolean(),
    }),
    criminal: opt({
      status: fc.constantFrom(
        "none" as const,
        "under-investigation" as const,
        "no-further-action" as const,
        "charged" as const,
        "convicted" as const,
        "acquitted" as const,
      ),
      offence: fc.constantFrom(...OffenceKindSchema.options),
      chargedOn: isoDate,
      convictedOn: isoDate,
      acquittedOn: isoDate,
      courtCurrentlyDealing: fc.boolean(),
      courtOfAppeal: fc.boolean(),
    }),
    family: opt({ underWay: fc.boolean() }),
    victimViews: opt({
      wantsProtection: fc.boolean(),
      supportsProsecution: fc.boolean(),
      willingToApplyHerself: fc.boolean(),
    }),
    withoutNoticeGrounds: opt({
      riskOfSignificantHarmIfNotImmediate: fc.boolean(),
      applicantLikelyDeterred: fc.boolean(),
      respondentEvadingService: fc.boolean(),
    }),
    spoRequest: spoRequestArbitrary,
    notes: text(20000),
  },
  { requiredKeys: ["id"] },
) as fc.Arbitrary<CaseFacts>;

/**
 * Valid cases leaning towards the facts the orders need (England and Wales, acts of stalking, an
 * ongoing risk, no adequate protection), so that "available" and "needs-information" both come up
 * often. Each nudge is applied or not at random; the result is still a valid case.
 */
export const leaningCaseArbitrary: fc.Arbitrary<CaseFacts> = fc
  .tuple(
    caseFactsArbitrary,
    fc.record(
      {
        jurisdiction: fc.constant("england-and-wales" as const),
        risk: opt({ psychologicalHarm: fc.constant(true), ongoing: fc.constant(true) }),
        protection: fc.constant({}),
        incidents: fc.array(
          fc.record({
            kind: fc.constantFrom("following" as const, "loitering" as const, "contacting" as const),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        suspect: fc.record({ age: fc.integer({ min: 14, max: 70 }) }),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([base, nudge]) => {
    const facts: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(nudge)) {
      if (key === "risk") facts.risk = { ...(base.risk ?? {}), ...(value as object) };
      else if (key === "incidents") facts.incidents = [...(base.incidents ?? []), ...(value as unknown[])];
      else facts[key] = value;
    }
    return facts as CaseFacts;
  });

// ---------------------------------------------------------------------------------------------------------
// Mutations of valid cases.

export type Json = unknown;

/**
 * Every path in a JSON value (root first, at most `maxDepth` deep: nothing inside an earlier deep
 * nesting is worth mutating), with whether the node there is an object, array or leaf.
 */
export function pathsOf(
  value: Json,
  maxDepth = 12,
): { path: (string | number)[]; kind: "object" | "array" | "leaf" }[] {
  const out: { path: (string | number)[]; kind: "object" | "array" | "leaf" }[] = [];
  const walk = (node: Json, path: (string | number)[]): void => {
    if (path.length > maxDepth) return;
    if (Array.isArray(node)) {
      out.push({ path, kind: "array" });
      node.forEach((child, i) => {
        walk(child, [...path, i]);
      });
    } else if (typeof node === "object" && node !== null) {
      out.push({ path, kind: "object" });
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    } else out.push({ path, kind: "leaf" });
  };
  walk(value, []);
  return out;
}

function parentOf(root: Json, path: readonly (string | number)[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

/** A string of `length` characters with the secret in the middle. */
export function hugeString(length: number): string {
  const half = Math.max(0, Math.floor((length - SECRET.length) / 2));
  return `${"x".repeat(half)}${SECRET}${"y".repeat(half)}`;
}

/** `depth` levels of `{ "a": … }` (or `[…]`) around the secret, built without recursion. */
export function deeplyNested(depth: number, arrays = false): unknown {
  let node: unknown = SECRET;
  for (let i = 0; i < depth; i++) node = arrays ? [node] : { a: node };
  return node;
}

export type Mutation =
  | { op: "drop"; at: number }
  | { op: "retype"; at: number; value: number }
  | { op: "insert-key"; at: number; key: number; value: number }
  | { op: "huge-string"; at: number; length: number }
  | { op: "deep-nesting"; at: number; depth: number; arrays: boolean };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("retype" as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant("insert-key" as const), at: fc.nat(), key: fc.nat(), value: fc.nat() }),
  fc.record({
    op: fc.constant("huge-string" as const),
    at: fc.nat(),
    length: fc.constantFrom(201, 5001, 20_001, 200_001),
  }),
  fc.record({
    op: fc.constant("deep-nesting" as const),
    at: fc.nat(),
    depth: fc.integer({ min: 2, max: 3000 }),
    arrays: fc.boolean(),
  }),
);

const UNKNOWN_KEYS = ["extra", "Kind", "incident", "risks", "__proto__", "constructor", "prototype", "0"];

/**
 * A copy deep enough to mutate: the first `depth` levels are copied, anything deeper (only ever an
 * earlier deep nesting, never mutated since {@link pathsOf} stops above it) is shared.
 */
function cloneTop(value: Json, depth = 14): Json {
  if (depth === 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => cloneTop(v, depth - 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: cloneTop(child, depth - 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Applies a mutation to a copy of a JSON value; returns the copy. */
export function mutate(value: Json, mutation: Mutation): Json {
  const root: Json = cloneTop(value);
  const all = pathsOf(root);
  const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;
  switch (mutation.op) {
    case "drop": {
      const target = pick(all.filter((p) => p.path.length > 0).concat(all[0]!), mutation.at);
      if (target.path.length === 0) return {};
      const parent = parentOf(root, target.path);
      const key = target.path[target.path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return root;
    }
    case "retype":
    case "huge-string":
    case "deep-nesting": {
      const replacement =
        mutation.op === "retype"
          ? pick(SECRET_VALUES, mutation.value)
          : mutation.op === "huge-string"
            ? hugeString(mutation.length)
            : deeplyNested(mutation.depth, mutation.arrays);
      const target = pick(all, mutation.at);
      if (target.path.length === 0) return replacement;
      parentOf(root, target.path)[target.path[target.path.length - 1]!] = replacement;
      return root;
    }
    case "insert-key": {
      const objects = all.filter((p) => p.kind === "object");
      if (objects.length === 0) return root;
      const target = pick(objects, mutation.at);
      let node = root as Record<string, unknown>;
      for (const key of target.path) node = node[key] as Record<string, unknown>;
      // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it.
      Object.defineProperty(node, pick(UNKNOWN_KEYS, mutation.key), {
        value: pick(SECRET_VALUES, mutation.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return root;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reordering.

/** A deep copy with every object's keys in an order given by `seed`, and arrays untouched. */
export function reorderKeys(value: Json, seed: number): Json {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: deterministic for a seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== "object" || node === null) return node;
    const entries = Object.entries(node).map(([k, v]) => [k, walk(v)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries);
  };
  return walk(value);
}

/** A copy of the array permuted by `keys` (one sort key per element). */
export function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}
