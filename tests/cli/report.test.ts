// `protective-orders report`, run as a user runs it (the built command in a child process).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CASELOAD, run, STACK_TRACE, tempDir } from "./helpers.js";

beforeAll(() => assertBuilt());

const AS_OF = "2025-06-01";

describe("report", () => {
  it("counts the same rows, valid and invalid, as assess --summary-json on the same input", async () => {
    const dir = tempDir();
    try {
      const lines = [
        ...JSON.parse(readFileSync(CASELOAD, "utf8")).map((c: unknown) => JSON.stringify(c)),
        '{"id":""}',
        "not json",
        '{"id":"x","jurisdiction":"Atlantis"}',
      ];
      const input = join(dir.dir, "cases.jsonl");
      writeFileSync(input, `${lines.join("\n")}\n`);
      const assessSummary = join(dir.dir, "assess.json");
      const reportSummary = join(dir.dir, "report.json");
      await run(["assess", input, "--as-of", AS_OF, "--summary-json", assessSummary, "-q"]);
      const report = await run([
        "report",
        input,
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--summary-json",
        reportSummary,
      ]);
      expect(report.code).toBe(1); // some rows invalid, all still counted
      const a = JSON.parse(readFileSync(assessSummary, "utf8"));
      const r = JSON.parse(readFileSync(reportSummary, "utf8"));
      const json = JSON.parse(report.stdout);
      expect({ rows: r.rows, processed: r.processed, invalid: r.invalid }).toEqual({
        rows: a.rows,
        processed: a.processed,
        invalid: a.invalid,
      });
      expect(json.rows).toEqual({ read: a.rows, valid: a.processed, invalid: a.invalid });
      expect(json.asOf).toBe(AS_OF);
      // The first recommendation's counts agree with assess's tallies where they are not suppressed.
      const first = json.sections.find((s: { id: string }) => s.id === "first-recommendation");
      const spoRow = first.rows.find((row: unknown[]) => row[0] === "Stalking Protection Order");
      // Shown, or marked as hidden by disclosure control (issue 27): never another number.
      expect([a.counts["first:spo"], "[c]", "[c] (secondary)"]).toContain(spoRow[1]);
    } finally {
      dir.cleanup();
    }
  }, 60_000);

  it("reads CSV piped to standard input, as assess does (it was read as JSON Lines: every row unreadable)", async () => {
    const csv = "id,jurisdiction\nc1,scotland\nc2,mars\n";
    // A one-case caseload is wholly hidden by disclosure control: counted here without it.
    const report = await run(["report", "--as-of", AS_OF, "--format", "json", "--no-suppression"], {
      input: csv,
    });
    expect(report.code).toBe(1);
    expect(JSON.parse(report.stdout).rows).toEqual({ read: 2, valid: 1, invalid: 1 });
  }, 60_000);

  it("writes HTML to --out, Markdown and JSON to stdout, with no case id, name or free text", async () => {
    const dir = tempDir();
    try {
      const out = join(dir.dir, "report.html");
      const html = await run(["report", CASELOAD, "--as-of", AS_OF, "--out", out]);
      expect(html.code).toBe(0);
      expect(html.stdout).toBe("");
      const page = readFileSync(out, "utf8");
      expect(page).toMatch(/^<!doctype html>/);
      expect(page).not.toMatch(/<script/i);
      expect(page).toContain("default-src 'none'");
      // On the 30-case example some breakdowns are wholly hidden by disclosure control (issue 27):
      // the SPOs available but not pursued too, as they would set a floor under the hidden SPOs available.
      expect((page.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
      const markdown = await run(["report", CASELOAD, "--as-of", AS_OF, "--format", "markdown"]);
      expect(markdown.stdout).toMatch(/^# Caseload report/);
      const cases = JSON.parse(readFileSync(CASELOAD, "utf8")) as { id: string; notes?: string }[];
      for (const text of [page, markdown.stdout]) {
        for (const c of cases) {
          expect(text).not.toContain(`${c.id}<`);
          expect(text).not.toContain(`>${c.id}`);
          if (c.notes) expect(text).not.toContain(c.notes);
        }
      }
      const withIds = await run([
        "report",
        CASELOAD,
        "--as-of",
        AS_OF,
        "--format",
        "markdown",
        "--include-ids",
      ]);
      expect(withIds.stdout).toContain("Case ids to look at again");
    } finally {
      dir.cleanup();
    }
  }, 60_000);

  it("resolves the law date once and says it; a missing file is an error in words", async () => {
    const missing = await run(["report", "/nonexistent/cases.jsonl"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    expect(missing.stderr).not.toMatch(STACK_TRACE);
    const bad = await run(["report", CASELOAD, "--suppress-below", "-3"]);
    expect(bad.code).toBe(2);
  }, 60_000);

  it("builds a 100,000-case report in bounded memory (only aggregates are kept)", async () => {
    const dir = tempDir();
    try {
      const cases = JSON.parse(readFileSync(CASELOAD, "utf8")) as Record<string, unknown>[];
      const lines: string[] = [];
      for (let i = 0; i < 100_000; i++) {
        const c = cases[i % cases.length]!;
        lines.push(JSON.stringify({ ...c, id: `c${i}` }));
      }
      const input = join(dir.dir, "big.jsonl");
      writeFileSync(input, `${lines.join("\n")}\n`);
      // A 96 MB heap cap: the rows alone, kept, would need several times that.
      const result = await run(["report", input, "--as-of", AS_OF, "--format", "json"], {
        env: { NODE_OPTIONS: "--max-old-space-size=96" },
        timeoutMs: 240_000,
      });
      expect(result.stderr).not.toMatch(/heap out of memory/i);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).rows).toEqual({ read: 100_000, valid: 100_000, invalid: 0 });
    } finally {
      dir.cleanup();
    }
  }, 300_000);
});
