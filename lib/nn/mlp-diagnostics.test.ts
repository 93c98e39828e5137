import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GATE_INPUTS } from "./gates";
import { mlpForward, mlpOutput, startMlp, stepMlpEpoch, trainMlp, type MlpNet } from "./mlp";
import { classifyUnit, effectiveLine, runDiag, unitStates } from "./mlp-diagnostics";
import { predict } from "./perceptron";
import { logit } from "../test-helpers-logit";

describe("linear hidden units: the whole net is one perceptron", () => {
  it("the composed map equals the net's output pre-activation, and a single perceptron's line predicts as the net (recorded run)", () => {
    const { final } = trainMlp({ seed: 3, lr: 0.5, epochs: 500, activation: "linear", width: 8, layers: 2 });
    const line = effectiveLine(final);
    for (let i = 0; i <= 10; i++) for (let j = 0; j <= 10; j++) {
      const [x1, x2] = [i / 10, j / 10];
      expect(line.w[0] * x1 + line.w[1] * x2 + line.b).toBeCloseTo(logit(mlpOutput(final, x1, x2, "linear")), 6);
    }
    for (const [x1, x2] of GATE_INPUTS) expect(predict(line, x1, x2)).toBe(mlpOutput(final, x1, x2, "linear") < 0.5 ? 0 : 1);
  });

  it("at any width and depth, a linear net's accuracy on XOR never exceeds 0.75", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }),
        (width, layers, seed, initScale, lr) => {
          const r = trainMlp({ seed, lr, epochs: 200, activation: "linear", width, layers, initScale });
          expect(r.bestAccuracy).toBeLessThanOrEqual(0.75);
          expect(Math.max(...r.history.map((h) => h.accuracy))).toBeLessThanOrEqual(0.75);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("step hidden units: backpropagation cannot move them", () => {
  it("the hidden gradient is exactly zero every epoch and the hidden weights never move; only the output learns", () => {
    for (const layers of [1, 2]) {
      const r = trainMlp({ seed: 2, lr: 2, epochs: 300, activation: "step", width: 8, layers });
      for (const h of r.history) {
        for (const g of h.grad.slice(0, -1)) expect(g).toBe(0);
      }
      expect(r.final.hidden).toEqual(r.init.hidden);
      expect(r.final.hidden2).toEqual(r.init.hidden2);
      expect(r.final.out).not.toEqual(r.init.out);
      expect(r.history[0].grad.at(-1)).toBeGreaterThan(0);
    }
  });
});

describe("dead ReLU units", () => {
  it("a unit whose input is negative on all four points is dead; one positive somewhere is not", () => {
    expect(classifyUnit("relu", [-1, -0.5, -2, 0])).toBe("dead");
    expect(classifyUnit("relu", [-1, -0.5, -2, 0.1])).toBe("ok");
    expect(classifyUnit("leakyRelu", [-1, -0.5, -2, -3])).toBe("ok"); // the remedy: a small slope on the left
    expect(classifyUnit("step", [-1, -1, -1, -1])).toBe("ok");
    const net: MlpNet = { hidden: [{ w: [-1, -1], b: -0.5 }, { w: [1, 1], b: -0.5 }, { w: [2, -3], b: 0 }], out: { w: [1, 1, 1], b: 0 } };
    expect(unitStates(net, "relu")).toEqual([["dead", "ok", "ok"]]);
    expect(runDiag(net, [], "relu")).toEqual({ deadUnits: 1, saturatedUnits: 0, hiddenGradient: 0, units: 3 });
  });

  it("in a recorded run a dead unit gets no gradient: its weights stop moving", () => {
    const s = startMlp({ seed: 11, lr: 2, epochs: 600, activation: "relu", width: 8, initScale: 1 });
    while (!s.done) stepMlpEpoch(s);
    const dead = unitStates(s.net, "relu")[0].flatMap((st, j) => (st === "dead" ? [j] : []));
    expect(dead.length).toBeGreaterThan(0);
    expect(s.history.at(-1)!.dead).toBeGreaterThan(0);
    const before = dead.map((j) => ({ ...s.net.hidden[j], w: s.net.hidden[j].w.slice() }));
    s.done = false;
    s.config = { ...s.config, epochs: 700 };
    while (!s.done) stepMlpEpoch(s);
    expect(dead.map((j) => s.net.hidden[j])).toEqual(before);
    for (const j of dead) for (const [x1, x2] of GATE_INPUTS) expect(mlpForward(s.net, x1, x2, "relu").h[0][j]).toBe(0);
  });
});

describe("saturation", () => {
  it("with a large initial scale sigmoid and tanh units sit on their flat ends: the hidden gradient vanishes and training stalls", () => {
    const ratio = (g: number[]) => g[0] / g[g.length - 1]; // hidden layer's mean |gradient| over the output's
    for (const activation of ["sigmoid", "tanh"] as const) {
      for (const seed of [1, 2, 3]) {
        const small = trainMlp({ seed, lr: 2, epochs: 3000, activation, initScale: 0.3 });
        const large = trainMlp({ seed, lr: 2, epochs: 3000, activation, initScale: 20 });
        expect(small.history[0].saturated).toBe(0);
        expect(large.history[0].saturated).toBeGreaterThan(0);
        expect(ratio(small.history[0].grad)).toBeGreaterThan(0.05);
        expect(ratio(large.history[0].grad)).toBeLessThan(0.01);
        expect(large.history.at(-1)!.accuracy).toBeLessThan(1);
      }
    }
    const wide = trainMlp({ seed: 1, lr: 2, epochs: 10, activation: "tanh", width: 8, initScale: 20 });
    expect(runDiag(wide.final, wide.history, "tanh").saturatedUnits).toBeGreaterThanOrEqual(4);
  });
});
