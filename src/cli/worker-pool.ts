import { Worker } from "node:worker_threads";
import type { CommandSpec } from "./commands.js";
import type { ProcessedRow } from "./process-row.js";
import type { InputRow } from "./read-rows.js";

/**
 * A small pool of worker threads that process batches of rows. Batches are handed out in turn and
 * each worker answers its batches in order, so the caller can await them in input order.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (r: ProcessedRow[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private turn = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    size: number,
    private readonly spec: CommandSpec,
    private readonly linesOnly: boolean,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL("./cli-worker.js", import.meta.url));
      worker.on("message", (m: { id: number; results: ProcessedRow[] }) => {
        const entry = this.pending.get(m.id);
        this.pending.delete(m.id);
        entry?.resolve(m.results);
      });
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const entry of this.pending.values()) entry.reject(this.failure);
        this.pending.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (code !== 0 && !this.closing) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** Processes a batch on the next worker. */
  run(rows: InputRow[]): Promise<ProcessedRow[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, spec: this.spec, rows, linesOnly: this.linesOnly });
    });
  }

  /** Stops the workers; batches still in flight are dropped (their promises never settle). */
  async close(): Promise<void> {
    this.closing = true;
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
