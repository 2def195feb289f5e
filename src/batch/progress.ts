import type { Writable } from "node:stream";
import { SingleBar } from "cli-progress";

/** Progress on stderr: rows done, rate and (when the input size is known) percentage and ETA. */
export interface Progress {
  bytes(n: number): void;
  row(): void;
  rows(n: number): void;
  stop(): void;
}

const SILENT: Progress = { bytes: () => {}, row: () => {}, rows: () => {}, stop: () => {} };

/**
 * A progress bar on a terminal, through cli-progress, written to stderr only. It is shown only
 * when stderr is a terminal and stdout is not (records going to the same terminal would share
 * the bar's line), and not when CI is set or when asked to be quiet. It leaves the terminal as it
 * found it, even when the run is interrupted: line wrap stays on (cli-progress cuts the bar to
 * the terminal's width instead), the cursor stays visible, and the bar's line is cleared at the
 * end. NO_COLOR is respected (the bar uses no colour then).
 */
export function createProgress(options: {
  totalBytes?: number | undefined;
  quiet?: boolean | undefined;
  stderr: Writable & { readonly isTTY?: boolean | undefined };
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): Progress {
  const { stderr, env } = options;
  if (options.quiet || !stderr.isTTY || options.stdoutIsTTY || env.CI) return SILENT;
  const plain = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const total = options.totalBytes ?? 0;
  const bar = new SingleBar({
    stream: stderr as NodeJS.WritableStream,
    format:
      total > 0
        ? `${plain ? "" : "\u001b[36m"}{bar}${plain ? "" : "\u001b[0m"} {percentage}% | ETA {eta_formatted} | {rows} rows | {rate} rows/s`
        : "{rows} rows | {rate} rows/s",
    hideCursor: false,
    linewrap: true,
    clearOnComplete: true,
    barCompleteChar: "#",
    barIncompleteChar: ".",
    // A short bar and the ETA before the counts: all of it fits 80 columns (cli-progress cuts the
    // line at the terminal's width, and the ETA came last, past column 80).
    barsize: 20,
    fps: 5,
    etaBuffer: 50,
  });
  let rows = 0;
  let read = 0;
  const started = Date.now();
  bar.start(total > 0 ? total : 1, 0, { rows: 0, rate: 0 });
  const update = (): void => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    bar.update(total > 0 ? Math.min(read, total) : 0, { rows, rate: Math.round(rows / seconds) });
  };
  return {
    bytes(n) {
      read += n;
    },
    row() {
      rows += 1;
      if ((rows & 255) === 0) update();
    },
    rows(n) {
      rows += n;
      update();
    },
    stop() {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Math.max(total, 0), { rows, rate: Math.round(rows / seconds) });
      bar.stop();
    },
  };
}
