// The XOR proof's live events, registered on each socket by createLive (server/socket/live.ts) with its
// guard and rights checks. Unlock: one UPDATE, one message to the session room (the students'
// session:update) and one to the XOR room. A two-layer run: graded by replay, one insert, one
// message to the board room. The board's XOR view is read on watch (two queries), deltas after, in
// the board's own room on the board's own socket (one connection per board or projector tab).
import type { Socket } from "socket.io";
import type { z } from "zod";
import { sessionRef } from "@/lib/live/session-protocol";
import { xorSubmitSchema } from "@/lib/live/xor-protocol";
import type { XorReplay } from "@/lib/grading/grading";
import type { Hub } from "./socket-types";
import type { SessionRow } from "../live/sessions";
import { lineOfSubmission, submitNetRun, unlockHiddenLayer, xorBoardView } from "../xor/xor-proof";

type Guard = <S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<Record<string, unknown> | void>) => (payload: unknown, ack?: unknown) => Promise<void>;
interface Rights {
  guard: Guard;
  asInstructor(sessionId: string): Promise<void>;
  asStudent(sessionId: string): void;
  requireCached(sessionId: string): Promise<SessionRow>;
}

interface Deps {
  session(id: string): Promise<SessionRow | null>;
  changed(s: SessionRow): void;
  /** The board's room (server/socket/live.ts boardRoom): XOR deltas go where the board's socket already is. */
  room(sessionId: string): string;
}

export function xorLive(io: Hub, deps: Deps) {
  const xorRoom = deps.room;
  function register(socket: Socket, userId: string, { guard, asInstructor, asStudent, requireCached }: Rights) {
    socket.on("control:unlock", guard(sessionRef, async ({ sessionId }) => {
      await asInstructor(sessionId);
      const next = await unlockHiddenLayer(await requireCached(sessionId));
      if (!next) return; // already unlocked: nothing changed, nobody told again
      deps.changed(next);
      io.to(xorRoom(sessionId)).emit("xor:unlocked", { sessionId });
    }));

    socket.on("xor:watch", guard(sessionRef, async ({ sessionId }) => {
      await asInstructor(sessionId);
      await socket.join(xorRoom(sessionId)); // the board's room: joined by board:watch already, unless this came first
      return { view: await xorBoardView(await requireCached(sessionId)) };
    }));

    socket.on("xor:submit", guard(xorSubmitSchema, async (data) => {
      asStudent(data.sessionId);
      const { result, run } = await submitNetRun(await deps.session(data.sessionId), userId, data);
      io.to(xorRoom(data.sessionId)).emit("xor:run", { sessionId: data.sessionId, run });
      return { result };
    }));
  }

  /** After a stored submission: if it answered an XOR exercise, its replayed line goes to the XOR room. */
  /** Never rejects: the submission is stored and acknowledged already, the board's delta is a bonus. */
  /** `replay`: the grading's own replay of it (not replayed again); without it (a retry) one lookup or replay. */
  async function submitted(sessionId: string, exerciseId: string, userId: string, payload: unknown, replay?: XorReplay) {
    try {
      const line = lineOfSubmission(await deps.session(sessionId), exerciseId, userId, payload, replay);
      if (line) io.to(xorRoom(sessionId)).emit("xor:line", { sessionId, line });
    } catch (e) {
      console.error("xor line failed", e);
    }
  }

  return { register, submitted };
}
