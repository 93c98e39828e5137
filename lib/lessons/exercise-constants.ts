// Constants of the exercises and their grading that the browser needs on every exercise page,
// kept apart from the zod schemas (lib/lessons/exercises.ts, lib/grading/grading.ts re-export them) so that
// those pages do not ship zod. The graders themselves load when a student checks an answer.
export const TRAINABLE_GATES = ["AND", "OR", "NAND", "NOR"] as const;

/** Slider ranges for the explorer's parameters (also bounds for a progress payload). */
export const PARAM_RANGES = {
  threshold: { min: -3, max: 3, step: 0.05 },
  alpha: { min: 0, max: 2, step: 0.01 },
} as const;

export const SEED_MAX = 2 ** 32 - 1;
export const NOTE_MAX = 500;
/** The best one perceptron can do on XOR: 3 of 4. */
export const XOR_MAX_ACCURACY = 0.75;
export const XOR_EXPLANATIONS = ["lrTooSmall", "tooFewEpochs", "notSeparable", "badSeed", "notDifferentiable"] as const;
export type XorExplanation = (typeof XOR_EXPLANATIONS)[number];
export const XOR_CORRECT_EXPLANATION: XorExplanation = "notSeparable";
