// The `protective-orders` command: the only part of the package that touches the file system,
// the terminal or process exit codes. Everything it does is in program.ts, run here on the
// process's own streams.
import { main } from "./program.js";

process.exitCode = await main(process.argv.slice(2));
