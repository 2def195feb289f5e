// The CLI never destroys its own input. Every batch command and `report` open (and empty) their
// output files before reading a row, so a bad output path fails first; an output that is the same
// file as an input (by the same name, another spelling, a symbolic or a hard link) must therefore be
// refused before anything is opened, as must two outputs that are the same file. Each case below
// emptied or overwrote the caller's caseload before the fix. Run in-process (tests/cli/in-process.ts)
// except where the process's own standard input, output or error is the file (a child process).
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assertBuilt, jsonl, run, SCOTLAND, STACK_TRACE, STRANGER, tempDir } from "./helpers.js";
import { cli } from "./in-process.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AS_OF = ["--as-of", "2025-06-01"];
const t = tempDir("po-file-clash-");
beforeAll(assertBuilt);
afterAll(t.cleanup);

const CASES = jsonl(STRANGER, SCOTLAND);
let fresh = 0;
/** A new caseload file (its own directory), so no test sees another's leftovers. */
function caseload(name = "cases.jsonl", content: string = CASES): { dir: string; path: string } {
  const dir = join(t.dir, `run-${++fresh}`);
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return { dir, path };
}

/** `./` and the path from the working directory: another spelling of the same file. */
const dotRelative = (path: string): string => `.${"/"}${relative(process.cwd(), path)}`;

/** The refusal every clash gets: a usage error naming the options, before any output is opened. */
function expectRefused(
  r: { code: number; stdout: string; stderr: string },
  output: string,
  input: string,
): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(`protective-orders: ${output} names the same file as ${input}`);
  // True of `> file` (overwritten) and `>> file` (corrupted) alike.
  expect(r.stderr).toContain("writing to it would overwrite or corrupt that file");
  expect(r.stderr).toMatch(/\(see protective-orders \w+ --help\)/);
  // The message names options, never what is in the files.
  expect(r.stderr).not.toContain("cli-stranger");
  expect(r.stderr).not.toContain("england-and-wales");
  expect(r.stderr).not.toMatch(STACK_TRACE);
}

type Spelling = "same path" | "./relative vs absolute" | "symbolic link" | "hard link";
const SPELLINGS: readonly Spelling[] = ["same path", "./relative vs absolute", "symbolic link", "hard link"];

/** Another name for `path`: itself, relative, a symbolic link to it, or a hard link to it. */
function spell(path: string, dir: string, spelling: Spelling): string {
  if (spelling === "same path") return path;
  if (spelling === "./relative vs absolute") return dotRelative(path);
  const other = join(dir, spelling === "symbolic link" ? "linked.jsonl" : "hard.jsonl");
  if (spelling === "symbolic link") symlinkSync(path, other);
  else linkSync(path, other);
  return other;
}

describe("an output that is the input file is refused, and the input is left byte for byte", () => {
  for (const command of ["assess", "review", "validate", "explain"] as const) {
    for (const spelling of SPELLINGS) {
      it(`${command} --summary-json: ${spelling}`, async () => {
        const { dir, path } = caseload();
        const r = await cli([command, path, ...AS_OF, "--summary-json", spell(path, dir, spelling)]);
        expectRefused(r, "--summary-json", "the input file");
        expect(readFileSync(path, "utf8")).toBe(CASES);
      });
    }
  }

  for (const option of ["--summary-json", "--out", "-o"] as const) {
    for (const spelling of SPELLINGS) {
      it(`report ${option}: ${spelling}`, async () => {
        const { dir, path } = caseload();
        const r = await cli([
          "report",
          path,
          ...AS_OF,
          "--format",
          "json",
          option,
          spell(path, dir, spelling),
        ]);
        expectRefused(r, option === "-o" ? "--out" : option, "the input file");
        expect(readFileSync(path, "utf8")).toBe(CASES);
      });
    }
  }

  it("the input named through a link, the output by its own name (either way round)", async () => {
    const { dir, path } = caseload();
    const link = spell(path, dir, "symbolic link");
    expectRefused(
      await cli(["assess", link, ...AS_OF, "--summary-json", path]),
      "--summary-json",
      "the input file",
    );
    expectRefused(
      await cli(["report", dotRelative(link), ...AS_OF, "--out", path]),
      "--out",
      "the input file",
    );
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  it("a --mapping file or a --rules file is an input too", async () => {
    const { dir, path } = caseload("cases.csv", "Ref,jurisdiction\nc1,scotland\n");
    const mapping = join(dir, "columns.json");
    const mappingText = JSON.stringify({ Ref: "id" });
    writeFileSync(mapping, mappingText);
    for (const command of ["assess", "report"] as const) {
      const r = await cli([
        command,
        path,
        ...AS_OF,
        "--mapping",
        mapping,
        "--summary-json",
        dotRelative(mapping),
      ]);
      expectRefused(r, "--summary-json", "the --mapping file");
      expect(readFileSync(mapping, "utf8")).toBe(mappingText);
    }
    const pack = join(dir, "pack.json");
    const packText = readFileSync(
      new URL("../../examples/rule-packs/local-policy.json", import.meta.url),
      "utf8",
    );
    writeFileSync(pack, packText);
    const r = await cli([
      "assess",
      path,
      ...AS_OF,
      "--mapping",
      mapping,
      "--rules",
      pack,
      "--summary-json",
      pack,
    ]);
    expectRefused(r, "--summary-json", "the --rules file");
    expect(readFileSync(pack, "utf8")).toBe(packText);
    expect(readFileSync(path, "utf8")).toBe("Ref,jurisdiction\nc1,scotland\n");
  });
});

describe("an input that cannot be read is reported before any output is created", () => {
  /** The refusal of an input that is not there (or not a file): names it, never any contents. */
  function expectCannotRead(r: { code: number; stdout: string; stderr: string }, input: string): void {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`protective-orders: cannot read ${input}: `);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  }

  it("named as the output too (by another spelling): no empty input is created", async () => {
    // Before, the summary file was created first, so the missing input was then "read" as no rows (exit 0).
    const { dir } = caseload();
    const missing = join(dir, "missing.jsonl");
    for (const command of ["assess", "report"] as const) {
      const r = await cli([command, missing, ...AS_OF, "--summary-json", dotRelative(missing)]);
      expectCannotRead(r, missing);
      expect(r.stderr).toContain("there is no such file");
      expect(existsSync(missing)).toBe(false);
    }
  });

  it("a missing input with --summary-json, --out or -o elsewhere: none of them is created", async () => {
    // `assess Cases.jsonl --summary-json cases.jsonl` on a case-insensitive file system (the macOS
    // and Windows default) names one file twice, though neither name exists and the names differ:
    // before, the summary was created empty, the input opened it and read no rows (exit 0). That
    // file system cannot be made here; the general fix is tested instead: the input is opened
    // before any output, so a missing one is reported and no output is ever created.
    const { dir } = caseload();
    const missing = join(dir, "Cases.jsonl");
    const summary = join(dir, "summary.json");
    for (const command of ["assess", "review", "validate", "explain"] as const) {
      const r = await cli([command, missing, ...AS_OF, "--summary-json", summary]);
      expectCannotRead(r, missing);
      expect(existsSync(summary), command).toBe(false);
    }
    const out = join(dir, "report.html");
    for (const option of ["--out", "-o"] as const) {
      const r = await cli(["report", missing, ...AS_OF, option, out, "--summary-json", summary]);
      expectCannotRead(r, missing);
      expect(existsSync(summary)).toBe(false);
      expect(existsSync(out)).toBe(false);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it("an input that is a directory: reported, and no output is created", async () => {
    const { dir } = caseload();
    const folder = join(dir, "exports");
    mkdirSync(folder);
    const summary = join(dir, "summary.json");
    for (const command of ["assess", "report"] as const) {
      const r = await cli([command, folder, ...AS_OF, "--summary-json", summary]);
      expectCannotRead(r, folder);
      expect(r.stderr).toContain("it is a directory, not a file");
      expect(existsSync(summary), command).toBe(false);
    }
  });
});

describe("two outputs that are the same file are refused", () => {
  for (const spelling of SPELLINGS) {
    it(`report --out and --summary-json: ${spelling}`, async () => {
      const { dir, path } = caseload();
      const out = join(dir, "report.json");
      writeFileSync(out, "an earlier report\n");
      const r = await cli([
        "report",
        path,
        ...AS_OF,
        "--format",
        "json",
        "--out",
        out,
        "--summary-json",
        spell(out, dir, spelling),
      ]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("--out and --summary-json name the same file");
      expect(readFileSync(path, "utf8")).toBe(CASES);
      // Refused before either was opened: the earlier report is still there.
      expect(readFileSync(out, "utf8")).toBe("an earlier report\n");
    });
  }

  it("report --out and --summary-json, neither there yet, one named through ./ and a ..", async () => {
    const { dir, path } = caseload();
    mkdirSync(join(dir, "sub"));
    const out = join(dir, "report.json");
    const r = await cli([
      "report",
      path,
      ...AS_OF,
      "--out",
      out,
      "--summary-json",
      `${dotRelative(join(dir, "sub"))}/../report.json`,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out and --summary-json name the same file");
    expect(readFileSync(path, "utf8")).toBe(CASES);
    // Refused before either was opened: nothing was written (the summary is not lost under the report).
    expect(existsSync(out)).toBe(false);
  });

  it("report --out through a dangling symbolic link to the --summary-json file", async () => {
    const { dir, path } = caseload();
    const summary = join(dir, "summary.json");
    symlinkSync(summary, join(dir, "dangling.json"));
    const r = await cli([
      "report",
      path,
      ...AS_OF,
      "--out",
      join(dir, "dangling.json"),
      "--summary-json",
      summary,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out and --summary-json name the same file");
    expect(existsSync(summary)).toBe(false);
  });
});

describe("the process's own standard input, output or error as the file (a child process)", () => {
  it("assess --summary-json naming the file standard input is read from (< cases.jsonl)", async () => {
    const { path } = caseload();
    const fd = openSync(path, "r");
    try {
      const r = await run(["assess", ...AS_OF, "--jobs", "1", "--summary-json", path], {
        stdio: [fd, "pipe", "pipe"],
      });
      expectRefused({ ...r, code: r.code ?? -1 }, "--summary-json", "standard input");
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  it("report appending to its own input (>> cases.jsonl)", async () => {
    const { path } = caseload();
    const fd = openSync(path, "a");
    try {
      const r = await run(["report", path, ...AS_OF, "--format", "json"], { stdio: ["pipe", fd, "pipe"] });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("standard output names the same file as the input file");
      // Appending corrupts rather than destroys: the message says what is true of both.
      expect(r.stderr).toContain("writing to it would overwrite or corrupt that file");
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  for (const command of ["assess", "report"] as const) {
    it(`${command} with standard error appending to its own input (2>> cases.jsonl)`, async () => {
      // Before, the warnings and the summary were appended to the caseload. The refusal itself would
      // be appended too, so nothing is written: the exit code alone says why.
      const { path } = caseload();
      const fd = openSync(path, "a");
      try {
        const args =
          command === "report"
            ? ["report", path, ...AS_OF, "--format", "json"]
            : ["assess", path, ...AS_OF, "--jobs", "1"];
        const r = await run(args, { stdio: ["pipe", "pipe", fd] });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(path, "utf8")).toBe(CASES);
    });
  }

  // Standard error as the input wherever else the clash is found first, and before any other check:
  // before, the refusal (or a usage error) was appended to the caseload.
  for (const [name, extra, streams] of [
    ["assess >> cases.jsonl 2>&1", ["assess"], "both"],
    ["report >> cases.jsonl 2>&1", ["report"], "both"],
    ["assess --summary-json cases.jsonl 2>> cases.jsonl", ["assess", "--summary-json"], "stderr"],
    [
      "assess --fields bogus 2>> cases.jsonl (a usage error found before the input is opened)",
      ["assess", "--fields", "bogus"],
      "stderr",
    ],
    ["report --out cases.jsonl 2>> cases.jsonl", ["report", "--out"], "stderr"],
  ] as const) {
    it(`${name}: nothing is written to the input`, async () => {
      const { path } = caseload();
      const fd = openSync(path, "a");
      try {
        const [command, ...options] = extra;
        // An option that takes a file is given the input itself.
        const withFile =
          options.at(-1) === "--summary-json" || options.at(-1) === "--out" ? [...options, path] : options;
        const args = [
          command,
          path,
          ...AS_OF,
          ...(command === "assess" ? ["--jobs", "1"] : ["--format", "json"]),
          ...withFile,
        ];
        const r = await run(args, { stdio: ["pipe", streams === "both" ? fd : "pipe", fd] });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(path, "utf8")).toBe(CASES);
    });
  }

  it("standard error and --summary-json the same file (not the input) is refused, and the input is intact", async () => {
    const { dir, path } = caseload();
    const log = join(dir, "run.log");
    const fd = openSync(log, "w");
    try {
      const r = await run(["assess", path, ...AS_OF, "--jobs", "1", "--summary-json", log], {
        stdio: ["pipe", "pipe", fd],
      });
      expect(r.code).toBe(2);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(log, "utf8")).toContain("standard error name the same file");
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  it("standard error and standard output the same file (> run.log 2>&1) is not a clash", async () => {
    const { dir, path } = caseload();
    const log = join(dir, "run.log");
    const fd = openSync(log, "w");
    try {
      const r = await run(["assess", path, ...AS_OF, "--jobs", "1"], { stdio: ["pipe", fd, fd] });
      expect(r.code).toBe(0);
    } finally {
      closeSync(fd);
    }
    const written = readFileSync(log, "utf8");
    expect(written).toContain('"id":"cli-stranger"');
    expect(written).toContain("2 rows");
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  it("assess with standard output and --summary-json the same file", async () => {
    const { dir, path } = caseload();
    const out = join(dir, "results.jsonl");
    const fd = openSync(out, "w");
    try {
      const r = await run(["assess", path, ...AS_OF, "--jobs", "1", "--summary-json", out], {
        stdio: ["pipe", fd, "pipe"],
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--summary-json and standard output name the same file");
    } finally {
      closeSync(fd);
    }
    // Nothing written: the summary does not overwrite the start of the results.
    expect(readFileSync(out, "utf8")).toBe("");
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });
});

describe("any spelling of the input's path, as a property", () => {
  // A spelling of the input file: absolute or from the working directory, `./` and `sub/..` detours,
  // `/` doubled, through a symbolic link to its directory, or a link to the file itself.
  const spelling = fc.record({
    start: fc.constantFrom("absolute", "relative", "linked directory"),
    detours: fc.array(fc.constantFrom(".", "sub/..", "sub/./..", "sub/../sub/.."), { maxLength: 4 }),
    slashes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
    name: fc.constantFrom("cases.jsonl", "symbolic.jsonl", "hard.jsonl"),
    inputIsSpelled: fc.boolean(),
    command: fc.constantFrom("assess", "review", "validate", "explain", "report"),
    reportOption: fc.constantFrom("--summary-json", "--out"),
  });

  it("whatever the spelling, the run is refused and the input survives", async () => {
    const { dir, path } = caseload();
    mkdirSync(join(dir, "sub"));
    symlinkSync(path, join(dir, "symbolic.jsonl"));
    linkSync(path, join(dir, "hard.jsonl"));
    symlinkSync(dir, join(t.dir, `linked-${fresh}`));
    const linkedDir = join(t.dir, `linked-${fresh}`);
    await fc.assert(
      fc.asyncProperty(spelling, async (s) => {
        const base = s.start === "absolute" ? dir : s.start === "relative" ? dotRelative(dir) : linkedDir;
        const parts = [base, ...s.detours, s.name];
        const spelled = parts
          .map((p, i) => (i === 0 ? p : `${"/".repeat(s.slashes[i % 6] ?? 1)}${p}`))
          .join("");
        const [input, output] = s.inputIsSpelled ? [spelled, path] : [path, spelled];
        const option = s.command === "report" ? s.reportOption : "--summary-json";
        const r = await cli([s.command, input, ...AS_OF, option, output]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${option} names the same file as the input file`);
        expect(readFileSync(path, "utf8")).toBe(CASES);
      }),
      { numRuns: 40 },
    );
  });
});

describe("distinct files still work as before", () => {
  it("assess and report: a copy, a file of the same name elsewhere, an output not there yet", async () => {
    const { dir, path } = caseload();
    const elsewhere = caseload().dir;
    const copy = join(dir, "copy.jsonl");
    writeFileSync(copy, CASES); // the same bytes, another file
    for (const summary of [copy, join(elsewhere, "cases.jsonl"), join(dir, "new-summary.json")]) {
      const r = await cli(["assess", path, ...AS_OF, "-q", "--summary-json", summary]);
      expect(r.code, summary).toBe(0);
      expect(JSON.parse(readFileSync(summary, "utf8")).rows).toBe(2);
    }
    const out = join(dir, "report.json");
    const r = await cli([
      "report",
      "--no-suppression",
      dotRelative(path),
      ...AS_OF,
      "--format",
      "json",
      "--out",
      out,
      "--summary-json",
      `${dotRelative(dir)}/summary.json`,
    ]);
    // Exit 1: the one warning is --no-suppression's (a two-row report otherwise hides its row counts).
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("--no-suppression");
    expect(JSON.parse(readFileSync(out, "utf8")).rows.read).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).rows).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });

  it("standard input with a --summary-json file, and a device as an output", async () => {
    const r = await cli(
      ["assess", "-", ...AS_OF, "-q", "--summary-json", join(t.dir, "stdin-summary.json")],
      {
        input: CASES,
      },
    );
    expect(r.code).toBe(0);
    const { path } = caseload();
    const devNull = await cli(["assess", path, ...AS_OF, "-q", "--summary-json", "/dev/null"]);
    expect(devNull.code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(CASES);
  });
});
