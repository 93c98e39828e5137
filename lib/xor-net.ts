/**
 * The smallest network that solves XOR: two sigmoid hidden units and one
 * sigmoid output (2-2-1), trained by full-batch gradient descent on the mean
 * binary cross-entropy over the four GATE_INPUTS samples. Initial weights are
 * XOR_NET_INIT_SCALE * makeRng(seed).normal(), so (seed, lr, epochs) replays
 * identically. Small initial weights avoid most of the 2-2-1 net's local
 * minima: with the defaults about 9 seeds in 10 solve XOR (seeds 1..100: 92).
 * The hidden units may use tanh instead (`activation`); backpropagation reads the slope from
 * ACTIVATIONS[id].der at the pre-activation, the loss is the CROSS_ENTROPY {value, der} pair.
 */
import { ACTIVATIONS, DEFAULT_PARAMS, sigmoid } from "./activations";
import { GATE_INPUTS, gateLabels } from "./gates";
import { GRID_SIZE } from "./grid";
import { makeRng } from "./random";

export interface Unit { w: [number, number]; b: number }
export interface XorNet { hidden: [Unit, Unit]; out: Unit }
/** The hidden units' activation; the output unit is always a sigmoid (cross-entropy loss). */
import { isHiddenActivation, type HiddenActivation } from "./hidden-activations";
export { HIDDEN_ACTIVATIONS, isHiddenActivation, type HiddenActivation } from "./hidden-activations";
/** `activation` absent: sigmoid (the practice page's net). */
export interface XorNetConfig { seed: number; lr: number; epochs: number; activation?: HiddenActivation }
export interface XorEpochRecord { epoch: number; accuracy: number; loss: number }
export interface XorNetState { config: XorNetConfig; net: XorNet; epoch: number; history: XorEpochRecord[]; done: boolean }
export interface XorNetResult { init: XorNet; final: XorNet; history: XorEpochRecord[]; bestAccuracy: number }

export const XOR_NET_DEFAULTS = { lr: 2, epochs: 3000 } as const;
export const XOR_NET_INIT_SCALE = 0.3;
const LABELS = gateLabels("XOR");

const unit = (next: () => number): Unit => {
  const w0 = next();
  const w1 = next();
  return { w: [w0, w1], b: next() };
};
const cloneUnit = (u: Unit): Unit => ({ w: [u.w[0], u.w[1]], b: u.b });
export const cloneXorNet = (n: XorNet): XorNet => ({ hidden: [cloneUnit(n.hidden[0]), cloneUnit(n.hidden[1])], out: cloneUnit(n.out) });

/** Draw order: hidden[0] (w0, w1, b), hidden[1] (w0, w1, b), out (w0, w1, b). */
export function initXorNet(seed: number): XorNet {
  const rng = makeRng(seed);
  const next = () => XOR_NET_INIT_SCALE * rng.normal();
  const h0 = unit(next);
  const h1 = unit(next);
  return { hidden: [h0, h1], out: unit(next) };
}

const pre = (u: Unit, x1: number, x2: number) => x1 * u.w[0] + x2 * u.w[1] + u.b;
const act = (a: HiddenActivation = "sigmoid") => ACTIVATIONS[a];

/** Forward pass; `z` are the hidden pre-activations (backpropagation reads the derivative there). */
export function xorNetForward(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): { z: [number, number]; h: [number, number]; y: number } {
  const f = act(activation);
  const z0 = pre(net.hidden[0], x1, x2);
  const z1 = pre(net.hidden[1], x1, x2);
  const h0 = f.output(z0, DEFAULT_PARAMS);
  const h1 = f.output(z1, DEFAULT_PARAMS);
  return { z: [z0, z1], h: [h0, h1], y: sigmoid(pre(net.out, h0, h1)) };
}

export function xorNetOutput(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): number {
  return xorNetForward(net, x1, x2, activation).y;
}

export function xorNetPredict(net: XorNet, x1: number, x2: number, activation?: HiddenActivation): 0 | 1 {
  return xorNetOutput(net, x1, x2, activation) < 0.5 ? 0 : 1;
}

export function xorNetAccuracy(net: XorNet, activation?: HiddenActivation): number {
  let ok = 0;
  for (let k = 0; k < 4; k++) if (xorNetPredict(net, GATE_INPUTS[k][0], GATE_INPUTS[k][1], activation) === LABELS[k]) ok++;
  return ok / 4;
}

/** Mean binary cross-entropy as a {value, der} pair: der is d(loss)/d(output pre-activation) for one sample. */
export const CROSS_ENTROPY = {
  value: (y: number, label: number) => {
    const c = Math.min(Math.max(y, 1e-12), 1 - 1e-12);
    return label ? -Math.log(c) : -Math.log(1 - c);
  },
  der: (y: number, label: number) => y - label,
};

/** Mean binary cross-entropy over the four samples (clamped away from log 0). */
export function xorNetLoss(net: XorNet, activation?: HiddenActivation): number {
  let sum = 0;
  for (let k = 0; k < 4; k++) sum += CROSS_ENTROPY.value(xorNetOutput(net, GATE_INPUTS[k][0], GATE_INPUTS[k][1], activation), LABELS[k]);
  return sum / 4;
}

export function startXorNet(config: XorNetConfig): XorNetState {
  if (!Number.isInteger(config.epochs) || config.epochs < 0) throw new RangeError("epochs must be a non-negative integer");
  if (!Number.isFinite(config.lr)) throw new RangeError("lr must be finite");
  if (config.activation !== undefined && !isHiddenActivation(config.activation)) throw new RangeError("unknown hidden activation");
  return { config, net: initXorNet(config.seed), epoch: 0, history: [], done: config.epochs === 0 };
}

/** One full-batch gradient step, then records accuracy and loss. Mutates and returns state. */
export function stepXorEpoch(state: XorNetState): XorNetState {
  if (state.done) return state;
  const { net } = state;
  const [u0, u1] = net.hidden;
  const o = net.out;
  const a = state.config.activation;
  const der = act(a).der;
  // gradient accumulators: [w0, w1, b] for h0, h1, out
  const g = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < 4; k++) {
    const [x1, x2] = GATE_INPUTS[k];
    const { z, h, y } = xorNetForward(net, x1, x2, a);
    const dz = CROSS_ENTROPY.der(y, LABELS[k]); // d(cross-entropy)/d(output pre-activation)
    g[6] += dz * h[0]; g[7] += dz * h[1]; g[8] += dz;
    const d0 = dz * o.w[0] * der(z[0], DEFAULT_PARAMS);
    const d1 = dz * o.w[1] * der(z[1], DEFAULT_PARAMS);
    g[0] += d0 * x1; g[1] += d0 * x2; g[2] += d0;
    g[3] += d1 * x1; g[4] += d1 * x2; g[5] += d1;
  }
  const s = state.config.lr / 4;
  [u0, u1, o].forEach((u, n) => {
    u.w[0] -= s * g[3 * n];
    u.w[1] -= s * g[3 * n + 1];
    u.b -= s * g[3 * n + 2];
  });
  state.history.push({ epoch: state.epoch, accuracy: xorNetAccuracy(net, a), loss: xorNetLoss(net, a) });
  if (++state.epoch >= state.config.epochs) state.done = true;
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
export function xorNetGrid(net: XorNet, n = GRID_SIZE, activation?: HiddenActivation): Float32Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError("grid size must be an integer >= 2");
  const o = new Float32Array(n * n);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) o[k] = xorNetOutput(net, i / (n - 1), j / (n - 1), activation);
  return o;
}
