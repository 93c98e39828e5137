// Test support: real socket.io clients that authenticate with a Client's session cookie.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/protocol";
import type { Client } from "./http-client";
import type { StudentSessionState } from "@/lib/live/session-protocol";
import { studentView } from "@/lib/live/session-view";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(base: string, client?: Client, opts: { reconnect?: boolean } = {}): Promise<TestSocket> {
  const socket: TestSocket = io(base, {
    extraHeaders: client ? { cookie: client.cookieHeader() } : {},
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      socket.close();
      reject(err);
    };
    socket.once("connect_error", onError);
    // Once connected, later connection errors are the reconnection's business, not ours.
    socket.once("connect", () => {
      socket.off("connect_error", onError);
      resolve(socket);
    });
  });
}

/** Resolves with the first event of this name that satisfies the predicate. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  accept: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${String(event)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(args[0]);
    };
    socket.on(event, handler as never);
  });
}

/**
 * The next session view of student `userId` (as the page derives it from the one `session:update`
 * broadcast to the whole session) that satisfies the predicate.
 */
export function nextView(
  socket: TestSocket,
  userId: string,
  accept: (view: StudentSessionState) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<StudentSessionState> {
  return nextEvent(socket, "session:update", (u) => accept(studentView(u, userId, null)), timeoutMs).then((u) => studentView(u, userId, null));
}
