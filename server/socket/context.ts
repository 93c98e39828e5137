// What every live feature module shares (server/socket/session-events.ts, control-events.ts,
// experiment-events.ts, xor-live.ts): per node, the hub, the session cache, the progress buffer,
// presence and how a change reaches the rooms and the other nodes (`Live`); per socket, who is
// calling and the rights checks (`Caller`). Handlers go through `on` (server/socket/guard.ts).
import type { SocketUser } from "@/lib/live/protocol";
import { DomainError } from "../errors";
import * as sessions from "../live/sessions";
import { boardState } from "../live/board-state";
import { sessionCache } from "./session-cache";
import { progressBuffer, type ProgressBuffer } from "./progress-buffer";
import type { Presence } from "./presence";
import { boardRoom, sessionKey, sessionRoom } from "./rooms";
import type { Hub, HubSocket } from "./socket-types";

const CHANGED = "live:changed"; // server-side event: a control landed on another node

export interface Live {
  io: Hub;
  cache: ReturnType<typeof sessionCache>;
  progress: ProgressBuffer;
  presence(): Presence;
  /** Who of the session is online (on every node, with Redis). */
  online(sessionId: string): ReturnType<Presence["online"]>;
  /** A control changed the session: cache it here, clear it on the other nodes, tell the students' room once (`students`). */
  changed(s: sessions.SessionRow, opts: { students: boolean }): void;
  /** A member joined an experiment: reread the row on next use, here and on the other nodes (no lost update between two joins). */
  forget(sessionId: string): void;
  /** The board's whole snapshot to the board room, after its session's pending progress is saved. */
  sendBoardState(s: sessions.SessionRow): Promise<void>;
}

/** `shared`: several nodes (Redis); only then do other nodes need telling that a session changed. */
export function liveContext(io: Hub, presence: () => Presence, shared: () => boolean): Live {
  const cache = sessionCache();
  const progress = progressBuffer(io);
  io.on(CHANGED, (id) => cache.invalidate(id));
  const online = (sessionId: string) => presence().online(sessionKey(sessionId));

  function forget(sessionId: string) {
    cache.invalidate(sessionId);
    if (shared()) io.serverSideEmit(CHANGED, sessionId);
  }

  return {
    io,
    cache,
    progress,
    presence,
    online,
    forget,
    changed(s, opts) {
      cache.set(s);
      if (shared()) io.serverSideEmit(CHANGED, s.id);
      if (opts.students) io.to(sessionRoom(s.id)).emit("session:update", sessions.sessionUpdate(s));
    },
    async sendBoardState(s) {
      await progress.flushSession(s.id);
      io.to(boardRoom(s.id)).emit("board:state", await boardState(s, await online(s.id)));
    },
  };
}

/** One socket's caller: the signed-in user, the sessions this socket entered, and the rights checks. */
export interface Caller {
  socket: HubSocket;
  user: SocketUser;
  entered: Set<string>;
  /** An instructor of the session's class, or `forbidden`. */
  asInstructor(sessionId: string): Promise<void>;
  /** A student who entered the session on this socket and is still in its room (not removed), or `forbidden`. */
  asStudent(sessionId: string): void;
  /** The session's row (cached), or `notFound`. */
  requireCached(sessionId: string): Promise<sessions.SessionRow>;
}

export function callerOf(live: Live, socket: HubSocket): Caller {
  const user = socket.data.user;
  const entered = new Set<string>();
  return {
    socket,
    user,
    entered,
    async asInstructor(sessionId) {
      if (user.role !== "INSTRUCTOR" || !(await sessions.isInstructorOf(user.id, sessionId))) throw new DomainError("forbidden", 403);
    },
    asStudent(sessionId) {
      if (user.role !== "STUDENT" || !entered.has(sessionId) || !socket.rooms.has(sessionRoom(sessionId))) throw new DomainError("forbidden", 403);
    },
    async requireCached(sessionId) {
      const s = await live.cache.get(sessionId);
      if (!s) throw new DomainError("notFound", 404);
      return s;
    },
  };
}
