/**
 * Facts a sentence about a curve y(x) is made of, computed numerically from its samples (so a
 * formula activation gets them too): where it starts and ends, its shape, where it is steepest,
 * and where it is flat. Pure; the words are in messages (chartText.*), put together in ./sentences.
 */
export type Shape = "rises" | "falls" | "flat" | "dip" | "peak" | "jump" | "other";

export interface CurveFacts {
  from: number;
  to: number;
  shape: Shape;
  /** The lowest / highest value and where it is (the turning point of a dip / peak). */
  low: number;
  lowAt: number;
  high: number;
  highAt: number;
  /** Where |slope| is largest (a stretch when it is as steep over many points, e.g. ReLU's right half), and that slope. */
  steepestFrom: number;
  steepestTo: number;
  slope: number;
  /** The slope hardly changes (a straight line). */
  constantSlope: boolean;
  /** Flat (|slope|, or |value| for a derivative, below FLAT_EPS) for every x <= flatBelow / >= flatAbove; null if not. */
  flatBelow: number | null;
  flatAbove: number | null;
}

export const FLAT_EPS = 0.01;

/** Round a boundary to a readable number (4.59 -> 5, 0.74 -> 0.5, -0.01 -> 0). */
export function readable(v: number): number {
  const a = Math.abs(v);
  const step = a >= 2 ? 1 : a >= 0.2 ? 0.5 : 0.1;
  return clean(Math.sign(v) * Math.round(a / step) * step);
}

/** No "-0" in a sentence, and no 1e-17 for 0. */
export const clean = (v: number) => (Math.abs(v) < 1e-9 ? 0 : v);

/**
 * `flatBy: "slope"` (a function: flat where it stops changing) or `"value"` (a derivative:
 * "flat" where it is near 0, i.e. where the function stops learning).
 */
export function curveFacts(xs: ArrayLike<number>, ys: ArrayLike<number>, flatBy: "slope" | "value" = "slope"): CurveFacts {
  const n = xs.length;
  const slope = new Float64Array(n - 1);
  let lo = 0, hi = 0, up = false, down = false, steep = 0, minS = Infinity, maxS = -Infinity;
  for (let i = 0; i < n; i++) {
    if (ys[i] < ys[lo]) lo = i;
    if (ys[i] > ys[hi]) hi = i;
    if (i === n - 1) break;
    const dy = ys[i + 1] - ys[i];
    slope[i] = dy / (xs[i + 1] - xs[i]);
    if (dy > 1e-12) up = true;
    if (dy < -1e-12) down = true;
    if (Math.abs(slope[i]) > Math.abs(slope[steep])) steep = i;
    minS = Math.min(minS, slope[i]);
    maxS = Math.max(maxS, slope[i]);
  }
  const span = ys[hi] - ys[lo];
  const jumpStep = Math.abs(ys[steep + 1] - ys[steep]);
  const jump = span > 0 && jumpStep > 0.5 * span;
  const shape: Shape = !up && !down ? "flat" : jump && up !== down ? "jump"
    : up && !down ? "rises" : down && !up ? "falls"
    : lo > 0 && lo < n - 1 && isUnimodal(ys, lo, 1) ? "dip"
    : hi > 0 && hi < n - 1 && isUnimodal(ys, hi, -1) ? "peak" : "other";
  const flat = (i: number) => Math.abs(flatBy === "slope" ? slope[Math.min(i, n - 2)] : ys[i]) < FLAT_EPS;
  let left = -1;
  while (left + 1 < n && flat(left + 1)) left++;
  let right = n;
  while (right - 1 >= 0 && flat(right - 1)) right--;
  const whole = left === n - 1;
  const mid = (i: number) => (xs[i] + xs[Math.min(i + 1, n - 1)]) / 2;
  // the stretch of points as steep as the steepest (both ends of a tie; sigmoid's two middle steps give 0)
  const top = Math.abs(slope[steep]);
  let a = steep, b = steep;
  while (a > 0 && Math.abs(slope[a - 1]) >= top * (1 - 1e-6)) a--;
  while (b < n - 2 && Math.abs(slope[b + 1]) >= top * (1 - 1e-6)) b++;
  const long = b - a > 10;
  return {
    from: clean(ys[0]), to: clean(ys[n - 1]), shape,
    low: clean(ys[lo]), lowAt: clean(xs[lo]), high: clean(ys[hi]), highAt: clean(xs[hi]),
    steepestFrom: clean(jump ? Math.round(mid(steep) * 10) / 10 : long ? xs[a] : (mid(a) + mid(b)) / 2), steepestTo: clean(long ? xs[b + 1] : (mid(a) + mid(b)) / 2),
    slope: clean(slope[steep]),
    constantSlope: maxS - minS < 1e-6 * Math.max(1, Math.abs(maxS)),
    flatBelow: !whole && left > 0 ? readable(xs[left]) : null,
    flatAbove: !whole && right < n - 1 ? readable(xs[right]) : null,
  };
}

/** Values go monotonically towards index k (sign 1: down to a minimum) and away after it. */
function isUnimodal(ys: ArrayLike<number>, k: number, sign: 1 | -1): boolean {
  const tol = 1e-9 * Math.max(1, Math.abs(ys[k]));
  for (let i = 0; i < k; i++) if (sign * (ys[i + 1] - ys[i]) > tol) return false;
  for (let i = k; i < ys.length - 1; i++) if (sign * (ys[i + 1] - ys[i]) < -tol) return false;
  return true;
}
