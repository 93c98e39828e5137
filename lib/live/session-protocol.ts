// The live-session part of the socket vocabulary: what students stream and submit, what the
// instructor controls, what the board receives. Every client payload has a zod schema here.
import { z } from "zod";
import { CUSTOM_KEYS } from "../nn/activations";
import { ACTIVATION_CHOICES, TRAINABLE_GATES } from "../lessons/exercises";
import { experimentSpecSchema, type ExperimentInfo } from "../experiments/experiments";

const id = z.string().min(1).max(64);
const finite = z.number().finite();
const unit = z.number().min(0).max(1);

export const sessionRef = z.object({ sessionId: id });
export type SessionRef = z.infer<typeof sessionRef>;

/** Streamed while a student works: droppable (volatile), at most a few per second. */
export const progressSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("GATE"),
    sessionId: id,
    exerciseId: id,
    gate: z.enum([...TRAINABLE_GATES, "XOR"]),
    lr: z.number().gt(0).max(10),
    epochs: z.number().int().min(1).max(10_000),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    epoch: z.number().int().min(0).max(10_000),
    accuracy: unit,
    w: z.tuple([finite, finite]),
    b: finite,
  }),
  z.object({
    type: z.literal("XOR"),
    sessionId: id,
    exerciseId: id,
    lr: z.number().gt(0).max(10),
    epochs: z.number().int().min(1).max(10_000),
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    epoch: z.number().int().min(0).max(10_000),
    accuracy: unit,
    bestAccuracy: unit,
    w: z.tuple([finite, finite]),
    b: finite,
  }),
  z.object({
    type: z.literal("ACTIVATION"),
    sessionId: id,
    exerciseId: id,
    /** A built-in activation, or a preset's formula by its key (the board names it by its label). */
    activation: z.enum([...ACTIVATION_CHOICES, ...CUSTOM_KEYS]),
    threshold: finite,
    alpha: finite,
  }),
]);
export type Progress = z.infer<typeof progressSchema>;
/** Progress as stored and shown: without the addressing fields. */
export type ProgressState = DistributiveOmit<Progress, "sessionId" | "exerciseId">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A submission: what is needed to verify, never a score. Checked per exercise type on the server. */
/** What every submission carries (this one and the XOR proof's network runs): where it goes, and its id (a resend shares it). */
export const submissionRef = z.object({ sessionId: id, exerciseId: id, clientId: z.string().min(8).max(64) });
export const submitSchema = submissionRef.extend({ payload: z.unknown() });
export type Submit = z.infer<typeof submitSchema>;

export const pushSchema = z.object({
  sessionId: id,
  exerciseId: id,
  /** Only these students; omitted or empty: everyone. */
  userIds: z.array(id).max(5000).optional(),
  /** Push it as an experiment: groups with different settings (lib/experiments/experiments.ts). */
  experiment: experimentSpecSchema.optional(),
});
export const pauseSchema = z.object({ sessionId: id, paused: z.boolean() });
export const kickSchema = z.object({ sessionId: id, userId: id });
export type Push = z.infer<typeof pushSchema>;
export type Pause = z.infer<typeof pauseSchema>;
export type Kick = z.infer<typeof kickSchema>;

export interface ExerciseView {
  id: string;
  position: number;
  type: "ACTIVATION" | "GATE" | "XOR";
  config: unknown;
  points: number;
  /** The experiment running on this exercise, with every student's group (only on the current exercise). */
  experiment?: ExperimentInfo;
}

/** What a student's page needs to show the session. */
export interface StudentSessionState {
  sessionId: string;
  status: "LIVE" | "ENDED";
  paused: boolean;
  /** The exercise this student should be doing, or null (waiting). */
  exercise: (ExerciseView & { open: boolean; revealed: boolean }) | null;
  /** The student's own latest progress and best result for that exercise. */
  progress: ProgressState | null;
  result: SubmissionResult | null;
  /** The XOR proof's next step is unlocked for the session (lib/xor/xor-proof.ts). */
  hiddenLayer?: boolean;
}

/**
 * A change of the session's state, broadcast once to the whole session room (one message for
 * 2,000 students): who is targeted travels inside, and each browser derives its own view with
 * `studentView` (lib/live/session-view.ts).
 */
export interface SessionUpdate {
  sessionId: string;
  status: "LIVE" | "ENDED";
  paused: boolean;
  exercise: (ExerciseView & { open: boolean; revealed: boolean }) | null;
  /** Students the exercise is for; empty: everyone. */
  targetUserIds: string[];
  /** The XOR proof's next step is unlocked for the session. */
  hiddenLayer?: boolean;
}

export interface SubmissionResult {
  exerciseId: string;
  score: number;
  maxScore: number;
  correct: boolean;
  reason?: string;
  at: string;
  /** To the student, before the reveal, under "feedback after reveal": score and reason withheld. */
  hidden?: boolean;
  /** Attempts left under the exercise's policy (null: unlimited), and attempts used (lib/grading/attempts.ts). */
  attemptsLeft?: number | null;
  attempts?: number;
}

export type TileStatus = "joined" | "working" | "submitted" | "correct" | "disconnected";

export interface BoardTile {
  userId: string;
  nickname: string;
  online: boolean;
  status: TileStatus;
  progress: ProgressState | null;
  result: SubmissionResult | null;
  /** The submitted answer's summary for class-wide charts (explanation id, chosen activations). */
  answer?: unknown;
  /** The latest run of identical failing attempts (lib/board/help-flags.ts), when there is one. */
  repeat?: { key: string; count: number; since: string };
}

export interface BoardState {
  sessionId: string;
  classId: string;
  status: "LIVE" | "ENDED";
  paused: boolean;
  exercise: (ExerciseView & { open: boolean; revealed: boolean; targetUserIds: string[] }) | null;
  exercises: ExerciseView[];
  tiles: BoardTile[];
}
