// The drain's bounds, in process: an idle keep-alive connection is closed once idle for DRAIN_IDLE_MS, and a
// request that never finishes arriving cannot hold the shutdown past the request timeout (Node stops checking
// request timeouts once the server is closing).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { DRAIN_IDLE_MS } from "../../src/server/drain.js";
import { startServer } from "./helpers.js";

function openSocket(port: number): Promise<ReturnType<typeof connect>> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => resolve(socket));
    socket.on("error", reject);
  });
}

describe("draining on close", () => {
  it("closes an idle keep-alive connection once it has been idle long enough, not at once", async () => {
    const server = await startServer();
    const socket = await openSocket(server.port);
    const answered = new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (b: Buffer) => {
        text += b.toString("utf8");
        if (text.includes('{"status":"ok"}')) resolve(text);
      });
    });
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(await answered).toContain("HTTP/1.1 200");
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    const started = Date.now();
    await server.close();
    const at = await closed;
    expect(at - started).toBeGreaterThanOrEqual(DRAIN_IDLE_MS - 100);
    expect(at - started).toBeLessThan(DRAIN_IDLE_MS + 3000);
  }, 20_000);

  it("closes a request that never finishes arriving at the request timeout", async () => {
    const server = await startServer({ requestTimeout: 1500 });
    const socket = await openSocket(server.port);
    socket.on("error", () => {});
    socket.write(
      "POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(6000);
    socket.destroy();
  }, 20_000);
});
