// A worker thread for the batch commands: processes batches of rows, or chunks of JSON Lines, sent
// by the main thread and sends back their outputs in the same order. Built as its own entry
// (dist/cli-worker.js).
import { parentPort } from "node:worker_threads";
import { type CommandSpec, makeCommand } from "./commands.js";
import type { InputRow } from "./input-row.js";
import type { JsonLinesChunk } from "./json-lines.js";
import { processJsonLinesChunk } from "./process-chunk.js";
import { processRow } from "./process-row.js";

let command: ReturnType<typeof makeCommand> | undefined;

export type WorkerRequest =
  | {
      readonly id: number;
      readonly spec: CommandSpec;
      readonly rows: InputRow[];
      readonly linesOnly: boolean;
    }
  | { readonly id: number; readonly spec: CommandSpec; readonly chunk: JsonLinesChunk };

parentPort?.on("message", (message: WorkerRequest) => {
  command ??= makeCommand(message.spec);
  if ("chunk" in message) {
    parentPort?.postMessage({ id: message.id, result: processJsonLinesChunk(command, message.chunk) });
    return;
  }
  const results = message.rows.map((row) => {
    const result = processRow(command!, row);
    // When the main thread will write the ready-made JSON line, do not copy the record across.
    return message.linesOnly && result.jsonLine !== undefined ? { ...result, record: {} } : result;
  });
  parentPort?.postMessage({ id: message.id, result: results });
});
