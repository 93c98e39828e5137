// The XOR proof's socket vocabulary: the instructor unlocks the hidden layer and watches the class
// result; students submit two-layer runs. Merged into lib/live/protocol.ts's event maps.
import { z } from "zod";
import type { Ack, ErrorCode } from "../edge/error-codes";
import { submissionRef, type SessionRef } from "./session-protocol";
import type { HiddenRun, PerceptronLine, XorBoardView } from "../xor/xor-proof";

export const xorSubmitSchema = submissionRef.extend({
  /** Checked by lib/xor/xor-net-grading.ts (xorNetRunSchema); never a score. */
  run: z.unknown(),
});
export type XorSubmit = z.infer<typeof xorSubmitSchema>;

/** What the student learns about a two-layer run the server accepted (a mismatch is refused, not stored). */
export interface XorNetResult { solved: boolean; accuracy: number; at: string }

/**
 * The ack of a two-layer run: "received" (checked, queued for its replay; its grade follows as
 * xor:graded) or, for a run already graded (the same clientId sent again), "graded" with the result.
 */
export type XorSubmitAck = { status: "received" } | { status: "graded"; result: XorNetResult };

/** A received run's grade, to its student: the replay's result, or why it was refused (replayMismatch: not stored). */
export type XorGraded = { sessionId: string; exerciseId: string; clientId: string } & ({ ok: true; result: XorNetResult } | { ok: false; error: ErrorCode });

export interface XorClientEvents {
  /** Instructor: unlock the hidden layer for everyone in the session. */
  "control:unlock": (payload: SessionRef, ack: (res: Ack) => void) => void;
  /** Instructor: the class result and the hidden-layer count, then deltas in the XOR room. */
  "xor:watch": (payload: SessionRef, ack: (res: Ack<{ view: XorBoardView }>) => void) => void;
  /** Student: a two-layer run, acknowledged on receipt, graded by replay afterwards (xor:graded). */
  "xor:submit": (payload: XorSubmit, ack: (res: Ack<XorSubmitAck>) => void) => void;
}

export interface XorServerEvents {
  /** A student's perceptron XOR answer was graded: their replayed line. */
  "xor:line": (payload: { sessionId: string; line: PerceptronLine }) => void;
  /** A student's two-layer run was accepted. */
  "xor:run": (payload: { sessionId: string; run: HiddenRun }) => void;
  "xor:unlocked": (payload: SessionRef) => void;
  /** To the student: the grade of a run acknowledged as received. */
  "xor:graded": (payload: XorGraded) => void;
}
