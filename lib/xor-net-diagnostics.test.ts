import { describe, expect, it } from "vitest";
import { cloneXorNet, HIDDEN_ACTIVATIONS, startXorNet, stepXorEpoch, trainXorNet, type XorNet } from "./xor-net";
import { SATURATION_SLOPE, xorNetDiagnostics } from "./xor-net-diagnostics";
import { gradeXorNetRun } from "./xor-net-grading";

const hiddenParams = (n: XorNet) => n.hidden.flatMap((u) => [u.w[0], u.w[1], u.b]);
const net = (h0: [number, number, number], h1: [number, number, number]): XorNet => ({
  hidden: [{ w: [h0[0], h0[1]], b: h0[2] }, { w: [h1[0], h1[1]], b: h1[2] }],
  out: { w: [1, -1], b: 0 },
});

describe("diagnostics of a 2-2-1 XOR net", () => {
  it("the hidden gradient is the mean size of the hidden layer's step in gradient descent (lr 1)", () => {
    for (const activation of HIDDEN_ACTIVATIONS) {
      const state = startXorNet({ seed: 3, lr: 1, epochs: 50, activation });
      for (let i = 0; i < 20; i++) stepXorEpoch(state);
      const before = cloneXorNet(state.net);
      const d = xorNetDiagnostics(before, activation);
      stepXorEpoch(state);
      const moved = hiddenParams(state.net).map((v, i) => Math.abs(v - hiddenParams(before)[i]));
      expect(d.hiddenGradient).toBeCloseTo(moved.reduce((s, v) => s + v, 0) / 6, 12);
      expect(d.units).toBe(2);
    }
  });

  it("step units get exactly zero gradient: their lines never move, whatever the seed", () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      const r = trainXorNet({ seed, lr: 2, epochs: 500, activation: "step" });
      expect(xorNetDiagnostics(r.final, "step").hiddenGradient).toBe(0);
      expect(r.final.hidden).toEqual(r.init.hidden);
      expect(r.final.out).not.toEqual(r.init.out); // only the output unit learns
    }
  });

  it("a ReLU unit whose input is <= 0 on all four points is dead; the same unit in leaky ReLU is not", () => {
    const n = net([-1, -1, -0.5], [1, 1, -0.5]);
    expect(xorNetDiagnostics(n, "relu")).toMatchObject({ deadUnits: 1, saturatedUnits: 0 });
    expect(xorNetDiagnostics(n, "leakyRelu").deadUnits).toBe(0);
    expect(xorNetDiagnostics(net([-1, -1, 0], [-2, 1, -1]), "relu").deadUnits).toBe(2); // z = 0 at (0,0) counts as dead
    // a recorded run: seed 1 with ReLU ends at 25% with one dead unit
    const r = trainXorNet({ seed: 1, lr: 2, epochs: 3000, activation: "relu" });
    expect(xorNetDiagnostics(r.final, "relu")).toMatchObject({ deadUnits: 1, units: 2 });
  });

  it("a sigmoid or tanh unit on its flat ends at all four points is saturated", () => {
    const n = net([20, 20, -10], [0.1, 0.1, 0]); // z = -10, 10, 10, 30: slope < 0.01 everywhere
    for (const a of ["sigmoid", "tanh"] as const) expect(xorNetDiagnostics(n, a)).toMatchObject({ saturatedUnits: 1, deadUnits: 0 });
    expect(xorNetDiagnostics(net([2, 2, -1], [0.1, 0.1, 0]), "sigmoid").saturatedUnits).toBe(0);
    expect(xorNetDiagnostics(n, "relu").saturatedUnits).toBe(0);
    expect(SATURATION_SLOPE).toBe(0.01);
  });

  it("the grading attaches the replayed net's diagnostics, and none to a refused claim", () => {
    const final = trainXorNet({ seed: 1, lr: 2, epochs: 3000, activation: "relu" }).final;
    const g = gradeXorNetRun({ activation: "relu", lr: 2, epochs: 3000, seed: 1, final });
    expect(g.reason).toBe("notSolved");
    expect(g.diag).toEqual(xorNetDiagnostics(final, "relu"));
    expect(gradeXorNetRun({ activation: "tanh", lr: 2, epochs: 3000, seed: 1, final }).diag).toBeUndefined();
  });
});
