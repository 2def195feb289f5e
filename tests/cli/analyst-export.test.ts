// Issue #28 items 1–3 and its "done when": the analyst's export as it comes (headers not ours, force
// names, capitalised values, UK dates, Windows encodings). Each test failed on the old code: every
// row was invalid, and a Windows-1252 or UTF-16 file could not be read.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDateCell } from "../../src/batch/csv-columns.js";
import { jurisdictionOfForceName, POLICE_FORCES, policeForceIdOfName } from "../../src/index.js";
import { assertBuilt, parseJsonl, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

const t = tempDir("po-analyst-export-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

const EXPORT = `Case Ref,Force,Relationship,Conduct,Dates,Unwelcome,Psych harm,Ongoing,Victim age,Suspect age
A1,Kent Police,Stranger,following;loitering,01/05/2025;03/05/2025,Yes;Yes,Yes,Yes,29,44
A2,Metropolitan Police Service,Ex-partner,contacting,12/04/2025,Y,Y,,31,
A3,Gwent,stranger,following;loitering,2025-05-01;2025-05-03,yes;yes,yes,yes,22,50
`;
const MAPPING = JSON.stringify({
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

describe("the analyst's export as it comes (issue #28)", () => {
  it("the issue's three rows are assessed with a mapping file and --date-format dd/mm/yyyy", async () => {
    const file = t.file("export.csv", EXPORT);
    const mapping = t.file("mapping.json", MAPPING);
    const r = await cli(["validate", "-q", file, "--mapping", mapping, "--date-format", "dd/mm/yyyy"]);
    expect(parseJsonl(r.stdout).map((x) => [x.row, x.line, x.id, x.valid])).toEqual([
      [1, 2, "A1", true],
      [2, 3, "A2", true],
      [3, 4, "A3", true],
    ]);
    const facts = await cli([
      "assess",
      "-q",
      file,
      "--mapping",
      mapping,
      "--date-format",
      "dd/mm/yyyy",
      "--as-of",
      "2025-06-01",
      "--include-facts",
    ]);
    const rows = parseJsonl(facts.stdout) as { facts?: Record<string, unknown> }[];
    expect(JSON.stringify(rows[0])).toContain('"policeForceArea":"kent"');
    expect(JSON.stringify(rows[0])).toContain('"date":"2025-05-01"');
    expect(JSON.stringify(rows[1])).toContain('"policeForceArea":"metropolitan"');
    expect(JSON.stringify(rows[1])).toContain('"summary":"ex-partner"');
    expect(JSON.stringify(rows[1])).toContain('"date":"2025-04-12"');
  });

  it("without --date-format a slash date is not guessed: the row's error names the option, never the value", async () => {
    const file = t.file("export2.csv", EXPORT);
    const mapping = t.file("mapping2.json", MAPPING);
    const r = await cli(["validate", "-q", file, "--mapping", mapping]);
    const rows = parseJsonl(r.stdout);
    expect(rows.map((x) => [x.row, x.line, x.valid])).toEqual([
      [1, 2, false],
      [2, 3, false],
      [3, 4, true],
    ]);
    expect(JSON.stringify(rows[0])).toContain("--date-format dd/mm/yyyy");
    expect(r.stdout + r.stderr).not.toContain("01/05/2025");
  });

  it("--values maps an organisation's own codes; an unmatched value gets did-you-mean without the value", async () => {
    const file = t.file("codes.csv", "id,Relationship\nc1,EX\nc2,Strnger Danger\n");
    const values = t.file("values.json", JSON.stringify({ Relationship: { EX: "ex-partner" } }));
    const mapping = t.file("m3.json", JSON.stringify({ Relationship: "relationship.summary" }));
    const r = await cli(["validate", file, "--mapping", mapping, "--values", values]);
    const rows = parseJsonl(r.stdout);
    expect(rows[0]).toMatchObject({ id: "c1", valid: true });
    expect(rows[1]).toMatchObject({ id: "c2", valid: false });
    expect(r.stderr).toMatch(
      /line 3 \(row 2\): the value in column "Relationship" is not one of its values \(did you mean "stranger"/,
    );
    expect(r.stderr + r.stdout).not.toContain("Strnger Danger");
  });

  it("force names: every official name and the issue's common forms read as the force id", () => {
    for (const force of POLICE_FORCES) {
      expect(policeForceIdOfName(force.name)).toBe(force.id);
      expect(policeForceIdOfName(` ${force.name.toUpperCase()} `)).toBe(force.id);
    }
    for (const [name, id] of [
      ["Kent Police", "kent"],
      ["Metropolitan Police Service", "metropolitan"],
      ["Met", "metropolitan"],
      ["MPS", "metropolitan"],
      ["Dyfed-Powys Police", "dyfed-powys"],
      ["Heddlu Gwent", "gwent"],
      ["Police Service of Northern Ireland", "psni"],
      ["PSNI", "psni"],
      ["Gwent", "gwent"],
    ] as const)
      expect(policeForceIdOfName(name), name).toBe(id);
    expect(jurisdictionOfForceName("Police Scotland")).toBe("scotland");
    expect(jurisdictionOfForceName("PSNI")).toBe("northern-ireland");
    expect(jurisdictionOfForceName("Kent Police")).toBe("england-and-wales");
    expect(jurisdictionOfForceName("British Transport Police")).toBeUndefined();
  });

  it("dates: every calendar day written dd/mm/yyyy, d/m/yy or as an Excel serial reads back as that day", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1950, 0, 1)),
          max: new Date(Date.UTC(2049, 11, 31)),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-") as [string, string, string];
          expect(readDateCell(`${day}/${m}/${y}`, "dd/mm/yyyy")).toBe(iso);
          expect(readDateCell(`${Number(day)}/${Number(m)}/${y.slice(2)}`, "d/m/yy")).toBe(iso);
          const serial = Math.round((Date.UTC(+y, +m - 1, +day) - Date.UTC(1899, 11, 30)) / 86_400_000);
          expect(readDateCell(String(serial), "excel")).toBe(iso);
        },
      ),
    );
    // The date part of an ISO date-time in UK time: 23:30 UTC in summer is the next day in London.
    expect(readDateCell("2025-06-30T23:30:00Z", "iso")).toBe("2025-07-01");
    expect(readDateCell("2025-01-31T23:30:00Z", "iso")).toBe("2025-01-31");
    expect(readDateCell("31/02/2025", "dd/mm/yyyy")).toBeUndefined();
  });

  it("a Windows-1252 export (with --encoding) and an Excel 'Unicode text' export (UTF-16 with BOM) round-trip accented names", async () => {
    const text = "id,victim.name,jurisdiction\nc1,Zoë Brontë,england-and-wales\n";
    const w = t.file("w.csv", Buffer.from(text.replace(/ë/g, "\u00eb"), "latin1"));
    const plain = await cli(["validate", "-q", w]);
    expect(parseJsonl(plain.stdout)[0]).toMatchObject({ valid: false });
    expect(plain.stdout).toContain("--encoding windows-1252");
    const read = await cli([
      "assess",
      "-q",
      w,
      "--encoding",
      "windows-1252",
      "--include-facts",
      "--as-of",
      "2025-06-01",
    ]);
    expect(read.stdout).toContain("Zoë Brontë");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.replace(/,/g, "\t"), "utf16le"),
    ]);
    const u = t.file("unicode.txt", utf16);
    const r16 = await cli(["assess", "-q", u, "-t", "--include-facts", "--as-of", "2025-06-01"]);
    expect(r16.stdout).toContain("Zoë Brontë");
    const be = Buffer.from(utf16.subarray(2).swap16());
    const rbe = await cli(["assess", "-q", "-t", "--include-facts", "--as-of", "2025-06-01"], {
      input: Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    });
    expect(rbe.stdout).toContain("Zoë Brontë");
  });
});

describe("--excel (issue #28 item 3)", () => {
  it("CSV output starts with a UTF-8 BOM, and only with --excel", async () => {
    const file = t.file("x.csv", "id,victim.name,jurisdiction\nc1,Zoë,england-and-wales\n");
    const withBom = await cli(["validate", "-q", file, "-f", "csv", "--excel"]);
    expect(withBom.stdout.charCodeAt(0)).toBe(0xfeff);
    const without = await cli(["validate", "-q", file, "-f", "csv"]);
    expect(without.stdout.charCodeAt(0)).not.toBe(0xfeff);
  });
});
