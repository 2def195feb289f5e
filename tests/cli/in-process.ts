// Runs the CLI in-process: `main(argv, io)` from src/cli/program.ts on in-memory streams, with
// CI=1 (no progress bar) and, for --jobs, the BUILT worker (dist/cli-worker.js: run `npm run build`
// first). Far cheaper than a child process per run, so properties can try many inputs.
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/program.js";

export const BUILT_WORKER = new URL("../../dist/cli-worker.js", import.meta.url);
export const FAILING_WORKER = new URL("./fixtures/failing-worker.mjs", import.meta.url);
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface InProcessOptions {
  /** Standard input, handed over in chunks of these sizes (default: one chunk). */
  readonly input?: string | Buffer;
  readonly chunkSizes?: readonly number[];
  readonly now?: () => Date;
  readonly workerUrl?: URL;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
}

function chunks(input: Buffer, sizes: readonly number[]): Buffer[] {
  if (sizes.length === 0) return input.length > 0 ? [input] : [];
  const out: Buffer[] = [];
  let at = 0;
  let i = 0;
  while (at < input.length) {
    const size = Math.max(1, sizes[i++ % sizes.length]!);
    out.push(input.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** `protective-orders ...args`, in this process. */
export async function cli(args: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.stdoutIsTTY === true });
  const stderr = Object.assign(new PassThrough(), {
    isTTY: options.stderrIsTTY === true,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const input = options.input === undefined ? Buffer.alloc(0) : Buffer.from(options.input);
  const stdin = Readable.from(chunks(input, options.chunkSizes ?? []));
  const code = await main(args, {
    stdin,
    stdout,
    stderr,
    env: options.env ?? { CI: "1" },
    workerUrl: options.workerUrl ?? BUILT_WORKER,
    ...(options.now ? { now: options.now } : {}),
  });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
