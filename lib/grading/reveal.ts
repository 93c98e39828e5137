// The answer an instructor reveals, per exercise: computed from the config with the same pure
// functions that grade (never a stored answer key).
import type { Activation, ChoiceId } from "../nn/activations";
import type { ExerciseConfig } from "../lessons/exercises";
import type { QuestionId } from "./questions";
import { XOR_CORRECT_EXPLANATION, XOR_MAX_ACCURACY, type XorExplanation } from "./grading";
import { accuracy, train, type Perceptron } from "../nn/perceptron";
import { expectedAnswer } from "./questions";

export type RevealedAnswer =
  | { type: "ACTIVATION"; question: QuestionId; expected: ChoiceId[] }
  | { type: "GATE"; gate: string; example: ({ lr: number; epochs: number; seed: number } & Perceptron) | null }
  | { type: "XOR"; explanation: XorExplanation; maxAccuracy: number };

/** Seeds tried for an example gate run that learns the whole truth table. */
const EXAMPLE_SEEDS = 50;

/** `customs`: a preset's formula activations, built (lib/formula/formula-activation.ts), when it has any. */
export function revealedAnswer(config: ExerciseConfig, customs: readonly Activation[] = []): RevealedAnswer {
  if (config.type === "ACTIVATION") {
    return { type: "ACTIVATION", question: config.question, expected: expectedAnswer(config.question, config.activations, customs) };
  }
  if (config.type === "XOR") return { type: "XOR", explanation: XOR_CORRECT_EXPLANATION, maxAccuracy: XOR_MAX_ACCURACY };
  const { gate, lr, epochs } = config;
  for (let seed = 1; seed <= EXAMPLE_SEEDS; seed++) {
    const { final } = train({ gate, lr, epochs, seed });
    if (accuracy(final, gate) === 1) return { type: "GATE", gate, example: { lr, epochs, seed, w: final.w, b: final.b } };
  }
  return { type: "GATE", gate, example: null };
}
