// The instructor's events: watch the board, then the controls (push, pause, close, reveal, end,
// kick). A control: check, act (one UPDATE returning the new row), then one message per room: the
// students' session room (each browser derives its own view, lib/live/session-view.ts) and the board room.
import type { ClientPayload, ControlEvent } from "@/lib/live/protocol";
import * as sessions from "../live/sessions";
import { boardState } from "../live/board-state";
import { hub } from "../bridge";
import * as experiments from "../experiments/experiments";
import type { Caller, Live } from "./context";
import { keepExperiment } from "./experiment-events";
import { on, onBare } from "./guard";
import { boardRoom, sessionRoom, userRoom } from "./rooms";

export function controlEvents(live: Live) {
  const { io, progress } = live;

  /** Pause, close, reveal, end: the board needs the session's fields only, not every tile again. */
  const sessionOnly = (s: sessions.SessionRow) => {
    live.changed(s, { students: true });
    const u = sessions.sessionUpdate(s);
    io.to(boardRoom(s.id)).emit("board:session", { sessionId: s.id, status: u.status, paused: u.paused, exercise: u.exercise ? { ...u.exercise, targetUserIds: u.targetUserIds } : null });
  };

  return ({ socket, asInstructor, requireCached }: Caller) => {
    on(socket, "board:watch", async ({ sessionId }) => {
      await asInstructor(sessionId);
      await socket.join(boardRoom(sessionId));
      await progress.flushSession(sessionId);
      const s = await requireCached(sessionId);
      return { state: await boardState(s, await live.online(sessionId)) };
    });

    /** A control: an instructor of the session's class, acting on its (cached) row. */
    const control = <E extends ControlEvent>(event: E, act: (d: ClientPayload<E>, s: sessions.SessionRow) => Promise<void>) =>
      onBare(socket, event, async (d) => {
        await asInstructor(d.sessionId);
        await act(d, await requireCached(d.sessionId));
      });

    control("control:push", async (d, s) => {
      await keepExperiment(live, s);
      const next = d.experiment
        ? await experiments.pushExperiment(s, d.exerciseId, d.userIds ?? [], d.experiment)
        : await sessions.pushExercise(s, d.exerciseId, d.userIds ?? []);
      live.changed(next, { students: true });
      await live.sendBoardState(next); // another exercise: every tile's progress and result change
    });
    control("control:pause", async (d) => sessionOnly(await sessions.setPaused(d.sessionId, d.paused)));
    control("control:close", async (d, s) => {
      await keepExperiment(live, s);
      sessionOnly(await sessions.closeExercise(d.sessionId));
    });
    control("control:reveal", async (d, s) => {
      await keepExperiment(live, s);
      sessionOnly(await sessions.revealAnswer(d.sessionId));
    });
    control("control:end", async (d, current) => {
      await keepExperiment(live, current);
      const s = await sessions.endSession(d.sessionId);
      sessionOnly(s);
      await progress.flushDb();
      hub()?.sessionChanged(s.classId, null);
    });
    control("control:kick", async (d, s) => {
      await sessions.kickStudent(d.sessionId, d.userId);
      io.to(userRoom(d.userId)).emit("session:kicked", { sessionId: d.sessionId });
      io.in(userRoom(d.userId)).socketsLeave(sessionRoom(d.sessionId));
      await live.sendBoardState(s); // the tile goes: one snapshot to the board, nothing to the other students
    });
  };
}
