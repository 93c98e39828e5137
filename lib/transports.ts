// How a page connects to the live server: WebSocket first, and HTTP long-polling only when a
// WebSocket cannot be opened (a proxy or a school network that blocks it). socket.io's default is
// the other way round, long-polling and then an upgrade: for each student that is an HTTP handshake,
// a poll, a post and the upgrade before the first event, ~4-6 ms of the server's CPU per student
// when a lecture hall joins at once (docs/performance.md). Used by components/useSocket.ts and by the
// students of bench:live, so that the benchmark connects as the browser does.
export type TransportName = "websocket" | "polling";

export function connectTransports(): { transports: TransportName[]; tryAllTransports: boolean } {
  return { transports: ["websocket", "polling"], tryAllTransports: true };
}
