// A student in a live session: enter (batched with the others arriving together), stream progress
// (volatile, throttled, buffered by server/socket/progress-buffer.ts), submit (acked, batched), and
// the board told when their last connection closes. Presence is a count of connections per user
// (server/socket/presence.ts).
import type { ProgressState, StudentSessionState } from "@/lib/live/session-protocol";
import { clientSchemas } from "@/lib/live/protocol";
import { DomainError } from "../errors";
import * as sessions from "../live/sessions";
import { submitBatch, type SubmitItem, type Submitted } from "../live/submissions";
import { CONNECT_GATHER_MS, batcher, groupBy } from "../database/batch";
import type { Caller, Live } from "./context";
import { joinLate } from "./experiment-events";
import { on } from "./guard";
import { boardRoom, sessionKey, sessionRoom, userRoom } from "./rooms";
import type { XorLive } from "./xor-live";

// A client sending faster than 10/s on average is throttled here too: a token bucket, not a minimum
// gap, so that messages bunched by the network (a phone on a busy Wi-Fi) are not dropped, above
// all not the latest one.
const PROGRESS_PER_S = 10;
const PROGRESS_BURST = 10;

export function sessionEvents(live: Live, xor: XorLive) {
  const { io, cache, progress } = live;

  const enter = batcher<{ sessionId: string; userId: string }, StudentSessionState>(async (items) => {
    const out: (StudentSessionState | Error)[] = new Array(items.length);
    for (const [sessionId, group] of groupBy(items, (i) => i.sessionId)) {
      const s = await cache.get(sessionId);
      const states = s ? await sessions.enterMany(s, [...new Set(group.map((g) => g.item.userId))]) : null;
      if (s && states) await joinLate(live, sessionId, s, states);
      const pending = progress.pending(sessionId);
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

  return ({ socket, user, entered, asStudent }: Caller) => {
    let tokens = PROGRESS_BURST;
    let refilledAt = Date.now();

    on(socket, "session:enter", async ({ sessionId }) => {
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
        if (await live.presence().add(sessionKey(sessionId), user.id)) {
          io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: true, nickname: user.name });
        }
      }
      return { state, userId: user.id };
    });

    socket.on("session:progress", async (payload: unknown) => {
      const now = Date.now();
      tokens = Math.min(PROGRESS_BURST, tokens + ((now - refilledAt) / 1000) * PROGRESS_PER_S);
      refilledAt = now;
      if (tokens < 1) return;
      const parsed = clientSchemas["session:progress"].safeParse(payload);
      // Room membership is the truth: a removed student's sockets leave the room on every node.
      if (!parsed.success || user.role !== "STUDENT" || !entered.has(parsed.data.sessionId) || !socket.rooms.has(sessionRoom(parsed.data.sessionId))) return;
      const { sessionId, exerciseId, ...state } = parsed.data;
      const s = await cache.get(sessionId).catch(() => null);
      if (!s || s.status !== "LIVE" || s.paused || s.currentExerciseId !== exerciseId || !sessions.isTargeted(s, user.id)) return;
      tokens -= 1;
      progress.record(sessionId, user.id, exerciseId, state as ProgressState);
    });

    on(socket, "session:submit", async (data) => {
      asStudent(data.sessionId);
      const { result, answer, mine, xorReplay } = await submit({ userId: user.id, data });
      io.to(boardRoom(data.sessionId)).emit("board:result", { sessionId: data.sessionId, userId: user.id, result, answer });
      void xor.submitted(data.sessionId, data.exerciseId, user.id, data.payload, xorReplay);
      return { result: mine }; // the instructor sees the score; the student as the attempt policy says
    });

    socket.on("disconnect", () => {
      for (const sessionId of entered) {
        live.presence()
          .remove(sessionKey(sessionId), user.id)
          .then((gone) => gone && io.to(boardRoom(sessionId)).emit("board:presence", { sessionId, userId: user.id, online: false }))
          .catch((e) => console.error("presence update failed", e));
      }
    });
  };
}
