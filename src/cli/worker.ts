// A worker thread for the batch commands: processes batches of rows sent by the main thread and
// sends back their outputs in the same order. Built as its own entry (dist/cli-worker.js).
import { parentPort } from "node:worker_threads";
import { type CommandSpec, makeCommand } from "./commands.js";
import { processRow } from "./process-row.js";
import type { InputRow } from "./read-rows.js";

let command: ReturnType<typeof makeCommand> | undefined;

parentPort?.on(
  "message",
  (message: { id: number; spec: CommandSpec; rows: InputRow[]; linesOnly: boolean }) => {
    command ??= makeCommand(message.spec);
    const results = message.rows.map((row) => {
      const result = processRow(command!, row);
      // When the main thread will write the ready-made JSON line, do not copy the record across.
      return message.linesOnly && result.jsonLine !== undefined ? { ...result, record: {} } : result;
    });
    parentPort?.postMessage({ id: message.id, results });
  },
);
