import { describe, expect, it } from "vitest";
import { cloneXorNet, trainXorNet } from "./xor-net";
import { gradeXorNetRun } from "./xor-net-grading";
import { HIDDEN_ACTIVATIONS, trainMlp } from "../nn/mlp";

const honest = (activation: "sigmoid" | "tanh", seed: number, epochs = 3000, lr = 2) =>
  ({ activation, lr, epochs, seed, final: trainXorNet({ seed, lr, epochs, activation }).final });

describe("grading the two-layer XOR run by replay", () => {
  it("an honest sigmoid run that solves XOR is accepted as solved", () => {
    const g = gradeXorNetRun(honest("sigmoid", 1));
    expect(g).toMatchObject({ reason: "solved", solved: true, accuracy: 1 });
    expect(g.net).toEqual(trainXorNet({ seed: 1, lr: 2, epochs: 3000 }).final);
  });

  it("tanh hidden units train differently and are replayed with tanh", () => {
    const t = trainXorNet({ seed: 1, lr: 2, epochs: 3000, activation: "tanh" }).final;
    expect(t).not.toEqual(trainXorNet({ seed: 1, lr: 2, epochs: 3000 }).final);
    expect(gradeXorNetRun(honest("tanh", 1)).reason).not.toBe("replayMismatch");
    // the tanh weights claimed as a sigmoid run do not replay
    expect(gradeXorNetRun({ ...honest("tanh", 1), activation: "sigmoid" }).reason).toBe("replayMismatch");
  });

  it("an honest run that stalls is accepted but not solved", () => {
    const g = gradeXorNetRun(honest("sigmoid", 1, 20));
    expect(g.reason).toBe("notSolved");
    expect(g.solved).toBe(false);
  });

  it("rejects forged claims: hand-made solved weights, or a run's weights with another seed", () => {
    const forged = honest("sigmoid", 1, 20);
    forged.final = { hidden: [{ w: [20, 20], b: -10 }, { w: [20, 20], b: -30 }], out: { w: [20, -20], b: -10 } };
    expect(gradeXorNetRun(forged)).toMatchObject({ reason: "replayMismatch", solved: false, net: null });
    expect(gradeXorNetRun({ ...honest("sigmoid", 1), seed: 2 }).reason).toBe("replayMismatch");
    const nudged = honest("sigmoid", 1);
    nudged.final = cloneXorNet(nudged.final);
    nudged.final.out.b += 1e-3;
    expect(gradeXorNetRun(nudged).reason).toBe("replayMismatch");
  });

  it("refuses what is not a run", () => {
    expect(gradeXorNetRun({ activation: "relu", lr: 1, epochs: 10, seed: 1, final: {} }).reason).toBe("invalid");
    expect(gradeXorNetRun({ ...honest("sigmoid", 1), epochs: 20_000 }).reason).toBe("invalid");
  });
});

describe("grading the general XOR network (activation, width, layers, initial scale) by replay", () => {
  const run = (activation: (typeof HIDDEN_ACTIVATIONS)[number], width: number, layers: number, initScale = 0.3, epochs = 300, seed = 2, lr = 2) =>
    ({ activation, lr, epochs, seed, width, layers, initScale, final: trainMlp({ seed, lr, epochs, activation, width, layers, initScale }).final });

  it("every hidden activation, several widths and depths: an honest run is accepted, with its diagnostics", () => {
    for (const activation of HIDDEN_ACTIVATIONS) {
      for (const [width, layers] of [[2, 1], [5, 1], [8, 2]]) {
        const g = gradeXorNetRun(run(activation, width, layers));
        expect(["solved", "notSolved"]).toContain(g.reason);
        expect(g.diag?.units).toBe(width * layers);
        if (activation === "linear") expect(g.accuracy).toBeLessThanOrEqual(0.75);
        if (activation === "step") expect(g.diag?.hiddenGradient).toBe(0);
      }
    }
    expect(gradeXorNetRun(run("sigmoid", 8, 1, 0.3, 3000, 1)).solved).toBe(true);
  });

  it("the diagnostics name dead ReLU units and saturated tanh units", () => {
    const relu = gradeXorNetRun(run("relu", 8, 1, 1, 600, 11));
    expect(relu.diag!.deadUnits).toBeGreaterThan(0);
    const tanh = gradeXorNetRun(run("tanh", 8, 1, 20, 10, 1));
    expect(tanh.diag!.saturatedUnits).toBeGreaterThanOrEqual(4);
  });

  it("a run's weights claimed with another width, depth, scale or activation do not replay", () => {
    const r = run("relu", 6, 2, 0.5);
    expect(gradeXorNetRun(r).reason).not.toBe("replayMismatch");
    expect(gradeXorNetRun({ ...r, initScale: 0.6 }).reason).toBe("replayMismatch");
    expect(gradeXorNetRun({ ...r, activation: "leakyRelu" }).reason).toBe("replayMismatch");
    expect(gradeXorNetRun({ ...r, seed: 3 }).reason).toBe("replayMismatch");
    const forged = structuredClone(r);
    forged.final.hidden[5].w[1] += 1e-3;
    expect(gradeXorNetRun(forged)).toMatchObject({ reason: "replayMismatch", solved: false, net: null });
  });

  it("refuses weights that do not fit the claimed shape with a coded error", () => {
    const r = run("tanh", 4, 2);
    expect(gradeXorNetRun({ ...r, width: 5 })).toMatchObject({ reason: "invalid", error: "netShapeInvalid" });
    expect(gradeXorNetRun({ ...r, layers: 1 })).toMatchObject({ reason: "invalid", error: "netShapeInvalid" });
    const one = run("tanh", 4, 1);
    expect(gradeXorNetRun({ ...one, layers: 2 })).toMatchObject({ reason: "invalid", error: "netShapeInvalid" });
    expect(gradeXorNetRun({ ...one, final: { ...one.final, out: { w: [1, 2, 3], b: 0 } } })).toMatchObject({ error: "netShapeInvalid" });
    // out of bounds: not a run at all
    expect(gradeXorNetRun({ ...r, width: 9 }).reason).toBe("invalid");
    expect(gradeXorNetRun({ ...r, layers: 3 }).reason).toBe("invalid");
    expect(gradeXorNetRun({ ...r, initScale: 100 }).reason).toBe("invalid");
    expect(gradeXorNetRun({ ...r, activation: "gelu" }).reason).toBe("invalid");
  });
});
