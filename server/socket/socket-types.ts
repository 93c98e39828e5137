// The socket.io server's types, typed by the event maps of lib/live/protocol.ts: what the hub
// (server/socket/hub.ts) creates and what the live handlers (server/socket/live.ts, server/socket/xor-live.ts) and the
// Redis wiring (server/socket/redis.ts) receive. Apart from the hub so that none of them imports it back.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketUser } from "@/lib/live/protocol";
import type { Presence } from "./presence";

/** What the handshake stores on a socket: the signed-in user. */
export type SocketData = { user: SocketUser };

export type Hub = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData> & {
  closeLive?: () => Promise<void>;
  /** Share presence between nodes (server/socket/redis.ts); before the server listens. */
  usePresence?: (p: Presence) => void;
};

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
