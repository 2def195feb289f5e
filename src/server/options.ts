import { readFileSync } from "node:fs";

/**
 * How the service is set up. Every limit has a safe default; `createServer()` with no options is
 * a service fit to run on one machine behind a load balancer.
 *
 * @example
 * ```ts
 * import { createServer, type ServerOptions } from "protective-orders/server";
 * const options: ServerOptions = { bodyLimit: 512 * 1024, tokens: ["a-long-random-secret"] };
 * const app = createServer(options);
 * ```
 */
export interface ServerOptions {
  /** Largest JSON body, in bytes (default 1 MiB): over it, 413. */
  readonly bodyLimit?: number | undefined;
  /** Largest batch body, in bytes (default 256 MiB): over it, 413, or a final `limit` record once streaming. */
  readonly batchBodyLimit?: number | undefined;
  /** Most rows in one batch (default 1,000,000): rows past it are not read, and a final `limit` record says so. */
  readonly batchRowLimit?: number | undefined;
  /** Most requests in flight at once (default 1024): past it, 503 with `Retry-After`. */
  readonly maxConcurrentRequests?: number | undefined;
  /** Most batch requests in flight at once (default 2): past it, 503 with `Retry-After`. */
  readonly maxConcurrentBatches?: number | undefined;
  /** Milliseconds to receive a whole request (default 300,000; a batch streams within it). */
  readonly requestTimeout?: number | undefined;
  /** Milliseconds a connection may be idle (default 60,000). */
  readonly connectionTimeout?: number | undefined;
  /** Milliseconds an idle keep-alive connection is kept (default 72,000: above common load balancers' 60 s). */
  readonly keepAliveTimeout?: number | undefined;
  /** Bearer tokens, any of which is accepted; none (the default) means no authentication. */
  readonly tokens?: readonly string[] | undefined;
  /** Origins allowed by CORS; none (the default) means no CORS headers at all. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** Where the access log goes, one JSON line a request (method, route, status, duration only); default none. */
  readonly log?: { write(line: string): unknown } | undefined;
  /** Seconds a client is told to wait (`Retry-After`) when the service is overloaded (default 1). */
  readonly retryAfterSeconds?: number | undefined;
}

/**
 * Where `protective-orders serve` listens, and the service's options.
 *
 * @example
 * ```ts
 * import { resolveServeSettings, type ServeSettings } from "protective-orders/server";
 * const settings: ServeSettings = resolveServeSettings({}, {});
 * settings.host; // "127.0.0.1"
 * ```
 */
export interface ServeSettings {
  readonly host: string;
  readonly port: number;
  readonly options: ServerOptions;
}

/** The environment variables `protective-orders serve` reads (the command-line options win). */
export const SERVER_ENVIRONMENT = {
  host: "PROTECTIVE_ORDERS_HOST",
  port: "PROTECTIVE_ORDERS_PORT",
  tokens: "PROTECTIVE_ORDERS_TOKENS",
  tokenFile: "PROTECTIVE_ORDERS_TOKEN_FILE",
  corsOrigins: "PROTECTIVE_ORDERS_CORS_ORIGINS",
  bodyLimit: "PROTECTIVE_ORDERS_BODY_LIMIT",
  batchBodyLimit: "PROTECTIVE_ORDERS_BATCH_BODY_LIMIT",
  batchRowLimit: "PROTECTIVE_ORDERS_BATCH_ROW_LIMIT",
  maxConcurrentRequests: "PROTECTIVE_ORDERS_MAX_CONCURRENT_REQUESTS",
  maxConcurrentBatches: "PROTECTIVE_ORDERS_MAX_CONCURRENT_BATCHES",
  requestTimeout: "PROTECTIVE_ORDERS_REQUEST_TIMEOUT_MS",
} as const;

/**
 * The command line's settings, before the environment fills the gaps.
 *
 * @example
 * ```ts
 * import { resolveServeSettings, type ServeArguments } from "protective-orders/server";
 * const args: ServeArguments = { host: "0.0.0.0", port: "9000" };
 * resolveServeSettings(args, {}).port; // 9000
 * ```
 */
export interface ServeArguments {
  readonly host?: string | undefined;
  readonly port?: string | undefined;
  readonly tokenFile?: string | undefined;
  readonly corsOrigin?: readonly string[] | undefined;
}

/**
 * A setting that cannot be used; the message names the setting, never a secret.
 *
 * @example
 * ```ts
 * import { resolveServeSettings, ServeSettingsError } from "protective-orders/server";
 * try {
 *   resolveServeSettings({ port: "http" }, {});
 * } catch (error) {
 *   error instanceof ServeSettingsError; // true: "port: expected a whole number from 0 to 65535"
 * }
 * ```
 */
export class ServeSettingsError extends Error {
  override readonly name = "ServeSettingsError";
}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new ServeSettingsError(`${name}: expected a whole number from ${min} to ${max}`);
  return n;
}

/** Tokens from a file: one a line; blank lines and lines starting with `#` are skipped. */
export function readTokenFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ServeSettingsError(
      `cannot read the token file ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The settings of `protective-orders serve` from its arguments and the environment: the host
 * defaults to 127.0.0.1 (loopback only: opening the service to a network is a decision to make
 * explicitly) and the port to 8080. Environment variables: PROTECTIVE_ORDERS_HOST, _PORT, _TOKENS
 * (comma-separated), _TOKEN_FILE (one token a line), _CORS_ORIGINS, _BODY_LIMIT,
 * _BATCH_BODY_LIMIT, _BATCH_ROW_LIMIT, _MAX_CONCURRENT_REQUESTS, _MAX_CONCURRENT_BATCHES and
 * _REQUEST_TIMEOUT_MS. Throws {@link ServeSettingsError} for a setting that cannot be used.
 *
 * @example
 * ```ts
 * import { resolveServeSettings } from "protective-orders/server";
 * const settings = resolveServeSettings({}, { PROTECTIVE_ORDERS_PORT: "9000" });
 * settings.port; // 9000
 * ```
 */
export function resolveServeSettings(
  args: ServeArguments,
  env: Readonly<Record<string, string | undefined>>,
): ServeSettings {
  const E = SERVER_ENVIRONMENT;
  const host = args.host ?? env[E.host] ?? "127.0.0.1";
  if (host.trim() === "") throw new ServeSettingsError("host: expected a host name or address");
  const port = wholeNumber("port", args.port ?? env[E.port], 0, 65535) ?? 8080;
  const tokenFile = args.tokenFile ?? env[E.tokenFile];
  const tokens = [...list(env[E.tokens]), ...(tokenFile ? readTokenFile(tokenFile) : [])];
  if (tokenFile && tokens.length === 0)
    throw new ServeSettingsError(`the token file ${tokenFile} holds no token`);
  for (const token of tokens)
    if (token.length < 16 || /\s/.test(token))
      throw new ServeSettingsError("tokens: each must be at least 16 characters, without spaces");
  const corsOrigins = args.corsOrigin ?? list(env[E.corsOrigins]);
  const options: ServerOptions = {
    log: process.stdout,
    ...(tokens.length > 0 ? { tokens } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    bodyLimit: wholeNumber("body limit", env[E.bodyLimit], 1024, 1024 ** 3),
    batchBodyLimit: wholeNumber("batch body limit", env[E.batchBodyLimit], 1024, 64 * 1024 ** 3),
    batchRowLimit: wholeNumber("batch row limit", env[E.batchRowLimit], 1, 1e9),
    maxConcurrentRequests: wholeNumber("most concurrent requests", env[E.maxConcurrentRequests], 1, 1e6),
    maxConcurrentBatches: wholeNumber("most concurrent batches", env[E.maxConcurrentBatches], 1, 1e4),
    requestTimeout: wholeNumber("request timeout", env[E.requestTimeout], 1000, 86_400_000),
  };
  return { host, port, options };
}
