// Helpers for the service tests: a real server listening on an ephemeral port of the loopback
// address only, and a real HTTP client (Node's fetch, and node:http where a test must stream).
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { CaseFacts } from "../../src/index.js";
import { createServer, type ServerOptions } from "../../src/server/index.js";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CASELOAD = JSON.parse(readFileSync(join(root, "examples/caseload.json"), "utf8")) as CaseFacts[];
export const AS_OF = "2025-06-01";

export interface Running {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A server from src/ on 127.0.0.1 and a port the system picks. */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const app = createServer(options);
  // A deep accept queue: the concurrency test opens 1,000 connections at once.
  await app.listen({ host: "127.0.0.1", port: 0, backlog: 2048 });
  const address = app.server.address();
  if (!address || typeof address !== "object") throw new Error("no address");
  if (address.address !== "127.0.0.1") throw new Error("the test server must listen on loopback only");
  return {
    app,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () => app.close(),
  };
}

/** POSTs JSON (or raw text) and returns status, headers and body text. */
export async function post(
  url: string,
  body: unknown,
  init: { headers?: Record<string, string>; raw?: boolean } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * Streams a request body from a generator of strings through node:http, reading the response
 * while it sends (full duplex), and collects the response. Resolves once both are done.
 */
export function streamRequest(
  url: string,
  lines: Iterable<string>,
  headers: Record<string, string> = { "content-type": "application/x-ndjson" },
  onResponse?: (response: IncomingMessage) => void,
): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (response) => {
      onResponse?.(response);
      const parts: Buffer[] = [];
      response.on("data", (b: Buffer) => parts.push(b));
      response.on("end", () =>
        resolvePromise({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(parts).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    req.on("error", reject);
    const iterator = lines[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        const next = iterator.next();
        if (next.done) {
          req.end();
          return;
        }
        if (!req.write(next.value)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

/** Every string value anywhere in a JSON value (for the checks that no value is echoed or logged). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
