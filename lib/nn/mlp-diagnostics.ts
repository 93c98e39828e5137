/**
 * What a trained XOR network shows about its activation, computed from the net (never claimed):
 * which hidden units are dead or saturated on the four points, and, for the linear activation,
 * the one line the whole network amounts to (a linear map of a linear map is one linear map).
 */
import type { LabelledPoint } from "./custom-points";
import { layersOf, mlpForward, mlpSamples, type HiddenActivation, type MlpEpochRecord, type MlpNet } from "./mlp";

export { effectiveLine, type Line } from "./mlp";
import { classifyUnit, type UnitState } from "./mlp-units";

export { classifyUnit, SATURATION, type UnitState } from "./mlp-units";

/** Each hidden layer's units, classified on the four XOR points (or on `points`). */
export function unitStates(net: MlpNet, activation: HiddenActivation = "sigmoid", points?: readonly LabelledPoint[]): UnitState[][] {
  const zs: number[][][] = layersOf(net).slice(0, -1).map((l) => l.map(() => []));
  for (const [x1, x2] of mlpSamples(points).inputs) {
    const { z } = mlpForward(net, x1, x2, activation);
    z.forEach((zl, l) => zl.forEach((v, j) => zs[l][j].push(v)));
  }
  return zs.map((l) => l.map((unitZ) => classifyUnit(activation, unitZ)));
}

/** The diagnostics of a graded run, for a class experiment (lib/xor/xor-net-grading.ts's `diag`). */
export interface RunDiag {
  /** Hidden units dead / saturated in the final net. */
  deadUnits: number;
  saturatedUnits: number;
  /** Mean |gradient| of the first hidden layer in the run's last epoch (0 without epochs). */
  hiddenGradient: number;
  /** Hidden units in all. */
  units: number;
}

/** `history`: the run's epochs, of which only the last one's gradient is read (grading passes just that). */
export function runDiag(net: MlpNet, history: readonly Pick<MlpEpochRecord, "grad">[], activation: HiddenActivation = "sigmoid", points?: readonly LabelledPoint[]): RunDiag {
  const states = unitStates(net, activation, points).flat();
  return {
    deadUnits: states.filter((s) => s === "dead").length,
    saturatedUnits: states.filter((s) => s === "saturated").length,
    hiddenGradient: history.at(-1)?.grad[0] ?? 0,
    units: states.length,
  };
}
