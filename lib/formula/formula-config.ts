/**
 * The checks an activation preset with formulas needs beyond its zod schema
 * (they need the mathjs parser, so they live apart from lib/lessons/exercises.ts):
 * every formula compiles and is finite on the plotted range, and the question
 * stays fair over the built-in and the formula activations together. Also the
 * grading of such a preset, with the same built activations.
 */
import type { ActivationConfig } from "../lessons/exercises";
import type { FormulaError } from "./formula-errors";
import { buildCustoms } from "./formula-activation";
import { expectedAnswer, gradeActivationAnswer, type ActivationGrade } from "../grading/questions";

export type PresetCheck = { ok: true } | { ok: false; code: "formulaInvalid"; at: number; error: FormulaError } | { ok: false; code: "questionUnfair" };

export function checkActivationPreset(config: ActivationConfig): PresetCheck {
  const customs = config.customs ?? [];
  if (customs.length === 0) return { ok: true };
  const built = buildCustoms(customs);
  if (!built.ok) return { ok: false, code: "formulaInvalid", at: built.at, error: built.error };
  const right = expectedAnswer(config.question, config.activations, built.activations).length;
  const offered = config.activations.length + customs.length;
  return right > 0 && right < offered ? { ok: true } : { ok: false, code: "questionUnfair" };
}

/** gradeActivationAnswer with the preset's formulas built; a preset whose formulas do not build grades as invalid. */
export function gradeActivationPreset(config: ActivationConfig, answer: unknown): ActivationGrade {
  const built = buildCustoms(config.customs ?? []);
  if (!built.ok) return { ...gradeActivationAnswer(config, answer), correct: false, score: 0, reason: "invalid" };
  return gradeActivationAnswer(config, answer, built.activations);
}
