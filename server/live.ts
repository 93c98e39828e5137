// Live-session events on the hub. Students: enter, stream progress (volatile), submit (acked).
// Instructors: watch the board, push, pause, close, reveal, kick, end. Every payload is parsed with
// its zod schema and every event checks who may do it.
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { ErrorCode } from "@/lib/forms";
import { kickSchema, pauseSchema, progressSchema, pushSchema, sessionRef, submitSchema } from "@/lib/session-protocol";
import type { ProgressState } from "@/lib/session-protocol";
import { DomainError } from "./classes";
import * as sessions from "./sessions";
import { submit } from "./submissions";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import type { Hub } from "./hub";
import { hub } from "./bridge";

export const sessionRoom = (id: string) => `session:${id}`;
export const boardRoom = (id: string) => `board:${id}`;
export const userRoom = (id: string) => `user:${id}`;

const BOARD_FLUSH_MS = 250; // the board gets at most 4 progress batches a second per node
const DB_FLUSH_MS = 2000; // latest progress reaches the database every 2 s
const MIN_PROGRESS_GAP_MS = 100; // a client sending faster than 10/s is throttled here too

type Ack = (res: { ok: true; [k: string]: unknown } | { ok: false; error: ErrorCode }) => void;

export function createLive(io: Hub) {
  const pendingBoard = new Map<string, Map<string, ProgressState>>();
  const pendingDb = new Map<string, Map<string, { exerciseId: string; progress: ProgressState }>>();
  // Which exercise a session is on, cached briefly: progress arrives often, state changes rarely.
  const sessionCache = new Map<string, { at: number; row: Awaited<ReturnType<typeof sessions.loadSession>> }>();

  async function cachedSession(id: string) {
    const hit = sessionCache.get(id);
    if (hit && Date.now() - hit.at < 1000) return hit.row;
    const row = await sessions.loadSession(id);
    sessionCache.set(id, { at: Date.now(), row });
    return row;
  }

  const boardTimer = setInterval(() => {
    for (const [sessionId, batch] of pendingBoard) {
      io.to(boardRoom(sessionId)).emit("board:progress", { sessionId, items: [...batch].map(([userId, progress]) => ({ userId, progress })) });
    }
    pendingBoard.clear();
  }, BOARD_FLUSH_MS);
  const dbTimer = setInterval(() => void flushDb(), DB_FLUSH_MS);

  async function flushDb() {
    for (const sessionId of [...pendingDb.keys()]) await flushSession(sessionId);
  }

  /** Save a session's pending progress now: snapshots read from the database must not lag behind. */
  async function flushSession(sessionId: string) {
    const batch = pendingDb.get(sessionId);
    if (!batch) return;
    pendingDb.delete(sessionId);
    await sessions.saveProgress(sessionId, batch).catch((e) => console.error("saving progress failed", e));
  }

  async function onlineIn(sessionId: string): Promise<Set<string>> {
    const sockets = await io.in(sessionRoom(sessionId)).fetchSockets();
    return new Set(sockets.map((s) => s.data.user.id));
  }

  /** Tell every student of the session its own view of the state, and refresh the board. */
  async function broadcastState(sessionId: string) {
    sessionCache.delete(sessionId);
    await flushSession(sessionId);
    const s = await sessions.requireSession(sessionId);
    for (const sock of await io.in(sessionRoom(sessionId)).fetchSockets()) {
      sock.emit("session:state", await sessions.studentState(s, sock.data.user.id));
    }
    io.to(boardRoom(sessionId)).emit("board:state", await sessions.boardState(s, await onlineIn(sessionId)));
  }

  function guard<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<Record<string, unknown> | void>) {
    return async (payload: unknown, ack?: unknown) => {
      const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => {};
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: "invalidInput" });
      try {
        reply({ ok: true, ...((await handler(parsed.data)) ?? {}) });
      } catch (e) {
        if (e instanceof DomainError) return reply({ ok: false, error: e.code });
        // Not stored, not acknowledged as stored: the student's browser keeps it and sends it again.
        if (isDatabaseUnavailable(e)) return reply({ ok: false, error: "databaseUnavailable" });
        console.error("live event failed", e);
        reply({ ok: false, error: "serverError" });
      }
    };
  }

  function register(socket: Socket) {
    const user = socket.data.user as { id: string; role: "INSTRUCTOR" | "STUDENT" };
    const entered = new Set<string>();
    let lastProgressAt = 0;

    const asInstructor = async (sessionId: string) => {
      if (user.role !== "INSTRUCTOR" || !(await sessions.isInstructorOf(user.id, sessionId))) throw new DomainError("forbidden", 403);
    };
    const asStudent = (sessionId: string) => {
      if (user.role !== "STUDENT" || !socket.rooms.has(sessionRoom(sessionId))) throw new DomainError("forbidden", 403);
    };

    socket.on("session:enter", guard(sessionRef, async ({ sessionId }) => {
      if (user.role !== "STUDENT") throw new DomainError("forbidden", 403);
      await flushSession(sessionId);
      const s = await sessions.enterSession(user.id, sessionId);
      entered.add(sessionId);
      await socket.join([sessionRoom(sessionId), userRoom(user.id)]);
      io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: true });
      return { state: await sessions.studentState(s, user.id) };
    }));

    socket.on("session:progress", async (payload: unknown) => {
      const now = Date.now();
      if (now - lastProgressAt < MIN_PROGRESS_GAP_MS) return;
      const parsed = progressSchema.safeParse(payload);
      // Room membership is the truth: a removed student's sockets leave the room on every node.
      if (!parsed.success || user.role !== "STUDENT" || !socket.rooms.has(sessionRoom(parsed.data.sessionId))) return;
      const { sessionId, exerciseId, ...progress } = parsed.data;
      const s = await cachedSession(sessionId);
      if (!s || s.status !== "LIVE" || s.paused || s.currentExerciseId !== exerciseId || !sessions.isTargeted(s, user.id)) return;
      lastProgressAt = now;
      const state = progress as ProgressState;
      if (!pendingBoard.has(sessionId)) pendingBoard.set(sessionId, new Map());
      pendingBoard.get(sessionId)!.set(user.id, state);
      if (!pendingDb.has(sessionId)) pendingDb.set(sessionId, new Map());
      pendingDb.get(sessionId)!.set(user.id, { exerciseId, progress: state });
    });

    socket.on("session:submit", guard(submitSchema, async (data) => {
      asStudent(data.sessionId);
      const { result, answer, mine } = await submit(user.id, data);
      io.to(boardRoom(data.sessionId)).emit("board:result", { sessionId: data.sessionId, userId: user.id, result, answer });
      return { result: mine }; // the instructor sees the score; the student as the attempt policy says
    }));

    socket.on("board:watch", guard(sessionRef, async ({ sessionId }) => {
      await asInstructor(sessionId);
      await socket.join(boardRoom(sessionId));
      await flushSession(sessionId);
      const s = await sessions.requireSession(sessionId);
      return { state: await sessions.boardState(s, await onlineIn(sessionId)) };
    }));

    const control = <S extends z.ZodType<{ sessionId: string }>>(event: string, schema: S, act: (d: z.infer<S>) => Promise<unknown>) =>
      socket.on(event, guard(schema, async (d) => {
        await asInstructor(d.sessionId);
        await act(d);
        await broadcastState(d.sessionId);
      }));

    control("control:push", pushSchema, (d) => sessions.pushExercise(d.sessionId, d.exerciseId, d.userIds ?? []));
    control("control:pause", pauseSchema, (d) => sessions.setPaused(d.sessionId, d.paused));
    control("control:close", sessionRef, (d) => sessions.closeExercise(d.sessionId));
    control("control:reveal", sessionRef, (d) => sessions.revealAnswer(d.sessionId));
    control("control:end", sessionRef, async (d) => {
      const s = await sessions.endSession(d.sessionId);
      await flushDb();
      hub()?.sessionChanged(s.classId, null);
    });
    control("control:kick", kickSchema, async (d) => {
      await sessions.kickStudent(d.sessionId, d.userId);
      io.to(userRoom(d.userId)).emit("session:kicked", { sessionId: d.sessionId });
      io.in(userRoom(d.userId)).socketsLeave(sessionRoom(d.sessionId));
    });

    socket.on("disconnect", () => {
      for (const sessionId of entered) io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: false });
    });
  }

  return {
    register,
    broadcastState,
    close: async () => {
      clearInterval(boardTimer);
      clearInterval(dbTimer);
      await flushDb();
    },
  };
}
