/**
 * The activation explorer's question: "select every offered activation that
 * ...". The right answer is never a stored list: it is computed from the
 * properties each activation carries in activations.ts, so the same pure
 * function grades a practice answer in the browser and a live one on the
 * server.
 */
import { z } from "zod";
import { ACTIVATIONS, ACTIVATION_IDS, CUSTOM_KEYS, type Activation, type ActivationId, type ChoiceId } from "../nn/activations";

/** The explorer's questions; each is answered by the offered activations that have its property. */
export const QUESTION_IDS = ["saturatesBothSides", "derivativeAtMostQuarter", "zeroCentred", "noSaturationForPositive"] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** What grading reads of an activation preset (ActivationConfig, lib/lessons/exercises.ts). */
export interface ActivationQuestion { question: QuestionId; activations: readonly ActivationId[]; points: number }

/** What makes an activation a right choice, per question. */
export const QUESTION_RULES: Record<QuestionId, (a: Activation) => boolean> = {
  /** Its slope dies out for large negative and for large positive inputs. */
  saturatesBothSides: (a) => a.saturates.left && a.saturates.right,
  /** Its slope is never more than 0.25 (step's is 0, ignoring the jump). */
  derivativeAtMostQuarter: (a) => a.maxDerivative <= 0.25,
  /** Symmetric inputs give outputs centred on 0. */
  zeroCentred: (a) => a.zeroCentred,
  /** Its slope does not die out for large positive inputs. */
  noSaturationForPositive: (a) => !a.saturates.right,
};

/**
 * The offered activations that answer the question, in the config's order, then the
 * formula-defined ones (`customs`, built by lib/formula/formula-activation.ts) that do.
 */
export function expectedAnswer(question: QuestionId, offered: readonly ActivationId[], customs: readonly Activation[] = []): ChoiceId[] {
  const rule = QUESTION_RULES[question];
  return [...offered.filter((id) => rule(ACTIVATIONS[id])), ...customs.filter(rule).map((a) => a.id)];
}

const CHOICE_IDS: [ChoiceId, ...ChoiceId[]] = [...CUSTOM_KEYS, ...ACTIVATION_IDS];

export const activationAnswerSchema = z.object({
  question: z.string().max(64),
  selected: z
    .array(z.enum(CHOICE_IDS))
    .max(CHOICE_IDS.length)
    .refine((ids) => new Set(ids).size === ids.length, { message: "invalidInput" }),
});
export type ActivationAnswer = z.infer<typeof activationAnswerSchema>;

export type ActivationReason = "ok" | "invalid" | "wrongQuestion" | "wrongSelection";

export interface ActivationGrade {
  correct: boolean;
  score: number;
  maxScore: number;
  reason: ActivationReason;
  /** The right selection, in the config's order. */
  expected: ChoiceId[];
  /** Right choices the answer left out. */
  missing: ChoiceId[];
  /** Choices the answer should not have made (wrong, or not offered). */
  extra: ChoiceId[];
}

/**
 * All or nothing: full points when the selection is exactly the offered
 * activations that answer the config's question (order does not matter),
 * else 0. A payload that does not parse, or answers another question, is
 * wrong too. `customs`: the config's formula activations, built (lib/formula/formula-activation.ts).
 */
export function gradeActivationAnswer(config: ActivationQuestion, answer: unknown, customs: readonly Activation[] = []): ActivationGrade {
  const expected = expectedAnswer(config.question, config.activations, customs);
  const base = { maxScore: config.points, expected };
  const parsed = activationAnswerSchema.safeParse(answer);
  if (!parsed.success) return { ...base, correct: false, score: 0, reason: "invalid", missing: expected, extra: [] };
  const { question, selected } = parsed.data;
  const chosen = new Set(selected);
  const missing = expected.filter((id) => !chosen.has(id));
  const extra = selected.filter((id) => !expected.includes(id));
  if (question !== config.question) return { ...base, correct: false, score: 0, reason: "wrongQuestion", missing, extra };
  const correct = missing.length === 0 && extra.length === 0;
  return { ...base, correct, score: correct ? config.points : 0, reason: correct ? "ok" : "wrongSelection", missing, extra };
}
