import { describe, expect, it } from "vitest";
import { mlpGrid, mlpOutput, startMlp, stepMlpEpoch, trainMlp, type HiddenActivation } from "./mlp";
import { advanceGrid, gridPass } from "./mlp-grid-pass";

const nets = [
  { activation: "sigmoid" as HiddenActivation, width: 8, layers: 1 },
  { activation: "relu" as HiddenActivation, width: 3, layers: 2 },
  { activation: "linear" as HiddenActivation, width: 2, layers: 1 },
].map((c) => ({ ...c, net: trainMlp({ seed: 3, lr: 2, epochs: 200, ...c }).final }));

describe("mlpGrid", () => {
  it("is the network's output at every grid point, x1 outer and x2 inner", () => {
    for (const { net, activation } of nets) {
      const n = 11;
      const grid = mlpGrid(net, n, activation);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(grid[i * n + j]).toBe(Math.fround(mlpOutput(net, i / (n - 1), j / (n - 1), activation)));
    }
  });
});

describe("a grid pass over several frames", () => {
  it("ends with exactly mlpGrid's values, one row per call when told to stop", () => {
    for (const { net, activation } of nets) {
      const pass = gridPass(net, activation);
      let calls = 0;
      while (!advanceGrid(pass, () => false)) calls++;
      expect(calls + 1).toBe(101);
      expect(Array.from(pass.out)).toEqual(Array.from(mlpGrid(net, 101, activation)));
    }
  });

  it("draws the net as it was when the pass began, while training goes on", () => {
    const state = startMlp({ seed: 5, lr: 2, epochs: 100, activation: "sigmoid", width: 4 });
    for (let k = 0; k < 10; k++) stepMlpEpoch(state);
    const before = mlpGrid(state.net, 21, "sigmoid");
    const pass = gridPass(state.net, "sigmoid", 21);
    let rows = 0;
    while (!advanceGrid(pass, () => ++rows % 5 !== 0)) stepMlpEpoch(state);
    expect(Array.from(pass.out)).toEqual(Array.from(before));
    expect(Array.from(mlpGrid(state.net, 21, "sigmoid"))).not.toEqual(Array.from(before));
  });
});
