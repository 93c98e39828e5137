/**
 * What a trained XOR network shows about its activation, computed from the net (never claimed):
 * which hidden units are dead or saturated on the four points, and, for the linear activation,
 * the one line the whole network amounts to (a linear map of a linear map is one linear map).
 */
import { GATE_INPUTS } from "./gates";
import { layersOf, mlpForward, type HiddenActivation, type MlpEpochRecord, type MlpNet } from "./mlp";
import { classifyUnit, type UnitState } from "./mlp-units";

export { classifyUnit, SATURATION, type UnitState } from "./mlp-units";

/** Each hidden layer's units, classified on the four XOR points. */
export function unitStates(net: MlpNet, activation: HiddenActivation = "sigmoid"): UnitState[][] {
  const zs: number[][][] = layersOf(net).slice(0, -1).map((l) => l.map(() => []));
  for (const [x1, x2] of GATE_INPUTS) {
    const { z } = mlpForward(net, x1, x2, activation);
    z.forEach((zl, l) => zl.forEach((v, j) => zs[l][j].push(v)));
  }
  return zs.map((l) => l.map((unitZ) => classifyUnit(activation, unitZ)));
}

export interface Line { w: [number, number]; b: number }

/**
 * The output's pre-activation as one affine map w1*x1 + w2*x2 + b, composing the layers' weights
 * as if every hidden unit were linear (exact for the linear activation). Its zero line is the
 * network's decision boundary: output >= 0.5 on one side.
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

/** The diagnostics of a graded run, for a class experiment (lib/xor-net-grading.ts's `diag`). */
export interface RunDiag {
  /** Hidden units dead / saturated in the final net. */
  deadUnits: number;
  saturatedUnits: number;
  /** Mean |gradient| of the first hidden layer in the run's last epoch (0 without epochs). */
  hiddenGradient: number;
  /** Hidden units in all. */
  units: number;
}

export function runDiag(net: MlpNet, history: readonly MlpEpochRecord[], activation: HiddenActivation = "sigmoid"): RunDiag {
  const states = unitStates(net, activation).flat();
  return {
    deadUnits: states.filter((s) => s === "dead").length,
    saturatedUnits: states.filter((s) => s === "saturated").length,
    hiddenGradient: history.at(-1)?.grad[0] ?? 0,
    units: states.length,
  };
}
