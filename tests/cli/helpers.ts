// Helpers for the CLI tests: each test spawns the BUILT command (`node dist/cli.js ...`) in a child
// process with CI=1 set, exactly as a user or a CI job would run it, and asserts on its stdout, stderr
// and exit code. Run `npm run build` first.
import { execFileSync, type StdioOptions, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = join(root, "dist/cli.js");
export const CASELOAD = join(root, "examples/caseload.json");

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first.");
}

/**
 * Extra arguments that keep row processing in the main thread (`--jobs 1`) when the built CLI has a
 * `--jobs` option, to keep the many small runs cheap; empty otherwise. Tests of the pipeline itself
 * (accounting, robustness, large files, closed pipes) run with the defaults instead.
 */
export const SERIAL: readonly string[] = (() => {
  try {
    const help = execFileSync(process.execPath, [CLI, "assess", "--help"], {
      encoding: "utf8",
      env: cliEnv(),
    });
    return /--jobs <n>/.test(help) ? ["--jobs", "1"] : [];
  } catch {
    return [];
  }
})();

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
}

export interface RunOptions {
  /** Written to the child's standard input, then closed. Without it, stdin is empty (closed at once). */
  readonly input?: string | Buffer;
  /** Added to (or, with `undefined`, removed from) the environment; CI=1 is always set unless removed. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Replaces the default stdio (all pipes), e.g. to send stdout to a file descriptor. */
  readonly stdio?: StdioOptions;
  readonly timeoutMs?: number;
}

export function cliEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1" };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node dist/cli.js ...args` to completion. */
export function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? root,
      env: cliEnv(options.env),
      stdio: options.stdio ?? ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`protective-orders ${args.join(" ")} did not finish in time`));
    }, options.timeoutMs ?? 20_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolvePromise({
        code,
        signal,
        stdout: stdoutBytes.toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        stdoutBytes,
      });
    });
    if (child.stdin) {
      child.stdin.on("error", () => {}); // the child may exit before reading all of it
      child.stdin.end(options.input ?? "");
    }
  });
}

/** Parses JSON Lines output (every non-empty line must be JSON). */
export function parseJsonl(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(prefix = "po-cli-"): {
  dir: string;
  cleanup: () => void;
  file: (name: string, content: string | Buffer) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Something that looks like a Node stack trace ("    at fn (file:line:col)") or an unhandled error. */
export const STACK_TRACE = /^\s+at .+[:(]|Unhandled 'error' event|node:internal|Node\.js v\d/m;

/** The date today in England and Wales, YYYY-MM-DD: the CLI's default `--as-of`. */
export function todayInLondon(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

// ---------------------------------------------------------------------------------------------
// Case fixtures. The expected outcomes in the tests follow from the law, not from the CLI's output.
// ---------------------------------------------------------------------------------------------

/**
 * A stranger who follows and loiters, acts he knew or ought to have known were unwelcome (examples of acts
 * associated with stalking "in particular circumstances", PHA 1997 s.2A(3)(a),(e); SPA 2019 s.1(4)(b)), and
 * poses an ongoing risk of psychological harm (SPA 2019 s.1(1)(b), s.1(4)), with nothing in place to
 * protect the victim (`protection: {}`, so an order is necessary, s.1(1)(c)): an SPO is available and
 * is the order to consider first. A stranger is not "associated" (FLA 1996 s.62(3)): no NMO.
 */
export const STRANGER = {
  id: "cli-stranger",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
} as const;

/** The orders are the law of England and Wales: in Scotland none of them is available, and none is first. */
export const SCOTLAND = { id: "cli-scotland", jurisdiction: "scotland" } as const;

/**
 * One act by a stranger long ago and no risk now: no SPO (SPA 2019 s.1(1)(b) needs a present risk), no
 * PHA s.3 injunction (one occasion is not a course of conduct, PHA s.7(3)), no NMO (not associated).
 */
export const NOTHING_AVAILABLE = {
  id: "cli-nothing",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [{ kind: "following", date: "2024-08-01", place: "uk", target: "victim" }],
  risk: { physicalHarm: false, psychologicalHarm: false, ongoing: false },
  protection: {},
  criminal: { status: "no-further-action" },
} as const;

/** Two problems at two paths: the jurisdiction is not one of the three, and `risk.ongoing` is not a boolean. */
export const INVALID_TWO_PROBLEMS = {
  id: "cli-invalid",
  jurisdiction: "mars",
  risk: { ongoing: "perhaps" },
} as const;

export const jsonl = (...rows: readonly unknown[]): string =>
  `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
