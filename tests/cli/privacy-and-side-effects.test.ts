// Privacy: output carries case ids, not names or free text, unless --include-facts. Side effects: nothing is
// written anywhere but stdout, stderr and files named on the command line. Progress: silent when piped or
// with CI set.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  assertBuilt,
  CASELOAD,
  CLI,
  INVALID_TWO_PROBLEMS,
  jsonl,
  parseJsonl,
  run,
  SERIAL,
  STRANGER,
  tempDir,
} from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AS_OF = ["--as-of", "2025-06-01"];
const BATCH = [...AS_OF, ...SERIAL];
const execFileAsync = promisify(execFile);
const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

/** Every name and every piece of free text (notes, descriptions, reasons in words) in the caseload. */
function sensitiveStrings(): string[] {
  const caseload = JSON.parse(readFileSync(CASELOAD, "utf8")) as unknown[];
  const found = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === "string") {
      if (["name", "notes", "description", "text", "work"].includes(key) || value.includes(" "))
        found.add(value);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(caseload, "");
  return [...found];
}

describe("privacy", () => {
  const secrets = sensitiveStrings();
  // A name and free text in every case, so the check does not rest on what the caseload happens to hold.
  const caseload = (JSON.parse(readFileSync(CASELOAD, "utf8")) as Record<string, unknown>[]).map((c, i) => ({
    ...c,
    notes: `Private note ${i}: Jane Q. Public, 1 Acacia Avenue`,
    personsToProtect: [{ id: "v1", role: "victim", name: `Jane Q. Public ${i}` }],
  }));
  const file = t.file("named.jsonl", jsonl(...caseload));
  const privateBits = [...secrets, "Jane Q. Public", "Acacia Avenue"];

  it("the caseload has names and free text to leak (a check on the check)", () => {
    expect(secrets.length).toBeGreaterThan(10);
  });

  it.each([
    ["assess", []],
    ["assess", ["--detail", "full"]],
    ["review", ["--detail", "full"]],
    ["validate", []],
    ["explain", []],
    ["assess", ["--format", "csv"]],
  ])("%s %j: ids only, no name or free text on stdout or stderr", async (command, extra) => {
    const r = await run([command, file, ...BATCH, ...extra]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("example-01");
    for (const text of privateBits) {
      expect(r.stdout.includes(text), `stdout contains ${JSON.stringify(text)}`).toBe(false);
      expect(r.stderr.includes(text), `stderr contains ${JSON.stringify(text)}`).toBe(false);
    }
  });

  it("--include-facts puts the input facts (names and notes) in each record", async () => {
    const r = await run(["assess", file, ...BATCH, "--include-facts", "--fields", "id,facts"]);
    const [first] = parseJsonl(r.stdout) as { id: string; facts: (typeof caseload)[number] }[];
    expect(first?.facts).toEqual(caseload[0]);
    expect(r.stdout).toContain("Jane Q. Public 0");
  });

  it("error records and problems never echo the values given", async () => {
    const bad = {
      ...INVALID_TWO_PROBLEMS,
      jurisdiction: "Jane Q. Public lives in Kent",
      risk: { ongoing: "Acacia Avenue" },
    };
    const r = await run([
      "assess",
      t.file("bad.jsonl", `${JSON.stringify(bad)}\n{"name": "Jane Q. Public"\n`),
      ...BATCH,
    ]);
    expect(r.code).toBe(1);
    expect(parseJsonl(r.stdout)).toHaveLength(2);
    for (const text of ["Jane Q. Public", "Acacia Avenue", "Kent"]) {
      expect(r.stdout).not.toContain(text);
      expect(r.stderr).not.toContain(text);
    }
  });
});

describe("nothing written but stdout, stderr and the files named", () => {
  it("a run in an empty directory, with HOME and TMPDIR empty too, leaves only the --summary-json file", async () => {
    const cwd = join(t.dir, "cwd");
    const home = join(t.dir, "home");
    const tmp = join(t.dir, "tmp");
    for (const dir of [cwd, home, tmp]) mkdirSync(dir);
    const inputDir = join(t.dir, "in");
    mkdirSync(inputDir);
    const input = join(inputDir, "cases.csv");
    t.file("in/cases.csv", "id,jurisdiction\ncli-1,scotland\ncli-2,mars\n");
    const env = {
      HOME: home,
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
      XDG_CACHE_HOME: join(home, ".cache"),
      XDG_CONFIG_HOME: join(home, ".config"),
    };
    const runs = await Promise.all([
      run(["assess", input, ...AS_OF, "--summary-json", "summary.json"], { cwd, env }),
      run(["review", input, ...AS_OF, "-f", "table"], { cwd, env }),
      run(["explain", ...AS_OF], { cwd, env, input: jsonl(STRANGER) }),
      run(["demo", ...AS_OF], { cwd, env }),
      run(["rules"], { cwd, env }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 1, 0, 0, 0]);
    expect(readdirSync(cwd)).toEqual(["summary.json"]);
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(inputDir)).toEqual(["cases.csv"]);
    expect(JSON.parse(readFileSync(join(cwd, "summary.json"), "utf8"))).toMatchObject({
      rows: 2,
      invalid: 1,
    });
  });
});

describe("progress", () => {
  const file = t.file(
    "progress.jsonl",
    jsonl(...Array.from({ length: 600 }, (_, i) => ({ ...STRANGER, id: `p-${i}` }))),
  );
  const onlySummary = /^assess: 600 rows, 600 processed, 0 invalid\n(?: {2}\S.*\n| {4}\S.*\n)*$/;

  it("piped stderr: silent with CI set, and silent without CI too; only the summary", async () => {
    const [ci, noCi] = await Promise.all([
      run(["assess", file, ...BATCH]),
      run(["assess", file, ...BATCH], { env: { CI: undefined } }),
    ]);
    for (const r of [ci, noCi]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(onlySummary);
      expect(r.stderr).not.toContain("\r");
      expect(r.stderr).not.toContain("\u001b");
      expect(r.stderr).not.toContain("rows/s");
    }
  });

  // A real terminal, through script(1) where it exists: the bar shows only there, never with CI set.
  const script = ["/usr/bin/script", "/bin/script"].find((p) => existsSync(p));
  async function onTerminal(env: Record<string, string | undefined>): Promise<string> {
    const command = `node ${JSON.stringify(CLI)} assess ${JSON.stringify(file)} --as-of 2025-06-01 > /dev/null`;
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const { stdout } = await execFileAsync(script!, ["-qec", command, "/dev/null"], {
      env: childEnv,
      encoding: "utf8",
      timeout: 30_000,
    });
    return stdout;
  }

  it.skipIf(!script)(
    "on a terminal: a progress bar without CI, none with CI=1, no colour with NO_COLOR",
    async () => {
      const [bar, ci, plain] = await Promise.all([
        onTerminal({ CI: undefined, NO_COLOR: undefined }),
        onTerminal({ CI: "1", NO_COLOR: undefined }),
        onTerminal({ CI: undefined, NO_COLOR: "1" }),
      ]);
      expect(bar).toMatch(/rows\/s/);
      expect(bar).toContain("\u001b[36m");
      expect(ci).not.toMatch(/rows\/s/);
      expect(ci).toMatch(/assess: 600 rows/);
      expect(plain).toMatch(/rows\/s/);
      expect(plain).not.toContain("\u001b[36m");
    },
  );
});
