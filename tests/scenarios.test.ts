import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assess, IsoDateSchema, parseCaseFacts } from "../src/index.js";

// Scenario files: each states a case, the date whose law applies, and the outcomes the law digest
// (docs: /work/shared/law/legal-basis.md) requires. The expectations were derived from the digest,
// not from running the engine. A scenario marked `knownEngineDisagreement` records a case where
// the engine is believed to be wrong in law: it runs as `it.fails`, so it starts failing (and the
// marker should be removed) once the engine is fixed.

const here = dirname(fileURLToPath(import.meta.url));
const scenarioDir = join(here, "scenarios");
const caseloadPath = join(here, "..", "examples", "caseload.json");

const RULE_NAMES = [
  "spo",
  "interim-spo",
  "spo-on-conviction-or-acquittal",
  "restraining-order-on-conviction",
  "restraining-order-on-acquittal",
  "dapo",
  "dapo-in-criminal-proceedings",
  "dapn",
  "nmo",
  "nmo-without-notice",
  "dvpn",
  "dvpo",
  "pha-s3-injunction",
  "ni-spo",
  "ni-interim-spo",
] as const;

const RuleNameSchema = z.enum(RULE_NAMES);
const OutcomeSchema = z.enum(["available", "not-available", "needs-information"]);

const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  law: z.string().min(1),
  knownEngineDisagreement: z.string().min(1).optional(),
  asOf: IsoDateSchema,
  facts: z.unknown(),
  expected: z.strictObject({
    orders: z
      .partialRecord(RuleNameSchema, OutcomeSchema)
      .refine((orders) => "spo" in orders && "nmo" in orders, {
        message: "expected.orders must list spo and nmo",
      }),
    first: RuleNameSchema.nullable(),
    /** Notice codes the assessment must carry (others may appear too). */
    notices: z.array(z.string().min(1)).optional(),
    /** Rules whose `unverified` flag must be as given. */
    unverified: z.partialRecord(RuleNameSchema, z.boolean()).optional(),
  }),
});
type Scenario = z.infer<typeof ScenarioSchema>;

function loadScenarios(): { file: string; raw: unknown }[] {
  return readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, raw: JSON.parse(readFileSync(join(scenarioDir, file), "utf8")) as unknown }));
}

const files = loadScenarios();

describe("scenario files", () => {
  it("there are at least 40", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)("$file has the scenario shape and valid case facts", ({ raw }) => {
    const parsed = ScenarioSchema.safeParse(raw);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
    const facts = parseCaseFacts((raw as { facts: unknown }).facts);
    expect(facts.success, facts.success ? "" : JSON.stringify(facts.problems)).toBe(true);
  });

  it("scenario names and case ids are unique", () => {
    const names = files.map(({ raw }) => (raw as Scenario).name);
    const ids = files.map(({ raw }) => ((raw as Scenario).facts as { id?: string }).id);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every file starts with its own scenario number (NN-…), used once", () => {
    const numbers = files.map(({ file }) => /^(\d+)-/.exec(file)?.[1]);
    expect(numbers).not.toContain(undefined);
    const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    expect(repeated).toEqual([]);
  });
});

describe("scenarios: outcomes required by the law digest", () => {
  for (const { file, raw } of files) {
    const parsed = ScenarioSchema.safeParse(raw);
    if (!parsed.success) continue; // reported by the shape test above
    const scenario = parsed.data;
    const run = scenario.knownEngineDisagreement ? it.fails : it;
    const title = `${file}: ${scenario.name}${scenario.knownEngineDisagreement ? " [known engine disagreement]" : ""}`;
    run(title, () => {
      const facts = parseCaseFacts(scenario.facts);
      if (!facts.success) throw new Error(`invalid facts: ${JSON.stringify(facts.problems)}`);
      const assessment = assess(facts.data, { asOf: scenario.asOf });
      const actual = Object.fromEntries(assessment.orders.map((o) => [o.rule, o.outcome]));
      const listed = Object.keys(scenario.expected.orders);
      const actualListed = Object.fromEntries(listed.map((rule) => [rule, actual[rule]]));
      expect({ orders: actualListed, first: assessment.recommendation.first }).toEqual({
        orders: scenario.expected.orders,
        first: scenario.expected.first,
      });
      // The Northern Ireland orders are listed for Northern Ireland cases, and for cases whose
      // jurisdiction is not recorded (it could be Northern Ireland: unknown is not false); the
      // answers for England and Wales and Scotland cases are unchanged by them.
      const isNorthernIreland =
        facts.data.jurisdiction === "northern-ireland" || facts.data.jurisdiction === undefined;
      for (const rule of ["ni-spo", "ni-interim-spo"])
        expect(
          rule in actual,
          `${rule} listed for a ${facts.data.jurisdiction ?? "no-jurisdiction"} case`,
        ).toBe(isNorthernIreland);
      const codes = assessment.notices.map((n) => n.code);
      for (const code of scenario.expected.notices ?? []) expect(codes, "notices").toContain(code);
      for (const [rule, flag] of Object.entries(scenario.expected.unverified ?? {})) {
        expect(assessment.orders.find((o) => o.rule === rule)?.unverified, `${rule} unverified`).toBe(flag);
      }
    });
  }
});

describe("examples/caseload.json", () => {
  const readCases = (): unknown => JSON.parse(readFileSync(caseloadPath, "utf8")) as unknown;

  it("is an array of at least 20 cases with unique example ids", () => {
    const cases = readCases();
    expect(Array.isArray(cases)).toBe(true);
    const list = cases as { id?: unknown }[];
    expect(list.length).toBeGreaterThanOrEqual(20);
    const ids = list.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^example-\d{2,}$/);
  });

  it("every case passes parseCaseFacts and can be assessed", () => {
    const cases = readCases();
    for (const [i, c] of (cases as unknown[]).entries()) {
      const result = parseCaseFacts(c);
      expect(result.success, result.success ? "" : `case ${i}: ${JSON.stringify(result.problems)}`).toBe(
        true,
      );
      if (result.success) expect(() => assess(result.data, { asOf: "2025-06-01" })).not.toThrow();
    }
  });
});
