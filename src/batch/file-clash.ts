// Outputs that would destroy or corrupt an input. Every batch command and `report` open (and
// truncate) their output files before reading a row, so a bad output path fails first; an output
// that IS an input (the same name, another spelling, a symbolic or hard link) would then be emptied
// before it is read, and one opened for appending (`>> cases.jsonl`, `2>> cases.jsonl`) would have
// lines added to it. Every command asks this one check before it opens any output.
import { type BigIntStats, fstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve, sep } from "node:path";
import type { InputSource } from "./open-input.js";

/** A file a command reads or writes, with the option (or argument) that names it. */
export interface NamedFile {
  /** How the message names it: `"the input file"`, `"the --mapping file"`, `"--summary-json"`, `"standard output"`… */
  readonly option: string;
  /** The path as given (an output named `-` is a file of that name, as it is opened); none: not compared. */
  readonly path?: string | undefined;
  /** An open file descriptor instead of a path (an opened input, the process's own standard streams). */
  readonly fd?: number | undefined;
  /**
   * The process's own standard output or error: the two may be one file (the everyday
   * `> run.log 2>&1`), so that pair is never a clash; and when standard error is an input, the
   * refusal is not written at all (it would land in the input).
   */
  readonly stream?: "stdout" | "stderr" | undefined;
}

/** Why a command's files cannot be opened: the message, and the output that would be written. */
export interface FileClash {
  /** Names the options (never what is in the files). */
  readonly message: string;
  /** The output that is the same file as an input or as another output. */
  readonly output: NamedFile;
  /** Whether that output would destroy or corrupt an input (not only another output). */
  readonly isInput: boolean;
}

/** The most symbolic links followed to find where a file that does not exist yet would be created. */
const MAX_LINKS = 40;

function regularFileIdentity(stat: BigIntStats): string | undefined {
  // Only a regular file is destroyed or corrupted by being written to; a terminal, a pipe or /dev/null is
  // not (`report /dev/stdin --summary-json /dev/stdout` is both the terminal, and fine).
  return stat.isFile() ? `file ${stat.dev}:${stat.ino}` : undefined;
}

/**
 * Where a file that does not exist yet would be created: its symbolic links followed (a dangling
 * link is written through), then its directory's real path, as the kernel resolves it (`dir/..`
 * through a linked `dir` is the link target's parent, so nothing is normalised by hand).
 */
function whereCreated(path: string): string {
  let target = path;
  for (let links = 0; links < MAX_LINKS; links++) {
    let link: string;
    try {
      link = readlinkSync(target);
    } catch {
      break; // not a link (or not there): this is the name to create
    }
    target = isAbsolute(link) ? link : `${dirname(target)}${sep}${link}`;
  }
  try {
    return `path ${realpathSync.native(dirname(target))}${sep}${basename(target)}`;
  } catch {
    // Its directory is missing too: opening it will fail with its own message.
    return `path ${resolve(target)}`;
  }
}

/** What makes two names the same file, or `undefined` when nothing can be destroyed through it. */
function identityOf(file: NamedFile): string | undefined {
  if (file.fd !== undefined) {
    try {
      return regularFileIdentity(fstatSync(file.fd, { bigint: true }));
    } catch {
      return undefined;
    }
  }
  if (file.path === undefined || file.path === "") return undefined;
  try {
    return regularFileIdentity(statSync(file.path, { bigint: true }));
  } catch (error) {
    // Not there yet: compared by where it would be created. Any other failure (permission, a
    // file used as a directory) fails again, with its own message, when the file is opened.
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? whereCreated(file.path) : undefined;
  }
}

/**
 * Why these outputs cannot be opened, or `undefined` when they can: an output that is the same file
 * as an input (compared by device and inode when it exists, by where it would be created otherwise,
 * so a relative or absolute spelling, a symbolic link or a hard link is the same file), or two
 * outputs that are the same file (but standard output and standard error, `> run.log 2>&1`). Standard
 * error is compared first, so that when it is an input that is the clash found (see
 * {@link NamedFile.stream}). Standard input, output and error count only when they are regular files
 * (`< cases.jsonl`, `>> cases.jsonl`, `2>> cases.jsonl`); terminals, pipes and devices are never a
 * clash. The message names the options, never what is in the files. Call it before opening any
 * output.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * findFileClash([{ option: "the input file", path: "cases.jsonl" }], [{ option: "--summary-json", path: "./cases.jsonl" }]);
 * // { message: "--summary-json names the same file as the input file: writing to it would overwrite or corrupt that file; choose another file for --summary-json", … }
 * ```
 */
export function findFileClash(
  inputs: readonly NamedFile[],
  outputs: readonly NamedFile[],
): FileClash | undefined {
  const inputIds = inputs.map((file) => ({ file, id: identityOf(file) }));
  const outputIds = outputs.map((file) => ({ file, id: identityOf(file) }));
  const stderrFirst = [
    ...outputIds.filter((output) => output.file.stream === "stderr"),
    ...outputIds.filter((output) => output.file.stream !== "stderr"),
  ];
  for (const output of stderrFirst) {
    if (output.id === undefined) continue;
    const input = inputIds.find((candidate) => candidate.id === output.id);
    if (input)
      return {
        message: `${output.file.option} names the same file as ${input.file.option}: writing to it would overwrite or corrupt that file; choose another file for ${output.file.option}`,
        output: output.file,
        isInput: true,
      };
  }
  const standardPair = (a: NamedFile, b: NamedFile) =>
    a.stream !== undefined && b.stream !== undefined && a.stream !== b.stream;
  for (const [i, output] of outputIds.entries()) {
    if (output.id === undefined) continue;
    const other = outputIds
      .slice(i + 1)
      .find((candidate) => candidate.id === output.id && !standardPair(output.file, candidate.file));
    if (other)
      return {
        message: `${output.file.option} and ${other.file.option} name the same file: one would overwrite the other; choose two files`,
        output: output.file,
        isInput: false,
      };
  }
  return undefined;
}

/** The file descriptor of a stream of the process (`process.stdin`, `process.stdout`), if it has one. */
function descriptorOf(stream: unknown): number | undefined {
  const fd = (stream as { fd?: unknown } | undefined)?.fd;
  return typeof fd === "number" ? fd : undefined;
}

/**
 * A command's input as {@link findFileClash} compares it: the file opened (by its descriptor, so
 * the file compared is the file read), or standard input (by its descriptor, when it is the
 * process's own).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * inputNamed(openInputSource("cases.jsonl"), process.stdin); // { option: "the input file", fd: 21 }
 * ```
 */
export function inputNamed(source: InputSource, stdin: unknown): NamedFile {
  return source.file !== undefined
    ? { option: "the input file", fd: source.fd }
    : { option: "standard input", fd: descriptorOf(stdin) };
}

/**
 * Standard output as {@link findFileClash} compares it: by its descriptor, when it is the
 * process's own (a test's in-memory stream has none, and is never a clash).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * outputNamedStdout(process.stdout); // { option: "standard output", fd: 1, stream: "stdout" }
 * ```
 */
export function outputNamedStdout(stdout: unknown): NamedFile {
  return { option: "standard output", fd: descriptorOf(stdout), stream: "stdout" };
}

/**
 * Standard error as {@link findFileClash} compares it: by its descriptor, when it is the process's
 * own (it may be standard output's file, `> run.log 2>&1`: that pair is never a clash).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * outputNamedStderr(process.stderr); // { option: "standard error", fd: 2, stream: "stderr" }
 * ```
 */
export function outputNamedStderr(stderr: unknown): NamedFile {
  return { option: "standard error", fd: descriptorOf(stderr), stream: "stderr" };
}

/**
 * True when standard error is the same regular file as the input a command is about to read (the
 * file named, or standard input when none is): then no message may be written at all, not even a
 * usage error found before the input is opened, or it would land in the input. A path that cannot
 * be looked at is not a clash here (opening it reports it).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * standardErrorIsTheInput("cases.jsonl", process.stdin, process.stderr); // true under `2>> cases.jsonl`
 * ```
 */
export function standardErrorIsTheInput(file: string | undefined, stdin: unknown, stderr: unknown): boolean {
  const errorId = identityOf({ option: "standard error", fd: descriptorOf(stderr) });
  if (errorId === undefined || !errorId.startsWith("file ")) return false;
  const input =
    file !== undefined
      ? { option: "the input file", path: file }
      : { option: "standard input", fd: descriptorOf(stdin) };
  return identityOf(input) === errorId;
}
