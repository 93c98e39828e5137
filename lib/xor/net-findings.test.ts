import { describe, expect, it } from "vitest";
import { netComparison } from "../experiments/experiment-runs";
import type { ExperimentInfo } from "../experiments/experiment-groups";
import { conclusionOf, median, netFindings, type NetMemberRun } from "./net-findings";
import { accuracySteps, trainXorNet, type HiddenActivation } from "./xor-net";
import { runDiag } from "../nn/mlp-diagnostics";
import type { HiddenRun } from "./xor-proof";

/** A recorded run: what the server stores for a graded two-layer run (lr 2, 3,000 epochs). */
function recorded(userId: string, activation: HiddenActivation, seed: number): HiddenRun {
  const r = trainXorNet({ seed, lr: 2, epochs: 3000, activation });
  const accuracy = r.history.at(-1)!.accuracy;
  return { userId, activation, hidden: r.final.hidden, accuracy, solved: accuracy === 1, epochs: 3000, steps: accuracySteps(r.history), diag: runDiag(r.final, r.history, activation) };
}
const member = (r: HiddenRun): NetMemberRun => ({ best: Math.max(r.accuracy, ...r.steps!.map(([, a]) => a)), solved: r.solved, diag: r.diag });
const diag = (d: Partial<NonNullable<NetMemberRun["diag"]>> = {}) => ({ deadUnits: 0, saturatedUnits: 0, hiddenGradient: 1e-3, units: 2, ...d });

describe("median", () => {
  it("middle value, or the mean of the two middle ones; null for none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("a group's findings and its one sentence", () => {
  it("linear on recorded runs: nobody solves it, the best is 75% — as one perceptron", () => {
    const runs = [1, 2, 3, 4, 5, 6, 7].map((s) => member(recorded(`u${s}`, "linear", s)));
    const f = netFindings("linear", 7, runs, null);
    expect(f).toMatchObject({ size: 7, runs: 7, solved: 0, best: 0.75, medianEpochs: null, diagnosed: 7 });
    expect(f.conclusion).toEqual({ key: "linear", values: { activation: "linear", solved: 0, size: 7, best: 75 } });
  });

  it("step on recorded runs: zero hidden gradient, the hidden lines never moved", () => {
    const runs = [1, 2, 3, 4, 5, 6].map((s) => member(recorded(`u${s}`, "step", s)));
    const f = netFindings("step", 6, runs, null);
    expect(f.medianGradient).toBe(0);
    expect(f.conclusion.key).toBe("stepStuck");
    // one lucky member (the output unit found a split on the starting lines): that one was luck
    const lucky = netFindings("step", 6, [...runs.slice(1), { best: 1, solved: true, diag: diag({ hiddenGradient: 0 }) }], 900);
    expect(lucky.conclusion).toEqual({ key: "stepLuck", values: { activation: "step", solved: 1, size: 6 } });
    // a step group whose runs moved (impossible with step's zero derivative) is not said to be stuck
    expect(netFindings("step", 1, [{ best: 0.75, solved: false, diag: diag({ hiddenGradient: 0.2 }) }], null).conclusion.key).toBe("notSolved");
  });

  it("ReLU: the dead units are counted over the group's runs (recorded: seeds 1 and 4 die, seed 3 solves)", () => {
    const runs = [1, 3, 4].map((s) => member(recorded(`u${s}`, "relu", s)));
    const f = netFindings("relu", 4, runs, 42);
    expect(f).toMatchObject({ solved: 1, deadUnits: 2, units: 6, diagnosed: 3 });
    expect(f.conclusion).toEqual({ key: "dead", values: { activation: "relu", solved: 1, size: 4, dead: 2, units: 6 } });
  });

  it("sigmoid and tanh: saturated units said when there are any, else how fast the group solved it", () => {
    const sat = netFindings("tanh", 3, [{ best: 1, solved: true, diag: diag() }, { best: 0.5, solved: false, diag: diag({ saturatedUnits: 2 }) }], 61);
    expect(sat.conclusion).toEqual({ key: "saturated", values: { activation: "tanh", solved: 1, size: 3, saturated: 2, units: 4 } });
    const runs = [1, 2, 4].map((s) => member(recorded(`u${s}`, "sigmoid", s)));
    const ok = netFindings("sigmoid", 3, runs, 512);
    expect(ok.conclusion).toEqual({ key: "solved", values: { activation: "sigmoid", solved: 3, size: 3, epochs: 512 } });
    expect(ok.medianGradient).toBeGreaterThan(0);
  });

  it("no run yet, and runs without diagnostics (stored before they were kept)", () => {
    expect(netFindings("relu", 5, [], null)).toMatchObject({ runs: 0, best: null, medianGradient: null, conclusion: { key: "noRuns" } });
    const old = netFindings("relu", 2, [{ best: 0.75, solved: false }], null);
    expect(old).toMatchObject({ diagnosed: 0, deadUnits: 0, units: 0, medianGradient: null });
    expect(old.conclusion).toEqual({ key: "notSolved", values: { activation: "relu", solved: 0, size: 2, best: 75 } });
    // step without diagnostics: its derivative is zero, so the hidden lines did not move
    expect(conclusionOf({ ...old, activation: "step" }).key).toBe("stepStuck");
  });
});

describe("netComparison: five groups on recorded runs", () => {
  it("per group: students, solved n of m, median epochs, best accuracy, gradient, dead units and the sentence", () => {
    const groups = (["linear", "step", "sigmoid", "tanh", "relu"] as const).map((activation) => ({ activation }));
    const members: Record<string, number> = { l1: 0, l2: 0, s1: 1, g1: 2, g2: 2, t1: 3, r1: 4, r2: 4, late: 4 };
    const info: ExperimentInfo = { id: "e", mode: "BALANCED", variable: "activation", groups, members, result: null };
    const runs = [
      recorded("l1", "linear", 1), recorded("l2", "linear", 2), recorded("s1", "step", 1),
      recorded("g1", "sigmoid", 1), recorded("g2", "sigmoid", 2), recorded("t1", "tanh", 1),
      recorded("r1", "relu", 1), recorded("r2", "relu", 3),
      recorded("late", "tanh", 1), // another group's activation: does not count
    ];
    const out = netComparison(info, runs);
    expect(out.map((s) => s.net!.conclusion.key)).toEqual(["linear", "stepStuck", "solved", "solved", "dead"]);
    expect(out.map((s) => [s.size, s.net!.solved, s.net!.runs])).toEqual([[2, 0, 2], [1, 0, 1], [2, 2, 2], [1, 1, 1], [3, 1, 2]]);
    expect(out[2].net!.medianEpochs).toBe((922 + 512) / 2);
    expect(out[3].net!.conclusion.values).toEqual({ activation: "tanh", solved: 1, size: 1, epochs: 61 });
    expect(out[4].net).toMatchObject({ best: 1, deadUnits: 1, units: 4 });
    expect(out[0].net!.best).toBe(0.75);
    expect(out[1].net!.medianGradient).toBe(0);
  });
});
