/**
 * The network's forward pass (lib/nn/mlp.ts trains it): the output for an input, the accuracy and loss on
 * the four XOR points or on the class's own points, and the output over the decision grid. The
 * buffer-taking forms (forwardInto, forwardLayers, scoreWith) are the training loop's, so that a
 * step allocates nothing; they do the same operations in the same order as mlpForward.
 */
import { ACTIVATIONS, resolveParams, sigmoid, type ActivationParams } from "./activations";
import { pointSamples, type LabelledPoint, type Samples } from "./custom-points";
import { GATE_INPUTS, gateLabels } from "./gates";
import { GRID_SIZE } from "./grid";
import { CROSS_ENTROPY, effectiveLine, HIDDEN_ACTIVATIONS, type HiddenActivation, type MlpNet, type MlpUnit } from "./mlp-net";

const XOR_SAMPLES: Samples = { inputs: GATE_INPUTS, labels: gateLabels("XOR") };
/** The samples a run trains on: its points, else the four XOR points. */
export const mlpSamples = (points?: readonly LabelledPoint[]): Samples => (points ? pointSamples(points) : XOR_SAMPLES);

/** w . a + b, summed left to right (as lib/xor/xor-net.ts did: x1 * w0 + x2 * w1 + b). */
export function pre(u: MlpUnit, a: ArrayLike<number>): number {
  let s = a[0] * u.w[0];
  for (let i = 1; i < u.w.length; i++) s += a[i] * u.w[i];
  return s + u.b;
}

export const hiddenActivation = (a: HiddenActivation = "sigmoid") => ACTIVATIONS[a];
const PARAMS = Object.fromEntries(HIDDEN_ACTIVATIONS.map((a) => [a, resolveParams(ACTIVATIONS[a])])) as Record<HiddenActivation, ActivationParams>;
export const hiddenParams = (a: HiddenActivation = "sigmoid"): ActivationParams => PARAMS[a];

export interface MlpForward { z: number[][]; h: number[][]; y: number }

export const hiddenLayers = (net: MlpNet) => (net.hidden2 ? [net.hidden, net.hidden2] : [net.hidden]);
export const buffers = (net: MlpNet): number[][] => hiddenLayers(net).map((l) => new Array<number>(l.length).fill(0));

/** The forward pass into `z` and `h` (one array per hidden layer, sized to it); returns the output. */
export function forwardInto(net: MlpNet, x1: number, x2: number, a: HiddenActivation | undefined, z: number[][], h: number[][], x: number[]): number {
  return forwardLayers(hiddenLayers(net), net.out, hiddenActivation(a).output, hiddenParams(a), x1, x2, z, h, x);
}

/** forwardInto with the layers and the activation already looked up (the training loop's form). */
export function forwardLayers(layers: MlpUnit[][], out: MlpUnit, f: (x: number, p: ActivationParams) => number, p: ActivationParams, x1: number, x2: number, z: number[][], h: number[][], x: number[]): number {
  x[0] = x1;
  x[1] = x2;
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const zl = z[l];
    const hl = h[l];
    for (let j = 0; j < layer.length; j++) { zl[j] = pre(layer[j], input); hl[j] = f(zl[j], p); }
    input = hl;
  }
  return sigmoid(pre(out, input));
}

/** Forward pass: per hidden layer the pre-activations `z` and outputs `h`; `y` the output. */
export function mlpForward(net: MlpNet, x1: number, x2: number, activation?: HiddenActivation): MlpForward {
  const z = buffers(net);
  const h = buffers(net);
  return { z, h, y: forwardInto(net, x1, x2, activation, z, h, [0, 0]) };
}

export const mlpOutput = (net: MlpNet, x1: number, x2: number, activation?: HiddenActivation) => mlpForward(net, x1, x2, activation).y;

/** Accuracy and mean cross-entropy on the four XOR points, or on `points` (output < 0.5 reads 0). */
export function mlpScore(net: MlpNet, activation?: HiddenActivation, points?: readonly LabelledPoint[]): { accuracy: number; loss: number } {
  return scoreWith(net, hiddenLayers(net), activation, mlpSamples(points), buffers(net), buffers(net), [0, 0]);
}

/** `keep`: called after each sample's forward pass, while z and h hold it (the training loop keeps them). */
export function scoreWith(net: MlpNet, hidden: MlpUnit[][], activation: HiddenActivation | undefined, { inputs, labels }: Samples, z: number[][], h: number[][], x: number[], keep?: (k: number, y: number) => void) {
  const line = activation === "linear" ? effectiveLine(net) : null;
  const f = hiddenActivation(activation).output;
  const p = hiddenParams(activation);
  let ok = 0;
  let sum = 0;
  for (let k = 0; k < inputs.length; k++) {
    const [x1, x2] = inputs[k];
    const y = forwardLayers(hidden, net.out, f, p, x1, x2, z, h, x);
    keep?.(k, y);
    // a linear net is one line: its decision is read from that line (never from rounding noise near 0.5)
    const predicted = line ? (x1 * line.w[0] + x2 * line.w[1] + line.b < 0 ? 0 : 1) : y < 0.5 ? 0 : 1;
    if (predicted === labels[k]) ok++;
    sum += CROSS_ENTROPY.value(y, labels[k]);
  }
  return { accuracy: ok / inputs.length, loss: sum / inputs.length };
}

/** Network output at every point of the decision grid (same ordering as grid.ts). */
export function mlpGrid(net: MlpNet, n = GRID_SIZE, activation?: HiddenActivation): Float32Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError("grid size must be an integer >= 2");
  const o = new Float32Array(n * n);
  mlpGridRows(net, n, activation, o, 0, n);
  return o;
}

/**
 * Rows `from` to `to` (exclusive; row i is x1 = i/(n-1)) of mlpGrid written into `out`: the same
 * values, a few rows at a time (the page spreads one grid over several frames, lib/nn/mlp-grid-pass.ts).
 */
export function mlpGridRows(net: MlpNet, n: number, activation: HiddenActivation | undefined, out: Float32Array, from: number, to: number): void {
  // one set of buffers and one look-up of the layers and activation for all the rows (the same
  // forward pass as mlpOutput, without 3 arrays per point)
  const layers = hiddenLayers(net);
  const f = hiddenActivation(activation).output;
  const p = hiddenParams(activation);
  const z = buffers(net);
  const h = buffers(net);
  const x = [0, 0];
  for (let i = from, k = from * n; i < to; i++) for (let j = 0; j < n; j++, k++) out[k] = forwardLayers(layers, net.out, f, p, i / (n - 1), j / (n - 1), z, h, x);
}
