// One entry point for grading any exercise's submission, shared by the server (the score that is
// stored) and the browser (practice feedback). The score is always recomputed from what the student
// did (settings, weights, choices), never taken from the payload.
import { exerciseConfigSchema } from "../lessons/exercises";
import { gateSubmissionSchema, gradeGateRun, gradeXorReplay, xorSubmissionSchema, type XorReplay } from "./grading";
import { gradeActivationPreset } from "../formula/formula-config";
import { activationAnswerSchema } from "./questions";
import { lockViolation } from "../lessons/preset-lock";

export interface GradeResult {
  /** False when the payload is not a submission for this exercise at all. */
  valid: boolean;
  correct: boolean;
  score: number;
  maxScore: number;
  reason: string;
  /** An XOR answer: the grading's own replay of the run (the board's class result reuses it, no second replay). */
  xorReplay?: XorReplay;
}

export function gradeSubmission(config: unknown, payload: unknown): GradeResult {
  const parsed = exerciseConfigSchema.safeParse(config);
  if (!parsed.success) return { valid: false, correct: false, score: 0, maxScore: 0, reason: "invalidConfig" };
  const c = parsed.data;
  const xor = c.type === "XOR" ? gradeXorReplay(c, payload) : null;
  const g = c.type === "GATE" ? gradeGateRun(c, payload) : c.type === "XOR" ? xor!.grade : gradeActivationPreset(c, payload);
  if (g.reason === "invalid") return { valid: false, correct: false, score: 0, maxScore: c.points, reason: g.reason };
  const replayed = xor?.replay ? { xorReplay: xor.replay } : {};
  // A locked preset: a run with other settings earns nothing, whatever it reached.
  if (lockViolation(c, payload)) return { valid: true, correct: false, score: 0, maxScore: c.points, reason: "settingsLocked", ...replayed };
  return { valid: true, correct: g.correct, score: g.score, maxScore: c.points, reason: g.reason, ...replayed };
}

/**
 * What is stored of a submission: the payload as its exercise type's schema reads it, so that a
 * field the browser added (a claimed score, anything else) is never kept. Null if it does not parse.
 */
export function storedPayload(config: unknown, payload: unknown): Record<string, unknown> | null {
  const parsed = exerciseConfigSchema.safeParse(config);
  if (!parsed.success) return null;
  const schema = parsed.data.type === "GATE" ? gateSubmissionSchema : parsed.data.type === "XOR" ? xorSubmissionSchema : activationAnswerSchema;
  const p = schema.safeParse(payload);
  return p.success ? (p.data as Record<string, unknown>) : null;
}
