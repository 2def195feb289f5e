// Issue #28 item 4: the column guide (`columns`), the template (`template`) and a proposed mapping
// (`mapping`). Each test failed on the old code: none of the three commands existed.
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csvColumns, csvColumnValues } from "../../src/batch/csv-columns.js";
import { columnGuide } from "../../src/cli/column-guide.js";
import { proposeMapping } from "../../src/cli/mapping-command.js";
import { main } from "../../src/cli/program.js";
import { FACT_DEFINITIONS } from "../../src/facts/registry.js";
import { citationFor } from "../../src/law/registry.js";
import { assertBuilt, parseJsonl, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

// Some tests spawn the CLI or run it several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const t = tempDir("po-column-guide-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** `main` with standard output a terminal of `columns` columns. */
async function onTerminal(args: string[], columns: number) {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const code = await main(args, { stdin: PassThrough.from([]), stdout, stderr, env: { CI: "1" } });
  return { code, stdout: out, stderr: err };
}

const EXPORT = `Case Ref,Force,Relationship,Conduct,Dates,Unwelcome,Psych harm,Ongoing,Victim age,Suspect age,Officer notes xyz
A1,Kent Police,Stranger,following;loitering,01/05/2025;03/05/2025,Yes;Yes,Yes,Yes,29,44,SECRET-CELL-VALUE
A2,Metropolitan Police Service,Ex-partner,contacting,12/04/2025,Y,Y,,31,,
A3,Gwent,stranger,following;loitering,2025-05-01;2025-05-03,yes;yes,yes,yes,22,50,
`;

describe("columns", () => {
  it("--format csv lists every column the reader accepts, from the reader's own list", async () => {
    const r = await cli(["columns", "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["column", "type", "values", "question", "citation"]);
    expect(rows.map((x) => x.column)).toEqual([...csvColumns().keys()]);
    const byPath = new Map(rows.map((x) => [x.column, x]));
    // The question and citation are the fact registry's.
    const ongoing = FACT_DEFINITIONS.find((f) => f.id === "risk.ongoing")!;
    expect(byPath.get("risk.ongoing")).toMatchObject({
      type: "yes/no",
      question: ongoing.question,
      citation: citationFor(ongoing.citation).title,
    });
    // The allowed values are the schema's enumeration.
    expect(byPath.get("relationship.summary")?.values?.split(", ")).toEqual(
      csvColumnValues().get("relationship.summary"),
    );
    expect(byPath.get("incident.kinds")!.values).toContain("following");
    expect(byPath.get("incident.dates")!.type).toBe("dates (;)");
    expect(byPath.get("victim.age")!.question).toMatch(/victim/i);
    // Every column answers some question (a fact's, or the schema's description).
    for (const row of rows) expect(row.question, row.column).not.toBe("");
  });

  it("--format markdown is a Markdown table with a row a column", async () => {
    const r = await cli(["columns", "--format", "markdown"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("| column | type | values | question | citation |");
    expect(lines[1]).toBe("|---|---|---|---|---|");
    expect(lines).toHaveLength(csvColumns().size + 2);
    expect(r.stdout).toContain("| `risk.ongoing` | yes/no |");
  });

  it("the table fits the terminal: wrapped on a wide one, one field a line (with a note) at 80", async () => {
    const wide = await onTerminal(["columns"], 200);
    expect(wide.code).toBe(0);
    expect(wide.stdout.split("\n")[0]).toMatch(/^COLUMN\s+TYPE\s+VALUES\s+QUESTION\s+CITATION$/);
    for (const line of wide.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(200);
    const narrow = await onTerminal(["columns"], 80);
    expect(narrow.code).toBe(0);
    for (const line of narrow.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toMatch(/^COLUMN\s+risk\.ongoing$/m);
    expect(narrow.stderr).toMatch(/too narrow for the table/);
    expect((await onTerminal(["columns", "-q"], 80)).stderr).toBe("");
    // Not a terminal: 80 columns.
    const piped = await cli(["columns"]);
    for (const line of piped.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("has --help with an example, and schema still prints JSON Schema", async () => {
    for (const command of ["columns", "template", "mapping"]) {
      const help = await cli([command, "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`Examples?:\\n\\s+\\$ protective-orders ${command}`));
      expect(help.stdout, command).toMatch(/-q, --quiet/);
    }
    const schema = await cli(["schema"]);
    expect(JSON.parse(schema.stdout)).toMatchObject({ title: "CaseFacts" });
  });
});

describe("template", () => {
  it("writes every column as the header and one example row that is valid through the CLI", async () => {
    const r = await cli(["template"]);
    expect(r.code).toBe(0);
    const [header, example, ...more] = parse(r.stdout) as string[][];
    expect(more).toEqual([]);
    expect(header).toEqual([...csvColumns().keys()]);
    expect(example!.filter((c) => c !== "").length).toBeGreaterThan(5);
    const file = t.file("template.csv", r.stdout);
    const v = await cli(["validate", "-q", file]);
    expect(v.code).toBe(0);
    expect(parseJsonl(v.stdout).map((x) => x.valid)).toEqual([true]);
    const a = await cli(["assess", "-q", file, "--as-of", "2025-06-01"]);
    expect(a.code).toBe(0);
    expect(parseJsonl(a.stdout)).toHaveLength(1);
  });

  it("--excel starts with a byte-order mark", async () => {
    const r = await cli(["template", "--excel"]);
    expect(r.stdout.startsWith("\uFEFFid,")).toBe(true);
  });
});

describe("mapping", () => {
  it("proposes the issue's mapping from its export's headers, each marked to confirm, never echoing a cell", async () => {
    const file = t.file("export.csv", EXPORT);
    const r = await cli(["mapping", file]);
    expect(r.code).toBe(0);
    const proposed = JSON.parse(r.stdout) as Record<string, string>;
    expect(proposed).toMatchObject({
      "Case Ref": "id",
      Force: "policeForceArea",
      Relationship: "relationship.summary",
      Conduct: "incident.kinds",
      Dates: "incident.dates",
      Unwelcome: "incident.unwelcome",
      "Psych harm": "risk.psychologicalHarm",
      Ongoing: "risk.ongoing",
      "Victim age": "victim.age",
      "Suspect age": "suspect.age",
    });
    // Each proposal is marked for the analyst to confirm; the unmatched header is listed, not mapped.
    expect(proposed["// Force"]).toMatch(/^CONFIRM \((likely|possible) match\): policeForceArea/);
    expect(proposed).not.toHaveProperty("Officer notes xyz");
    expect(proposed["// unmatched"]).toContain('"Officer notes xyz"');
    expect(r.stderr).toMatch(/confirm each before use/);
    expect(r.stderr).toMatch(/Officer notes xyz\s+-> no match/);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain("SECRET-CELL-VALUE");
      expect(text).not.toContain("Kent Police");
    }
    // The proposed file, as written (its "//" lines included), reads the export.
    const mapping = t.file("mapping.json", r.stdout);
    const v = await cli([
      "validate",
      "-q",
      file,
      "--mapping",
      mapping,
      "--date-format",
      "dd/mm/yyyy",
      "--ignore-unknown-columns",
    ]);
    expect(parseJsonl(v.stdout).map((x) => x.valid)).toEqual([true, true, true]);
  });

  it("a header that names a column maps to it exactly; -q leaves stderr empty; a TSV and Windows-1252 header are read", async () => {
    const file = t.file(
      "ours.tsv",
      Buffer.from("risk.ongoing\tRISK_ONGOING\tVictim\u00a0Âge\n1\t2\t3\n", "latin1"),
    );
    const r = await cli(["mapping", "-q", file, "--encoding", "windows-1252"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const proposed = JSON.parse(r.stdout) as Record<string, string>;
    expect(proposed["risk.ongoing"]).toBe("risk.ongoing");
    expect(proposed.RISK_ONGOING).toBe("risk.ongoing");
    expect(proposed["// risk.ongoing"]).toMatch(/^CONFIRM \(exact match\)/);
  });

  it("errors name the problem and the option, never a cell: a missing file, a header not UTF-8", async () => {
    const missing = await cli(["mapping", `${t.file("x", "")}.nope`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the header row/);
    const latin = t.file(
      "latin.csv",
      Buffer.from("Nom de la victime \u00e9,Force\nJos\u00e9,Kent\n", "latin1"),
    );
    const bad = await cli(["mapping", latin]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8: give its encoding, e\.g\. --encoding windows-1252/);
    expect(bad.stderr).not.toContain("Jos");
  });

  it("proposals agree with the column guide (every proposed column is one the reader accepts)", () => {
    const paths = new Set(columnGuide().map((c) => c.path));
    const { proposals } = proposeMapping([
      "DOB",
      "Suspect date of birth",
      "Bail from",
      "Decision date",
      "Jurisdiction",
    ]);
    for (const p of proposals) expect(paths.has(p.column)).toBe(true);
    expect(proposals.find((p) => p.header === "Suspect date of birth")?.column).toBe("suspect.dateOfBirth");
    expect(proposals.find((p) => p.header === "Jurisdiction")?.column).toBe("jurisdiction");
  });
});

describe("the cookbook's opening worked example", () => {
  const cookbook = readFileSync(new URL("../../docs/guides/analyst-cookbook.md", import.meta.url), "utf8");

  it("opens with the column guide, and its export, proposed mapping and commands give what it says", async () => {
    const first = cookbook.indexOf("\n## ");
    expect(cookbook.slice(first, first + 40)).toContain("## Start here: the column guide");
    const exported = /<!-- worked-export -->\n```text\n([\s\S]*?)```/.exec(cookbook)?.[1];
    expect(exported).toBeDefined();
    const file = t.file("cookbook-export.csv", exported ?? "");
    const proposed = await cli(["mapping", "-q", file]);
    const mapping = JSON.parse(proposed.stdout) as Record<string, string>;
    // The excerpt the guide shows is what the command writes.
    const excerpt = JSON.parse(/```json\n(\{\n {2}"\/\/ Force"[\s\S]*?)```/.exec(cookbook)?.[1] ?? "{}");
    expect(Object.keys(excerpt).length).toBeGreaterThan(0);
    expect(mapping).toMatchObject(excerpt);
    const mappingFile = t.file("cookbook-mapping.json", proposed.stdout);
    const ok = await cli(["validate", "-q", file, "--mapping", mappingFile, "--date-format", "dd/mm/yyyy"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseJsonl(ok.stdout).map((x) => x.valid)).toEqual([true, true, true]);
    const noDates = await cli(["validate", "-q", file, "--mapping", mappingFile]);
    expect(noDates.code).toBe(1);
    expect(noDates.stdout).toContain("--date-format dd/mm/yyyy");
  });
});
