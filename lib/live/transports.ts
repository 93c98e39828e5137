// How a page connects to the live server: WebSocket first, and HTTP long-polling only when a
// WebSocket cannot be opened (a proxy or a school network that blocks it). socket.io's default is
// the other way round, long-polling and then an upgrade: for each student that is an HTTP handshake,
// a poll, a post and the upgrade before the first event, ~4-6 ms of the server's CPU per student
// when a lecture hall joins at once (docs/performance.md). Used by components/live/useSocket.ts and by the
// students of bench:live, so that the benchmark connects as the browser does.
export type TransportName = "websocket" | "polling";

export function connectTransports(): { transports: TransportName[]; tryAllTransports: boolean } {
  return { transports: ["websocket", "polling"], tryAllTransports: true };
}

/** When a connection that fell back to long-polling tries the WebSocket again (then stays on polling). */
export const WEBSOCKET_RETRY_MS = [3_000, 30_000, 300_000];

/** The part of a socket.io client socket used below. */
export interface RetryableSocket {
  connected: boolean;
  io: { engine?: { transport?: { name: string } } };
  on(event: "connect" | "disconnect", listener: () => void): unknown;
  disconnect(): unknown;
  connect(): unknown;
}

/**
 * socket.io never upgrades a connection that fell back to long-polling (its upgrade list is cut to
 * the transports left after the WebSocket failed), so a student whose WebSocket was refused once,
 * e.g. while the server restarted, would stay on polling for the whole lecture. This reconnects such
 * a socket after each delay (the new connection tries the WebSocket first), and gives up after the
 * last: a network that still refuses it really blocks WebSockets. Returns a function that stops it.
 */
export function retryWebSocket(socket: RetryableSocket, delays: readonly number[] = WEBSOCKET_RETRY_MS): () => void {
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onPolling = () => socket.io.engine?.transport?.name === "polling";
  const schedule = () => {
    clearTimeout(timer);
    if (!onPolling() || tries >= delays.length) return;
    timer = setTimeout(() => {
      if (!socket.connected || !onPolling()) return;
      tries++;
      socket.disconnect();
      socket.connect();
    }, delays[tries]);
  };
  socket.on("connect", schedule);
  socket.on("disconnect", () => clearTimeout(timer));
  if (socket.connected) schedule(); // already connected when called
  return () => clearTimeout(timer);
}
