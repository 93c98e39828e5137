import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "./activations";
import { GRID_SIZE, decisionGrid, gridPoints, outputGrid } from "./grid";
import { predict, train, type Perceptron } from "./perceptron";
import { makeRng } from "./random";

const naive = (m: Perceptron, n: number, th: number) => {
  const { x1, x2 } = gridPoints(n);
  return Uint8Array.from(x1, (v, k) => predict(m, v, x2[k], th));
};

describe("gridPoints", () => {
  it("orders points like product(range(101), range(101))", () => {
    const { x1, x2 } = gridPoints();
    expect(GRID_SIZE).toBe(101);
    expect(x1).toHaveLength(10201);
    expect([x1[0], x2[0]]).toEqual([0, 0]);
    expect([x1[1], x2[1]]).toEqual([0, 0.01]);
    expect([x1[100], x2[100]]).toEqual([0, 1]);
    expect([x1[101], x2[101]]).toEqual([0.01, 0]);
    expect([x1[10200], x2[10200]]).toEqual([1, 1]);
    for (const k of [0, 57, 5050, 10199]) {
      const i = Math.floor(k / 101), j = k % 101;
      expect([x1[k], x2[k]]).toEqual([i / 100, j / 100]);
    }
  });
  it("rejects sizes below 2", () => {
    expect(() => gridPoints(1)).toThrow(RangeError);
  });
});

describe("decisionGrid", () => {
  it("a trained AND model puts (1,1) in class 1 and (0,0) in class 0", () => {
    const { final } = train({ gate: "AND", lr: 0.01, epochs: 1000, seed: 4 });
    const g = decisionGrid(final);
    expect(g).toHaveLength(10201);
    expect(g[0]).toBe(0);
    expect(g[10200]).toBe(1);
    expect(g[100]).toBe(0); // (0,1)
    expect(g[10100]).toBe(0); // (1,0)
  });
  it("equals predict() at every point, for random models, thresholds and sizes", () => {
    const rng = makeRng(11);
    for (let t = 0; t < 300; t++) {
      const m: Perceptron = { w: [rng.normal() * 3, rng.normal() * 3], b: rng.normal() * 2 };
      const th = t % 3 === 0 ? 0 : rng.normal();
      const n = [2, 7, 101][t % 3];
      const fast = decisionGrid(m, n, th);
      const slow = naive(m, n, th);
      expect(fast.length).toBe(slow.length);
      expect(fast.findIndex((v, k) => v !== slow[k])).toBe(-1);
    }
  });
  it("is exact on ties, zero, negative and non-finite weights", () => {
    const cases: Perceptron[] = [
      { w: [1, 1], b: -1 }, { w: [-1, -1], b: 1 }, { w: [0, 0], b: 0 }, { w: [0, -0.5], b: 0.25 },
      { w: [0.3, 0], b: -0.1 }, { w: [-0, 1], b: -0.5 }, { w: [Infinity, 1], b: 0 }, { w: [1, Number.NaN], b: 0 },
    ];
    for (const m of cases) {
      const slow = naive(m, 101, 0);
      expect(decisionGrid(m, 101, 0).findIndex((v, k) => v !== slow[k])).toBe(-1);
    }
  });
  it("fills a given buffer", () => {
    const buf = new Uint8Array(9).fill(7);
    expect(decisionGrid({ w: [1, 0], b: -0.5 }, 3, 0, buf)).toBe(buf);
    expect(Array.from(buf)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });
});

describe("outputGrid", () => {
  const m: Perceptron = { w: [2, -1], b: 0.5 };
  it("holds the weighted sum at each point", () => {
    const g = outputGrid(m, 3);
    expect(Array.from(g)).toEqual([0.5, 0, -0.5, 1.5, 1, 0.5, 2.5, 2, 1.5]);
  });
  it("or the activation of it", () => {
    const g = outputGrid(m, 3, ACTIVATIONS.relu);
    expect(Array.from(g)).toEqual([0.5, 0, 0, 1.5, 1, 0.5, 2.5, 2, 1.5]);
    expect(outputGrid(m, 3, ACTIVATIONS.sigmoid)[1]).toBe(0.5);
  });
});
