// The XOR network's charts and the class's own points in words: the sentences follow the data.
import { describe, expect, it } from "vitest";
import { readPoints } from "../../nn/custom-points";
import { mlpOutput, trainMlp } from "../../nn/mlp";
import { pointSamples } from "../../nn/custom-points";
import { GATE_INPUTS, gateLabels } from "../../nn/gates";
import { diagramFacts, gradientFacts, pointsFacts } from "./net";
import { diagramSentence, gradientSentence, pointsSentence } from "./net-sentences";
import { unitStates } from "../../nn/mlp-diagnostics";
import type { T } from "./sentences";

// the message keys with their values, so a sentence reads as the data it came from
const t: T = (key, v = {}) => `${key}[${Object.entries(v).map(([k, x]) => `${k}=${x}`).join(" ")}]`;
const RING = readPoints("50.40.1_60.50.1_50.60.1_40.50.1_10.10.0_90.10.0_90.90.0_10.90.0")!;

describe("a decision map over any points", () => {
  it("counts the points on their correct side and names the wrong ones, in training order", () => {
    const { inputs, labels } = pointSamples(RING);
    const f = pointsFacts(inputs, labels, () => 0); // everything called 0: the four inner points are wrong
    expect(f).toEqual({ correct: 4, total: 8, misses: ["(0.5, 0.4)", "(0.6, 0.5)", "(0.5, 0.6)", "(0.4, 0.5)"] });
    expect(pointsSentence(t, "own", f)).toBe("points[name=own correct=4 total=8]pointsMisses[points=(0.5, 0.4), (0.6, 0.5), (0.5, 0.6), (0.4, 0.5)]");
    // everything wrong (inside 0, outside 1): four named, the other four counted
    const inner = (a: number, b: number) => a > 0.3 && a < 0.7 && b > 0.3 && b < 0.7;
    const wrong = pointsFacts(inputs, labels, (a, b) => (inner(a, b) ? 0 : 1));
    expect(wrong.correct).toBe(0);
    expect(pointsSentence(t, "own", wrong)).toMatch(/pointsMisses\[points=\(0\.5, 0\.4\), \(0\.6, 0\.5\), \(0\.5, 0\.6\), \(0\.4, 0\.5\)\]pointsMore\[count=4\]$/);
  });

  it("follows a trained network: a sigmoid net that solves the ring has no misses, a linear one has some", () => {
    const { inputs, labels } = pointSamples(RING);
    for (const [activation, solved] of [["sigmoid", true], ["linear", false]] as const) {
      const { final } = trainMlp({ seed: 1, lr: 2, epochs: 3000, activation, width: 4, points: RING });
      const f = pointsFacts(inputs, labels, (a, b) => (mlpOutput(final, a, b, activation) < 0.5 ? 0 : 1));
      expect(f.misses.length === 0).toBe(solved);
      expect(f.correct + f.misses.length).toBe(8);
    }
  });

  it("names XOR's corners as they are", () => {
    const f = pointsFacts(GATE_INPUTS, gateLabels("XOR"), (a, b) => (a && b ? 1 : 0));
    expect(f.misses).toEqual(["(1, 0)", "(0, 1)", "(1, 1)"]);
  });
});

describe("the gradient per layer", () => {
  it("says the step's hidden layer is exactly 0 in every epoch, and how the others moved", () => {
    const step = trainMlp({ seed: 1, lr: 2, epochs: 50, activation: "step", width: 4 });
    const f = gradientFacts(step.history);
    expect(f.epoch).toBe(50);
    expect(f.layers[0].alwaysZero).toBe(true);
    expect(f.layers[1].alwaysZero).toBe(false);
    const s = gradientSentence(t, ["h1", "out"], f);
    expect(s).toMatch(/^gradient\[epoch=50 list=gradientLayerZero\[name=h1\], gradientChange\[name=out from=\d\.\de-?\d+ to=\d\.\de-?\d+\]\]$/);
  });

  it("before any epoch: says so", () => {
    expect(gradientSentence(t, ["h1", "out"], gradientFacts([]))).toBe("gradientNone[]");
  });
});

describe("the network drawing", () => {
  it("names the dead units of a wide ReLU run and the unit the output leans on most", () => {
    const { final } = trainMlp({ seed: 3, lr: 2, epochs: 3000, activation: "relu", width: 8 });
    const states = unitStates(final, "relu");
    const f = diagramFacts(final, states);
    const dead = states[0].flatMap((s, j) => (s === "dead" ? [j] : []));
    expect(dead.length).toBeGreaterThan(0);
    expect(f.dead.map((p) => p.unit)).toEqual(dead);
    expect(f.units).toBe(8);
    const biggest = Math.max(...final.out.w.map(Math.abs));
    expect(Math.abs(f.strongest.weight)).toBe(biggest);
    expect(final.out.w[f.strongest.place.unit]).toBe(f.strongest.weight);
    const s = diagramSentence(t, (v) => v.toFixed(1), (p) => `u${p.layer}.${p.unit + 1}`, f);
    expect(s).toBe(`diagram[units=8 dead=${dead.map((j) => `u0.${j + 1}`).join(", ")} saturated=diagramNone[] strongest=u0.${f.strongest.place.unit + 1} weight=${f.strongest.weight.toFixed(1)}]`);
  });

  it("a two-layer net: the output reads the second hidden layer", () => {
    const { final } = trainMlp({ seed: 1, lr: 2, epochs: 10, activation: "tanh", width: 3, layers: 2 });
    const f = diagramFacts(final, unitStates(final, "tanh"));
    expect(f.units).toBe(6);
    expect(f.strongest.place.layer).toBe(1);
  });
});
