/**
 * The XOR network's shape and the rules that need no training (lib/nn/mlp.ts trains it): which hidden
 * activations, widths, depths and initial scales there are, the net as plain data, its layers in
 * order, the cross-entropy loss as a {value, der} pair, and the one line a linear net amounts to.
 */
import type { ActivationId } from "./activations";
import type { LabelledPoint } from "./custom-points";

/** The hidden units' activation (ids of lib/nn/activations.ts); the output unit is always a sigmoid. */
import { HIDDEN_ACTIVATIONS, isHiddenActivation, type HiddenActivation } from "../xor/hidden-activations";
export { HIDDEN_ACTIVATIONS, isHiddenActivation, type HiddenActivation };

export const MLP_WIDTH = { min: 2, max: 8 } as const;
export const MLP_LAYERS = { min: 1, max: 2 } as const;
export const MLP_INIT_SCALE = { min: 0.01, max: 20, default: 0.3 } as const;

export interface MlpUnit { w: number[]; b: number }
/** `hidden`: the first hidden layer (its units' w read x1, x2); `hidden2`: the second, if any; `out`: the output unit. */
export interface MlpNet { hidden: MlpUnit[]; hidden2?: MlpUnit[]; out: MlpUnit }

/**
 * Absent: activation sigmoid, width 2, one hidden layer, initScale 0.3 (the 2-2-1 net of lib/xor/xor-net.ts),
 * trained on the four XOR points; `points`: the class's own points instead (lib/nn/custom-points.ts).
 */
export interface MlpConfig {
  seed: number; lr: number; epochs: number; activation?: HiddenActivation; width?: number; layers?: number; initScale?: number;
  points?: readonly LabelledPoint[];
}
export type MlpShape = Required<Pick<MlpConfig, "activation" | "width" | "layers" | "initScale">>;

export function shapeOf(c: MlpConfig): MlpShape {
  return { activation: c.activation ?? "sigmoid", width: c.width ?? MLP_WIDTH.min, layers: c.layers ?? MLP_LAYERS.min, initScale: c.initScale ?? MLP_INIT_SCALE.default };
}

const cloneUnit = (u: MlpUnit): MlpUnit => ({ w: u.w.slice(), b: u.b });
export const cloneMlp = (n: MlpNet): MlpNet => ({ hidden: n.hidden.map(cloneUnit), ...(n.hidden2 && { hidden2: n.hidden2.map(cloneUnit) }), out: cloneUnit(n.out) });

/** The layers in order, the output as a layer of one. */
export const layersOf = (n: MlpNet): MlpUnit[][] => (n.hidden2 ? [n.hidden, n.hidden2, [n.out]] : [n.hidden, [n.out]]);

/** Mean binary cross-entropy as a {value, der} pair: der is d(loss)/d(output pre-activation) for one sample. */
export const CROSS_ENTROPY = {
  value: (y: number, label: number) => {
    const c = Math.min(Math.max(y, 1e-12), 1 - 1e-12);
    return label ? -Math.log(c) : -Math.log(1 - c);
  },
  der: (y: number, label: number) => y - label,
};

export interface Line { w: [number, number]; b: number }

/**
 * The output's pre-activation as one affine map w1*x1 + w2*x2 + b, composing the layers' weights
 * as if every hidden unit were linear (exact for the linear activation: a linear map of a linear
 * map is one linear map). Its zero line is the network's decision boundary: output >= 0.5 on one side.
 */
export function effectiveLine(net: MlpNet): Line {
  // rows: each unit of the current layer as [coefficient of x1, of x2, constant]
  let rows: [number, number, number][] = [[1, 0, 0], [0, 1, 0]];
  for (const layer of layersOf(net)) {
    rows = layer.map((u) => {
      const r: [number, number, number] = [0, 0, u.b];
      u.w.forEach((w, i) => { r[0] += w * rows[i][0]; r[1] += w * rows[i][1]; r[2] += w * rows[i][2]; });
      return r;
    });
  }
  const [w1, w2, b] = rows[0];
  return { w: [w1, w2], b };
}
