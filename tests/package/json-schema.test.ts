// schema/case-facts.schema.json, checked by an independent validator (ajv) against parseCaseFacts.
//
// Known, accepted difference: JSON Schema's minLength/maxLength count code points, zod counts UTF-16 code
// units, so a string of astral characters (e.g. emoji) near a length limit can be valid for one and not the
// other. No case in practice comes near those limits.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { caseFactsJsonSchema, parseCaseFacts } from "../../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const schemaPath = join(root, "schema/case-facts.schema.json");
const caseloadPath = join(root, "examples/caseload.json");

function readSchema(): Record<string, unknown> {
  if (!existsSync(schemaPath)) {
    throw new Error("schema/case-facts.schema.json is missing: run `npm run build` (it writes the schema).");
  }
  return JSON.parse(readFileSync(schemaPath, "utf8"));
}

/** A case that uses every part of the model, valid by the documentation of each field. */
const RICH_CASE = {
  id: "schema-rich",
  jurisdiction: "england-and-wales",
  policeForceArea: "kent",
  localAuthority: "Medway",
  suspect: {
    id: "s1",
    dateOfBirth: "1988-02-29",
    homeForceArea: "kent",
    believedInOrComingTo: ["metropolitan", "sussex"],
    subjectToSexOffenderNotification: false,
    work: "weekday mornings",
  },
  personsToProtect: [
    { id: "v1", role: "victim", age: 29 },
    { id: "p2", role: "connected-person", connection: "family" },
  ],
  relationship: {
    summary: "ex-partner",
    intimateRelationship: { status: "former", endedOn: "2024-03-01", significantDuration: true },
    agreementToMarry: { status: "never" },
    sameHousehold: { status: "former", merelyAs: "none" },
    allConnectionsRecorded: true,
  },
  incidents: [
    { id: "i1", kind: "following", date: "2025-05-01", place: "uk", target: "victim", targetId: "v1" },
    { kind: "other", associatedWithStalking: true, suspectKnewOrOughtToKnowUnwelcome: true, place: "abroad" },
  ],
  risk: {
    psychologicalHarm: true,
    ongoing: true,
    tool: { tool: "DASH", level: "high", assessedOn: "2025-05-02" },
  },
  protection: { bailConditions: [{ from: "2025-01-01", to: "2025-03-01", breached: true }], adequate: false },
  criminal: {
    status: "convicted",
    offence: "pha-s2a",
    convictedOn: "2025-04-01",
    courtCurrentlyDealing: true,
  },
  family: { underWay: false },
  victimViews: { wantsProtection: true },
  withoutNoticeGrounds: { riskOfSignificantHarmIfNotImmediate: true },
  spoRequest: {
    requestedOn: "2025-02-01",
    decision: { decidedOn: "2025-03-01", outcome: "declined", reasons: [{ code: "no-conviction" }] },
  },
  notes: "free text",
};

/** Inline cases, valid and invalid: the JSON Schema and parseCaseFacts must agree on every one. */
const INLINE_CASES: Array<{ name: string; input: unknown; valid: boolean }> = [
  { name: "only an id (everything else unknown)", input: { id: "c1" }, valid: true },
  { name: "a rich case", input: RICH_CASE, valid: true },
  {
    name: "29 February in a leap year",
    input: { id: "c", incidents: [{ kind: "following", date: "2024-02-29" }] },
    valid: true,
  },
  { name: "no id", input: { jurisdiction: "scotland" }, valid: false },
  { name: "an empty id", input: { id: "" }, valid: false },
  { name: "a number for the id", input: { id: 1 }, valid: false },
  { name: "not an object", input: ["c1"], valid: false },
  { name: "null", input: null, valid: false },
  { name: "a misspelt key (objects are strict)", input: { id: "c", jurisdicton: "scotland" }, valid: false },
  { name: "an unknown jurisdiction", input: { id: "c", jurisdiction: "wales" }, valid: false },
  { name: "an unknown incident kind", input: { id: "c", incidents: [{ kind: "shouting" }] }, valid: false },
  {
    name: "an incident without a kind",
    input: { id: "c", incidents: [{ date: "2025-01-01" }] },
    valid: false,
  },
  {
    name: "30 February",
    input: { id: "c", incidents: [{ kind: "following", date: "2025-02-30" }] },
    valid: false,
  },
  {
    name: "29 February in a common year",
    input: { id: "c", suspect: { dateOfBirth: "2023-02-29" } },
    valid: false,
  },
  {
    name: "a date with a time",
    input: { id: "c", suspect: { dateOfBirth: "2000-01-01T00:00:00Z" } },
    valid: false,
  },
  { name: "a fractional age", input: { id: "c", suspect: { age: 30.5 } }, valid: false },
  { name: "an age over 130", input: { id: "c", suspect: { age: 131 } }, valid: false },
  { name: "a string for a boolean", input: { id: "c", risk: { ongoing: "yes" } }, valid: false },
  {
    name: "a relationship period without its status",
    input: { id: "c", relationship: { marriage: {} } },
    valid: false,
  },
  {
    name: "a __proto__ key from JSON.parse",
    input: JSON.parse('{"id":"c","risk":{"__proto__":{"ongoing":true}}}'),
    valid: false,
  },
];

function caseloadCases(): Array<{ name: string; input: unknown }> {
  if (!existsSync(caseloadPath)) return [];
  const rows: unknown = JSON.parse(readFileSync(caseloadPath, "utf8"));
  if (!Array.isArray(rows)) throw new Error("examples/caseload.json must be a JSON array of case facts");
  return rows.map((input, i) => ({
    name: `examples/caseload.json row ${i + 1}${input && typeof input === "object" && "id" in input ? ` (${String(input.id)})` : ""}`,
    input,
  }));
}

describe("schema/case-facts.schema.json", () => {
  let validate: ((data: unknown) => boolean) & { errors?: unknown };

  beforeAll(() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(readSchema());
  });

  it("is what scripts/write-json-schema.mjs generates from the current source (no drift)", async () => {
    const scriptUrl = pathToFileURL(join(root, "scripts/write-json-schema.mjs")).href;
    const script = (await import(/* @vite-ignore */ scriptUrl)) as {
      renderCaseFactsJsonSchema: (source: { caseFactsJsonSchema: () => unknown }) => string;
    };
    const fresh = script.renderCaseFactsJsonSchema({ caseFactsJsonSchema });
    expect(
      readFileSync(schemaPath, "utf8"),
      "the committed schema is stale: run `npm run build` and commit schema/",
    ).toBe(fresh);
  });

  it.each(INLINE_CASES)("agrees with parseCaseFacts: $name", ({ input, valid }) => {
    expect(parseCaseFacts(input).success).toBe(valid);
    expect(validate(input), JSON.stringify(validate.errors)).toBe(valid);
  });

  it("agrees with parseCaseFacts on every case of examples/caseload.json (when present)", () => {
    const cases = caseloadCases();
    const disagreements = cases
      .filter(({ input }) => validate(input) !== parseCaseFacts(input).success)
      .map(({ name }) => name);
    expect(disagreements).toEqual([]);
  });

  it("agrees with parseCaseFacts when any one field of a valid case is replaced or removed", () => {
    const paths: Array<Array<string | number>> = [];
    const collect = (value: unknown, path: Array<string | number>): void => {
      if (path.length > 0) paths.push(path);
      if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value))
          collect(v, [...path, Array.isArray(value) ? Number(k) : k]);
      }
    };
    collect(RICH_CASE, []);
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        "2024-02-29",
        "2023-02-29",
        "2025-13-01",
        "0000-01-01",
        "",
        "kent",
        "victim",
        "following",
      ),
      fc.integer({ min: -5, max: 200 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, (path, value) => {
        const mutated = structuredClone(RICH_CASE) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = mutated;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (value === undefined && !Array.isArray(parent)) delete parent[last];
        else parent[last] = value;
        return validate(mutated) === parseCaseFacts(mutated).success;
      }),
      { numRuns: 500 },
    );
  });
});
