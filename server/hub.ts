// The socket.io hub: authenticated handshake, a tight event vocabulary, rooms per class.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { getToken } from "next-auth/jwt";
import type { ClientToServerEvents, ServerToClientEvents, SocketUser } from "@/lib/protocol";
import { watchClassSchema } from "@/lib/protocol";
import { canAccessClass, roster } from "./classes";
import { setHubBridge } from "./bridge";
import { createLive } from "./live";
import { liveSessionOfClass } from "./sessions";
import { isDatabaseUnavailable } from "@/lib/db-errors";

type Data = { user: SocketUser };
export type Hub = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data> & { closeLive?: () => Promise<void> };
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Data>;

const classRoom = (id: string) => `class:${id}`;
const staffRoom = (id: string) => `staff:${id}`;

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

export function createHub(httpServer: HttpServer, secret: string): Hub {
  const io: Hub = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });

  // Auth on the handshake: the next-auth session cookie, or the connection is refused.
  io.use(async (socket, next) => {
    try {
      const headers = socket.request.headers;
      const cookies = parseCookies(headers.cookie);
      const secureCookie = Object.keys(cookies).some((k) => k.startsWith("__Secure-next-auth"));
      const token = await getToken({ req: { headers, cookies } as never, secret, secureCookie });
      if (!token?.uid || (token.role !== "INSTRUCTOR" && token.role !== "STUDENT")) {
        return next(new Error("unauthorized"));
      }
      socket.data.user = { id: token.uid, role: token.role, name: token.name ?? "" };
      next();
    } catch (e) {
      // A database that is down is no reason to send a student away for good: the browser retries.
      next(new Error(isDatabaseUnavailable(e) ? "databaseUnavailable" : "unauthorized"));
    }
  });

  async function onlineStudents(classId: string): Promise<Set<string>> {
    const sockets = await io.in(classRoom(classId)).fetchSockets();
    return new Set(sockets.filter((s) => s.data.user?.role === "STUDENT").map((s) => s.data.user.id));
  }

  async function pushRoster(classId: string): Promise<void> {
    const list = await roster(classId, await onlineStudents(classId));
    io.to(staffRoom(classId)).emit("class:roster", { classId, roster: list });
  }

  const live = createLive(io);
  io.closeLive = live.close;

  io.on("connection", (socket: HubSocket) => {
    const user = socket.data.user;
    const watched = new Set<string>();
    live.register(socket as never);

    socket.on("class:watch", async (payload, ack) => {
      if (typeof ack !== "function") return;
      const parsed = watchClassSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "invalidInput" });
      const { classId } = parsed.data;
      try {
        if (!(await canAccessClass(user, classId))) return ack({ ok: false, error: "forbidden" });
        await socket.join(classRoom(classId));
        watched.add(classId);
        const liveSessionId = (await liveSessionOfClass(classId))?.id ?? null;
        if (user.role === "INSTRUCTOR") {
          await socket.join(staffRoom(classId));
          ack({ ok: true, roster: await roster(classId, await onlineStudents(classId)), liveSessionId });
        } else {
          ack({ ok: true, liveSessionId });
          await pushRoster(classId);
        }
      } catch (e) {
        if (isDatabaseUnavailable(e)) return ack({ ok: false, error: "databaseUnavailable" });
        console.error("class:watch failed", e);
        ack({ ok: false, error: "serverError" });
      }
    });

    socket.on("disconnect", () => {
      if (user.role !== "STUDENT") return;
      for (const classId of watched) pushRoster(classId).catch((e) => console.error("roster push failed", e));
    });
  });

  setHubBridge({
    rosterChanged: (classId) => void pushRoster(classId).catch((e) => console.error("roster push failed", e)),
    sessionChanged: (classId, liveSessionId) => {
      io.to(classRoom(classId)).emit("class:session", { classId, liveSessionId });
    },
  });
  return io;
}
