// The commands that take no input: rules, schema and demo.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assertBuilt, jsonl, parseJsonl, root, run, tempDir } from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

interface RuleEntry {
  type: "rule" | "limb";
  id: string;
  label: string;
  citation: { id: string; title: string; url: string; unverified?: boolean };
  inForce: { from?: string; to?: string };
  unverified: boolean;
}

describe("rules", () => {
  it("json, jsonl and table list the same rules and limbs, each with a citation and link", async () => {
    const [json, lines, table] = await Promise.all([
      run(["rules", "--format", "json"]),
      run(["rules", "--format", "jsonl"]),
      run(["rules"]),
    ]);
    for (const r of [json, lines, table]) expect(r.code).toBe(0);
    const entries = JSON.parse(json.stdout) as RuleEntry[];
    expect(parseJsonl(lines.stdout)).toEqual(entries);
    expect(table.stdout.trimEnd().split("\n")).toHaveLength(entries.length);
    expect(entries.filter((e) => e.type === "rule").map((e) => e.id)).toEqual(
      expect.arrayContaining(["spo", "interim-spo", "nmo", "dapo", "dvpo", "pha-s3-injunction"]),
    );
    for (const e of entries) {
      expect(e.citation.title, e.id).toBeTruthy();
      expect(e.citation.url, e.id).toMatch(/^https:\/\//);
      // Anything not on legislation.gov.uk must be marked unverified, in the output too.
      if (!e.citation.url.startsWith("https://www.legislation.gov.uk/"))
        expect(e.unverified, e.id).toBe(true);
    }
    // The SPA 2019 ss.1-2 came into force on 20 January 2020 (S.I. 2020/26).
    const spo = entries.find((e) => e.type === "rule" && e.id === "spo");
    expect(spo).toMatchObject({ inForce: { from: "2020-01-20" } });
    expect(spo?.citation.url).toContain("legislation.gov.uk/ukpga/2019/9");
    expect(table.stdout).toMatch(
      /^rule\s+spo\s+2020-01-20 –\s+Stalking Protection Act 2019, s\.2 <https:\/\/www\.legislation\.gov\.uk\/ukpga\/2019\/9\/section\/2>$/m,
    );
  });
});

describe("schema", () => {
  let schema: Record<string, unknown>;
  beforeAll(async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    schema = JSON.parse(r.stdout) as Record<string, unknown>;
  });

  it("prints a JSON Schema that only requires the case id, and accepts the bundled caseload", () => {
    expect(schema.required).toEqual(["id"]);
    const validate = addFormats(new Ajv2020({ strict: false })).compile(schema);
    const caseload = JSON.parse(readFileSync(join(root, "examples/caseload.json"), "utf8")) as unknown[];
    for (const c of caseload) expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ id: "x", jurisdiction: "mars" })).toBe(false);
  });

  // BUG (src/cli/main.ts `schema` → src/model/case-facts-json-schema.ts caseFactsJsonSchema): the printed
  // schema is generated without the IsoDateSchema override that scripts/write-json-schema.mjs applies, so its
  // dates have no `"format": "date"`: a validator following `protective-orders schema > case-facts.schema.json`
  // (the command's own example) accepts 30 February, which `validate` rejects, and the output differs from
  // the shipped schema/case-facts.schema.json the README documents. Fix: print the shipped file, or share
  // renderCaseFactsJsonSchema's override with caseFactsJsonSchema.
  it("rejects a date that does not exist, as `validate` does and the shipped schema does", async () => {
    const impossible = { id: "cli-feb30", incidents: [{ kind: "following", date: "2025-02-30" }] };
    const cli = await run(["validate", t.file("feb30.jsonl", jsonl(impossible))]);
    expect(cli.code).toBe(1);
    const shipped = JSON.parse(readFileSync(join(root, "schema/case-facts.schema.json"), "utf8")) as object;
    expect(addFormats(new Ajv2020({ strict: false })).compile(shipped)(impossible)).toBe(false);
    expect(addFormats(new Ajv2020({ strict: false })).compile(schema)(impossible)).toBe(false);
  });
});

describe("demo", () => {
  it("validates and assesses the 30 bundled cases, prints a summary and one case explained, exit 0", async () => {
    const r = await run(["demo", "--as-of", "2025-06-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Bundled example caseload: 30 cases, 30 valid, 0 invalid; law as at 2025-06-01$/m,
    );
    expect(r.stdout).toMatch(/^spo\s+\d+\s+\d+\s+\d+$/m);
    expect(r.stdout).toContain("First recommendation:");
    // By default the case explained is the first with an SPO recommended: example-01, a stranger who follows
    // her and waits outside her office (SPA 2019 s.1(1)).
    expect(r.stdout).toMatch(/^Case example-01: law as at 2025-06-01$/m);
    expect(r.stdout).toContain("Stalking Protection Order: AVAILABLE");
  });

  it("--case chooses the case explained", async () => {
    const r = await run(["demo", "--as-of", "2025-06-01", "--case", "example-23", "--markdown"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/example-23/);
    expect(r.stdout).toMatch(/^#/m);
  });
});
