import type { FastifyInstance } from "fastify";
import { createServer } from "./create-server.js";
import type { ServeSettings } from "./options.js";

/**
 * Starts the service and shuts it down gracefully on SIGTERM or SIGINT: it stops listening, answers
 * requests that arrive meanwhile on open connections with 503, lets those in flight finish, then
 * resolves. Writes one JSON line when listening (with the address) and one when stopped.
 *
 * @example
 * ```ts
 * import { resolveServeSettings, serve } from "protective-orders/server";
 * const app = await serve(resolveServeSettings({ port: "0" }, process.env));
 * await app.close();
 * ```
 */
export async function serve(
  settings: ServeSettings,
  out: { write(line: string): unknown } = process.stdout,
): Promise<FastifyInstance> {
  const app = createServer(settings.options);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    out.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "shutting down", signal })}\n`);
    app.close().then(
      () => out.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "stopped" })}\n`),
      () => {
        process.exitCode = 1;
      },
    );
  };
  // Before listening, so that a signal at any moment after start-up is a graceful stop.
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  app.addHook("onClose", (_instance, done) => {
    process.removeListener("SIGTERM", stop);
    process.removeListener("SIGINT", stop);
    done();
  });
  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const url =
    address && typeof address === "object"
      ? `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  out.write(`${JSON.stringify({ time: new Date().toISOString(), msg: "listening", url })}\n`);
  return app;
}
