// Exercise presets: what an instructor can set for each of the three exercise types.
// Stored as Exercise.config (JSON); always parsed through these schemas at the edge.
import { z } from "zod";
import { customDefSchema } from "../formula/custom-def";
import { expectedAnswer, QUESTION_IDS, type QuestionId } from "../grading/questions";
import { attemptPolicySchema } from "../grading/attempts";
import { practiceLinkSchema } from "../practice/practice-link";
import { askedConceptsSchema } from "../grading/concept-schema";
import { customPointsSchema } from "../nn/custom-points-schema";
import { PARAM_RANGES, TRAINABLE_GATES } from "./exercise-constants";
export { PARAM_RANGES, TRAINABLE_GATES };

export const ACTIVATION_CHOICES = ["step", "linear", "sigmoid", "tanh", "relu", "leakyRelu", "elu", "softplus", "gelu", "swish"] as const;
/** The explorer's multi-select questions; what counts as right is computed in questions.ts. */

const lr = z.number().gt(0).max(10);
const epochs = z.number().int().min(1).max(10_000);
const points = z.number().int().min(0).max(1000);
/** The attempt policy (lib/grading/attempts.ts); absent: unlimited, score at once, best counts. */
const attempts = attemptPolicySchema.optional();
/** Locked: a run must use the preset's learning rate and at most its epochs (lib/lessons/preset-lock.ts). */
const locked = z.boolean().optional();
/** "Try it on your own": a practice page of this site with its settings (lib/practice/practice-link.ts). */
const practiceLink = practiceLinkSchema.optional();

/**
 * A fair question: among the offered activations at least one is a right
 * choice and at least one is not (otherwise "select all" or "select none"
 * would be the answer without thinking).
 */
export function questionIsFair(question: QuestionId, activations: readonly (typeof ACTIVATION_CHOICES)[number][]): boolean {
  const right = expectedAnswer(question, activations).length;
  return right > 0 && right < activations.length;
}

export const activationConfigSchema = z
  .object({
    type: z.literal("ACTIVATION"),
    activations: z.array(z.enum(ACTIVATION_CHOICES)).min(2, { message: "tooFewActivations" }).max(ACTIVATION_CHOICES.length),
    question: z.enum(QUESTION_IDS),
    points,
    /** Activations defined by a formula (keys custom1..custom3 in this order); checked with the parser by lib/formula/formula-config.ts. */
    customs: z.array(customDefSchema).max(3).optional(),
    attempts,
    practiceLink,
  })
  .refine((c) => new Set(c.activations).size === c.activations.length, { message: "invalidInput", path: ["activations"] })
  // with formulas, fairness needs the parser: lib/formula/formula-config.ts checks it where the preset is saved
  .refine((c) => (c.customs?.length ?? 0) > 0 || questionIsFair(c.question, c.activations), { message: "questionUnfair", path: ["question"] });

/** A training run's settings, shared by the gate and the XOR exercises. */
const runFields = { lr, epochs, points, attempts, locked, practiceLink };

export const gateConfigSchema = z.object({
  type: z.literal("GATE"),
  gate: z.enum(TRAINABLE_GATES),
  ...runFields,
  /** The class's own points to train on instead of the gate's truth table (lib/nn/custom-points.ts). */
  customPoints: customPointsSchema.optional(),
});

export const xorConfigSchema = z.object({
  type: z.literal("XOR"),
  ...runFields,
  /** Questions on why a network needs a non-linear activation, asked with the XOR answer (lib/grading/concepts.ts). */
  concepts: askedConceptsSchema.optional(),
  /** The class's own points for the network (after the hidden layer is unlocked) to train on instead of XOR's four (lib/nn/custom-points.ts). */
  customPoints: customPointsSchema.optional(),
});

export const exerciseConfigSchema = z.discriminatedUnion("type", [activationConfigSchema, gateConfigSchema, xorConfigSchema]);
export type ExerciseConfig = z.infer<typeof exerciseConfigSchema>;
export type ActivationConfig = z.infer<typeof activationConfigSchema>;
export type GateConfig = z.infer<typeof gateConfigSchema>;
export type XorConfig = z.infer<typeof xorConfigSchema>;

/** The built-in lesson, after the source note: activations, then AND/OR, then XOR. */
export const BUILTIN_LESSON = {
  slug: "activation-basics",
  title: "Activation functions and the perceptron",
  exercises: [
    { type: "ACTIVATION", activations: [...ACTIVATION_CHOICES], question: "saturatesBothSides", points: 10 },
    { type: "GATE", gate: "AND", lr: 0.01, epochs: 1000, points: 10 },
    { type: "XOR", lr: 0.01, epochs: 1000, points: 10 },
  ] satisfies ExerciseConfig[],
};

/** The built-in lesson's activation exercise (the practice page's config). */
export const BUILTIN_ACTIVATION_CONFIG: ActivationConfig = activationConfigSchema.parse(
  BUILTIN_LESSON.exercises.find((e) => e.type === "ACTIVATION"),
);

