// The accuracy-per-epoch replay behind the board's tile sparklines: a perceptron run rebuilt from its
// seeded settings.
import type { ProgressState } from "../live/session-protocol";
import type { GateId } from "../nn/gates";
import { startTraining, stepEpoch, type TrainState } from "../nn/perceptron";

/**
 * Accuracy after each epoch of a perceptron run, replayed from its settings (training is seeded,
 * so the settings are all the board needs). Runs are kept and extended as a student's epoch grows;
 * the least recently used runs are dropped beyond `max`.
 */
export class AccuracyReplay {
  private runs = new Map<string, TrainState>();
  constructor(private max = 500) {}

  /** Accuracy after epochs 1..epochs; with maxPoints, at most that many evenly spaced ones (always the last). */
  series(gate: GateId, lr: number, seed: number, epochs: number, maxPoints = Infinity): number[] {
    const key = `${gate}|${lr}|${seed}`;
    let run = this.runs.get(key);
    if (run) this.runs.delete(key);
    else run = startTraining({ gate, lr, seed, epochs: 10_000 });
    this.runs.set(key, run);
    if (this.runs.size > this.max) this.runs.delete(this.runs.keys().next().value!);
    const want = Math.max(0, Math.min(Math.floor(epochs), 10_000));
    while (run.epoch < want && !run.done) stepEpoch(run);
    const h = run.history;
    if (want <= maxPoints) return h.slice(0, want).map((r) => r.accuracy);
    const out: number[] = [];
    const n = Math.max(1, Math.floor(maxPoints));
    for (let k = 0; k < n - 1; k++) out.push(h[Math.floor((k * want) / n)].accuracy);
    out.push(h[want - 1].accuracy);
    return out;
  }
}

/** The perceptron's run settings in a progress message (gate and XOR exercises), or null. */
export function runOf(p: ProgressState | null): { gate: GateId; lr: number; epochs: number; seed: number; epoch: number } | null {
  if (!p || p.type === "ACTIVATION") return null;
  return { gate: p.type === "GATE" ? p.gate : "XOR", lr: p.lr, epochs: p.epochs, seed: p.seed, epoch: p.epoch };
}
