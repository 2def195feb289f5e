// The `protective-orders` command: the only part of the package that touches the file system,
// the terminal or process exit codes. Everything it does is in program.ts, run here on the
// process's own streams.
import { main } from "./program.js";

// A reader that stops early (`protective-orders --help | head`) closes the pipe: that ends the
// output, it is not a crash (principle 4). Other write errors are the batch writer's to report
// (StreamWriter: "could not write", exit 2).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE" && process.stdout.listenerCount("error") === 1)
    process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
