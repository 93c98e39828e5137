// A stored submission's training curve, replayed from its settings with train() — the same run the
// student saw, recomputed, never a screenshot.
import { gateSubmissionSchema, xorSubmissionSchema } from "./grading";
import { train } from "../nn/perceptron";
import type { GateId } from "../nn/gates";

export interface ReplayCurve {
  gate: GateId;
  lr: number;
  epochs: number;
  seed: number;
  /** Accuracy after each epoch (index 0 = after the first epoch). */
  accuracy: number[];
  /** Weights and bias after the last epoch. */
  final: { w: [number, number]; b: number };
}

/** The curve of a GATE or XOR submission's run, or null when the payload carries no run. */
export function replayCurve(type: string, payload: unknown): ReplayCurve | null {
  if (type === "GATE") {
    const p = gateSubmissionSchema.safeParse(payload);
    if (!p.success) return null;
    const r = train({ gate: p.data.gate, lr: p.data.lr, epochs: p.data.epochs, seed: p.data.seed });
    return { gate: p.data.gate, lr: p.data.lr, epochs: p.data.epochs, seed: p.data.seed, accuracy: r.history.map((h) => h.accuracy), final: r.final };
  }
  if (type === "XOR") {
    const p = xorSubmissionSchema.safeParse(payload);
    if (!p.success) return null;
    const r = train({ gate: "XOR", lr: p.data.lr, epochs: p.data.epochs, seed: p.data.seed });
    return { gate: "XOR", lr: p.data.lr, epochs: p.data.epochs, seed: p.data.seed, accuracy: r.history.map((h) => h.accuracy), final: r.final };
  }
  return null;
}
