// `protective-orders serve` as a user runs it: the built CLI (dist/cli.js) in a child process, on a port the
// system picks. Resolves once the service has written its "listening" line.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { root } from "./helpers.js";

export const CLI = join(root, "dist/cli.js");

export interface Child {
  readonly child: ChildProcess;
  readonly url: string;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, [CLI, "serve", ...args], {
    cwd: root,
    env: { ...process.env, CI: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString("utf8");
    });
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString("utf8");
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (match) resolve({ child, url: match[1]!, stdout: () => out, stderr: () => err, exited });
    });
    exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${err}`)));
    setTimeout(() => reject(new Error("serve did not start in time")), 45_000).unref();
  });
}
