/**
 * The XOR network in general: one or two hidden layers of 2..8 units with any activation of the
 * explorer's table (ACTIVATIONS, read as {output, der}), and one sigmoid output on the mean binary
 * cross-entropy (CROSS_ENTROPY's {value, der}). Trained by full-batch backpropagation on the four
 * XOR points. Initial weights are initScale * makeRng(seed).normal(), drawn layer by layer, unit
 * by unit, each unit's input weights then its bias; so (config) replays identically, and the
 * 2-2-1 net with scale 0.3 draws, sums and updates exactly as lib/xor-net.ts always did (the same
 * numbers to the last bit: its stored runs still grade).
 * Each epoch also records its diagnostics (lib/mlp-diagnostics.ts): mean |gradient| per layer,
 * dead and saturated hidden units.
 */
import { ACTIVATIONS, resolveParams, sigmoid, type ActivationId, type ActivationParams } from "./activations";
import { GATE_INPUTS, gateLabels } from "./gates";
import { GRID_SIZE } from "./grid";
import { classifyUnit } from "./mlp-units";
import { makeRng } from "./random";

/** The hidden units' activation (ids of lib/activations.ts); the output unit is always a sigmoid. */
export const HIDDEN_ACTIVATIONS = ["linear", "step", "sigmoid", "tanh", "relu", "leakyRelu"] as const satisfies readonly ActivationId[];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export const isHiddenActivation = (v: unknown): v is HiddenActivation => (HIDDEN_ACTIVATIONS as readonly unknown[]).includes(v);

export const MLP_WIDTH = { min: 2, max: 8 } as const;
export const MLP_LAYERS = { min: 1, max: 2 } as const;
export const MLP_INIT_SCALE = { min: 0.01, max: 10, default: 0.3 } as const;

export interface MlpUnit { w: number[]; b: number }
/** `hidden`: the first hidden layer (its units' w read x1, x2); `hidden2`: the second, if any; `out`: the output unit. */
export interface MlpNet { hidden: MlpUnit[]; hidden2?: MlpUnit[]; out: MlpUnit }

/** Absent: activation sigmoid, width 2, one hidden layer, initScale 0.3 (the 2-2-1 net of lib/xor-net.ts). */
export interface MlpConfig { seed: number; lr: number; epochs: number; activation?: HiddenActivation; width?: number; layers?: number; initScale?: number }
export type MlpShape = Required<Pick<MlpConfig, "activation" | "width" | "layers" | "initScale">>;

/** One epoch: accuracy and loss after its update; the gradient and unit counts of its own forward pass. */
export interface MlpEpochRecord {
  epoch: number; accuracy: number; loss: number;
  /** Mean |dL/dθ| over each layer's weights and biases: hidden (, hidden2), out. */
  grad: number[];
  dead: number;
  saturated: number;
}
export interface MlpState { config: MlpConfig; net: MlpNet; epoch: number; history: MlpEpochRecord[]; done: boolean }
export interface MlpResult { init: MlpNet; final: MlpNet; history: MlpEpochRecord[]; bestAccuracy: number }

const LABELS = gateLabels("XOR");

export function shapeOf(c: MlpConfig): MlpShape {
  return { activation: c.activation ?? "sigmoid", width: c.width ?? MLP_WIDTH.min, layers: c.layers ?? MLP_LAYERS.min, initScale: c.initScale ?? MLP_INIT_SCALE.default };
}

export function validateMlpConfig(c: MlpConfig): void {
  const s = shapeOf(c);
  if (!Number.isInteger(c.epochs) || c.epochs < 0) throw new RangeError("epochs must be a non-negative integer");
  if (!Number.isFinite(c.lr)) throw new RangeError("lr must be finite");
  if (!isHiddenActivation(s.activation)) throw new RangeError("unknown hidden activation");
  if (!Number.isInteger(s.width) || s.width < MLP_WIDTH.min || s.width > MLP_WIDTH.max) throw new RangeError("width must be an integer in 2..8");
  if (!Number.isInteger(s.layers) || s.layers < MLP_LAYERS.min || s.layers > MLP_LAYERS.max) throw new RangeError("layers must be 1 or 2");
  if (!(s.initScale >= MLP_INIT_SCALE.min && s.initScale <= MLP_INIT_SCALE.max)) throw new RangeError("initScale out of range");
}

const cloneUnit = (u: MlpUnit): MlpUnit => ({ w: u.w.slice(), b: u.b });
export const cloneMlp = (n: MlpNet): MlpNet => ({ hidden: n.hidden.map(cloneUnit), ...(n.hidden2 && { hidden2: n.hidden2.map(cloneUnit) }), out: cloneUnit(n.out) });

/** The layers in order, the output as a layer of one. */
export const layersOf = (n: MlpNet): MlpUnit[][] => (n.hidden2 ? [n.hidden, n.hidden2, [n.out]] : [n.hidden, [n.out]]);

/** Draw order: each layer in turn (hidden, hidden2, out), each unit's weights then its bias. */
export function initMlp(config: Pick<MlpConfig, "seed" | "width" | "layers" | "initScale">): MlpNet {
  const { width, layers, initScale } = shapeOf({ ...config, lr: 0, epochs: 0 });
  const rng = makeRng(config.seed);
  const next = () => initScale * rng.normal();
  const unit = (inputs: number): MlpUnit => {
    const w: number[] = [];
    for (let i = 0; i < inputs; i++) w.push(next());
    return { w, b: next() };
  };
  const layer = (n: number, inputs: number) => Array.from({ length: n }, () => unit(inputs));
  const hidden = layer(width, 2);
  const hidden2 = layers === 2 ? layer(width, width) : undefined;
  return { hidden, ...(hidden2 && { hidden2 }), out: unit(width) };
}

/** w . a + b, summed left to right (as lib/xor-net.ts did: x1 * w0 + x2 * w1 + b). */
function pre(u: MlpUnit, a: ArrayLike<number>): number {
  let s = a[0] * u.w[0];
  for (let i = 1; i < u.w.length; i++) s += a[i] * u.w[i];
  return s + u.b;
}

export const hiddenActivation = (a: HiddenActivation = "sigmoid") => ACTIVATIONS[a];
export const hiddenParams = (a: HiddenActivation = "sigmoid"): ActivationParams => resolveParams(ACTIVATIONS[a]);

export interface MlpForward { z: number[][]; h: number[][]; y: number }

/** Forward pass: per hidden layer the pre-activations `z` and outputs `h`; `y` the output. */
export function mlpForward(net: MlpNet, x1: number, x2: number, activation?: HiddenActivation): MlpForward {
  const f = hiddenActivation(activation);
  const p = hiddenParams(activation);
  const z: number[][] = [];
  const h: number[][] = [];
  let a: number[] = [x1, x2];
  for (const layer of net.hidden2 ? [net.hidden, net.hidden2] : [net.hidden]) {
    const zl = layer.map((u) => pre(u, a));
    const hl = zl.map((v) => f.output(v, p));
    z.push(zl);
    h.push(hl);
    a = hl;
  }
  return { z, h, y: sigmoid(pre(net.out, a)) };
}

export const mlpOutput = (net: MlpNet, x1: number, x2: number, activation?: HiddenActivation) => mlpForward(net, x1, x2, activation).y;

/** Mean binary cross-entropy as a {value, der} pair: der is d(loss)/d(output pre-activation) for one sample. */
export const CROSS_ENTROPY = {
  value: (y: number, label: number) => {
    const c = Math.min(Math.max(y, 1e-12), 1 - 1e-12);
    return label ? -Math.log(c) : -Math.log(1 - c);
  },
  der: (y: number, label: number) => y - label,
};

/** Accuracy and mean cross-entropy on the four points (output < 0.5 reads 0). */
export function mlpScore(net: MlpNet, activation?: HiddenActivation): { accuracy: number; loss: number } {
  let ok = 0;
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    const y = mlpOutput(net, GATE_INPUTS[k][0], GATE_INPUTS[k][1], activation);
    if ((y < 0.5 ? 0 : 1) === LABELS[k]) ok++;
    sum += CROSS_ENTROPY.value(y, LABELS[k]);
  }
  return { accuracy: ok / 4, loss: sum / 4 };
}

export function startMlp(config: MlpConfig): MlpState {
  validateMlpConfig(config);
  return { config, net: initMlp(config), epoch: 0, history: [], done: config.epochs === 0 };
}

const zeros = (layer: MlpUnit[]) => layer.map((u) => ({ w: new Array<number>(u.w.length).fill(0), b: 0 }));

/** One full-batch gradient step, then records the epoch. Mutates and returns state. */
export function stepMlpEpoch(state: MlpState): MlpState {
  if (state.done) return state;
  const { net } = state;
  const a = state.config.activation;
  const f = hiddenActivation(a);
  const p = hiddenParams(a);
  const layers = layersOf(net);
  const hiddenCount = layers.length - 1;
  const g = layers.map(zeros);
  const zs: number[][][] = layers.slice(0, hiddenCount).map((l) => l.map(() => [])); // [layer][unit][sample]
  for (let k = 0; k < 4; k++) {
    const [x1, x2] = GATE_INPUTS[k];
    const { z, h, y } = mlpForward(net, x1, x2, a);
    // the output layer's delta, then each hidden layer's from the one above it
    let delta = [CROSS_ENTROPY.der(y, LABELS[k])];
    for (let l = hiddenCount; l >= 0; l--) {
      const input = l === 0 ? [x1, x2] : h[l - 1];
      const gl = g[l];
      for (let j = 0; j < gl.length; j++) {
        for (let i = 0; i < input.length; i++) gl[j].w[i] += delta[j] * input[i];
        gl[j].b += delta[j];
      }
      if (l === 0) break;
      const above = layers[l];
      const zl = z[l - 1];
      const next: number[] = [];
      for (let j = 0; j < zl.length; j++) {
        let s = delta[0] * above[0].w[j];
        for (let m = 1; m < above.length; m++) s += delta[m] * above[m].w[j];
        next.push(s * f.der(zl[j], p));
        zs[l - 1][j].push(zl[j]);
      }
      delta = next;
    }
  }
  const s = state.config.lr / 4;
  const grad: number[] = [];
  layers.forEach((layer, l) => {
    let sum = 0;
    let count = 0;
    layer.forEach((u, j) => {
      const gu = g[l][j];
      for (let i = 0; i < u.w.length; i++) { u.w[i] -= s * gu.w[i]; sum += Math.abs(gu.w[i]); }
      u.b -= s * gu.b;
      sum += Math.abs(gu.b);
      count += u.w.length + 1;
    });
    grad.push(sum / 4 / count);
  });
  let dead = 0;
  let saturated = 0;
  for (const layer of zs) for (const unitZ of layer) {
    const c = classifyUnit(a ?? "sigmoid", unitZ);
    if (c === "dead") dead++;
    else if (c === "saturated") saturated++;
  }
  state.history.push({ epoch: state.epoch, ...mlpScore(net, a), grad, dead, saturated });
  if (++state.epoch >= state.config.epochs) state.done = true;
  return state;
}

export function trainMlp(config: MlpConfig): MlpResult {
  const state = startMlp(config);
  const init = cloneMlp(state.net);
  while (!state.done) stepMlpEpoch(state);
  let bestAccuracy = state.history.length ? 0 : mlpScore(init, config.activation).accuracy;
  for (const r of state.history) if (r.accuracy > bestAccuracy) bestAccuracy = r.accuracy;
  return { init, final: cloneMlp(state.net), history: state.history, bestAccuracy };
}

/** Network output at every point of the decision grid (same ordering as grid.ts). */
export function mlpGrid(net: MlpNet, n = GRID_SIZE, activation?: HiddenActivation): Float32Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError("grid size must be an integer >= 2");
  const o = new Float32Array(n * n);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) o[k] = mlpOutput(net, i / (n - 1), j / (n - 1), activation);
  return o;
}
