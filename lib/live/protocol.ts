// The socket.io event vocabulary, typed both ways and validated at the edge with zod.
// Keep it tight: every event a client may send has a schema here and an ack with a clear result.
import { z } from "zod";
import type { Ack } from "../edge/error-codes";
import { chooseGroupSchema } from "../experiments/experiments";
import { kickSchema, pauseSchema, progressSchema, pushSchema, sessionRef, submitSchema } from "./session-protocol";
import type { BoardState, Kick, Pause, Progress, ProgressState, Push, SessionRef, SessionUpdate, StudentSessionState, Submit, SubmissionResult } from "./session-protocol";
import { xorSubmitSchema, type XorClientEvents, type XorServerEvents } from "./xor-protocol";

export const watchClassSchema = z.object({ classId: z.string().min(1).max(64) });
export type WatchClass = z.infer<typeof watchClassSchema>;

export interface RosterEntry {
  userId: string;
  nickname: string;
  joinedAt: string; // ISO time
  online: boolean;
}

export type { Ack };

/**
 * Every client event: its payload is the z.infer of its schema (`clientSchemas` below, which the
 * server parses it with), its ack's answer is here too. A renamed event or field fails the type
 * check on the page that sends it and on the server that handles it.
 */
export interface ClientToServerEvents extends XorClientEvents {
  /** Join a class's room: an instructor of the class, or a student enrolled in it. */
  "class:watch": (payload: WatchClass, ack: (res: Ack<{ roster?: RosterEntry[]; liveSessionId?: string | null }>) => void) => void;
  // Students
  /** The ack carries the student's own view and user id (to derive views from `session:update`). */
  "session:enter": (payload: SessionRef, ack: (res: Ack<{ state: StudentSessionState; userId: string }>) => void) => void;
  "session:progress": (payload: Progress) => void;
  "session:submit": (payload: Submit, ack: (res: Ack<{ result: SubmissionResult }>) => void) => void;
  /** In an experiment by choice: join one of its groups (once). */
  "experiment:choose": (payload: z.infer<typeof chooseGroupSchema>, ack: (res: Ack<{ group: number }>) => void) => void;
  // Instructors
  "board:watch": (payload: SessionRef, ack: (res: Ack<{ state: BoardState }>) => void) => void;
  "control:push": (payload: Push, ack: (res: Ack) => void) => void;
  "control:pause": (payload: Pause, ack: (res: Ack) => void) => void;
  "control:close": (payload: SessionRef, ack: (res: Ack) => void) => void;
  "control:reveal": (payload: SessionRef, ack: (res: Ack) => void) => void;
  "control:kick": (payload: Kick, ack: (res: Ack) => void) => void;
  "control:end": (payload: SessionRef, ack: (res: Ack) => void) => void;
}

/** A client event's payload, as the event map says (the z.infer of its schema). */
export type ClientPayload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
/** A client event's ack, as the event map says: `Ack<…>`, or never for an event without one (progress). */
export type ClientAck<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]> extends [unknown, (res: infer R) => void] ? R : never;

/** The schema each client event's payload is parsed with; one per event of the map, matching its payload type. */
export const clientSchemas: { readonly [E in keyof ClientToServerEvents]: z.ZodType<ClientPayload<E>> } = {
  "class:watch": watchClassSchema,
  "session:enter": sessionRef,
  "session:progress": progressSchema,
  "session:submit": submitSchema,
  "experiment:choose": chooseGroupSchema,
  "board:watch": sessionRef,
  "control:push": pushSchema,
  "control:pause": pauseSchema,
  "control:close": sessionRef,
  "control:reveal": sessionRef,
  "control:kick": kickSchema,
  "control:end": sessionRef,
  "control:unlock": sessionRef,
  "xor:watch": sessionRef,
  "xor:submit": xorSubmitSchema,
};

/** The instructor's controls on a live session: their names and payloads come from the map above. */
export type ControlEvent = Extract<keyof ClientToServerEvents, `control:${string}`>;
export type ControlPayload<E extends ControlEvent> = ClientPayload<E>;
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
