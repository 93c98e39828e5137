/**
 * What a hidden unit's slope says about its learning, read from the activation table's facts
 * (lib/nn/activations.ts), given its pre-activations on the four XOR points:
 * - dead: a ReLU-like unit (flat on the left only) whose slope is 0 on every point: it outputs a
 *   constant and gets no gradient, so it never comes back (ReLU: z <= 0 for all four points);
 * - saturated: a unit flat at both ends (sigmoid, tanh) whose slope is below SATURATION of its
 *   largest slope on every point: it sits on its flat ends and barely learns.
 * The step is neither: its slope is 0 everywhere by definition (the gradient chart shows that).
 */
import { ACTIVATIONS, resolveParams, type ActivationId, type ActivationParams } from "./activations";

/** A slope below this share of the activation's largest slope counts as flat (sigmoid: |z| > ~6, tanh: |z| > ~3). */
export const SATURATION = 0.01;

export type UnitState = "ok" | "dead" | "saturated";

const PARAMS = new Map<ActivationId, ActivationParams>();

export function classifyUnit(id: ActivationId, zs: readonly number[]): UnitState {
  return classifyUnitAt(id, zs, 0, zs.length);
}

/** classifyUnit of the `count` values of `zs` from `from` on (a unit's slice of the training loop's buffer, without copying it). */
export function classifyUnitAt(id: ActivationId, zs: ArrayLike<number>, from: number, count: number): UnitState {
  const act = ACTIVATIONS[id];
  let p = PARAMS.get(id);
  if (!p) PARAMS.set(id, (p = resolveParams(act)));
  const { left, right } = act.saturates;
  if (act.maxDerivative === 0 || count === 0) return "ok";
  const end = from + count;
  if (left && !right) {
    for (let k = from; k < end; k++) if (act.der(zs[k], p) !== 0) return "ok";
    return "dead";
  }
  if (left && right) {
    for (let k = from; k < end; k++) if (!(Math.abs(act.der(zs[k], p)) < SATURATION * act.maxDerivative)) return "ok";
    return "saturated";
  }
  return "ok";
}
