// A perceptron's starting weights and the weight comparison, apart from the training code
// (lib/nn/perceptron.ts re-exports both): the live page's first load checks whether a report is still
// untrained (lib/live/live-progress.ts) and so needs only these, not the trainer, gates and points.
import { makeRng } from "./random";

export interface Perceptron { w: [number, number]; b: number }

/** w0, w1, b from makeRng(seed).normal() (like randn(2) then randn(1)). */
export function seededModel(seed: number): Perceptron {
  const rng = makeRng(seed);
  const w0 = rng.normal();
  const w1 = rng.normal();
  const b = rng.normal();
  return { w: [w0, w1], b };
}

/** Equal within tol on every weight and the bias (false if anything is NaN). */
export function weightsMatch(a: Perceptron, b: Perceptron, tol = 1e-9): boolean {
  return Math.abs(a.w[0] - b.w[0]) <= tol && Math.abs(a.w[1] - b.w[1]) <= tol && Math.abs(a.b - b.b) <= tol;
}
