// A bare node:net server for the service benchmark (bench/service.mjs): the floor of this machine
// under the HTTP service, on the same client and connection. No HTTP parser, no Fastify: requests
// are split by their Content-Length, and every response is one hand-built HTTP/1.1 head and body.
//   node bench/bare-socket-server.mjs fixed <bytes>   answers every request with <bytes> bytes
//   node bench/bare-socket-server.mjs assess <asOf>   does what the service does for POST /v1/assess:
//                                                     JSON.parse, assess, jsonUtf8Bytes
// Prints {"url": ...} on standard output once listening.
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [mode = "fixed", arg = "15"] = process.argv.slice(2);
const head = (length) =>
  Buffer.from(
    `HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${length}\r\n\r\n`,
  );

let answer;
if (mode === "fixed") {
  const body = Buffer.alloc(Number(arg), 0x61);
  const whole = Buffer.concat([head(body.length), body]);
  answer = () => [whole];
} else {
  const { assess } = await import(pathToFileURL(path.join(root, "dist/index.js")).href);
  const { jsonUtf8Bytes } = await import(pathToFileURL(path.join(root, "dist/server.js")).href);
  answer = (body) => {
    const bytes = jsonUtf8Bytes(assess(JSON.parse(body.toString("utf8")), { asOf: arg }));
    return [head(bytes.length), bytes];
  };
}

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(pending.toString("latin1", 0, end));
      const bodyLength = length ? Number(length[1]) : 0;
      if (pending.length < end + 4 + bodyLength) return;
      const body = pending.subarray(end + 4, end + 4 + bodyLength);
      pending = pending.subarray(end + 4 + bodyLength);
      // One write of head and body together, as the service's writev does.
      socket.cork();
      let parts;
      try {
        parts = answer(body);
      } catch {
        // A request the work cannot take: answered 500, so the client sees it rather than waiting.
        parts = [Buffer.from("HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n")];
      }
      for (const part of parts) socket.write(part);
      socket.uncork();
    }
  });
  socket.on("error", () => socket.destroy());
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
});
process.on("SIGTERM", () => process.exit(0));
