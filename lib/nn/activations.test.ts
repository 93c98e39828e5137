import { describe, expect, it } from "vitest";
import {
  ACTIVATIONS, ACTIVATION_IDS, DEFAULT_PARAMS, applyToArray, curve, resolveParams, seedXs, sigmoid,
  type ActivationId,
} from "./activations";

const A = ACTIVATIONS;
const P = (id: ActivationId) => resolveParams(A[id]);
const out = (id: ActivationId, x: number) => A[id].output(x, P(id));
const der = (id: ActivationId, x: number) => A[id].der(x, P(id));

describe("catalogue", () => {
  it("has ten activations keyed by their own id", () => {
    expect(ACTIVATION_IDS).toHaveLength(10);
    for (const id of ACTIVATION_IDS) expect(A[id].id).toBe(id);
  });
  it("per-activation defaults override DEFAULT_PARAMS", () => {
    expect(DEFAULT_PARAMS).toEqual({ threshold: 0, alpha: 0.01 });
    expect(P("elu").alpha).toBe(1);
    expect(P("leakyRelu").alpha).toBe(0.01);
    expect(resolveParams(A.step, { threshold: 0.3 }).threshold).toBe(0.3);
  });
});

describe("known values", () => {
  it("matches hand-computed points", () => {
    expect(out("sigmoid", 0)).toBe(0.5);
    expect(der("sigmoid", 0)).toBe(0.25);
    expect(out("tanh", 0)).toBe(0);
    expect(der("tanh", 0)).toBe(1);
    expect(out("relu", -1)).toBe(0);
    expect(out("relu", 2.5)).toBe(2.5);
    expect(der("relu", 0)).toBe(0);
    expect(out("leakyRelu", -2)).toBeCloseTo(-0.02, 15);
    expect(out("elu", -1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(out("softplus", 0)).toBeCloseTo(Math.LN2, 15);
    expect(out("swish", 0)).toBe(0);
    expect(out("gelu", 0)).toBe(0);
    expect(out("gelu", 1)).toBeCloseTo(0.8411920, 6); // tanh approximation
    expect(out("linear", -3.5)).toBe(-3.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  });

  it("step is 0 below the threshold and 1 at or above it, like the seed", () => {
    const p = resolveParams(A.step, { threshold: 0.5 });
    expect(A.step.output(0.4999, p)).toBe(0);
    expect(A.step.output(0.5, p)).toBe(1);
    expect(A.step.output(7, p)).toBe(1);
    expect(out("step", 0)).toBe(1);
    expect(out("step", -1e-12)).toBe(0);
    expect(der("step", 3)).toBe(0);
  });
});

describe("extreme inputs", () => {
  const smooth: ActivationId[] = ["sigmoid", "tanh", "softplus", "swish", "gelu", "elu"];
  it.each(smooth)("%s stays finite at ±1e4, ±1e6, ±1e300", (id) => {
    for (const x of [1e4, -1e4, 1e6, -1e6, 1e300, -1e300]) {
      expect(Number.isFinite(out(id, x))).toBe(true);
      expect(Number.isFinite(der(id, x))).toBe(true);
    }
  });
  it("saturating limits are right", () => {
    expect(out("sigmoid", 1e4)).toBe(1);
    expect(out("sigmoid", -1e4)).toBe(0);
    expect(out("softplus", 1e6)).toBe(1e6);
    expect(out("softplus", -1e6)).toBe(0);
    expect(out("swish", -1e6)).toBeCloseTo(0, 300);
    expect(out("gelu", 1e6)).toBe(1e6);
    expect(der("gelu", 1e6)).toBe(1);
    expect(der("gelu", -1e6)).toBe(0);
    expect(out("elu", -1e6)).toBe(-1);
  });
});

describe("derivatives match central differences", () => {
  const h = 1e-5;
  const xs: number[] = [];
  for (let x = -8; x <= 8; x += 0.137) xs.push(x);
  it.each(ACTIVATION_IDS)("%s", (id) => {
    const p = P(id);
    const kink = id === "step" ? p.threshold : 0;
    const hasKink = ["step", "relu", "leakyRelu", "elu"].includes(id);
    let checked = 0;
    for (const x of xs) {
      if (hasKink && Math.abs(x - kink) < 1e-3) continue;
      const fd = (A[id].output(x + h, p) - A[id].output(x - h, p)) / (2 * h);
      expect(A[id].der(x, p)).toBeCloseTo(fd, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
  it("also for non-default alpha and threshold", () => {
    for (const [id, over] of [["elu", { alpha: 0.5 }], ["leakyRelu", { alpha: 0.2 }], ["step", { threshold: 1 }]] as const) {
      const p = resolveParams(A[id], over);
      for (const x of [-3, -0.5, 0.5, 3]) {
        const fd = (A[id].output(x + h, p) - A[id].output(x - h, p)) / (2 * h);
        expect(A[id].der(x, p)).toBeCloseTo(fd, 6);
      }
    }
  });
});

describe("quiz properties agree with the functions", () => {
  const grid: number[] = [];
  for (let x = -20; x <= 20; x += 0.001) grid.push(x);
  it.each(ACTIVATION_IDS)("%s", (id) => {
    const a = A[id];
    const p = P(id);
    let lo = Infinity, hi = -Infinity, maxD = -Infinity;
    for (const x of grid) {
      const y = a.output(x, p);
      lo = Math.min(lo, y); hi = Math.max(hi, y); maxD = Math.max(maxD, a.der(x, p));
    }
    expect(lo).toBeGreaterThanOrEqual(a.range[0] - 1e-9);
    expect(hi).toBeLessThanOrEqual(a.range[1] + 1e-9);
    if (Number.isFinite(a.range[0])) expect(lo).toBeCloseTo(a.range[0], 3);
    if (Number.isFinite(a.range[1])) expect(hi).toBeCloseTo(a.range[1], 3);
    expect(maxD).toBeCloseTo(a.maxDerivative, 4);
    expect(Math.abs(a.der(-1e3, p)) < 1e-6).toBe(a.saturates.left);
    expect(Math.abs(a.der(1e3, p)) < 1e-6).toBe(a.saturates.right);
    const odd = [0.3, 1, 2.7].every((x) => Math.abs(a.output(-x, p) + a.output(x, p)) < 1e-12);
    expect(odd).toBe(a.zeroCentred);
  });
});

describe("array helpers", () => {
  it("applyToArray fills the same kind of array, or the given one", () => {
    const input = new Float64Array([-1, 0, 1]);
    const r = applyToArray(A.relu, P("relu"), input);
    expect(r).toBeInstanceOf(Float64Array);
    expect(Array.from(r)).toEqual([0, 0, 1]);
    const f32 = applyToArray(A.sigmoid, P("sigmoid"), new Float32Array([0, 100]));
    expect(f32).toBeInstanceOf(Float32Array);
    expect(Array.from(f32)).toEqual([0.5, 1]);
    const dst = new Float32Array(3);
    expect(applyToArray(A.step, P("step"), input, dst)).toBe(dst);
    expect(Array.from(dst)).toEqual([0, 1, 1]);
    expect(() => applyToArray(A.step, P("step"), input, new Float32Array(2))).toThrow(RangeError);
  });
  it("curve samples the seed's axis -10 + k/100", () => {
    const xs = seedXs();
    expect(xs).toHaveLength(2000);
    expect(xs[0]).toBe(-10);
    expect(xs[1999]).toBeCloseTo(9.99, 12);
    const c = curve(A.tanh, P("tanh"));
    expect(c.y[1000]).toBe(0);
    expect(c.dy[1000]).toBe(1);
  });
});
