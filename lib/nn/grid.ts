/**
 * The decision picture over [0,1]^2, ordered like the seed's
 * product(range(101), range(101)): point k = i*n + j is (i/(n-1), j/(n-1)),
 * i (x1) outer, j (x2) inner.
 */
import { resolveParams, type Activation, type ActivationParams } from "./activations";
import { predict, type Perceptron } from "./perceptron";

export const GRID_SIZE = 101;

export interface GridPoints { x1: Float64Array; x2: Float64Array }

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`grid size must be an integer >= 2, got ${n}`);
}

export function gridPoints(n = GRID_SIZE): GridPoints {
  checkN(n);
  const x1 = new Float64Array(n * n);
  const x2 = new Float64Array(n * n);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) {
    x1[k] = i / (n - 1);
    x2[k] = j / (n - 1);
  }
  return { x1, x2 };
}

/**
 * Class (0/1) of every grid point, bit-identical to predict() at each point.
 * Fast path: along a row the sum a + x2*w1 + b is monotone in j even in
 * floating point (each rounded step is monotone), so each row is two runs.
 * We guess the switch from the line's equation, correct the guess with
 * predict's own formula, and fill the runs.
 */
export function decisionGrid(model: Perceptron, n = GRID_SIZE, threshold = 0, out?: Uint8Array): Uint8Array {
  checkN(n);
  const o = out ?? new Uint8Array(n * n);
  if (o.length < n * n) throw new RangeError("out is too short");
  const [w0, w1] = model.w;
  const b = model.b;
  const d = n - 1;
  if (!Number.isFinite(w0) || !Number.isFinite(w1) || !Number.isFinite(b) || !Number.isFinite(threshold)) {
    for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < n; j++, k++) o[k] = predict(model, i / d, j / d, threshold);
    return o;
  }
  const first = w1 >= 0 ? 0 : 1; // class of the run that starts each row
  if (out || first !== 0) o.fill(first, 0, n * n);
  for (let i = 0; i < n; i++) {
    const a = (i / d) * w0;
    // j = first index whose class differs from `first` (n if none);
    // `(sum < threshold ? 0 : 1) === first` is written as `(sum < threshold) === (first === 0)`
    const guess = Math.ceil(((threshold - b - a) / w1) * d);
    let j = guess >= 0 ? (guess <= n ? guess : n) : 0; // NaN (w1 = 0) -> 0
    const below = first === 0;
    while (j > 0 && (a + ((j - 1) / d) * w1 + b < threshold) !== below) j--;
    while (j < n && (a + (j / d) * w1 + b < threshold) === below) j++;
    if (j < n) o.fill(1 - first, i * n + j, i * n + n);
  }
  return o;
}

/** Pre-threshold sum w.x + b at every grid point, or act.output of it (for a heatmap). */
export function outputGrid(model: Perceptron, n = GRID_SIZE, act?: Activation, params?: ActivationParams): Float32Array {
  checkN(n);
  const o = new Float32Array(n * n);
  const p = act ? (params ?? resolveParams(act)) : undefined;
  const [w0, w1] = model.w;
  const d = n - 1;
  for (let i = 0, k = 0; i < n; i++) {
    const a = (i / d) * w0;
    for (let j = 0; j < n; j++, k++) {
      const s = a + (j / d) * w1 + model.b;
      o[k] = act && p ? act.output(s, p) : s;
    }
  }
  return o;
}
