// Locked presets: when the instructor locks an exercise's settings, a run counts only with the
// preset's learning rate and at most its epochs (the gate is always the preset's). Pure.
import type { ExerciseConfig } from "./exercises";

export type LockViolation = "lr" | "epochs";

const sameLr = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

/** Which locked setting a submitted run breaks, or null when it keeps to the lock (or none is set). */
export function lockViolation(config: ExerciseConfig, payload: unknown): LockViolation | null {
  if (config.type === "ACTIVATION" || !config.locked) return null;
  if (!payload || typeof payload !== "object") return null; // not a run at all: the grader says "invalid"
  const { lr, epochs } = payload as { lr?: unknown; epochs?: unknown };
  if (typeof lr === "number" && !sameLr(lr, config.lr)) return "lr";
  if (typeof epochs === "number" && epochs > config.epochs) return "epochs";
  return null;
}
