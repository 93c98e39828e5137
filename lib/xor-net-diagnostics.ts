/**
 * Why a 2-2-1 XOR net learns or not, read off its final weights (the server's replay, never a
 * claim): how many hidden units are dead or saturated, and how large the hidden layer's gradient
 * still is. Pure; the grading attaches it to a graded run (`diag` of XorNetGrade) and a class
 * experiment on the hidden activation summarises it per group.
 *
 * - dead (ReLU only): the unit's pre-activation is <= 0 on all four XOR points, so it outputs 0
 *   and its slope is 0 everywhere the data is: no gradient will ever reach it again.
 * - saturated (sigmoid, tanh only): the unit's slope |f'(z)| < SATURATION_SLOPE on all four
 *   points: it sits on a flat end and learns (almost) nothing.
 * - hiddenGradient: the mean |dL/dθ| over the hidden layer's six parameters (two weights and a
 *   bias per unit) at the final weights, L the mean cross-entropy of lib/xor-net.ts. Exactly 0 for
 *   step units (ACTIVATIONS.step.der is 0).
 */
import { DEFAULT_PARAMS, ACTIVATIONS } from "./activations";
import { GATE_INPUTS, gateLabels } from "./gates";
import { CROSS_ENTROPY, xorNetForward, type HiddenActivation, type XorNet } from "./xor-net";

/** Diagnostics of one run's final net; the contract shared with the network's other versions. */
export interface XorNetDiag { deadUnits: number; saturatedUnits: number; hiddenGradient: number; units: number }

/** Below this slope on every point a sigmoid or tanh unit counts as saturated. */
export const SATURATION_SLOPE = 0.01;

const LABELS = gateLabels("XOR");
const SATURATING: ReadonlySet<HiddenActivation> = new Set(["sigmoid", "tanh"]);

export function xorNetDiagnostics(net: XorNet, activation: HiddenActivation = "sigmoid"): XorNetDiag {
  const der = ACTIVATIONS[activation].der;
  const units = net.hidden.length;
  const allNonPositive = new Array<boolean>(units).fill(true);
  const allFlat = new Array<boolean>(units).fill(true);
  const grad = new Array<number>(units * 3).fill(0);
  for (let k = 0; k < 4; k++) {
    const [x1, x2] = GATE_INPUTS[k];
    const { z, y } = xorNetForward(net, x1, x2, activation);
    const dz = CROSS_ENTROPY.der(y, LABELS[k]);
    for (let u = 0; u < units; u++) {
      const slope = der(z[u], DEFAULT_PARAMS);
      if (z[u] > 0) allNonPositive[u] = false;
      if (Math.abs(slope) >= SATURATION_SLOPE) allFlat[u] = false;
      const d = (dz * net.out.w[u] * slope) / 4; // the loss is the mean over the four points
      grad[3 * u] += d * x1;
      grad[3 * u + 1] += d * x2;
      grad[3 * u + 2] += d;
    }
  }
  const count = (flags: boolean[]) => flags.filter(Boolean).length;
  return {
    deadUnits: activation === "relu" ? count(allNonPositive) : 0,
    saturatedUnits: SATURATING.has(activation) ? count(allFlat) : 0,
    hiddenGradient: grad.reduce((s, g) => s + Math.abs(g), 0) / grad.length,
    units,
  };
}
