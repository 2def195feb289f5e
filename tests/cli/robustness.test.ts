// The CLI under bad files and bad pipes: empty files, a BOM, CRLF, invalid UTF-8, a truncated last line, a
// large file streamed in bounded memory, the output closed early (`| head`), and a write error (/dev/full).
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  assertBuilt,
  CASELOAD,
  CLI,
  cliEnv,
  jsonl,
  parseJsonl,
  root,
  run,
  SCOTLAND,
  SERIAL,
  STACK_TRACE,
  STRANGER,
  tempDir,
} from "./helpers.js";

// Each test spawns the CLI, some several times: allow for a slow or busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AS_OF = ["--as-of", "2025-06-01"];
/** For the tests of how files are read: rows processed in the main thread (cheaper; same readers). */
const READ = [...AS_OF, ...SERIAL];
const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

const caseload = JSON.parse(readFileSync(CASELOAD, "utf8")) as Record<string, unknown>[];

describe("empty input", () => {
  it("an empty .jsonl, .json or .csv file, or empty standard input: 0 rows, exit 0, a summary, no crash", async () => {
    const results = await Promise.all([
      run(["assess", t.file("empty.jsonl", ""), ...READ]),
      run(["assess", t.file("empty.json", ""), ...READ]),
      run(["assess", t.file("empty.csv", ""), ...READ]),
      run(["assess", ...READ], { input: "" }),
    ]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^assess: 0 rows, 0 processed, 0 invalid$/m);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe("BOM and CRLF", () => {
  it("JSON Lines and a JSON array with a UTF-8 BOM and CRLF line ends read as without them", async () => {
    const lines = `\uFEFF${jsonl(STRANGER, SCOTLAND).replaceAll("\n", "\r\n")}`;
    const array = `\uFEFF[\r\n${JSON.stringify(STRANGER, null, 2).replaceAll("\n", "\r\n")},\r\n${JSON.stringify(SCOTLAND)}\r\n]\r\n`;
    const results = await Promise.all([
      run(["assess", t.file("bom.jsonl", lines), ...READ, "--fields", "row,id,first"]),
      run(["assess", t.file("bom.json", array), ...READ, "--fields", "row,id,first"]),
      run(["assess", ...READ, "--fields", "row,id,first"], { input: lines }),
    ]);
    for (const r of results) {
      expect(r.code, r.stdout).toBe(0);
      expect(parseJsonl(r.stdout)).toEqual([
        { row: 1, id: "cli-stranger", first: "spo" },
        { row: 2, id: "cli-scotland", first: null },
      ]);
    }
  });
});

describe("invalid UTF-8", () => {
  const bad = Buffer.from([0x78, 0xff, 0xfe]); // "x" then two bytes that are never UTF-8
  const badCase = Buffer.concat([
    Buffer.from('{"id":"cli-'),
    bad,
    Buffer.from('","jurisdiction":"scotland"}'),
  ]);

  it("JSON Lines: the line that is not UTF-8 is an unreadable row with its line; the others are read", async () => {
    const file = t.file(
      "bad-utf8.jsonl",
      Buffer.concat([
        Buffer.from(`${JSON.stringify(STRANGER)}\n`),
        badCase,
        Buffer.from(`\n${JSON.stringify(SCOTLAND)}\n`),
      ]),
    );
    const r = await run(["assess", file, ...READ, "--fields", "row,line,id,error,problems"]);
    expect(r.code).toBe(1);
    // Every record has exactly the fields asked for (null where a record has no such value).
    expect(parseJsonl(r.stdout)).toEqual([
      { row: 1, line: 1, id: "cli-stranger", error: null, problems: [] },
      {
        row: 2,
        line: 2,
        id: null,
        error: "unreadable",
        problems: [{ path: "", message: "not valid UTF-8" }],
      },
      { row: 3, line: 3, id: "cli-scotland", error: null, problems: [] },
    ]);
  });

  // BUG (src/batch/read-rows.ts readJsonArray): the JSON array reader decodes with a non-fatal TextDecoder, so
  // invalid bytes silently become U+FFFD: the case is assessed under a corrupted id ("cli-x\uFFFD\uFFFD") and
  // the run exits 0, while the same bytes in JSON Lines are reported. Fix: decode with { fatal: true } per
  // element (or validate the element's bytes) and yield an `unreadable: "not valid UTF-8"` row.
  it("a JSON array: an element that is not UTF-8 is reported, never silently altered", async () => {
    const file = t.file(
      "bad-utf8.json",
      Buffer.concat([
        Buffer.from(`[${JSON.stringify(STRANGER)},\n`),
        badCase,
        Buffer.from(`,\n${JSON.stringify(SCOTLAND)}]\n`),
      ]),
    );
    const r = await run(["assess", file, ...READ, "--fields", "row,line,id,error,problems"]);
    expect(r.stdout).not.toContain("\uFFFD");
    expect(parseJsonl(r.stdout)[1]).toMatchObject({ row: 2, line: 2, error: "unreadable" });
    expect(r.code).toBe(1);
  });

  // BUG (src/batch/read-rows.ts readCsv): csv-parse decodes invalid UTF-8 to U+FFFD, so a corrupted cell is
  // read as text and the row passes (exit 0). Fix: check each chunk with a fatal TextDecoder (streaming) and
  // report the affected record as unreadable, as JSON Lines does.
  it("CSV: a record that is not UTF-8 is reported, never silently altered", async () => {
    const file = t.file(
      "bad-utf8.csv",
      Buffer.concat([
        Buffer.from("id,jurisdiction\ncli-ok,scotland\ncli-"),
        bad,
        Buffer.from(",scotland\ncli-ok2,scotland\n"),
      ]),
    );
    const r = await run(["validate", file, ...SERIAL]);
    expect(r.stdout).not.toContain("\uFFFD");
    expect(parseJsonl(r.stdout)[1]).toMatchObject({ row: 2, line: 3, error: "unreadable" });
    expect(r.code).toBe(1);
  });
});

describe("a truncated file", () => {
  it("JSON Lines cut off mid-line: the last row is unreadable with its line, the rest are read, exit 1", async () => {
    const file = t.file("cut.jsonl", `${jsonl(STRANGER, SCOTLAND)}{"id":"cli-cut","jurisd`);
    const r = await run(["assess", file, ...READ, "--fields", "row,line,id,error"]);
    expect(r.code).toBe(1);
    // Every record has exactly the fields asked for.
    expect(parseJsonl(r.stdout)).toEqual([
      { row: 1, line: 1, id: "cli-stranger", error: null },
      { row: 2, line: 2, id: "cli-scotland", error: null },
      { row: 3, line: 3, id: null, error: "unreadable" },
    ]);
    expect(r.stderr).toMatch(/^assess: 3 rows, 2 processed, 1 invalid$/m);
  });

  it("a JSON array cut off inside an element: the last row is unreadable, exit 1", async () => {
    const file = t.file(
      "cut.json",
      `[${JSON.stringify(STRANGER)},\n${JSON.stringify(SCOTLAND)},\n{"id":"cli-cut","jurisd`,
    );
    const r = await run(["assess", file, ...READ, "--fields", "row,line,id,error"]);
    expect(r.code).toBe(1);
    // Every record has exactly the fields asked for.
    expect(parseJsonl(r.stdout)).toEqual([
      { row: 1, line: 1, id: "cli-stranger", error: null },
      { row: 2, line: 2, id: "cli-scotland", error: null },
      { row: 3, line: 3, id: null, error: "unreadable" },
    ]);
  });

  // BUG (src/batch/read-rows.ts readJsonArray): an array that is never closed is only an error when it holds
  // no complete element. Cut off just after an element (`[a,\nb`), it is read as if complete: exit 0, no
  // warning, although any rows after the cut are lost. Fix: when `!splitter.complete` after rows were read,
  // report it (stderr, and exit 1 or 2), e.g. an unreadable row "the JSON array is not closed".
  it("a JSON array cut off just after an element (no closing `]`) is not reported as complete", async () => {
    const file = t.file("unclosed.json", `[${JSON.stringify(STRANGER)},\n${JSON.stringify(SCOTLAND)}`);
    const r = await run(["assess", file, ...READ, "--fields", "row,id"]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not closed|truncated|incomplete/i);
  });

  // BUG (src/batch/json-array-splitter.ts): text after the array's closing `]` is skipped without a word, so a
  // second array appended to the file (`[a]\n[b]`) loses every row of it and the run exits 0. Fix: treat any
  // non-whitespace after the top-level value as an unreadable row (or an unreadable-input error).
  it("content after the closing `]` of a JSON array is not silently dropped", async () => {
    const file = t.file("two-arrays.json", `[${JSON.stringify(STRANGER)}]\n[${JSON.stringify(SCOTLAND)}]\n`);
    const r = await run(["assess", file, ...READ, "--fields", "row,id,error"]);
    expect(r.code).not.toBe(0);
    expect(parseJsonl(r.stdout).length + (r.code === 2 ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });

  // BUG (src/batch/json-array-splitter.ts): the splitter finds elements by bracket depth only, so one element
  // missing its closing brace swallows every later element into a single unreadable row: input rows 3 and 4
  // are lost, the summary says 2 rows, and nothing says the array was never closed. Fix: at least report
  // the unclosed array (see above); better, resynchronise, e.g. when a `{` starts a line at depth 2 where a
  // key is expected.
  it("an element missing its closing brace does not silently swallow the rows after it", async () => {
    const file = t.file(
      "unbalanced.json",
      `[\n${JSON.stringify(SCOTLAND)},\n{"id":"cli-b",\n${JSON.stringify({ ...SCOTLAND, id: "c" })},\n${JSON.stringify({ ...SCOTLAND, id: "d" })}\n]\n`,
    );
    const r = await run(["validate", file, ...SERIAL]);
    const rows = parseJsonl(r.stdout);
    expect(rows.length === 4 || /not closed|truncated|unbalanced/i.test(r.stderr)).toBe(true);
  });
});

describe("CSV records that are not well formed", () => {
  // BUG (src/batch/read-rows.ts readCsv, csv-parse with skip_records_with_error): after a quote error in one
  // record (`"mars"x`), csv-parse stays inside a quoted field, so the following records are swallowed and
  // come out as ONE unreadable row with a line number past the end of the file: 4 records in, 3 rows out,
  // a valid case lost. Fix: `relax_quotes: true`, or on a skipped record re-read from the next line and
  // report every physical line consumed, so that no record disappears.
  it("a stray quote in one record costs that record only", async () => {
    const file = t.file(
      "quote.csv",
      'id,jurisdiction,notes\ncli-1,scotland,x\ncli-2,"scot"land,x\ncli-3,scotland,x\ncli-4,scotland,x\n',
    );
    const r = await run(["validate", file, ...SERIAL]);
    const rows = parseJsonl(r.stdout);
    expect(rows).toHaveLength(4);
    // The stray quote is read literally (csv-parse relax_quotes), so the record is read and then
    // rejected by validation: it costs that record only.
    expect(rows.map((x) => x.id)).toEqual(["cli-1", "cli-2", "cli-3", "cli-4"]);
    expect(rows[1]).toMatchObject({ row: 2, line: 3, error: "invalid" });
  });

  // BUG (src/batch/read-rows.ts readCsv): the line of a CSV row is csv-parse's `info.lines`, the line the
  // record ENDS on, but InputRow.line is documented as the line it starts on (JSON and JSON Lines do that):
  // a record whose quoted cell spans lines 2-3 is reported at line 3. Fix: remember where the previous
  // record ended (plus skipped blank lines) and report the next record's first line.
  // Known limitation, left open: csv-parse's line count is used, and validate's result records carry no line.
  it("the line of a CSV record with a multi-line cell is the line it starts on", async () => {
    const file = t.file("multiline.csv", 'id,jurisdiction,notes\ncli-1,mars,"two\nlines"\ncli-2,mars,x\n');
    const r = await run(["validate", file, ...SERIAL, "--fields", "row,line,id"]);
    expect(parseJsonl(r.stdout)).toEqual([
      { row: 1, line: 2, id: "cli-1" },
      { row: 2, line: 4, id: "cli-2" },
    ]);
  });

  // BUG (src/batch/read-rows.ts readCsv, via csv-parse `info.lines`): with CRLF line ends, a CRLF inside a
  // quoted cell is counted as two lines, so every later row's line number is one too many (here row 2 is on
  // line 4 but is reported on line 5). Fix: count lines from the raw bytes (LF only) rather than info.lines.
  // Known limitation, left open: csv-parse counts a CRLF inside a quoted cell as two lines.
  it("CRLF: a CRLF inside a quoted cell does not shift the line numbers of later rows", async () => {
    const file = t.file(
      "crlf-multiline.csv",
      'id,jurisdiction,notes\r\ncli-1,mars,"two\r\nlines"\r\ncli-2,mars,x\r\n',
    );
    const r = await run(["validate", file, ...SERIAL, "--fields", "row,line,id"]);
    expect(parseJsonl(r.stdout)[1]).toEqual({ row: 2, line: 4, id: "cli-2" });
  });
});

describe("a large file is streamed in bounded memory", () => {
  const timeBinary = "/usr/bin/time";
  const canMeasure = existsSync(timeBinary) || existsSync("/proc/self/status");

  /** Peak resident memory (kB) and output of a run, by `/usr/bin/time -v` or by polling /proc/<pid>/status. */
  function measure(
    args: string[],
    stdinFile?: string,
  ): Promise<{ code: number | null; stdout: string; stderr: string; peakKb: number }> {
    return new Promise((resolve, reject) => {
      const useTime = existsSync(timeBinary);
      const stdin = stdinFile ? openSync(stdinFile, "r") : "ignore";
      const child = useTime
        ? spawn(timeBinary, ["-v", process.execPath, CLI, ...args], {
            cwd: root,
            env: cliEnv(),
            stdio: [stdin, "pipe", "pipe"],
          })
        : spawn(process.execPath, [CLI, ...args], {
            cwd: root,
            env: cliEnv(),
            stdio: [stdin, "pipe", "pipe"],
          });
      if (typeof stdin === "number") closeSync(stdin);
      let stdout = "";
      let stderr = "";
      let polled = 0;
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
      });
      child.stderr!.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
      });
      const poll = useTime
        ? undefined
        : setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
              if (m) polled = Math.max(polled, Number(m[1]));
            } catch {
              // the process has exited
            }
          }, 10);
      child.on("error", reject);
      child.on("close", (code) => {
        if (poll) clearInterval(poll);
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        resolve({ code, stdout, stderr, peakKb: useTime ? Number(m?.[1] ?? Number.NaN) : polled });
      });
    });
  }

  /** Writes `rows` cases (the caseload repeated, each with 10 kB of notes) as JSON Lines and as a JSON array. */
  function generate(name: string, rows: number): { lines: string; array: string; size: number } {
    const lines = join(t.dir, `${name}.jsonl`);
    const array = join(t.dir, `${name}.json`);
    const lfd = openSync(lines, "w");
    const afd = openSync(array, "w");
    const notes = "n".repeat(10_000);
    let size = 0;
    writeSync(afd, "[\n");
    for (let i = 0; i < rows; i++) {
      const line = JSON.stringify({ ...caseload[i % caseload.length], id: `big-${i + 1}`, notes });
      size += writeSync(lfd, `${line}\n`);
      writeSync(afd, `${i > 0 ? ",\n" : ""}${line}`);
    }
    writeSync(afd, "\n]\n");
    closeSync(lfd);
    closeSync(afd);
    return { lines, array, size };
  }

  function expectEveryRow(r: { code: number | null; stdout: string; stderr: string }, rows: number): void {
    expect(r.code, r.stderr).toBe(0);
    const out = parseJsonl(r.stdout).map((x) => x.row);
    expect(out.length).toBe(rows);
    expect(out.every((row, i) => row === i + 1)).toBe(true); // in input order, none lost or repeated
    expect(r.stderr).toMatch(new RegExp(`^assess: ${rows} rows, ${rows} processed, 0 invalid$`, "m"));
  }

  // ~25 MB and ~100 MB. Holding the input would make the peak grow with the file; streaming keeps it flat
  // (whatever fixed overhead the CLI has, e.g. worker threads, is the same for both sizes).
  const SMALL = 2500;
  const LARGE = 10_000;
  it("JSON Lines from a file and a JSON array on standard input: every row out, peak memory flat as the file grows fourfold", async (ctx) => {
    if (!canMeasure) ctx.skip();
    const small = generate("small", SMALL);
    const large = generate("large", LARGE);
    const growth = large.size - small.size;
    const args = ["assess", ...AS_OF, "--fields", "row"];
    for (const [smallRun, largeRun] of [
      [() => measure([...args, small.lines]), () => measure([...args, large.lines])],
      [() => measure(args, small.array), () => measure(args, large.array)],
    ] as const) {
      const a = await smallRun();
      const b = await largeRun();
      if (!(a.peakKb > 0) || !(b.peakKb > 0)) ctx.skip(); // could not measure here
      expectEveryRow(a, SMALL);
      expectEveryRow(b, LARGE);
      expect(
        b.peakKb - a.peakKb,
        `peak ${b.peakKb} kB for ${LARGE} rows vs ${a.peakKb} kB for ${SMALL}`,
      ).toBeLessThan((0.6 * growth) / 1024);
    }
  }, 90_000);
});

describe("the output closed early (like `| head`)", () => {
  let result: {
    code: number | null;
    signal: NodeJS.Signals | null;
    first: string;
    stderr: string;
    summary: Record<string, unknown>;
  };
  const n = 3000;
  beforeAll(async () => {
    const input = t.file(
      "many.jsonl",
      jsonl(
        ...Array.from({ length: n }, (_, i) => ({ ...caseload[i % caseload.length], id: `head-${i + 1}` })),
      ),
    );
    const summaryFile = join(t.dir, "head-summary.json");
    result = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, "assess", input, ...AS_OF, "--summary-json", summaryFile], {
        cwd: root,
        env: cliEnv(),
      });
      let out = "";
      let first = "";
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
      });
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
        if (!first && out.includes("\n")) {
          first = out.slice(0, out.indexOf("\n"));
          child.stdout.destroy();
        }
      });
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error("the CLI did not stop after its output was closed"));
      }, 20_000);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, "utf8")) : {};
        resolve({ code, signal, first, stderr, summary });
      });
    });
  });

  // REGRESSION in the uncommitted worker-thread change (src/batch/worker-pool.ts; passes with the committed
  // CLI): when the reader goes away, runBatch stops and WorkerPool.close() terminates the workers while
  // batches are still in flight; a terminated worker exits with code 1, the 'exit' handler rejects the
  // pending batches nobody awaits any more, and Node dies of the unhandled rejection: a stack trace
  // ("a worker thread stopped (exit code 1)"), exit 1, and no --summary-json. Fix: in close(), set a
  // `closing` flag that the 'exit' handler checks (or settle pending batches quietly), and attach a catch
  // to the in-flight promises that are dropped.
  it("stops promptly and exits cleanly, with no stack trace", () => {
    expect(JSON.parse(result.first)).toMatchObject({ row: 1, id: "head-1" });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  // REGRESSION, same cause as above: the process dies before it writes --summary-json.
  it("--summary-json is still written, and its counts add up", () => {
    const s = result.summary as { rows: number; processed: number; invalid: number };
    expect(s.rows).toBeGreaterThan(0);
    expect(s.processed + s.invalid).toBe(s.rows);
  });

  // BUG (src/cli/batch.ts runBatch: `if (!writer.closed) writeSummary(summary)`): when standard output is
  // closed early, the summary on stderr is suppressed although stderr is still open, and --summary-json
  // reports the rows read before the stop ("rows": a handful) as if that were the whole input, with exit
  // 0. So most input rows are accounted for neither in the output nor in a summary. Fix: always write the
  // summary to stderr (ignoring EPIPE there), and record in it that the output was closed after N rows
  // (e.g. `"outputClosedEarly": true`), or keep counting the remaining rows.
  it("the rows not written are still accounted for: the summary goes to stderr and says the output stopped", () => {
    expect(result.stderr).toMatch(/^assess: \d+ rows/m);
    const s = result.summary as Record<string, unknown>;
    expect(s.rows === n || Object.keys(s).some((k) => /closed|stopped|truncated|incomplete/i.test(k))).toBe(
      true,
    );
  });

  // BUG (src/cli/main.ts rules/schema and src/cli/demo.ts): these commands write to process.stdout with no
  // 'error' listener, so a reader that goes away (EPIPE) crashes Node with an "Unhandled 'error' event"
  // stack trace and exit 1. Fix: route them through StreamWriter (or a process.stdout 'error' handler that
  // treats EPIPE as a quiet end), as the batch commands do.
  it.each([["demo"], ["rules"], ["schema"], ["--help"], ["assess --help"]])(
    "`%s` with its output already closed exits cleanly, with no stack trace",
    async (command) => {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, ...command.split(" "), ...(command === "demo" ? AS_OF : [])],
          {
            cwd: root,
            env: cliEnv(),
          },
        );
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
          stderr += d;
        });
        child.stdout.destroy(); // closed before the command writes anything
        child.on("close", (code) => resolve({ code, stderr }));
      });
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.code).toBe(0);
    },
  );
});

describe.skipIf(!existsSync("/dev/full"))("a write error (standard output is /dev/full)", () => {
  function toDevFull(args: string[]) {
    const fd = openSync("/dev/full", "w");
    return run(args, { stdio: ["pipe", fd, "pipe"] }).finally(() => closeSync(fd));
  }

  it.each([
    ["assess", "json"],
    ["review", "csv"],
  ])("%s --format %s: reported on stderr with exit 2, never a silent loss", async (command, format) => {
    const r = await toDevFull([command, CASELOAD, ...AS_OF, "--format", format]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not write the output.*ENOSPC/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it("explain: reported with exit 2", async () => {
    const r = await toDevFull(["explain", CASELOAD, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not write the output/);
  });

  // BUG (src/cli/main.ts rules/schema, src/cli/demo.ts): an unhandled 'error' event: a Node stack trace and
  // exit 1, which by the documented exit codes means "some rows invalid", not "could not write the output"
  // (2). Fix: as for EPIPE above, write through StreamWriter and return EXIT.usage on OutputError.
  it.each([["rules"], ["schema"], ["demo"]])(
    "`%s`: reported with a message and exit 2, no stack trace",
    async (command) => {
      const r = await toDevFull(command === "demo" ? [command, ...AS_OF] : [command]);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).toMatch(/could not write/);
      expect(r.code).toBe(2);
    },
  );
});
