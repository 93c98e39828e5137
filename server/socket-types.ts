// The socket.io server's types, typed by the event maps of lib/protocol.ts: what the hub
// (server/hub.ts) creates and what the live handlers (server/live.ts, server/xor-live.ts) and the
// Redis wiring (server/redis.ts) receive. Apart from the hub so that none of them imports it back.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketUser } from "@/lib/protocol";
import type { Presence } from "./presence";

/** What the handshake stores on a socket: the signed-in user. */
export type SocketData = { user: SocketUser };

export type Hub = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData> & {
  closeLive?: () => Promise<void>;
  /** Share presence between nodes (server/redis.ts); before the server listens. */
  usePresence?: (p: Presence) => void;
};

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
