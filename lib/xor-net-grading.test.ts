import { describe, expect, it } from "vitest";
import { cloneXorNet, trainXorNet } from "./xor-net";
import { gradeXorNetRun } from "./xor-net-grading";

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
