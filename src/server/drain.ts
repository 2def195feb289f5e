import type { Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** How long a connection must have been idle, once shutting down, before it is closed. */
export const DRAIN_IDLE_MS = 2000;
/** How often, while shutting down, open connections are looked at. */
const DRAIN_CHECK_MS = 50;

interface ConnectionState {
  /** Requests whose response has not finished. */
  active: number;
  /** When the last response finished (or the connection opened). */
  idleSince: number;
  /** The bytes read by then: more read since means a request has begun to arrive. */
  bytesAtIdle: number;
}

/**
 * Makes `server.close()` drain keep-alive connections instead of resetting them. Node's `close()` destroys,
 * at once, every connection that looks idle; while the one thread is busy, a client's next request can be
 * waiting unread on such a connection, and it is reset (ECONNRESET, no answer). Here a connection is closed
 * only when it has been idle for {@link DRAIN_IDLE_MS}, nothing has been read on it since its last response,
 * and it is still so after the event loop has read what was waiting (an I/O poll between the look and the
 * close). Requests that arrive meanwhile are answered by the service (503 with `Connection: close`), and
 * that answer closes the connection. `deadlineMs` after the close began, whatever is still open (a request
 * that never finishes arriving: Node stops checking request timeouts once closing) is closed.
 */
export function drainOnClose(
  server: Server,
  { idleMs = DRAIN_IDLE_MS, deadlineMs }: { idleMs?: number; deadlineMs: number },
): void {
  const connections = new Map<Socket, ConnectionState>();
  server.on("connection", (socket: Socket) => {
    connections.set(socket, { active: 0, idleSince: Date.now(), bytesAtIdle: 0 });
    socket.once("close", () => connections.delete(socket));
  });
  server.on("request", (request: { socket: Socket }, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (!state) return;
    state.active += 1;
    response.once("close", () => {
      state.active -= 1;
      state.idleSince = Date.now();
      state.bytesAtIdle = request.socket.bytesRead;
    });
  });
  const idle = (socket: Socket, state: ConnectionState, now: number) =>
    state.active === 0 && socket.bytesRead === state.bytesAtIdle && now - state.idleSince >= idleMs;

  let timer: NodeJS.Timeout | undefined;
  let deadline = Number.POSITIVE_INFINITY;
  const check = () => {
    const now = Date.now();
    if (now >= deadline) {
      for (const socket of connections.keys()) socket.destroy();
      return;
    }
    const candidates = [...connections].filter(([socket, state]) => idle(socket, state, now));
    if (candidates.length === 0) return;
    // setImmediate from a timer runs after this turn's I/O poll: whatever a client had sent is read by then.
    setImmediate(() => {
      for (const [socket, state] of candidates)
        if (connections.get(socket) === state && idle(socket, state, now)) socket.destroy();
    });
  };
  // Node's close() calls closeIdleConnections(): drained here instead, until the last connection has gone.
  server.closeIdleConnections = () => {
    if (timer) return;
    deadline = Date.now() + deadlineMs;
    timer = setInterval(check, DRAIN_CHECK_MS).unref();
    server.once("close", () => clearInterval(timer));
    check();
  };
}
