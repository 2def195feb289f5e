// The `protective-orders` command. The only part of the package that touches the file system,
// the terminal or process exit codes; the core it calls is pure.
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { IsoDateSchema } from "../model/iso-date.js";
import { runDemo } from "./demo.js";

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function parseAsOf(value: string): string {
  if (!IsoDateSchema.safeParse(value).success) throw new InvalidArgumentError("expected a calendar date written YYYY-MM-DD");
  return value;
}

const program = new Command()
  .name("protective-orders")
  .description("Assess stalking cases against UK protective-order law, with the statute behind every answer.")
  .version(packageVersion())
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

program
  .command("demo")
  .description("Validate and assess the bundled example caseload; print a summary and one explained case.")
  .option("--as-of <date>", "apply the law as at this date (default: today in England and Wales)", parseAsOf)
  .option("--case <id>", "which case to explain in full (default: the first with an SPO available)")
  .option("--markdown", "explain the case in Markdown rather than plain text")
  .addHelpText("after", "\nExample:\n  $ protective-orders demo --as-of 2025-06-01\n")
  .action((options: { asOf?: string; case?: string; markdown?: boolean }) => {
    const code = runDemo(options, process.stdout, process.stderr);
    process.exitCode = code;
  });

try {
  program.parse(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") {
    process.exitCode = EXIT_OK;
  } else {
    process.exitCode = EXIT_USAGE;
  }
}
