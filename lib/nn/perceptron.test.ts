import { describe, expect, it } from "vitest";
import {
  accuracy, initialModel, predict, startTraining, stepEpoch, stepSample, train, weightsMatch,
  type Perceptron, type TrainConfig,
} from "./perceptron";
import { makeRng } from "./random";

const cfg = (over: Partial<TrainConfig> = {}): TrainConfig => ({ gate: "AND", lr: 0.01, epochs: 1000, seed: 1, ...over });
const seeds = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("prediction", () => {
  const m: Perceptron = { w: [1, 1], b: -1.5 };
  it("is the seed's step: 0 below threshold, 1 at or above", () => {
    expect(predict(m, 1, 1)).toBe(1);
    expect(predict(m, 1, 0)).toBe(0);
    expect(predict({ w: [0, 0], b: 0 }, 0, 0)).toBe(1); // sum == threshold -> 1
    expect(predict({ w: [0, 0], b: 0.2 }, 0, 0, 0.3)).toBe(0);
  });
  it("accuracy is the fraction of the four samples right", () => {
    expect(accuracy(m, "AND")).toBe(1);
    expect(accuracy(m, "OR")).toBe(0.5);
    expect(accuracy(m, "XOR")).toBe(0.25);
    expect(accuracy(m, "NAND")).toBe(0);
  });
});

describe("initial weights", () => {
  it("draw w0, w1 then b from makeRng(seed).normal()", () => {
    const rng = makeRng(9);
    const expected = [rng.normal(), rng.normal(), rng.normal()];
    const m = initialModel({ seed: 9 });
    expect([m.w[0], m.w[1], m.b]).toEqual(expected);
  });
  it("use an explicit init, without mutating it", () => {
    const init: Perceptron = { w: [0.5, -0.25], b: 0.1 };
    const r = train(cfg({ init, epochs: 3 }));
    expect(r.init).toEqual(init);
    expect(init).toEqual({ w: [0.5, -0.25], b: 0.1 });
  });
});

describe("update rule", () => {
  it("applies w += lr*(label-pred)*x and b += lr*(label-pred) per sample, in order", () => {
    // AND from zero weights: (0,0) pred 1 label 0 -> b -= 0.1; (1,0) sum -0.1 -> pred 0 label 0;
    // (0,1) pred 0 ok; (1,1) sum -0.1 pred 0 label 1 -> w += 0.1, b += 0.1.
    const s = startTraining(cfg({ init: { w: [0, 0], b: 0 }, lr: 0.1, epochs: 2 }));
    stepSample(s);
    expect(s.model).toEqual({ w: [0, 0], b: -0.1 });
    expect(s.sample).toBe(1);
    stepSample(s); stepSample(s);
    expect(s.history).toHaveLength(0);
    stepSample(s);
    expect(s.model.w).toEqual([0.1, 0.1]);
    expect(s.model.b).toBeCloseTo(0, 15);
    expect(s.sample).toBe(0);
    expect(s.epoch).toBe(1);
    expect(s.history).toEqual([{ epoch: 0, accuracy: accuracy(s.model, "AND"), w: [0.1, 0.1], b: s.model.b }]);
    expect(s.done).toBe(false);
    stepEpoch(s);
    expect(s.done).toBe(true);
    expect(s.history.map((h) => h.epoch)).toEqual([0, 1]);
    const frozen = JSON.stringify(s);
    stepSample(s); stepEpoch(s);
    expect(JSON.stringify(s)).toBe(frozen);
  });
  it("respects the threshold", () => {
    const a = train(cfg({ threshold: 0.5, seed: 3 }));
    const b = train(cfg({ threshold: 0, seed: 3 }));
    expect(weightsMatch(a.final, b.final)).toBe(false);
    expect(accuracy(a.final, "AND", 0.5)).toBe(1);
  });
  it("rejects bad configs and handles zero epochs", () => {
    expect(() => startTraining(cfg({ epochs: -1 }))).toThrow(RangeError);
    expect(() => startTraining(cfg({ epochs: 1.5 }))).toThrow(RangeError);
    expect(() => startTraining(cfg({ lr: Number.NaN }))).toThrow(RangeError);
    const r = train(cfg({ epochs: 0 }));
    expect(r.history).toEqual([]);
    expect(r.final).toEqual(r.init);
    expect(r.bestAccuracy).toBe(accuracy(r.init, "AND"));
  });
});

describe("the lesson's facts", () => {
  it.each(["AND", "OR"] as const)("%s reaches accuracy 1.0 within 1000 epochs for seeds 1..50", (gate) => {
    for (const seed of seeds(1, 50)) {
      const r = train(cfg({ gate, seed }));
      expect(r.history).toHaveLength(1000);
      expect(r.history[999].accuracy).toBe(1);
      expect(r.bestAccuracy).toBe(1);
      expect(accuracy(r.final, gate)).toBe(1);
    }
  });
  it("XOR never reaches 1.0, and the best any run reaches is exactly 0.75", () => {
    let best = 0;
    for (const lr of [0.001, 0.01, 0.1, 1]) {
      for (const seed of seeds(1, 200)) {
        const r = train(cfg({ gate: "XOR", lr, seed }));
        expect(r.bestAccuracy).toBeLessThanOrEqual(0.75);
        best = Math.max(best, r.bestAccuracy);
      }
    }
    expect(best).toBe(0.75);
  });
});

describe("replay", () => {
  it("the same config gives the identical history", () => {
    const a = train(cfg({ gate: "OR", seed: 17 }));
    const b = train(cfg({ gate: "OR", seed: 17 }));
    expect(b).toEqual(a);
    expect(train(cfg({ gate: "OR", seed: 18 })).init).not.toEqual(a.init);
  });
  it("stepping sample by sample equals train()", () => {
    const c = cfg({ gate: "XOR", seed: 5, epochs: 60, lr: 0.1 });
    const s = startTraining(c);
    let steps = 0;
    while (!s.done) { stepSample(s); steps++; }
    expect(steps).toBe(240);
    const r = train(c);
    expect(s.history).toEqual(r.history);
    expect(s.model).toEqual(r.final);
  });
  it("weightsMatch compares with a tolerance", () => {
    const m: Perceptron = { w: [1, 2], b: 3 };
    expect(weightsMatch(m, { w: [1 + 1e-12, 2], b: 3 })).toBe(true);
    expect(weightsMatch(m, { w: [1, 2], b: 3 + 1e-6 })).toBe(false);
    expect(weightsMatch(m, { w: [1, 2], b: 3 + 1e-6 }, 1e-5)).toBe(true);
    expect(weightsMatch(m, { w: [Number.NaN, 2], b: 3 })).toBe(false);
  });
});
