/**
 * The smallest network that solves XOR: two sigmoid hidden units and one
 * sigmoid output (2-2-1), trained by full-batch gradient descent on the mean
 * binary cross-entropy over the four GATE_INPUTS samples. Initial weights are
 * XOR_NET_INIT_SCALE * makeRng(seed).normal(), so (seed, lr, epochs) replays
 * identically. Small initial weights avoid most of the 2-2-1 net's local
 * minima: with the defaults about 9 seeds in 10 solve XOR (seeds 1..100: 92).
 * The hidden units may use another activation (`activation`); backpropagation reads the slope from
 * ACTIVATIONS[id].der at the pre-activation, the loss is the CROSS_ENTROPY {value, der} pair.
 * The computation is lib/nn/mlp.ts's with width 2, one hidden layer and scale 0.3 (the same numbers).
 */
import { GRID_SIZE } from "../nn/grid";
import { initMlp, mlpForward, mlpGrid, mlpScore, startMlp, stepMlpEpoch, type HiddenActivation, type MlpEpochRecord, type MlpState } from "../nn/mlp";

export { CROSS_ENTROPY, HIDDEN_ACTIVATIONS, isHiddenActivation, type HiddenActivation } from "../nn/mlp";

export interface Unit { w: [number, number]; b: number }
export interface XorNet { hidden: [Unit, Unit]; out: Unit }
/** `activation` absent: sigmoid (the practice page's net). */
export interface XorNetConfig { seed: number; lr: number; epochs: number; activation?: HiddenActivation }
export type XorEpochRecord = MlpEpochRecord;
export interface XorNetState { config: XorNetConfig; net: XorNet; epoch: number; history: XorEpochRecord[]; done: boolean }
export interface XorNetResult { init: XorNet; final: XorNet; history: XorEpochRecord[]; bestAccuracy: number }

export const XOR_NET_DEFAULTS = { lr: 2, epochs: 3000 } as const;
export const XOR_NET_INIT_SCALE = 0.3;

const cloneUnit = (u: Unit): Unit => ({ w: [u.w[0], u.w[1]], b: u.b });
export const cloneXorNet = (n: XorNet): XorNet => ({ hidden: [cloneUnit(n.hidden[0]), cloneUnit(n.hidden[1])], out: cloneUnit(n.out) });

/** Draw order: hidden[0] (w0, w1, b), hidden[1] (w0, w1, b), out (w0, w1, b): lib/nn/mlp.ts's, width 2. */
export function initXorNet(seed: number): XorNet {
  return initMlp({ seed, width: 2, layers: 1, initScale: XOR_NET_INIT_SCALE }) as XorNet;
}

/** Forward pass; `z` are the hidden pre-activations (backpropagation reads the derivative there). */
export function xorNetForward(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): { z: [number, number]; h: [number, number]; y: number } {
  const { z, h, y } = mlpForward(net, x1, x2, activation);
  return { z: [z[0][0], z[0][1]], h: [h[0][0], h[0][1]], y };
}

export function xorNetOutput(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): number {
  return xorNetForward(net, x1, x2, activation).y;
}

export function xorNetPredict(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): 0 | 1 {
  return xorNetOutput(net, x1, x2, activation) < 0.5 ? 0 : 1;
}

export const xorNetAccuracy = (net: XorNet, activation?: HiddenActivation): number => mlpScore(net, activation).accuracy;

/** Mean binary cross-entropy over the four samples (clamped away from log 0). */
export const xorNetLoss = (net: XorNet, activation?: HiddenActivation): number => mlpScore(net, activation).loss;

export function startXorNet(config: XorNetConfig): XorNetState {
  const s = startMlp({ ...config, width: 2, layers: 1, initScale: XOR_NET_INIT_SCALE });
  return { ...s, config, net: s.net as XorNet };
}

/** One full-batch gradient step (lib/nn/mlp.ts), then records the epoch. Mutates and returns state. */
export function stepXorEpoch(state: XorNetState): XorNetState {
  stepMlpEpoch(state as MlpState);
  return state;
}

export function trainXorNet(config: XorNetConfig): XorNetResult {
  const state = startXorNet(config);
  const init = cloneXorNet(state.net);
  while (!state.done) stepXorEpoch(state);
  let bestAccuracy = state.history.length ? 0 : xorNetAccuracy(init, config.activation);
  for (const r of state.history) if (r.accuracy > bestAccuracy) bestAccuracy = r.accuracy;
  return { init, final: cloneXorNet(state.net), history: state.history, bestAccuracy };
}

/**
 * Accuracy per epoch kept compact: [epoch (1-based), accuracy] where it changes (on four points it
 * moves in quarters, so a 3,000-epoch run is a handful of pairs). Stored with a graded run, so the
 * experiment comparison needs no replay.
 */
export type AccuracySteps = [number, number][];

export function accuracySteps(history: readonly XorEpochRecord[]): AccuracySteps {
  const out: AccuracySteps = [];
  history.forEach((h, i) => { if (!out.length || out[out.length - 1][1] !== h.accuracy) out.push([i + 1, h.accuracy]); });
  return out;
}

/** The accuracy after epochs 1..epochs again (index epoch - 1). */
export function stepsToCurve(steps: AccuracySteps, epochs: number): Float32Array {
  const curve = new Float32Array(Math.max(0, epochs));
  let k = -1;
  for (let e = 1; e <= curve.length; e++) {
    while (k + 1 < steps.length && steps[k + 1][0] <= e) k++;
    curve[e - 1] = k < 0 ? 0 : steps[k][1];
  }
  return curve;
}

/** Network output at every point of the decision grid (same ordering as grid.ts). */
export const xorNetGrid = (net: XorNet, n = GRID_SIZE, activation?: HiddenActivation): Float32Array => mlpGrid(net, n, activation);
