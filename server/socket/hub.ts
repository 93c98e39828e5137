// The socket.io hub: authenticated handshake, a tight event vocabulary, rooms per class.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { getToken } from "next-auth/jwt";
import { decodeJwe } from "../auth/jwe";
import { watchClassSchema } from "@/lib/live/protocol";
import { canAccessClass, roster } from "../join/classes";
import { setHubBridge } from "../bridge";
import { boardRoom, createLive } from "./live";
import { liveSessionOfClass } from "../live/sessions";
import { memoryPresence, type Presence } from "./presence";
import { queryCount } from "../db";
import { isDatabaseUnavailable, refusalOf } from "../errors";
import { studentWatch } from "../join/class-watch";
import { requestOriginAllowed, type EdgeOptions } from "../http/edge";
import { installSocketLimits } from "./socket-limits";
import { SECURITY_HEADERS, SOCKET_CONNECT_TIMEOUT_MS, SOCKET_MAX_BYTES } from "@/lib/edge/edge-policy";
import { joinUserRoom, sessionIsCurrent, setRevocationIo } from "../auth/revocation";
import type { Hub, HubSocket } from "./socket-types";


const classRoom = (id: string) => `class:${id}`;
const staffRoom = (id: string) => `staff:${id}`;
const classKey = (id: string) => `class:${id}`;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k) continue;
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      out[k] = part.slice(i + 1).trim();
    }
  }
  return out;
}

export function createHub(httpServer: HttpServer, secret: string, edge: EdgeOptions = { allowList: [], trustProxy: false }): Hub {
  const io: Hub = new Server(httpServer, {
    serveClient: false,
    // Limits that hold before authentication: the biggest legit message, a short time to authenticate,
    // and only the app's own origin (or the allow-list) may open a socket.
    maxHttpBufferSize: SOCKET_MAX_BYTES,
    connectTimeout: SOCKET_CONNECT_TIMEOUT_MS,
    allowRequest: (req, cb) => cb(requestOriginAllowed(req, edge) ? null : "originRejected", requestOriginAllowed(req, edge)),
    // No connectionStateRecovery: it keeps every non-volatile packet sent to every socket for the
    // recovery window (at 2,000 students, N x broadcasts of memory), the Redis adapter does not
    // support it anyway, and it is not needed: every page re-syncs on connect (useBoard re-emits
    // board:watch, useStudentSession session:enter, LiveRoster class:watch) and gets a snapshot.
  });
  io.engine.on("headers", (headers: Record<string, string>) => Object.assign(headers, SECURITY_HEADERS));
  let presence: Presence = memoryPresence();
  let shared = false;
  io.usePresence = (p) => {
    shared = true;
    void presence.close();
    presence = p;
    // A dead node's users, reported by the node that noticed: to the open boards and rosters of every node.
    p.onChange?.((key, userIds, online) => {
      const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      for (const userId of userIds) {
        if (kind === "session") io.to(boardRoom(id)).emit("board:presence", { sessionId: id, userId, online });
        else if (kind === "class") io.to(staffRoom(id)).emit("class:presence", { classId: id, userId, online });
      }
    });
  };

  // Auth on the handshake: the next-auth session cookie, or the connection is refused.
  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.request.headers.cookie);
      const secureCookie = Object.keys(cookies).some((k) => k.startsWith("__Secure-next-auth"));
      // getToken reads the request's headers and its parsed cookies (as Next.js gives them to a page).
      const token = await getToken({ req: Object.assign(socket.request, { cookies }), secret, secureCookie, decode: decodeJwe }); // the derived key kept (server/auth/jwe.ts)
      if (!token?.uid || (token.role !== "INSTRUCTOR" && token.role !== "STUDENT")) {
        return next(new Error("unauthorized"));
      }
      if (!(await sessionIsCurrent(token.uid, token.sv))) return next(new Error("unauthorized")); // signed out / deleted
      socket.data.user = { id: token.uid, role: token.role, name: token.name ?? "" };
      next();
    } catch (e) {
      // A database that is down is no reason to send a student away for good: the browser retries.
      next(new Error(isDatabaseUnavailable(e) ? "databaseUnavailable" : "unauthorized"));
    }
  });

  const onlineStudents = (classId: string) => presence.online(classKey(classId));

  /** The whole roster to the staff: after a bulk change only (joins and presence travel as deltas). */
  async function pushRoster(classId: string): Promise<void> {
    const list = await roster(classId, await onlineStudents(classId));
    io.to(staffRoom(classId)).emit("class:roster", { classId, roster: list });
  }

  const live = createLive(io, () => presence, () => shared);
  io.closeLive = async () => {
    await live.close();
    await presence.close();
  };

  io.on("connection", (socket: HubSocket) => {
    const user = socket.data.user;
    const watched = new Set<string>();
    installSocketLimits(socket, user.id);
    live.register(socket);
    if (process.env.NEURONLAB_COUNT_QUERIES === "1") {
      // Test hook (off unless the env var is set): how many statements this node sent to the database.
      socket.on("debug:queries", (ack: unknown) => typeof ack === "function" && ack({ count: queryCount() }));
    }
    void joinUserRoom(socket); // revocation finds the user's sockets on every node through this room

    socket.on("class:watch", async (payload, ack) => {
      if (typeof ack !== "function") return;
      const parsed = watchClassSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "invalidInput" });
      const { classId } = parsed.data;
      try {
        // Students come in bursts: their checks are batched (server/join/class-watch.ts).
        const watch = user.role === "STUDENT" ? await studentWatch({ classId, userId: user.id }) : (await canAccessClass(user, classId)) && ((await liveSessionOfClass(classId))?.id ?? null);
        if (watch === false) return ack({ ok: false, error: "forbidden" });
        const liveSessionId = watch;
        await socket.join(classRoom(classId));
        const first = !watched.has(classId);
        watched.add(classId);
        if (user.role === "INSTRUCTOR") {
          await socket.join(staffRoom(classId));
          ack({ ok: true, roster: await roster(classId, await onlineStudents(classId)), liveSessionId });
        } else {
          ack({ ok: true, liveSessionId });
          if (first && socket.connected && (await presence.add(classKey(classId), user.id))) {
            io.to(staffRoom(classId)).emit("class:presence", { classId, userId: user.id, online: true });
          }
        }
      } catch (e) {
        ack({ ok: false, error: refusalOf(e, "class:watch").code });
      }
    });

    socket.on("disconnect", () => {
      if (user.role !== "STUDENT") return;
      for (const classId of watched) {
        presence
          .remove(classKey(classId), user.id)
          .then((gone) => gone && io.to(staffRoom(classId)).emit("class:presence", { classId, userId: user.id, online: false }))
          .catch((e) => console.error("presence update failed", e));
      }
    });
  });

  setRevocationIo(io);
  setHubBridge({
    rosterChanged: (classId, joined) => {
      if (joined) {
        const entry = { userId: joined.userId, nickname: joined.nickname, joinedAt: new Date().toISOString(), online: false };
        io.to(staffRoom(classId)).emit("class:joined", { classId, entry });
        return;
      }
      void pushRoster(classId).catch((e) => console.error("roster push failed", e));
    },
    sessionChanged: (classId, liveSessionId) => {
      live.sessionsChanged();
      io.to(classRoom(classId)).emit("class:session", { classId, liveSessionId });
    },
  });
  return io;
}
