// Inputs: one JSON case or an array, JSON Lines, CSV with the flat column mapping and a --mapping file,
// from a file or from standard input.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  assertBuilt,
  jsonl,
  parseJsonl,
  run,
  SCOTLAND,
  SERIAL,
  STACK_TRACE,
  STRANGER,
  tempDir,
} from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AS_OF = ["--as-of", "2025-06-01", ...SERIAL];
const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** Records without their `line`: the same cases from other formats start on other lines. */
const sansLine = (records: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
  records.map(({ line: _line, ...rest }) => rest);

/** The reference: the two fixture cases as JSON Lines from a file. */
let reference: Record<string, unknown>[];
beforeAll(async () => {
  const r = await run(["assess", t.file("ref.jsonl", jsonl(STRANGER, SCOTLAND)), ...AS_OF]);
  expect(r.code).toBe(0);
  reference = parseJsonl(r.stdout);
});

describe("JSON and JSON Lines", () => {
  it("JSON Lines: one record per case, with the outcomes the law gives", () => {
    expect(reference).toHaveLength(2);
    const [stranger, scotland] = reference;
    // SPA 2019 s.1(1), s.2(1): acts associated with stalking, an ongoing risk, nothing else in place.
    expect(stranger).toMatchObject({ row: 1, id: "cli-stranger", asOf: "2025-06-01", first: "spo" });
    expect(stranger?.outcomes).toMatchObject({
      spo: "available",
      "interim-spo": "available",
      nmo: "not-available",
    });
    // The orders are the law of England and Wales only.
    expect(scotland).toMatchObject({ row: 2, id: "cli-scotland", first: null });
    expect(
      Object.values(scotland?.outcomes as Record<string, string>).every((o) => o === "not-available"),
    ).toBe(true);
  });

  it("a JSON array file gives the same records as JSON Lines", async () => {
    const file = t.file("cases.json", JSON.stringify([STRANGER, SCOTLAND], null, 2));
    const r = await run(["assess", file, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(sansLine(parseJsonl(r.stdout))).toEqual(sansLine(reference));
  });

  it("one JSON case (an object, pretty-printed over many lines) in a .json file is one row", async () => {
    const file = t.file("one.json", JSON.stringify(STRANGER, null, 2));
    const r = await run(["assess", file, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(sansLine(parseJsonl(r.stdout))).toEqual(sansLine([reference[0]!]));
  });

  it("standard input: a JSON array, JSON Lines, and `-`, each sniffed without --input-format", async () => {
    const [array, lines, dash] = await Promise.all([
      run(["assess", ...AS_OF], { input: JSON.stringify([STRANGER, SCOTLAND], null, 2) }),
      run(["assess", ...AS_OF], { input: jsonl(STRANGER, SCOTLAND) }),
      run(["assess", "-", ...AS_OF], { input: `  \n${jsonl(STRANGER, SCOTLAND)}` }),
    ]);
    for (const r of [array, lines, dash]) {
      expect(r.code, r.stderr).toBe(0);
      expect(sansLine(parseJsonl(r.stdout))).toEqual(sansLine(reference));
    }
  });

  // BUG (src/cli/batch.ts sniff): standard input is sniffed as a JSON array only if it starts with `[`;
  // anything else is read as JSON Lines, so one case pretty-printed over several lines (the usual way to
  // write a single JSON case) is split into lines and every line is reported unreadable. The same text in
  // a .json file works. Fix: for input starting with `{`, read it as one JSON value (the splitter already
  // handles a single value) unless the first line is a complete JSON value, or try JSON on failure.
  it("standard input: one JSON case pretty-printed over several lines is one row", async () => {
    const r = await run(["assess", ...AS_OF], { input: JSON.stringify(STRANGER, null, 2) });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(sansLine(parseJsonl(r.stdout))).toEqual(sansLine([reference[0]!]));
    expect(r.code).toBe(0);
  });

  it("--input-format overrides the file extension", async () => {
    const asJsonl = t.file("cases.txt", jsonl(STRANGER, SCOTLAND));
    const asCsv = t.file("export.data", "id,jurisdiction\ncli-scotland,scotland\n");
    const [a, b] = await Promise.all([
      run(["assess", asJsonl, "--input-format", "jsonl", ...AS_OF]),
      run(["assess", asCsv, "--input-format", "csv", ...AS_OF, "--fields", "id,first"]),
    ]);
    expect(a.code).toBe(0);
    expect(sansLine(parseJsonl(a.stdout))).toEqual(sansLine(reference));
    expect(b.code).toBe(0);
    expect(parseJsonl(b.stdout)).toEqual([{ id: "cli-scotland", first: null }]);
  });
});

describe("CSV with the flat column mapping", () => {
  // Our headers: dotted paths into the case facts, plus the shortcuts (incident.kinds with incident.dates in
  // the same order, victim.*, spoRequest.decision.reasons); booleans as yes/no, y/n, 1/0, true/false.
  const header =
    "id,jurisdiction,relationship.summary,relationship.allConnectionsRecorded,incident.kinds,incident.dates,incident.unwelcome,risk.psychologicalHarm,risk.ongoing,protection.adequate";
  const csv = [
    header,
    // STRANGER in flat columns: protection.adequate=no says nothing in place protects her (SPA s.1(1)(c));
    // incident.unwelcome records that he knew or ought to have known each act was unwelcome (s.1(4)(b)).
    "cli-stranger,england-and-wales,stranger,yes,following;loitering,2025-05-01;2025-05-03,yes;yes,y,1,no",
    "cli-scotland,scotland,,,,,,,,",
    // Only the jurisdiction: every other fact is unknown, so the SPO needs information (unknown is not false).
    "cli-unknowns,england-and-wales,,,,,,,,",
    // Two cells that cannot be read: a boolean that is not one, and a date that does not exist.
    "cli-bad,england-and-wales,stranger,maybe,following,2025-02-30,,,,",
  ].join("\n");

  let rows: Record<string, unknown>[];
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run(["assess", t.file("flat.csv", `${csv}\n`), ...AS_OF]);
    rows = parseJsonl(result.stdout);
  });

  it("a CSV row in flat columns is the same case as its JSON", () => {
    expect(rows[0]).toMatchObject({ row: 1, id: "cli-stranger", first: "spo" });
    expect(rows[0]?.outcomes).toEqual(reference[0]?.outcomes);
    expect(sansLine([rows[1]!])).toEqual(sansLine([{ ...reference[1], row: 2 }]));
  });

  it("an empty cell leaves the fact unknown: needs information, never not available", () => {
    expect(rows[2]).toMatchObject({ row: 3, id: "cli-unknowns" });
    expect(rows[2]?.outcomes).toMatchObject({ spo: "needs-information" });
    expect(rows[2]?.questions).toEqual(expect.arrayContaining(["risk.ongoing"]));
  });

  it("a row with unreadable cells is an error record naming every problem by path, and the exit code is 1", () => {
    expect(rows[3]).toMatchObject({
      row: 4,
      line: 5,
      id: "cli-bad",
      error: "invalid",
      problems: [
        { path: "relationship.allConnectionsRecorded", message: expect.stringMatching(/boolean/) },
        { path: "incidents.0.date", message: expect.stringMatching(/date/) },
      ],
    });
    expect(rows).toHaveLength(4);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^assess: 4 rows, 3 processed, 1 invalid$/m);
  });

  it("a JSON array of incidents in one `incidents` cell, and the victim.* shortcut", async () => {
    const incidents = JSON.stringify(STRANGER.incidents).replaceAll('"', '""');
    const file = t.file(
      "incidents.csv",
      `id,jurisdiction,relationship.summary,relationship.allConnectionsRecorded,incidents,risk.psychologicalHarm,risk.ongoing,protection.adequate,victim.age\ncli-stranger,england-and-wales,stranger,true,"${incidents}",true,true,false,29\n`,
    );
    const r = await run(["assess", file, ...AS_OF, "--include-facts"]);
    expect(r.code, r.stderr).toBe(0);
    const [row] = parseJsonl(r.stdout);
    expect(row?.outcomes).toEqual(reference[0]?.outcomes);
    expect(row?.facts).toMatchObject({ personsToProtect: [{ role: "victim", age: 29 }] });
  });

  it("a --mapping file renames a force's own headers to ours: same results as our headers", async () => {
    const theirs = csv
      .replace(
        header,
        "Case Ref,Where,Relationship,All Recorded,Acts,Act Dates,Known Unwelcome,Psychological Harm,Ongoing,Adequate",
      )
      .concat("\n");
    const mapping = t.file(
      "mapping.json",
      JSON.stringify({
        "Case Ref": "id",
        Where: "jurisdiction",
        Relationship: "relationship.summary",
        "All Recorded": "relationship.allConnectionsRecorded",
        Acts: "incident.kinds",
        "Act Dates": "incident.dates",
        "Known Unwelcome": "incident.unwelcome",
        "Psychological Harm": "risk.psychologicalHarm",
        Ongoing: "risk.ongoing",
        Adequate: "protection.adequate",
      }),
    );
    const r = await run(["assess", t.file("theirs.csv", theirs), "--mapping", mapping, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(result.stdout);
  });

  it("CSV from standard input with --input-format csv, with a BOM and CRLF line ends", async () => {
    const r = await run(["assess", "--input-format", "csv", ...AS_OF], {
      input: `\uFEFF${csv.split("\n").slice(0, 3).join("\r\n")}\r\n`,
    });
    expect(r.code).toBe(0);
    expect(parseJsonl(r.stdout)).toEqual([rows[0], rows[1]]);
  });

  it("review reads decline reasons from spoRequest.decision.reasons (semicolon-separated codes)", async () => {
    const file = t.file(
      "declines.csv",
      [
        "id,jurisdiction,relationship.summary,relationship.allConnectionsRecorded,incident.kinds,incident.dates,incident.unwelcome,risk.psychologicalHarm,risk.ongoing,protection.adequate,spoRequest.requestedOn,spoRequest.decision.decidedOn,spoRequest.decision.outcome,spoRequest.decision.reasons",
        "cli-declined,england-and-wales,stranger,yes,following;loitering,2025-03-01;2025-03-08,yes;yes,yes,yes,no,2025-04-25,2025-05-06,declined,no-conviction",
      ].join("\n"),
    );
    const r = await run(["review", file, ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    // An SPO needs no conviction (SPA 2019 s.1): the reason misstates the law and the SPO is available.
    expect(parseJsonl(r.stdout)).toEqual([
      expect.objectContaining({
        id: "cli-declined",
        verdict: "likely-wrongly-declined",
        spo: "available",
        daysFromRequestToDecision: 11,
        findings: [{ code: "no-conviction", finding: "misstates-the-law" }],
      }),
    ]);
  });
});
