/**
 * The XOR network in general: one or two hidden layers of 2..8 units with any activation of the
 * explorer's table (ACTIVATIONS, read as {output, der}), and one sigmoid output on the mean binary
 * cross-entropy (CROSS_ENTROPY's {value, der}). Trained by full-batch backpropagation on the four
 * XOR points, or on the class's own points (`points`, lib/nn/custom-points.ts) in their order; the
 * forward pass is lib/nn/mlp-forward.ts. Initial weights are initScale * makeRng(seed).normal(), drawn
 * layer by layer, unit by unit, each unit's input weights then its bias; so (config) replays identically, and the
 * 2-2-1 net with scale 0.3 draws, sums and updates exactly as lib/xor/xor-net.ts always did (the same
 * numbers to the last bit: its stored runs still grade).
 * Each epoch also records its diagnostics (lib/nn/mlp-diagnostics.ts): mean |gradient| per layer,
 * dead and saturated hidden units.
 */
import { classifyUnitAt } from "./mlp-units";
import { forwardLayers, hiddenActivation, hiddenParams, mlpScore, scoreWith } from "./mlp-forward";
import { makeRng } from "./random";
import { keep, restore, workFor } from "./mlp-work";
import {
  cloneMlp, CROSS_ENTROPY, isHiddenActivation, layersOf, MLP_INIT_SCALE, MLP_LAYERS, MLP_WIDTH, shapeOf,
  type MlpConfig, type MlpNet, type MlpUnit,
} from "./mlp-net";

export * from "./mlp-net";
export { hiddenActivation, hiddenParams, mlpForward, mlpGrid, mlpOutput, mlpSamples, mlpScore, type MlpForward } from "./mlp-forward";

/** One epoch: accuracy and loss after its update; the gradient and unit counts of its own forward pass. */
export interface MlpEpochRecord {
  epoch: number; accuracy: number; loss: number;
  /** Mean |dL/dθ| over each layer's weights and biases: hidden (, hidden2), out. */
  grad: number[];
  dead: number;
  saturated: number;
}
/**
 * `diverged`: the next step would have made a weight (or the loss) overflow; the run stopped there,
 * on its last finite net (a replay of `epoch` epochs ends on the same net).
 */
export interface MlpState { config: MlpConfig; net: MlpNet; epoch: number; history: MlpEpochRecord[]; done: boolean; diverged?: boolean }
export interface MlpResult { init: MlpNet; final: MlpNet; history: MlpEpochRecord[]; bestAccuracy: number; diverged: boolean }


export function validateMlpConfig(c: MlpConfig): void {
  const s = shapeOf(c);
  if (!Number.isInteger(c.epochs) || c.epochs < 0) throw new RangeError("epochs must be a non-negative integer");
  if (!Number.isFinite(c.lr)) throw new RangeError("lr must be finite");
  if (!isHiddenActivation(s.activation)) throw new RangeError("unknown hidden activation");
  if (!Number.isInteger(s.width) || s.width < MLP_WIDTH.min || s.width > MLP_WIDTH.max) throw new RangeError("width must be an integer in 2..8");
  if (!Number.isInteger(s.layers) || s.layers < MLP_LAYERS.min || s.layers > MLP_LAYERS.max) throw new RangeError("layers must be 1 or 2");
  if (!(s.initScale >= MLP_INIT_SCALE.min && s.initScale <= MLP_INIT_SCALE.max)) throw new RangeError("initScale out of range");
}

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

export function startMlp(config: MlpConfig): MlpState {
  validateMlpConfig(config);
  return { config, net: initMlp(config), epoch: 0, history: [], done: config.epochs === 0 };
}

/** What one epoch gives besides the updated net; null when it diverged (state marked). */
interface Stepped { accuracy: number; loss: number; grad: number[] }

/**
 * The hidden derivative from the unit's output where it is the same double: sigmoid's der computes
 * s = sigmoid(z) and s * (1 - s), tanh's t = Math.tanh(z) and 1 - t * t, and h is that s (that t)
 * already; no exp twice. Other activations: der(z).
 */
const DER_FROM_OUTPUT: Partial<Record<string, (h: number) => number>> = { sigmoid: (h) => h * (1 - h), tanh: (h) => 1 - h * h };

/**
 * The gradient step of stepMlpEpoch; `counts`: also the epoch's dead and saturated units (else 0).
 * `reuse` (replayMlp, whose state nobody else touches): the forward pass is taken from the previous
 * epoch's scoring pass, which ran on the same net (the same numbers, half the forward passes).
 */
function step(state: MlpState, counts: boolean, reuse = false): (Stepped & { dead: number; saturated: number }) | null {
  const { net } = state;
  const a = state.config.activation;
  const f = hiddenActivation(a);
  const p = hiddenParams(a);
  const layers = layersOf(net);
  const hidden = layers.length === 3 ? [layers[0], layers[1]] : [layers[0]];
  const hiddenCount = layers.length - 1;
  const w = workFor(state, layers);
  const { samples, n, gw, gb, delta, zs, z, h, x, zk, hk, yk } = w;
  const { inputs, labels } = samples;
  const fromOutput = DER_FROM_OUTPUT[a ?? "sigmoid"];
  const kept = reuse && w.kept;
  w.kept = false;
  for (let l = 0; l < layers.length; l++) { gw[l].fill(0); gb[l].fill(0); }
  for (let k = 0; k < n; k++) {
    const [x1, x2] = inputs[k];
    const y = kept ? restore(w, k, x1, x2) : forwardLayers(hidden, net.out, f.output, p, x1, x2, z, h, x);
    // the output layer's delta, then each hidden layer's from the one above it
    delta[hiddenCount][0] = CROSS_ENTROPY.der(y, labels[k]);
    for (let l = hiddenCount; l >= 0; l--) {
      const input = l === 0 ? x : h[l - 1];
      const d = delta[l];
      const gwl = gw[l];
      const gbl = gb[l];
      const ni = input.length;
      for (let j = 0; j < d.length; j++) {
        for (let i = 0; i < ni; i++) gwl[j * ni + i] += d[j] * input[i];
        gbl[j] += d[j];
      }
      if (l === 0) break;
      const above = layers[l];
      const zl = z[l - 1];
      const next = delta[l - 1];
      const zsl = zs[l - 1];
      const hl = h[l - 1];
      for (let j = 0; j < zl.length; j++) {
        let s = d[0] * above[0].w[j];
        for (let m = 1; m < above.length; m++) s += d[m] * above[m].w[j];
        next[j] = s * (fromOutput ? fromOutput(hl[j]) : f.der(zl[j], p));
        zsl[j * n + k] = zl[j];
      }
    }
  }
  const s = state.config.lr / n;
  const grad: number[] = [];
  let finite = true;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const gwl = gw[l];
    const gbl = gb[l];
    let sum = 0;
    let count = 0;
    for (let j = 0; j < layer.length; j++) {
      const u = layer[j];
      const ni = u.w.length;
      for (let i = 0; i < ni; i++) { sum += Math.abs(gwl[j * ni + i]); finite &&= Number.isFinite(u.w[i] - s * gwl[j * ni + i]); }
      sum += Math.abs(gbl[j]);
      finite &&= Number.isFinite(u.b - s * gbl[j]);
      count += ni + 1;
    }
    grad.push(sum / n / count);
  }
  if (!finite) return null;
  // apply, keeping the old weights in the gradient sums (no longer needed) in case the new net overflows
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const gwl = gw[l];
    const gbl = gb[l];
    for (let j = 0; j < layer.length; j++) {
      const u = layer[j];
      const ni = u.w.length;
      for (let i = 0; i < ni; i++) { const old = u.w[i]; u.w[i] -= s * gwl[j * ni + i]; gwl[j * ni + i] = old; }
      const old = u.b;
      u.b -= s * gbl[j];
      gbl[j] = old;
    }
  }
  const score = scoreWith(net, hidden, a, samples, z, h, x, reuse ? (k, y) => keep(w, k, y) : undefined);
  if (!Number.isFinite(score.loss)) {
    for (let l = 0; l < layers.length; l++) layers[l].forEach((u, j) => {
      for (let i = 0; i < u.w.length; i++) u.w[i] = gw[l][j * u.w.length + i];
      u.b = gb[l][j];
    });
    return null;
  }
  w.kept = reuse;
  let dead = 0;
  let saturated = 0;
  if (counts) for (let l = 0; l < zs.length; l++) for (let j = 0; j < w.units[l]; j++) {
    const c = classifyUnitAt(a ?? "sigmoid", zs[l], j * n, n);
    if (c === "dead") dead++;
    else if (c === "saturated") saturated++;
  }
  return { accuracy: score.accuracy, loss: score.loss, grad, dead, saturated };
}

/** One full-batch gradient step, then records the epoch. Mutates and returns state. */
export function stepMlpEpoch(state: MlpState): MlpState {
  if (state.done) return state;
  const r = step(state, true);
  if (!r) return diverge(state);
  state.history.push({ epoch: state.epoch, accuracy: r.accuracy, loss: r.loss, grad: r.grad, dead: r.dead, saturated: r.saturated });
  if (++state.epoch >= state.config.epochs) state.done = true;
  return state;
}

function diverge(state: MlpState): MlpState {
  state.done = true;
  state.diverged = true;
  return state;
}

export function trainMlp(config: MlpConfig): MlpResult {
  const state = startMlp(config);
  const init = cloneMlp(state.net);
  while (!state.done) stepMlpEpoch(state);
  let bestAccuracy = state.history.length ? 0 : mlpScore(init, config.activation, config.points).accuracy;
  for (const r of state.history) if (r.accuracy > bestAccuracy) bestAccuracy = r.accuracy;
  return { init, final: cloneMlp(state.net), history: state.history, bestAccuracy, diverged: !!state.diverged };
}

/**
 * What grading keeps of a run (lib/xor/xor-net-grading.ts), without the per-epoch history: the final
 * net, the accuracy per epoch as steps ([epoch, accuracy] where it changes: lib/xor/xor-net.ts
 * accuracySteps of trainMlp's history), the last epoch's mean |gradient| per layer (null without
 * epochs) and the epochs run. The same steps as trainMlp, so the same numbers to the bit; it skips
 * the history records and the per-epoch unit counts, which grading does not read.
 */
export interface MlpReplay { final: MlpNet; steps: [number, number][]; lastGrad: number[] | null; epochs: number; diverged: boolean }

export function replayMlp(config: MlpConfig): MlpReplay {
  const state = startMlp(config);
  const steps: [number, number][] = [];
  let lastGrad: number[] | null = null;
  while (!state.done) {
    const r = step(state, false, true);
    if (!r) { diverge(state); break; }
    if (!steps.length || steps[steps.length - 1][1] !== r.accuracy) steps.push([state.epoch + 1, r.accuracy]);
    lastGrad = r.grad;
    if (++state.epoch >= state.config.epochs) state.done = true;
  }
  return { final: state.net, steps, lastGrad, epochs: state.epoch, diverged: !!state.diverged };
}
