// --jobs changes who does the work, never the answer: with 1, 2 or 3 threads, from a file or from
// standard input, every command writes the same bytes, the same summary and the same exit code, for
// an input mixing valid cases, invalid ones, blank lines, text that is not JSON and bytes that are
// not UTF-8, large enough to be cut into many chunks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CASELOAD, run, tempDir } from "./helpers.js";

const AS_OF = ["--as-of", "2025-06-01"];

describe("--jobs", () => {
  const dir = tempDir("po-jobs-");
  let file: string;
  let bytes: Buffer;

  beforeAll(() => {
    assertBuilt();
    const cases = JSON.parse(readFileSync(CASELOAD, "utf8")) as Record<string, unknown>[];
    const parts: Buffer[] = [];
    for (let i = 0; i < 3000; i++) {
      const c = cases[i % cases.length]!;
      if (i % 97 === 5) parts.push(Buffer.from("\n"));
      if (i % 211 === 7) parts.push(Buffer.from("not json\n"));
      if (i % 307 === 11) parts.push(Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
      if (i % 89 === 3)
        parts.push(Buffer.from(`${JSON.stringify({ ...c, id: `bad-${i}`, incidents: "lots" })}\n`));
      parts.push(Buffer.from(`${JSON.stringify({ ...c, id: `case-${i}` })}\r\n`));
    }
    bytes = Buffer.concat(parts);
    file = dir.file("mixed.jsonl", bytes);
  });
  afterAll(() => dir.cleanup());

  for (const command of ["assess", "review", "validate"]) {
    it(`${command}: the same output, summary and exit code with 1, 2 or 3 threads`, async () => {
      const results = [];
      for (const jobs of ["1", "2", "3"]) {
        const summary = join(dir.dir, `${command}-${jobs}.json`);
        const r = await run([command, file, ...AS_OF, "--jobs", jobs, "--summary-json", summary], {
          timeoutMs: 120_000,
        });
        results.push({ code: r.code, stdout: r.stdout, summary: readFileSync(summary, "utf8") });
      }
      const [one, ...others] = results;
      expect(one!.code).toBe(1); // some rows are invalid
      expect(one!.stdout.split("\n").filter(Boolean).length).toBe(JSON.parse(one!.summary).rows as number);
      for (const other of others) expect(other).toEqual(one);
    }, 240_000);
  }

  it("assess from standard input and to CSV: the same with 1 and 2 threads", async () => {
    const outputs = [];
    for (const jobs of ["1", "2"]) {
      const fromStdin = await run(["assess", "-", ...AS_OF, "--jobs", jobs], {
        input: bytes,
        timeoutMs: 120_000,
      });
      const csv = await run(["assess", file, ...AS_OF, "--jobs", jobs, "--format", "csv"], {
        timeoutMs: 120_000,
      });
      outputs.push([fromStdin.code, fromStdin.stdout, csv.code, csv.stdout]);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[0]![1]).toMatch(/"id":"case-2999"/);
  }, 240_000);
});
