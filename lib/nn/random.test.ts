import { describe, expect, it } from "vitest";
import { makeRng } from "./random";

function draw(seed: number, n: number, kind: "uniform" | "normal"): number[] {
  const rng = makeRng(seed);
  return Array.from({ length: n }, () => rng[kind]());
}

describe("makeRng", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draw(42, 50, "uniform")).toEqual(draw(42, 50, "uniform"));
    expect(draw(42, 50, "normal")).toEqual(draw(42, 50, "normal"));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(1, 10, "uniform")).not.toEqual(draw(2, 10, "uniform"));
    expect(draw(1, 10, "normal")).not.toEqual(draw(2, 10, "normal"));
  });

  it("uniform stays in [0, 1) with mean near 1/2", () => {
    const xs = draw(7, 20000, "uniform");
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it("normal has mean ~0 and sd ~1", () => {
    const xs = draw(3, 20000, "normal");
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("rejects non-finite seeds", () => {
    expect(() => makeRng(Number.NaN)).toThrow(RangeError);
    expect(() => makeRng(Infinity)).toThrow(RangeError);
  });
});
