// When to try reconnecting after the connection dropped: exponential backoff with full jitter.
// socket.io's own backoff stops jittering once it reaches its cap (every client then retries on the
// same beat: after a restart 2,000 students would knock at once, every few seconds); here each
// attempt is spread uniformly between a floor and the current ceiling. Pure; used by
// components/live/useSocket.ts and by bench/restart.ts.

export const RECONNECT_FLOOR_MS = 200;
export const RECONNECT_BASE_MS = 1000;
/** The ceiling: once the server is back, every client is back within this (plus its handshake). */
export const RECONNECT_CAP_MS = 4000;

/** The delay before reconnection attempt number `attempt` (0 first), given random in [0, 1). */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
  return Math.round(RECONNECT_FLOOR_MS + Math.min(Math.max(random, 0), 1) * (ceiling - RECONNECT_FLOOR_MS));
}
