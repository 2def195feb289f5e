import { Worker } from "node:worker_threads";
import type { CommandSpec } from "./commands.js";
import type { InputRow } from "./input-row.js";
import type { JsonLinesChunk } from "./json-lines.js";
import type { ChunkResult } from "./process-chunk.js";
import type { ProcessedRow } from "./process-row.js";
import type { WorkerRequest } from "./worker.js";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/**
 * A small pool of worker threads that process batches of rows, or chunks of JSON Lines. Batches are handed out in turn and
 * each worker answers its batches in order, so the caller can await them in input order.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private turn = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    size: number,
    private readonly spec: CommandSpec,
    private readonly linesOnly: boolean,
    workerUrl: URL = new URL("./cli-worker.js", import.meta.url),
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(
        workerUrl,
        process.env.PO_OLD
          ? {
              resourceLimits: {
                maxOldGenerationSizeMb: Number(process.env.PO_OLD),
                maxYoungGenerationSizeMb: Number(process.env.PO_YOUNG),
              },
            }
          : {},
      );
      worker.on("message", (m: { id: number; result: never }) => {
        const entry = this.pending.get(m.id);
        this.pending.delete(m.id);
        entry?.resolve(m.result);
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

  /** Processes a batch of rows on the next worker. */
  run(rows: InputRow[]): Promise<ProcessedRow[]> {
    return this.send({ spec: this.spec, rows, linesOnly: this.linesOnly });
  }

  /** Processes a chunk of JSON Lines on the next worker (its bytes are copied, then moved across). */
  runChunk(chunk: JsonLinesChunk): Promise<ChunkResult> {
    const bytes = new Uint8Array(chunk.bytes);
    return this.send({ spec: this.spec, chunk: { ...chunk, bytes } }, [bytes.buffer]);
  }

  private send<T>(request: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      worker.postMessage({ id, ...request }, transfer);
    });
  }

  /** Stops the workers; batches still in flight are dropped (their promises never settle). */
  async close(): Promise<void> {
    this.closing = true;
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
