// Live-session events on the hub. Students: enter, stream progress (volatile), submit (acked).
// Instructors: watch the board, push, pause, close, reveal, kick, end. Every payload is parsed with
// its zod schema and every event checks who may do it.
//
// Cost model (2,000 students): a state change is one UPDATE, one message to the session room and
// one to the board room; each browser derives its own view (lib/live/session-view). Enters and
// submissions arriving together are grouped into one batch of a few queries (server/database/batch.ts).
// Progress is kept in memory, sent to the board in 250 ms batches and written every 2 s in one
// statement. Presence is a count of connections per user (server/socket/presence.ts).
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { ErrorCode } from "@/lib/edge/forms";
import { kickSchema, pauseSchema, progressSchema, pushSchema, sessionRef, submitSchema } from "@/lib/live/session-protocol";
import type { ProgressState, StudentSessionState } from "@/lib/live/session-protocol";
import { DomainError, refusalOf } from "../errors";
import * as sessions from "../live/sessions";
import { boardState } from "../live/board-state";
import { submitBatch, type SubmitItem, type Submitted } from "../live/submissions";
import { CONNECT_GATHER_MS, batcher, groupBy } from "../database/batch";
import { sessionCache } from "./session-cache";
import type { Presence } from "./presence";
import type { Hub } from "./socket-types";
import { hub } from "../bridge";
import { xorLive } from "./xor-live";
import * as experiments from "../experiments/experiments";
import { chooseGroupSchema } from "@/lib/experiments/experiments";

export const sessionRoom = (id: string) => `session:${id}`;
export const boardRoom = (id: string) => `board:${id}`;
export const userRoom = (id: string) => `user:${id}`;
export const sessionKey = (id: string) => `session:${id}`;

const BOARD_FLUSH_MS = 250; // the board gets at most 4 progress batches a second per node
const DB_FLUSH_MS = 2000; // latest progress reaches the database every 2 s
// A client sending faster than 10/s on average is throttled here too: a token bucket, not a minimum
// gap, so that messages bunched by the network (a phone on a busy Wi-Fi) are not dropped, above
// all not the latest one.
const PROGRESS_PER_S = 10;
const PROGRESS_BURST = 10;
const CHANGED = "live:changed"; // server-side event: a control landed on another node

type Ack = (res: { ok: true; [k: string]: unknown } | { ok: false; error: ErrorCode }) => void;
type Pending = { exerciseId: string; progress: ProgressState };

/** `shared`: several nodes (Redis); only then do other nodes need telling that a session changed. */
export function createLive(io: Hub, presence: () => Presence, shared: () => boolean = () => false) {
  const pendingBoard = new Map<string, Map<string, ProgressState>>();
  const pendingDb = new Map<string, Map<string, Pending>>();
  const cache = sessionCache();
  (io as unknown as { on(e: string, cb: (id: string) => void): void }).on(CHANGED, (id) => cache.invalidate(id));

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

  const online = (sessionId: string) => presence().online(sessionKey(sessionId));

  async function sendBoardState(s: sessions.SessionRow) {
    await flushSession(s.id);
    io.to(boardRoom(s.id)).emit("board:state", await boardState(s, await online(s.id)));
  }

  /** A control changed the session: cache it here, clear it on the other nodes, tell the room once. */
  function changed(s: sessions.SessionRow, opts: { students: boolean }) {
    cache.set(s);
    if (shared()) (io as unknown as { serverSideEmit(e: string, id: string): void }).serverSideEmit(CHANGED, s.id);
    if (opts.students) io.to(sessionRoom(s.id)).emit("session:update", sessions.sessionUpdate(s));
  }

  /** A member joined an experiment: reread the row on next use, here and on the other nodes (no lost update between two joins). */
  function forget(sessionId: string) {
    cache.invalidate(sessionId);
    if (shared()) (io as unknown as { serverSideEmit(e: string, id: string): void }).serverSideEmit(CHANGED, sessionId);
  }

  const enter = batcher<{ sessionId: string; userId: string }, StudentSessionState>(async (items) => {
    const out: (StudentSessionState | Error)[] = new Array(items.length);
    for (const [sessionId, group] of groupBy(items, (i) => i.sessionId)) {
      let s = await cache.get(sessionId);
      const states = s ? await sessions.enterMany(s, [...new Set(group.map((g) => g.item.userId))]) : null;
      if (s && states && s.experiment) {
        // Arriving after a random or balanced experiment was pushed: a group now, for the whole batch.
        const late = await experiments.lateJoin(s, states);
        if (late.added.length) {
          forget(sessionId);
          s = late.session;
          for (const a of late.added) io.to(boardRoom(sessionId)).emit("board:group", { sessionId, experimentId: s.experiment!.id, ...a });
        }
      }
      const pending = pendingDb.get(sessionId);
      for (const { item, index } of group) {
        const st = states?.get(item.userId) ?? new DomainError("notFound", 404);
        // Progress not yet written is newer than the stored one.
        const p = pending?.get(item.userId);
        out[index] = !(st instanceof Error) && p && st.exercise?.id === p.exerciseId ? { ...st, progress: p.progress } : st;
      }
    }
    return out;
  }, 500, CONNECT_GATHER_MS);
  const submit = batcher<SubmitItem, Submitted>((items) => submitBatch(items, cache.get));
  const xor = xorLive(io, { session: cache.get, changed: (s) => changed(s, { students: true }), room: boardRoom });

  function guard<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<Record<string, unknown> | void>) {
    return async (payload: unknown, ack?: unknown) => {
      const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => {};
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: "invalidInput" });
      try {
        reply({ ok: true, ...((await handler(parsed.data)) ?? {}) });
      } catch (e) {
        // databaseUnavailable: not stored, not acknowledged as stored: the browser keeps it and sends it again.
        reply({ ok: false, error: refusalOf(e, "live event").code });
      }
    };
  }

  function register(socket: Socket) {
    const user = socket.data.user as { id: string; role: "INSTRUCTOR" | "STUDENT"; name: string };
    const entered = new Set<string>();
    let tokens = PROGRESS_BURST;
    let refilledAt = Date.now();

    const asInstructor = async (sessionId: string) => {
      if (user.role !== "INSTRUCTOR" || !(await sessions.isInstructorOf(user.id, sessionId))) throw new DomainError("forbidden", 403);
    };
    const asStudent = (sessionId: string) => {
      if (user.role !== "STUDENT" || !entered.has(sessionId) || !socket.rooms.has(sessionRoom(sessionId))) throw new DomainError("forbidden", 403);
    };
    const requireCached = async (sessionId: string) => {
      const s = await cache.get(sessionId);
      if (!s) throw new DomainError("notFound", 404);
      return s;
    };

    socket.on("session:enter", guard(sessionRef, async ({ sessionId }) => {
      if (user.role !== "STUDENT") throw new DomainError("forbidden", 403);
      // Join first, then read the state: a control landing in between is not missed (its update
      // reaches this socket, and the page applies it after this ack).
      const rooms = [sessionRoom(sessionId), userRoom(user.id)];
      const wasIn = socket.rooms.has(rooms[0]);
      await socket.join(rooms);
      let state: StudentSessionState;
      try {
        state = await enter({ sessionId, userId: user.id });
      } catch (e) {
        if (!wasIn) socket.leave(rooms[0]);
        throw e;
      }
      if (!entered.has(sessionId) && socket.connected) {
        entered.add(sessionId);
        if (await presence().add(sessionKey(sessionId), user.id)) {
          io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: true, nickname: user.name });
        }
      }
      return { state, userId: user.id };
    }));

    socket.on("session:progress", async (payload: unknown) => {
      const now = Date.now();
      tokens = Math.min(PROGRESS_BURST, tokens + ((now - refilledAt) / 1000) * PROGRESS_PER_S);
      refilledAt = now;
      if (tokens < 1) return;
      const parsed = progressSchema.safeParse(payload);
      // Room membership is the truth: a removed student's sockets leave the room on every node.
      if (!parsed.success || user.role !== "STUDENT" || !entered.has(parsed.data.sessionId) || !socket.rooms.has(sessionRoom(parsed.data.sessionId))) return;
      const { sessionId, exerciseId, ...progress } = parsed.data;
      const s = await cache.get(sessionId).catch(() => null);
      if (!s || s.status !== "LIVE" || s.paused || s.currentExerciseId !== exerciseId || !sessions.isTargeted(s, user.id)) return;
      tokens -= 1;
      const state = progress as ProgressState;
      if (!pendingBoard.has(sessionId)) pendingBoard.set(sessionId, new Map());
      pendingBoard.get(sessionId)!.set(user.id, state);
      if (!pendingDb.has(sessionId)) pendingDb.set(sessionId, new Map());
      pendingDb.get(sessionId)!.set(user.id, { exerciseId, progress: state });
    });

    socket.on("session:submit", guard(submitSchema, async (data) => {
      asStudent(data.sessionId);
      const { result, answer, mine, xorReplay } = await submit({ userId: user.id, data });
      io.to(boardRoom(data.sessionId)).emit("board:result", { sessionId: data.sessionId, userId: user.id, result, answer });
      void xor.submitted(data.sessionId, data.exerciseId, user.id, data.payload, xorReplay);
      return { result: mine }; // the instructor sees the score; the student as the attempt policy says
    }));

    socket.on("experiment:choose", guard(chooseGroupSchema, async ({ sessionId, group }) => {
      asStudent(sessionId);
      const r = await experiments.choose(await requireCached(sessionId), user.id, group);
      if (r.added) {
        forget(sessionId); // the next update carries it; this student has the ack
        io.to(boardRoom(sessionId)).emit("board:group", { sessionId, experimentId: r.session.experiment!.id, userId: user.id, group });
      }
      return { group: r.group };
    }));

    socket.on("board:watch", guard(sessionRef, async ({ sessionId }) => {
      await asInstructor(sessionId);
      await socket.join(boardRoom(sessionId));
      await flushSession(sessionId);
      const s = await requireCached(sessionId);
      return { state: await boardState(s, await online(sessionId)) };
    }));

    /** A control: check, act (one UPDATE returning the new row), then one message per room. */
    const control = <S extends z.ZodType<{ sessionId: string }>>(event: string, schema: S, act: (d: z.infer<S>, s: sessions.SessionRow) => Promise<void>) =>
      socket.on(event, guard(schema, async (d) => {
        await asInstructor(d.sessionId);
        await act(d, await requireCached(d.sessionId));
      }));
    /** Pause, close, reveal, end: the board needs the session's fields only, not every tile again. */
    const sessionOnly = (s: sessions.SessionRow) => {
      changed(s, { students: true });
      const u = sessions.sessionUpdate(s);
      io.to(boardRoom(s.id)).emit("board:session", { sessionId: s.id, status: u.status, paused: u.paused, exercise: u.exercise ? { ...u.exercise, targetUserIds: u.targetUserIds } : null });
    };

    /** Before the exercise moves on (push, close, reveal, end): the experiment's result is kept with it. */
    const keepExperiment = async (s: sessions.SessionRow) => {
      if (!s.experiment) return;
      await flushSession(s.id);
      await experiments.storeResult(s);
    };

    control("control:push", pushSchema, async (d, s) => {
      await keepExperiment(s);
      const next = d.experiment
        ? await experiments.pushExperiment(s, d.exerciseId, d.userIds ?? [], d.experiment)
        : await sessions.pushExercise(s, d.exerciseId, d.userIds ?? []);
      changed(next, { students: true });
      await sendBoardState(next); // another exercise: every tile's progress and result change
    });
    control("control:pause", pauseSchema, async (d) => sessionOnly(await sessions.setPaused(d.sessionId, d.paused)));
    control("control:close", sessionRef, async (d, s) => {
      await keepExperiment(s);
      sessionOnly(await sessions.closeExercise(d.sessionId));
    });
    control("control:reveal", sessionRef, async (d, s) => {
      await keepExperiment(s);
      sessionOnly(await sessions.revealAnswer(d.sessionId));
    });
    control("control:end", sessionRef, async (d, current) => {
      await keepExperiment(current);
      const s = await sessions.endSession(d.sessionId);
      sessionOnly(s);
      await flushDb();
      hub()?.sessionChanged(s.classId, null);
    });
    control("control:kick", kickSchema, async (d, s) => {
      await sessions.kickStudent(d.sessionId, d.userId);
      io.to(userRoom(d.userId)).emit("session:kicked", { sessionId: d.sessionId });
      io.in(userRoom(d.userId)).socketsLeave(sessionRoom(d.sessionId));
      await sendBoardState(s); // the tile goes: one snapshot to the board, nothing to the other students
    });

    xor.register(socket, user.id, { guard, asInstructor, asStudent, requireCached });

    socket.on("disconnect", () => {
      for (const sessionId of entered) {
        presence()
          .remove(sessionKey(sessionId), user.id)
          .then((gone) => gone && io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: false }))
          .catch((e) => console.error("presence update failed", e));
      }
    });
  }

  return {
    register,
    /** A session started or ended outside a control (an HTTP route): forget every cached row, here and elsewhere. */
    sessionsChanged() {
      cache.invalidate("*");
      if (shared()) (io as unknown as { serverSideEmit(e: string, id: string): void }).serverSideEmit(CHANGED, "*");
    },
    close: async () => {
      clearInterval(boardTimer);
      clearInterval(dbTimer);
      await flushDb();
    },
  };
}
