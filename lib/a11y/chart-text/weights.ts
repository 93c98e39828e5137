/** Facts of the weight trajectory: where w1, w2 and b started and stand, and since when they stopped moving. */
import type { Perceptron } from "../../nn/perceptron";
import { clean } from "./curve";

export type WeightName = "w1" | "w2" | "b";
export interface WeightSeries { name: WeightName; from: number; to: number; low: number; high: number }

export interface WeightFacts {
  /** Epochs done of the run's total. */
  epoch: number;
  total: number;
  /** w1, w2, b in that order: the random start, now, and the range between. */
  series: WeightSeries[];
  /** The one that moved most (|to - from|), null before any epoch or when nothing moved. */
  moved: WeightName | null;
  /** The last epoch (1-based) that changed a weight; 0 if none did. */
  lastChange: number;
}

const NAMES: WeightName[] = ["w1", "w2", "b"];
const valuesOf = (m: Perceptron) => [m.w[0], m.w[1], m.b];

export function weightFacts(init: Perceptron, history: readonly Perceptron[], total: number): WeightFacts {
  const start = valuesOf(init);
  const lo = [...start], hi = [...start];
  let prev = start, lastChange = 0;
  history.forEach((m, i) => {
    const v = valuesOf(m);
    v.forEach((x, k) => { lo[k] = Math.min(lo[k], x); hi[k] = Math.max(hi[k], x); });
    if (v.some((x, k) => x !== prev[k])) lastChange = i + 1;
    prev = v;
  });
  const series = NAMES.map((name, k) => ({ name, from: clean(start[k]), to: clean(prev[k]), low: clean(lo[k]), high: clean(hi[k]) }));
  let moved: WeightName | null = null, most = 0;
  for (const s of series) if (Math.abs(s.to - s.from) > most) { most = Math.abs(s.to - s.from); moved = s.name; }
  return { epoch: history.length, total, series, moved, lastChange };
}
