// The socket.io server's types, typed by the event maps of lib/live/protocol.ts: what the hub
// (server/socket/hub.ts) creates and what the live handlers (server/socket/context.ts and the
// feature modules it serves) and the Redis wiring (server/socket/redis.ts) receive. Apart from the
// hub so that none of them imports it back.
import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketUser } from "@/lib/live/protocol";
import type { Presence } from "./presence";

/** What the handshake stores on a socket: the signed-in user. */
export type SocketData = { user: SocketUser };

/** Between the nodes (through the Redis adapter): a control landed on another node, forget that cached session ("*": all). */
export interface ServerSideEvents {
  "live:changed": (sessionId: string) => void;
}

/** Test hooks, registered only when NEURONLAB_COUNT_QUERIES=1 (server/socket/hub.ts); no page sends them. */
export interface TestHookEvents {
  "debug:queries": (ack: (res: { count: number }) => void) => void;
}

type ListenEvents = ClientToServerEvents & TestHookEvents;

export type Hub = Server<ListenEvents, ServerToClientEvents, ServerSideEvents, SocketData> & {
  closeLive?: () => Promise<void>;
  /** Share presence between nodes (server/socket/redis.ts); before the server listens. */
  usePresence?: (p: Presence) => void;
};

export type HubSocket = Socket<ListenEvents, ServerToClientEvents, ServerSideEvents, SocketData>;
