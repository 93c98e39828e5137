// What an exercise reports while a student works, turned into the exact `session:progress`
// payload. The server checks it with progressSchema (lib/live/session-protocol.ts) and drops what does
// not fit, silently and without spending the student's rate; the browser does not ship that schema.
import type { ChoiceId } from "../nn/activations";
import type { Progress } from "./session-protocol";
import { seededModel, weightsMatch } from "../nn/perceptron-init";

interface Run { lr: number; epochs: number; seed: number; epoch: number; accuracy: number; w: [number, number]; b: number }

export type ExerciseReport =
  | ({ type: "GATE"; gate: string } & Run)
  | ({ type: "XOR"; bestAccuracy: number | null } & Run)
  | { type: "ACTIVATION"; activation: ChoiceId; params: { threshold: number; alpha: number } };

export function toProgress(sessionId: string, exerciseId: string, report: ExerciseReport): Progress {
  const ref = { sessionId, exerciseId };
  const progress =
    report.type === "ACTIVATION"
      ? { ...ref, type: report.type, activation: report.activation, threshold: report.params.threshold, alpha: report.params.alpha }
      : report.type === "GATE"
        ? { ...ref, type: report.type, gate: report.gate, ...run(report) }
        : { ...ref, type: report.type, ...run(report), bestAccuracy: report.bestAccuracy ?? report.accuracy };
  return progress as Progress; // the gate is a string here: the server checks it (and every bound)
}

const run = (r: Run) => ({ lr: r.lr, epochs: r.epochs, seed: r.seed, epoch: r.epoch, accuracy: r.accuracy, w: [r.w[0], r.w[1]] as [number, number], b: r.b });

/**
 * A trainer that has not trained at all (epoch 0, the seed's initial weights) is not work yet:
 * the board should not show such a student as working, nor draw their untrained line.
 */
export function isUntrained(progress: Progress): boolean {
  if (progress.type === "ACTIVATION" || progress.epoch > 0) return false;
  return weightsMatch(seededModel(progress.seed), { w: progress.w, b: progress.b });
}
