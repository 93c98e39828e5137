/**
 * A lesson as a file, to carry it (presets and formula activations included)
 * from one NeuronLab Live to another. Reading a file keeps every exercise that
 * validates (zod, plus the formula checks of lib/formula/formula-config.ts) and names
 * each one it refused, with the reason.
 */
import { z } from "zod";
import { exerciseConfigSchema, type ExerciseConfig } from "./exercises";
import { checkActivationPreset } from "../formula/formula-config";
import type { FormulaErrorCode } from "../formula/formula-errors";

export const LESSON_FILE_FORMAT = "neuronlab-lesson";
export const LESSON_FILE_VERSION = 1;
export const LESSON_FILE_MAX_EXERCISES = 20;

export const lessonFileSchema = z.object({
  format: z.literal(LESSON_FILE_FORMAT),
  version: z.literal(LESSON_FILE_VERSION),
  title: z.string().trim().min(1).max(120),
  exercises: z.array(z.unknown()).min(1).max(200),
});
export type LessonFile = { format: typeof LESSON_FILE_FORMAT; version: typeof LESSON_FILE_VERSION; title: string; exercises: ExerciseConfig[] };

export function toLessonFile(lesson: { title: string; exercises: { config: unknown }[] }): LessonFile {
  return { format: LESSON_FILE_FORMAT, version: LESSON_FILE_VERSION, title: lesson.title, exercises: lesson.exercises.map((e) => e.config as ExerciseConfig) };
}

export type RefusedReason = "invalidConfig" | "formulaInvalid" | "questionUnfair" | "practiceLinkInvalid" | "tooMany";
export interface Refused { /** 1-based, as in the file. */ position: number; reason: RefusedReason; code?: FormulaErrorCode }
export type ReadResult = { ok: true; title: string; accepted: ExerciseConfig[]; refused: Refused[] } | { ok: false };

/** The exercises of a lesson file that can be imported, and what was refused and why. */
export function readLessonFile(data: unknown): ReadResult {
  const file = lessonFileSchema.safeParse(data);
  if (!file.success) return { ok: false };
  const accepted: ExerciseConfig[] = [];
  const refused: Refused[] = [];
  file.data.exercises.forEach((raw, i) => {
    const position = i + 1;
    const parsed = exerciseConfigSchema.safeParse(raw);
    if (!parsed.success) return refused.push({ position, reason: configReason(parsed.error.issues) });
    if (parsed.data.type === "ACTIVATION") {
      const check = checkActivationPreset(parsed.data);
      if (!check.ok) return refused.push(check.code === "formulaInvalid" ? { position, reason: "formulaInvalid", code: check.error.code } : { position, reason: "questionUnfair" });
    }
    if (accepted.length >= LESSON_FILE_MAX_EXERCISES) return refused.push({ position, reason: "tooMany" });
    accepted.push(parsed.data);
  });
  return { ok: true, title: file.data.title, accepted, refused };
}

/** The most telling reason a config was refused: a named rule it broke, else "invalidConfig". */
function configReason(issues: { message: string }[]): RefusedReason {
  for (const named of ["questionUnfair", "practiceLinkInvalid"] as const) if (issues.some((x) => x.message === named)) return named;
  return "invalidConfig";
}
