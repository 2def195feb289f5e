// --help on every command (each with an example), --version, and usage errors: exit code 2, a message on
// stderr, nothing on stdout.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assertBuilt, jsonl, root, run, STACK_TRACE, STRANGER, tempDir } from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const COMMANDS = ["assess", "review", "explain", "validate", "rules", "schema", "demo"] as const;

beforeAll(assertBuilt);

describe("--help and --version", () => {
  it.each(COMMANDS)("`%s --help` describes the command, shows an example, and exits 0", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: protective-orders ${command}`);
    expect(r.stdout).toMatch(/Examples?:\n\s+\$ protective-orders /);
    // The example runs this very command.
    expect(r.stdout).toMatch(new RegExp(`\\$ protective-orders ${command}\\b`));
  });

  it("`assess --help` documents the batch options", async () => {
    const r = await run(["assess", "--help"]);
    for (const option of [
      "--as-of",
      "--input-format",
      "--format",
      "--fields",
      "--mapping",
      "--summary-json",
      "--include-facts",
      "--detail",
    ])
      expect(r.stdout).toContain(option);
  });

  it("the top-level --help lists every command", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("--version prints the package version and exits 0", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe("usage errors exit 2 with a message and no output", () => {
  const t = tempDir();
  const good = t.file("good.jsonl", jsonl(STRANGER));
  afterAll(t.cleanup);

  const cases: [string, string[], RegExp][] = [
    ["an unknown command", ["frobnicate"], /unknown command/],
    ["an unknown option", ["assess", good, "--no-such-option"], /unknown option/],
    ["a date that does not exist", ["assess", good, "--as-of", "2025-02-30"], /--as-of/],
    ["an unknown output format", ["assess", good, "--format", "xml"], /--format/],
    ["an unknown detail level", ["review", good, "--detail", "everything"], /--detail/],
    ["an empty --fields list", ["assess", good, "--fields", " , "], /--fields/],
    ["two input files", ["validate", good, good], /too many arguments/],
  ];
  it.each(cases)("%s", async (_name, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("an input file that does not exist", async () => {
    const r = await run(["assess", join(t.dir, "missing.jsonl")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    // In words, not an errno code.
    expect(r.stderr).toMatch(/cannot read .*missing\.jsonl: there is no such file/);
    expect(r.stderr).not.toMatch(/ENOENT/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("an input that is a directory", async () => {
    const r = await run(["validate", t.dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^protective-orders: /m);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("a --mapping file that is missing, or not an object of strings", async () => {
    const csv = t.file("in.csv", "id,jurisdiction\nc1,scotland\n");
    const notStrings = t.file("numbers.json", '{"Ref": 1}');
    for (const mapping of [join(t.dir, "absent.json"), notStrings]) {
      const r = await run(["assess", csv, "--mapping", mapping]);
      expect(r.code, mapping).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/--mapping/);
    }
  });

  it("a CSV with a column that is neither ours nor mapped is unreadable input (exit 2), naming the column", async () => {
    const csv = t.file("unknown-col.csv", "id,jurisdiction,Favourite Colour\nc1,scotland,blue\n");
    const r = await run(["validate", csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Favourite Colour");
    expect(r.stderr).toContain("--mapping");
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("a --summary-json file that cannot be written is an output error (exit 2), not a silent loss", async () => {
    const r = await run([
      "assess",
      good,
      "--as-of",
      "2025-06-01",
      "--summary-json",
      join(t.dir, "no/such/dir/s.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*s\.json/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("`demo --case` with an id not in the caseload is a usage error", async () => {
    const r = await run(["demo", "--as-of", "2025-06-01", "--case", "no-such-case"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-case");
  });
});
