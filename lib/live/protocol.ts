// The socket.io event vocabulary, typed both ways and validated at the edge with zod.
// Keep it tight: every event a client may send has a schema here and an ack with a clear result.
import { z } from "zod";
import type { Ack } from "../edge/error-codes";
import type { ExperimentSpec } from "../experiments/experiments";
import type { BoardState, Progress, ProgressState, SessionUpdate, StudentSessionState, SubmissionResult } from "./session-protocol";
import type { XorClientEvents, XorServerEvents } from "./xor-protocol";

export const watchClassSchema = z.object({ classId: z.string().min(1).max(64) });
export type WatchClass = z.infer<typeof watchClassSchema>;

export interface RosterEntry {
  userId: string;
  nickname: string;
  joinedAt: string; // ISO time
  online: boolean;
}

export type { Ack };

type SessionRef = { sessionId: string };

export interface ClientToServerEvents extends XorClientEvents {
  /** Join a class's room: an instructor of the class, or a student enrolled in it. */
  "class:watch": (payload: WatchClass, ack: (res: Ack<{ roster?: RosterEntry[]; liveSessionId?: string | null }>) => void) => void;
  // Students
  /** The ack carries the student's own view and user id (to derive views from `session:update`). */
  "session:enter": (payload: SessionRef, ack: (res: Ack<{ state: StudentSessionState; userId: string }>) => void) => void;
  "session:progress": (payload: Progress) => void;
  "session:submit": (
    payload: { sessionId: string; exerciseId: string; clientId: string; payload: unknown },
    ack: (res: Ack<{ result: SubmissionResult }>) => void,
  ) => void;
  /** In an experiment by choice: join one of its groups (once). */
  "experiment:choose": (payload: { sessionId: string; group: number }, ack: (res: Ack<{ group: number }>) => void) => void;
  // Instructors
  "board:watch": (payload: SessionRef, ack: (res: Ack<{ state: BoardState }>) => void) => void;
  "control:push": (payload: { sessionId: string; exerciseId: string; userIds?: string[]; experiment?: ExperimentSpec }, ack: (res: Ack) => void) => void;
  "control:pause": (payload: { sessionId: string; paused: boolean }, ack: (res: Ack) => void) => void;
  "control:close": (payload: SessionRef, ack: (res: Ack) => void) => void;
  "control:reveal": (payload: SessionRef, ack: (res: Ack) => void) => void;
  "control:kick": (payload: { sessionId: string; userId: string }, ack: (res: Ack) => void) => void;
  "control:end": (payload: SessionRef, ack: (res: Ack) => void) => void;
}

/** The instructor's controls on a live session: their names and payloads come from the map above. */
export type ControlEvent = Extract<keyof ClientToServerEvents, `control:${string}`>;
export type ControlPayload<E extends ControlEvent> = Parameters<ClientToServerEvents[E]>[0];
/** A control's ack: { ok: true }, or the refusal's code. */
export type ControlResult = Ack;
/** Sends one instructor control and resolves with its ack (the board page wraps emitWithAck). */
export type Control = <E extends ControlEvent>(event: E, payload: ControlPayload<E>) => Promise<ControlResult>;

export interface ServerToClientEvents extends XorServerEvents {
  /** The whole roster, after a bulk change (not per join or presence: see the deltas below). Staff only. */
  "class:roster": (payload: { classId: string; roster: RosterEntry[] }) => void;
  /** A student joined the class. Staff only. */
  "class:joined": (payload: { classId: string; entry: RosterEntry }) => void;
  /** A student's first connection to the class opened (online) or their last one closed. Staff only. */
  "class:presence": (payload: { classId: string; userId: string; online: boolean }) => void;
  /** A live session of the class started (id) or ended (null). Everyone in the class room. */
  "class:session": (payload: { classId: string; liveSessionId: string | null }) => void;
  // To students of a session
  /** The session's state changed (push, pause, close, reveal, end): one message for the whole room. */
  "session:update": (update: SessionUpdate) => void;
  "session:kicked": (payload: SessionRef) => void;
  // To the board
  "board:state": (state: BoardState) => void;
  /** Pause, close, reveal, end: the session's fields changed, the tiles did not (a delta, not a snapshot). */
  "board:session": (payload: Pick<BoardState, "sessionId" | "status" | "paused" | "exercise">) => void;
  "board:progress": (payload: { sessionId: string; items: { userId: string; progress: ProgressState }[] }) => void;
  /** A student's first connection opened (with their nickname, so a new tile needs no snapshot) or their last closed. */
  "board:presence": (payload: { sessionId: string; userId: string; online: boolean; nickname?: string }) => void;
  /** A student joined an experiment's group (by choice, or arriving late). */
  "board:group": (payload: { sessionId: string; experimentId: string; userId: string; group: number }) => void;
  "board:result": (payload: { sessionId: string; userId: string; result: SubmissionResult; answer?: unknown }) => void;
}

export interface SocketUser {
  id: string;
  role: "INSTRUCTOR" | "STUDENT";
  name: string;
}
