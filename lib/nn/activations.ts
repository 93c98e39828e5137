/**
 * Activation functions as {output, der} pairs over plain numbers, in the style
 * of tensorflow/playground's nn.ts. Each also carries the facts the quizzes ask
 * about (range, saturation, zero-centredness, largest slope).
 *
 * Choices:
 * - step: `x < threshold ? 0 : 1` exactly like the lesson; its derivative is 0
 *   everywhere (undefined at the threshold, where we also return 0).
 * - relu / leakyRelu: at x = 0 we use the left slope (0 for ReLU, alpha for
 *   leaky ReLU), i.e. `x > 0 ? 1 : ...`.
 * - elu: der at 0 is the left limit alpha * e^0 = alpha.
 * - gelu: the tanh approximation 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))),
 *   evaluated as x * sigmoid(2u) (the same function, but stable), with its
 *   analytic derivative.
 * - sigmoid / softplus / swish / gelu never produce NaN or Infinity for finite x.
 *
 * Property meanings: `range` is the theoretical output range for the default
 * params (ELU's lower bound is -alpha); `saturates.left/right` means the slope
 * tends to 0 as x -> -inf / +inf (true on both sides for step, whose slope is 0
 * everywhere); `zeroCentred` means the function is odd (f(-x) = -f(x)), so a
 * symmetric input gives outputs centred on 0; `maxDerivative` is the supremum
 * of the slope (0 for step, ignoring the jump).
 */
export type ActivationId =
  | "step" | "linear" | "sigmoid" | "tanh" | "relu"
  | "leakyRelu" | "elu" | "softplus" | "gelu" | "swish";

/** Keys of activations defined by a formula (a preset's, or the practice page's own): see lib/formula/custom-activation.ts. */
export const CUSTOM_KEYS = ["custom1", "custom2", "custom3"] as const;
export type CustomKey = (typeof CUSTOM_KEYS)[number];
/** Any choice the explorer can show: a built-in activation or a formula. */
export type ChoiceId = ActivationId | CustomKey;

export interface ActivationParams {
  threshold: number;
  alpha: number;
}
export type ParamName = keyof ActivationParams;

/** Fallbacks; an activation's own `defaults` override these (ELU uses alpha 1). */
export const DEFAULT_PARAMS: Readonly<ActivationParams> = Object.freeze({ threshold: 0, alpha: 0.01 });

export interface Activation {
  id: ChoiceId;
  /** Which params this activation reads. */
  params: ParamName[];
  defaults: Partial<ActivationParams>;
  output(x: number, p: ActivationParams): number;
  der(x: number, p: ActivationParams): number;
  range: [number, number];
  saturates: { left: boolean; right: boolean };
  zeroCentred: boolean;
  maxDerivative: number;
}

/** Logistic sigmoid; exp only ever sees -|x|, so it never overflows. */
export function sigmoid(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const r = 1 / (1 + e);
  return x >= 0 ? r : e * r; // a select, not a branch: cheap on noisy images
}

const GELU_K = Math.sqrt(2 / Math.PI);
const GELU_C = 0.044715;
const geluS = (x: number) => sigmoid(2 * GELU_K * (x + GELU_C * x * x * x));

const SPECS: Record<ActivationId, Omit<Activation, "id">> = {
  step: {
    params: ["threshold"], defaults: { threshold: 0 },
    output: (x, p) => (x < p.threshold ? 0 : 1),
    der: () => 0,
    range: [0, 1], saturates: { left: true, right: true }, zeroCentred: false, maxDerivative: 0,
  },
  linear: {
    params: [], defaults: {},
    output: (x) => x,
    der: () => 1,
    range: [-Infinity, Infinity], saturates: { left: false, right: false }, zeroCentred: true, maxDerivative: 1,
  },
  sigmoid: {
    params: [], defaults: {},
    output: (x) => sigmoid(x),
    der: (x) => { const s = sigmoid(x); return s * (1 - s); },
    range: [0, 1], saturates: { left: true, right: true }, zeroCentred: false, maxDerivative: 0.25,
  },
  tanh: {
    params: [], defaults: {},
    output: (x) => Math.tanh(x),
    der: (x) => { const t = Math.tanh(x); return 1 - t * t; },
    range: [-1, 1], saturates: { left: true, right: true }, zeroCentred: true, maxDerivative: 1,
  },
  relu: {
    params: [], defaults: {},
    output: (x) => (x > 0 ? x : 0),
    der: (x) => (x > 0 ? 1 : 0),
    range: [0, Infinity], saturates: { left: true, right: false }, zeroCentred: false, maxDerivative: 1,
  },
  leakyRelu: {
    params: ["alpha"], defaults: { alpha: 0.01 },
    output: (x, p) => (x > 0 ? x : p.alpha * x),
    der: (x, p) => (x > 0 ? 1 : p.alpha),
    range: [-Infinity, Infinity], saturates: { left: false, right: false }, zeroCentred: false, maxDerivative: 1,
  },
  elu: {
    params: ["alpha"], defaults: { alpha: 1 },
    output: (x, p) => (x > 0 ? x : p.alpha * Math.expm1(x)),
    der: (x, p) => (x > 0 ? 1 : p.alpha * Math.exp(x)),
    range: [-1, Infinity], saturates: { left: true, right: false }, zeroCentred: false, maxDerivative: 1,
  },
  softplus: {
    params: [], defaults: {},
    output: (x) => Math.log1p(Math.exp(-Math.abs(x))) + (x > 0 ? x : 0),
    der: (x) => sigmoid(x),
    range: [0, Infinity], saturates: { left: true, right: false }, zeroCentred: false, maxDerivative: 1,
  },
  gelu: {
    params: [], defaults: {},
    output: (x) => x * geluS(x),
    der: (x) => {
      const s = geluS(x);
      const ds = s * (1 - s); // 0 far out, which also avoids 0 * Infinity below
      return ds === 0 ? s : s + x * ds * 2 * GELU_K * (1 + 3 * GELU_C * x * x);
    },
    range: [-0.170040750571, Infinity], saturates: { left: true, right: false }, zeroCentred: false,
    maxDerivative: 1.12899306866,
  },
  swish: {
    params: [], defaults: {},
    output: (x) => x * sigmoid(x),
    der: (x) => { const s = sigmoid(x); return s + x * s * (1 - s); },
    range: [-0.278464542761, Infinity], saturates: { left: true, right: false }, zeroCentred: false,
    maxDerivative: 1.09983932013,
  },
};

export const ACTIVATION_IDS: ActivationId[] = Object.keys(SPECS) as ActivationId[];

export const ACTIVATIONS = Object.fromEntries(
  ACTIVATION_IDS.map((id) => [id, { id, ...SPECS[id] }]),
) as Record<ActivationId, Activation>;

/** DEFAULT_PARAMS, then the activation's own defaults, then any overrides. */
export function resolveParams(act: Activation, overrides: Partial<ActivationParams> = {}): ActivationParams {
  return { ...DEFAULT_PARAMS, ...act.defaults, ...overrides };
}

export type NumArray = Float32Array | Float64Array;

/** out[i] = act.output(input[i], p). `out` defaults to a new array of the input's kind. */
export function applyToArray<O extends NumArray>(act: Activation, p: ActivationParams, input: NumArray, out: O): O;
export function applyToArray(act: Activation, p: ActivationParams, input: Float32Array): Float32Array;
export function applyToArray(act: Activation, p: ActivationParams, input: Float64Array): Float64Array;
export function applyToArray(act: Activation, p: ActivationParams, input: NumArray, out?: NumArray): NumArray {
  const n = input.length;
  const o = out ?? (input instanceof Float32Array ? new Float32Array(n) : new Float64Array(n));
  if (o.length < n) throw new RangeError("out is shorter than input");
  const f = act.output;
  for (let i = 0; i < n; i++) o[i] = f(input[i], p);
  return o;
}

/** The lesson's x axis: -10 + k/100 for k = 0..1999. */
export function seedXs(): Float64Array {
  const xs = new Float64Array(2000);
  for (let k = 0; k < 2000; k++) xs[k] = -10 + k / 100;
  return xs;
}

/** Function and derivative sampled over xs (the first two panels). */
export function curve(act: Activation, p: ActivationParams, xs: Float64Array = seedXs()) {
  const n = xs.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = act.output(xs[i], p);
    dy[i] = act.der(xs[i], p);
  }
  return { x: xs, y, dy };
}
