/** Facts of a histogram (the explorer's samples before/after the activation): range, where the mass is, a pile-up. */
import type { Activation, ActivationParams } from "../../nn/activations";
import type { Bin } from "../../explorer/samples";
import { clean, FLAT_EPS } from "./curve";

export interface HistogramFacts {
  total: number;
  /** The first and last non-empty bins' edges. */
  min: number;
  max: number;
  /** The central MASS of the samples lies between these edges. */
  massFrom: number;
  massTo: number;
  /** The fullest bin: where, and its share of the samples; `piled` when it alone holds PILE or more. */
  peakAt: number;
  peakShare: number;
  piled: boolean;
}

export const MASS = 0.8;
export const PILE = 0.2;

export function histogramFacts(bins: readonly Bin[]): HistogramFacts {
  const total = bins.reduce((s, b) => s + b.count, 0);
  const filled = bins.filter((b) => b.count > 0);
  if (!total) return { total, min: 0, max: 0, massFrom: 0, massTo: 0, peakAt: 0, peakShare: 0, piled: false };
  const tail = (total * (1 - MASS)) / 2;
  let acc = 0, from = 0, to = bins.length - 1, peak = 0;
  for (let i = 0; i < bins.length; i++) {
    if (acc + bins[i].count > tail && acc <= tail && from === 0 && acc + bins[i].count > 0) from = i;
    acc += bins[i].count;
    if (bins[i].count > bins[peak].count) peak = i;
  }
  acc = 0;
  for (let i = bins.length - 1; i >= 0; i--) {
    acc += bins[i].count;
    if (acc > tail) { to = i; break; }
  }
  from = Math.min(from, to);
  const p = bins[peak];
  return {
    total, min: clean(filled[0].x0), max: clean(filled[filled.length - 1].x1),
    massFrom: clean(bins[from].x0), massTo: clean(bins[to].x1),
    peakAt: clean((p.x0 + p.x1) / 2), peakShare: p.count / total, piled: p.count / total >= PILE,
  };
}

/** How many samples land where the activation is flat (|slope| < FLAT_EPS): their gradient is gone. */
export function flattenedCount(act: Activation, p: ActivationParams, samples: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < samples.length; i++) if (Math.abs(act.der(samples[i], p)) < FLAT_EPS) k++;
  return k;
}
