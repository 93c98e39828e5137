/**
 * Activations defined by a formula, the parts that need no parser (nor zod: the
 * browser imports this; a preset's shape is checked by lib/formula/custom-def.ts): the
 * facts the explorer's questions ask about, computed numerically over the plotted interval (lib/formula/formula-activation.ts
 * joins this with the mathjs parser).
 *
 * Numeric facts, with the thresholds they use:
 * - range: the smallest and largest f(x) over the plotted xs.
 * - saturates.left/right: |f'(x)| < SATURATION_SLOPE over the last SATURATION_SPAN
 *   of the plotted interval at that end (by default x in [-10, -9.5] and [9.5, 10)).
 * - zeroCentred: odd, |f(x) + f(-x)| <= ODD_TOLERANCE * (1 + |f(x)|) at every plotted x.
 * - maxDerivative: the largest f'(x) over the plotted xs.
 */
import { seedXs, type Activation, type CustomKey } from "../nn/activations";

export const SATURATION_SLOPE = 1e-3;
export const SATURATION_SPAN = 0.5;
export const ODD_TOLERANCE = 1e-6;

/** The shape a preset stores (its schema, for the server, is in lib/formula/custom-def.ts). */
export type { CustomDef } from "./custom-def";

/**
 * A formula parameter's value in a definition: its own entry, else 1. Never what an object inherits
 * (a parameter may be called `constructor`, `valueOf` or `toString`).
 */
export function paramValue(params: Readonly<Record<string, number>>, name: string): number {
  return Object.hasOwn(params, name) ? params[name] : 1;
}

export interface ActivationFacts {
  range: [number, number];
  saturates: { left: boolean; right: boolean };
  zeroCentred: boolean;
  maxDerivative: number;
}
export type FactsResult = { ok: true; facts: ActivationFacts } | { ok: false; x: number; which: "output" | "derivative" };

type Fn = (x: number) => number;

/** The facts of f (with slope df) over xs; the first x where either is NaN or infinite, if any. */
export function numericFacts(f: Fn, df: Fn, xs: ArrayLike<number> = seedXs()): FactsResult {
  const n = xs.length;
  let lo = Infinity, hi = -Infinity, maxD = -Infinity, odd = true;
  let satL = true, satR = true;
  const first = xs[0], last = xs[n - 1];
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = f(x);
    if (!Number.isFinite(y)) return { ok: false, x, which: "output" };
    const d = df(x);
    if (!Number.isFinite(d)) return { ok: false, x, which: "derivative" };
    if (y < lo) lo = y;
    if (y > hi) hi = y;
    if (d > maxD) maxD = d;
    if (x <= first + SATURATION_SPAN && Math.abs(d) >= SATURATION_SLOPE) satL = false;
    if (x >= last - SATURATION_SPAN && Math.abs(d) >= SATURATION_SLOPE) satR = false;
    if (odd) {
      const m = f(-x);
      if (!(Math.abs(y + m) <= ODD_TOLERANCE * (1 + Math.abs(y)))) odd = false;
    }
  }
  return { ok: true, facts: { range: [lo, hi], saturates: { left: satL, right: satR }, zeroCentred: odd, maxDerivative: maxD } };
}

/** An Activation (the shape the panels and the questions read) for a formula's f and f' and facts. */
export function formulaActivation(key: CustomKey, f: Fn, df: Fn, facts: ActivationFacts): Activation {
  return { id: key, params: [], defaults: {}, output: (x) => f(x), der: (x) => df(x), ...facts };
}
