// An exercise's preset as the browser receives it (ExerciseView.config, from the server's
// database). Every preset is parsed with the schemas of lib/lessons/exercises.ts where it comes in (the
// preset form, a lesson file, a copy, the built-in lesson), so the browser only tells the three
// kinds apart by their `type`, without zod (31 KB on every live page).
import type { ActivationConfig, ExerciseConfig, GateConfig, XorConfig } from "./exercises";

export type ExerciseType = ExerciseConfig["type"];
const TYPES: readonly unknown[] = ["ACTIVATION", "GATE", "XOR"] satisfies ExerciseType[];

/** The preset, when it is one (an object with a known `type`), else null. */
export function exerciseConfig(raw: unknown): ExerciseConfig | null {
  return raw !== null && typeof raw === "object" && TYPES.includes((raw as { type?: unknown }).type) ? (raw as ExerciseConfig) : null;
}

export const isActivationConfig = (c: ExerciseConfig | null): c is ActivationConfig => c?.type === "ACTIVATION";
export const isGateConfig = (c: ExerciseConfig | null): c is GateConfig => c?.type === "GATE";
export const isXorConfig = (c: ExerciseConfig | null): c is XorConfig => c?.type === "XOR";
