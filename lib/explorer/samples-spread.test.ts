import { describe, expect, it } from "vitest";
import { ACTIVATIONS, applyToArray, resolveParams } from "../nn/activations";
import { centredSamples, histogram, LESSON_SAMPLING, outputAxis, spreadSamples } from "./samples";

const sd = (xs: Float64Array) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const sig = ACTIVATIONS.sigmoid;
const sigP = resolveParams(sig);

describe("spreadSamples", () => {
  it("is the lesson's own cloud at spread 1 (uniform)", () => {
    expect(spreadSamples(3, LESSON_SAMPLING)).toEqual(centredSamples(3));
  });
  it("scales the uniform cloud by the spread", () => {
    const xs = spreadSamples(3, { distribution: "uniform", spread: 8 });
    const base = centredSamples(3);
    expect(xs[17]).toBeCloseTo(base[17] * 8, 12);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(7.9);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(8);
  });
  it("draws a centred normal cloud with the uniform's standard deviation, and longer tails", () => {
    const n = spreadSamples(4, { distribution: "normal", spread: 6 }, 20_000);
    const u = spreadSamples(4, { distribution: "uniform", spread: 6 }, 20_000);
    expect(Math.abs(n.reduce((a, b) => a + b, 0))).toBeLessThan(1e-8);
    expect(sd(n)).toBeCloseTo(6 / Math.sqrt(12), 1);
    expect(sd(n) / sd(u)).toBeGreaterThan(0.97);
    expect(sd(n) / sd(u)).toBeLessThan(1.03);
    expect(Math.max(...n)).toBeGreaterThan(Math.max(...u));
    expect(spreadSamples(4, { distribution: "normal", spread: 6 }, 20_000)).toEqual(n); // seeded
  });
  it("refuses a spread that is not a positive number", () => {
    expect(() => spreadSamples(1, { distribution: "uniform", spread: 0 })).toThrow(RangeError);
    expect(() => spreadSamples(1, { distribution: "normal", spread: Number.NaN })).toThrow(RangeError);
  });
  it("shows saturation once the cloud is wide: sigmoid outputs pile up at the ends", () => {
    const narrow = applyToArray(sig, sigP, spreadSamples(1, LESSON_SAMPLING));
    expect(Math.min(...narrow)).toBeGreaterThan(0.37); // the lesson's cloud: 0.38..0.62, nearly linear
    expect(Math.max(...narrow)).toBeLessThan(0.63);
    const wide = applyToArray(sig, sigP, spreadSamples(1, { distribution: "uniform", spread: 16 }));
    const bins = histogram(wide, 10, [0, 1]).map((b) => b.count);
    expect(bins[0] + bins[9]).toBeGreaterThan(bins[4] + bins[5]);
  });
});

describe("outputAxis", () => {
  const inputs = spreadSamples(2, LESSON_SAMPLING);
  it("is the function's range where it is bounded", () => {
    expect(outputAxis(sig, sigP, inputs)).toEqual([0, 1]);
    expect(outputAxis(ACTIVATIONS.tanh, resolveParams(ACTIVATIONS.tanh), inputs)).toEqual([-1, 1]);
    expect(outputAxis(ACTIVATIONS.step, resolveParams(ACTIVATIONS.step), inputs)).toEqual([0, 1]);
  });
  it("ends at the function's value at the inputs' ends where it is not", () => {
    const [lo, hi] = outputAxis(ACTIVATIONS.relu, resolveParams(ACTIVATIONS.relu), inputs);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(Math.max(...inputs), 12);
    const lin = outputAxis(ACTIVATIONS.linear, resolveParams(ACTIVATIONS.linear), inputs);
    expect(lin[0]).toBeCloseTo(Math.min(...inputs), 12);
  });
  it("follows ELU's floor, -alpha", () => {
    const wide = spreadSamples(2, { distribution: "uniform", spread: 20 });
    expect(outputAxis(ACTIVATIONS.elu, { ...resolveParams(ACTIVATIONS.elu), alpha: 0.5 }, wide)[0]).toBe(-0.5);
  });
  it("holds every output of the inputs", () => {
    for (const act of Object.values(ACTIVATIONS)) {
      const p = resolveParams(act);
      const xs = spreadSamples(5, { distribution: "normal", spread: 10 });
      const [lo, hi] = outputAxis(act, p, xs);
      for (const y of applyToArray(act, p, xs)) {
        expect(y).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(y).toBeLessThanOrEqual(hi + 1e-12);
      }
    }
  });
});
