// lib/nn/mlp.ts's scratch space for a run: the buffers an epoch reuses, and the scoring pass kept for
// the next epoch's forward pass (replayMlp).
import { mlpSamples } from "./mlp-forward";
import type { MlpConfig, MlpUnit } from "./mlp-net";
import type { Samples } from "./custom-points";

/**
 * A run's scratch space, made once for its shape and reused every epoch (an epoch allocates only
 * its history record): the gradient sums (then the old weights while a step is checked), the
 * deltas, the forward pass's z and h, each hidden unit's z on every sample (for the unit counts).
 * Flat Float64Arrays hold the same doubles the arrays of arrays held: the sums, in the same order,
 * come out the same to the bit.
 */
export interface Work {
  units: number[]; inputs: number[]; n: number; points: MlpConfig["points"]; samples: Samples;
  /** Per layer: unit j's weight i at j * inputs + i; its bias at j. */
  gw: Float64Array[]; gb: Float64Array[];
  /** Per layer: unit j's delta for the current sample. */
  delta: Float64Array[];
  /** Per hidden layer: unit j's z on sample k at j * n + k. */
  zs: Float64Array[];
  z: number[][]; h: number[][]; x: number[];
  /**
   * replayMlp only: the last scoring pass (after the update) per sample, z and h per hidden layer at
   * k * units + j and the output at k; it ran on the net the next epoch starts from, so that epoch's
   * forward pass is these numbers. `kept`: they are of the current net.
   */
  zk: Float64Array[]; hk: Float64Array[]; yk: Float64Array; kept: boolean;
}
const WORK = new WeakMap<object, Work>();

/** `state`: the run (lib/nn/mlp.ts MlpState) the buffers belong to. */
export function workFor(state: { config: Pick<MlpConfig, "points"> }, layers: MlpUnit[][]): Work {
  const points = state.config.points;
  const w = WORK.get(state);
  if (w && w.points === points && w.units.length === layers.length && layers.every((l, i) => l.length === w.units[i] && l[0].w.length === w.inputs[i])) return w;
  const samples = mlpSamples(points);
  const n = samples.inputs.length;
  const units = layers.map((l) => l.length);
  const inputs = layers.map((l) => l[0].w.length);
  const hidden = layers.slice(0, -1);
  const made: Work = {
    units, inputs, n, points, samples,
    gw: layers.map((_, l) => new Float64Array(units[l] * inputs[l])),
    gb: layers.map((_, l) => new Float64Array(units[l])),
    delta: layers.map((_, l) => new Float64Array(units[l])),
    zs: hidden.map((_, l) => new Float64Array(units[l] * n)),
    z: hidden.map((l) => new Array<number>(l.length).fill(0)),
    h: hidden.map((l) => new Array<number>(l.length).fill(0)),
    x: [0, 0],
    zk: hidden.map((_, l) => new Float64Array(units[l] * n)),
    hk: hidden.map((_, l) => new Float64Array(units[l] * n)),
    yk: new Float64Array(n),
    kept: false,
  };
  WORK.set(state, made);
  return made;
}


/** The scoring pass's sample k (its z, h and output y) kept for the next epoch. */
export function keep(w: Work, k: number, y: number) {
  for (let l = 0; l < w.z.length; l++) {
    const zl = w.z[l], hl = w.h[l], u = zl.length;
    for (let j = 0; j < u; j++) { w.zk[l][k * u + j] = zl[j]; w.hk[l][k * u + j] = hl[j]; }
  }
  w.yk[k] = y;
}

/** forwardLayers's results for sample k, from the kept scoring pass; returns the output. */
export function restore(w: Work, k: number, x1: number, x2: number): number {
  w.x[0] = x1;
  w.x[1] = x2;
  for (let l = 0; l < w.z.length; l++) {
    const zl = w.z[l], hl = w.h[l], u = zl.length;
    for (let j = 0; j < u; j++) { zl[j] = w.zk[l][k * u + j]; hl[j] = w.hk[l][k * u + j]; }
  }
  return w.yk[k];
}

