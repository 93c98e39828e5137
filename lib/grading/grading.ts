/**
 * Pure grading of the perceptron exercises. Nothing the browser claims is
 * trusted: a gate run is replayed from its settings with train(), and an XOR
 * answer's best accuracy is replayed too. The same functions check a practice
 * answer in the browser and (later) a live answer on the server.
 */
import { z } from "zod";
import { TRAINABLE_GATES, type GateConfig, type XorConfig } from "../lessons/exercises";
import { NOTE_MAX, SEED_MAX, XOR_CORRECT_EXPLANATION, XOR_EXPLANATIONS, XOR_MAX_ACCURACY, type XorExplanation } from "../lessons/exercise-constants";
export { NOTE_MAX, SEED_MAX, XOR_CORRECT_EXPLANATION, XOR_EXPLANATIONS, XOR_MAX_ACCURACY, type XorExplanation };
import { predict, samplesOf, train, weightsMatch, type Perceptron } from "../nn/perceptron";
import { customPointsSchema } from "../nn/custom-points-schema";
import { samePoints } from "../nn/custom-points";
import { conceptAnswersSchema } from "./concept-schema";
import { wrongConcepts } from "./concepts";

/** Seeds are 32-bit unsigned integers (d3's LCG uses 32 bits). */

const finite = z.number().finite();
const lr = z.number().gt(0).max(10);
const epochs = z.number().int().min(1).max(10_000);
const seed = z.number().int().min(0).max(SEED_MAX);

export const gateSubmissionSchema = z.object({
  gate: z.enum(TRAINABLE_GATES),
  lr,
  /** Epochs actually trained (the weights are the ones after that many epochs). */
  epochs,
  seed,
  w: z.tuple([finite, finite]),
  b: finite,
  /** The points trained on (the preset's own points, lib/nn/custom-points.ts), when it has them. */
  customPoints: customPointsSchema.optional(),
});
export type GateSubmission = z.infer<typeof gateSubmissionSchema>;

/** Why one perceptron fails on XOR: one true explanation, four tempting ones. */

export const xorSubmissionSchema = z.object({
  /** Settings of the run that reached the best accuracy; epochs = epochs trained when it was reached. */
  lr,
  epochs,
  seed,
  bestAccuracy: z.number().min(0).max(1),
  explanation: z.enum(XOR_EXPLANATIONS),
  note: z.string().max(NOTE_MAX).optional(),
  /** Answers to the preset's concept questions (lib/grading/concepts.ts), when it asks any. */
  concepts: conceptAnswersSchema.optional(),
});
export type XorSubmission = z.infer<typeof xorSubmissionSchema>;

export type GateReason = "ok" | "invalid" | "wrongGate" | "wrongPoints" | "mismatch" | "notLearned";
export type XorReason = "ok" | "invalid" | "impossible" | "mismatch" | "wrongExplanation" | "wrongConcept";
export interface Grade<R extends string> { correct: boolean; score: number; reason: R }

const grade = <R extends string>(points: number, reason: R, correct = false): Grade<R> => ({
  correct, score: correct ? points : 0, reason,
});

/**
 * A gate run is right when the submitted weights are exactly what training
 * (gate, lr, epochs, seed) produces, and that model gets the whole truth table
 * (or, for a preset with its own points, every one of them).
 * `practiceInit`: a practice page's initial weights (from a shared link); the
 * server never passes it (a live run always starts from its seed).
 */
export function gradeGateRun(config: GateConfig, payload: unknown, practiceInit?: Perceptron): Grade<GateReason> {
  const parsed = gateSubmissionSchema.safeParse(payload);
  if (!parsed.success) return grade(config.points, "invalid");
  const p = parsed.data;
  if (p.gate !== config.gate) return grade(config.points, "wrongGate");
  // the preset's points are what is trained on; a run on other points (or on points the preset has not) is not this exercise
  const points = config.customPoints;
  if (points ? p.customPoints !== undefined && !samePoints(points, p.customPoints) : p.customPoints !== undefined) return grade(config.points, "wrongPoints");
  const run = { gate: p.gate, lr: p.lr, epochs: p.epochs, seed: p.seed, init: practiceInit, points };
  const { final } = train(run);
  if (!weightsMatch(final, { w: p.w, b: p.b })) return grade(config.points, "mismatch");
  const { inputs, labels } = samplesOf(run);
  const learned = inputs.every(([x1, x2], k) => predict(final, x1, x2) === labels[k]);
  return learned ? grade(config.points, "ok", true) : grade(config.points, "notLearned");
}

const sameAccuracy = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * An XOR answer is right when its claimed best accuracy is possible (at most
 * 0.75), is what replaying its run really reaches, and the explanation is
 * that XOR is not linearly separable, and (when the preset asks concept questions) every one of
 * them is answered with its true choice. The optional note is not graded.
 */
export function gradeXorAnswer(config: XorConfig, payload: unknown): Grade<XorReason> {
  return gradeXorReplay(config, payload).grade;
}

/** The server's own replay of an XOR answer's run: the line it ends on and the best accuracy it reached (never the claim). */
export interface XorReplay { w: [number, number]; b: number; accuracy: number }

/** gradeXorAnswer, with the replay it ran (null when it ran none): the board's class result reuses it. */
export function gradeXorReplay(config: XorConfig, payload: unknown): { grade: Grade<XorReason>; replay: XorReplay | null } {
  const parsed = xorSubmissionSchema.safeParse(payload);
  if (!parsed.success) return { grade: grade(config.points, "invalid"), replay: null };
  const p = parsed.data;
  if (p.bestAccuracy > XOR_MAX_ACCURACY + 1e-9) return { grade: grade(config.points, "impossible"), replay: null };
  const { bestAccuracy, final } = train({ gate: "XOR", lr: p.lr, epochs: p.epochs, seed: p.seed });
  const replay: XorReplay = { w: [final.w[0], final.w[1]], b: final.b, accuracy: bestAccuracy };
  if (!sameAccuracy(bestAccuracy, p.bestAccuracy)) return { grade: grade(config.points, "mismatch"), replay };
  if (p.explanation !== XOR_CORRECT_EXPLANATION) return { grade: grade(config.points, "wrongExplanation"), replay };
  if (wrongConcepts(config.concepts ?? [], p.concepts).length > 0) return { grade: grade(config.points, "wrongConcept"), replay };
  return { grade: grade(config.points, "ok", true), replay };
}
