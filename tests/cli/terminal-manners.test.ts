// Issue #28 item 9: terminal manners. `-q/--quiet` on every command (report had none); `--format
// table` fits the terminal (80 columns when not one); the progress bar's ETA shows at 80 columns.
// Each test failed on the old code: report -q was an unknown option, the tables ran past 80
// columns, and the ETA came after column 80.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProgress } from "../../src/batch/progress.js";
import { main } from "../../src/cli/program.js";
import { assertBuilt, CASELOAD, run, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

// Some tests spawn the CLI or run it several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const t = tempDir("po-terminal-manners-");
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

const COMMANDS = [
  "assess",
  "review",
  "explain",
  "validate",
  "report",
  "rules",
  "schema",
  "demo",
  "serve",
  "columns",
  "template",
  "mapping",
];

describe("-q/--quiet on every command", () => {
  it("every command's --help lists -q, --quiet", async () => {
    const top = await cli(["--help"]);
    const listed = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(listed.sort()).toEqual([...COMMANDS].sort());
    for (const command of COMMANDS) {
      const help = await cli([command, "--help"]);
      expect(help.stdout, command).toMatch(/-q, --quiet/);
    }
  });

  it("report -q writes no summary line on stderr; without it, the line is there", async () => {
    const out = t.file("report.md", "");
    const loud = await cli(["report", CASELOAD, "--as-of", "2025-06-01", "-f", "markdown", "--out", out]);
    expect(loud.stderr).toMatch(/^report: \d+ rows/m);
    const quiet = await cli([
      "report",
      CASELOAD,
      "--as-of",
      "2025-06-01",
      "-f",
      "markdown",
      "--out",
      out,
      "-q",
    ]);
    expect(quiet.code).toBe(loud.code);
    expect(quiet.stderr).not.toMatch(/^report: /m);
  });

  it("rules, schema and demo take -q", async () => {
    for (const args of [
      ["rules", "-q"],
      ["schema", "-q"],
      ["demo", "-q", "--as-of", "2025-06-01"],
    ]) {
      // The built command: demo reads the bundled caseload beside dist/.
      const r = await run(args);
      expect(r.code, args[0]).toBe(0);
      expect(r.stderr, args[0]).toBe("");
    }
  });
});

describe("--format table fits the terminal", () => {
  it("validate's table fits COLUMNS=80 (not a terminal), its last column wrapped under itself; piped without COLUMNS it keeps its lines whole", async () => {
    const file = t.file(
      "bad.jsonl",
      `${JSON.stringify({ id: "a", risk: { ongoing: "perhaps" }, relationship: { summary: "nope" }, incidents: [{ kind: "x" }] })}\n`,
    );
    const r = await cli(["validate", file, "--format", "table", "-q"], { env: { COLUMNS: "80" } });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^row\s+line\s+id\s+valid\s+error\s+problems$/);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const offset = lines[0]!.indexOf("problems");
    for (const line of lines.slice(2)) expect(line.slice(0, offset).trim()).toBe("");
  });

  it("assess's table, too wide for 80 columns, falls back to one field a line with a note; a wide terminal gets the table", async () => {
    const narrow = await cli(["assess", CASELOAD, "--as-of", "2025-06-01", "--format", "table"], {
      env: { COLUMNS: "80" },
    });
    expect(narrow.stderr).toMatch(
      /the table is wider than the terminal \(80 columns\): one field a line instead/,
    );
    expect(narrow.stdout).toMatch(/^row\s+1$/m);
    for (const line of narrow.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const quiet = await cli(["assess", CASELOAD, "--as-of", "2025-06-01", "--format", "table", "-q"], {
      env: { COLUMNS: "80" },
    });
    expect(quiet.stderr).toBe("");
    // Piped into a file or a program with no COLUMNS: every column on one line, as a script expects.
    const piped = await cli(["assess", CASELOAD, "--as-of", "2025-06-01", "--format", "table", "-q"]);
    expect(piped.stdout.split("\n")[0]).toMatch(/^row\s+line\s+id/);
    const wide = await onTerminal(
      ["assess", CASELOAD, "--as-of", "2025-06-01", "--format", "table", "-q"],
      1000,
    );
    expect(wide.stdout.split("\n")[0]).toMatch(/^row\s+line\s+id\s+asOf\s+first\s/);
    expect(wide.stderr).toBe("");
    // Not a terminal, with COLUMNS set: that width.
    const columnsEnv = await cli(["assess", CASELOAD, "--as-of", "2025-06-01", "--format", "table"], {
      env: { CI: "1", COLUMNS: "1000" },
    });
    expect(columnsEnv.stdout.split("\n")[0]).toMatch(/^row\s+line\s+id\s+asOf\s+first\s/);
    expect(columnsEnv.stderr).not.toMatch(/wider than the terminal/);
  });
});

describe("the progress bar", () => {
  it("shows the ETA within 80 columns", () => {
    let written = "";
    const stderr = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 80,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    const origWrite = stderr.write.bind(stderr);
    stderr.write = ((chunk: string | Buffer, ...rest: unknown[]) => {
      written += String(chunk);
      return origWrite(chunk as string, ...(rest as []));
    }) as typeof stderr.write;
    const progress = createProgress({
      totalBytes: 1_000_000,
      stderr,
      stdoutIsTTY: false,
      env: { NO_COLOR: "1" },
    });
    progress.bytes(400_000);
    progress.rows(1_234_567);
    progress.stop();
    // The frames between cli-progress's cursor moves and line clears.
    const frames = written
      .split(String.fromCharCode(27))
      .map((piece) => piece.replace(/^(\[\d*[A-Za-z]|[78])/, ""))
      .flatMap((piece) => piece.split(/\r|\n/))
      .filter((f) => f.includes("%"));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame.length).toBeLessThanOrEqual(80);
      expect(frame).toMatch(/ETA \S+/);
    }
  });
});
