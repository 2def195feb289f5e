// The Python client example (standard library only) run against a real server: it assesses,
// explains and batch-processes the bundled caseload, and gets the library's own answers.
import { execFile, spawnSync } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess, explain } from "../../src/index.js";
import { AS_OF, CASELOAD, type Running, root, startServer } from "./helpers.js";

/** A Python 3 to run the example with: the one on PATH (pyenv's, on CI's machine) or /usr/bin/python3. */
function findPython(): string | undefined {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(candidate, ["-c", "import sys; print(sys.version_info[0])"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim() === "3") return candidate;
  }
  return undefined;
}

const python = findPython();
if (!python) console.warn("WARNING: no python3 found: the Python client example was NOT run.");

describe.skipIf(!python)("the Python client example", () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("assesses, explains and batch-processes the caseload with the library's answers and citations", async () => {
    // Asynchronously: the server answering it runs in this process.
    const { stdout: out } = await promisify(execFile)(
      python!,
      [join(root, "examples/python/client.py"), server.url, join(root, "examples/caseload.json"), AS_OF],
      { encoding: "utf8", timeout: 60_000 },
    );
    const result = JSON.parse(out) as {
      assess: unknown;
      explain: string;
      batch: { row: number; id: string; first: string | null }[];
      problem: { status: number; problems: unknown[] };
    };
    const a = assess(CASELOAD[0]!, { asOf: AS_OF });
    expect(result.assess).toEqual(JSON.parse(JSON.stringify(a)));
    expect(result.explain).toBe(explain(a, { format: "markdown" }));
    expect(result.batch.map((r) => r.row)).toEqual(CASELOAD.map((_, i) => i + 1));
    expect(result.batch.map((r) => r.first)).toEqual(
      CASELOAD.map((c) => assess(c, { asOf: AS_OF }).recommendation.first),
    );
    expect(result.problem).toEqual({
      status: 422,
      problems: [{ path: "incidents", message: "expected array" }],
    });
  }, 90_000);
});
