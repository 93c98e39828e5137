import { describe, expect, it } from "vitest";
import { makeRng } from "../nn/random";
import { expectReplays } from "../test-helpers-replay";
import {
  XOR_NET_DEFAULTS, XOR_NET_INIT_SCALE, accuracySteps, initXorNet, startXorNet, stepsToCurve, stepXorEpoch, trainXorNet, xorNetAccuracy,
  xorNetGrid, xorNetLoss, xorNetOutput, type XorNet,
} from "./xor-net";

const solved = (seed: number) => trainXorNet({ seed, ...XOR_NET_DEFAULTS }).history.at(-1)!.accuracy === 1;

describe("xor-net", () => {
  it("solves XOR for most seeds with the default config", () => {
    const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(seeds.filter(solved).length).toBeGreaterThanOrEqual(8); // verified: 9 of 10 (seed 3 stalls)
  });

  it("a solved net outputs the XOR truth table", () => {
    const { final, bestAccuracy, history } = trainXorNet({ seed: 1, ...XOR_NET_DEFAULTS });
    expect(bestAccuracy).toBe(1);
    expect(xorNetOutput(final, 0, 0)).toBeLessThan(0.1);
    expect(xorNetOutput(final, 1, 0)).toBeGreaterThan(0.9);
    expect(xorNetOutput(final, 0, 1)).toBeGreaterThan(0.9);
    expect(xorNetOutput(final, 1, 1)).toBeLessThan(0.1);
    expect(history[history.length - 1].loss).toBeLessThan(history[0].loss / 10);
    expect(history.map((h) => h.epoch).slice(0, 3)).toEqual([0, 1, 2]);
  });

  it("initial weights are scaled normals from makeRng(seed), hidden units first", () => {
    const rng = makeRng(4);
    const d = Array.from({ length: 9 }, () => XOR_NET_INIT_SCALE * rng.normal());
    const n = initXorNet(4);
    expect([...n.hidden[0].w, n.hidden[0].b, ...n.hidden[1].w, n.hidden[1].b, ...n.out.w, n.out.b]).toEqual(d);
  });

  it("replays identically and stepping equals train()", () => {
    const c = { seed: 6, lr: 2, epochs: 200 };
    const { state } = expectReplays(c, trainXorNet, startXorNet, stepXorEpoch);
    expect(state.epoch).toBe(200);
  });

  it("a gradient step lowers the loss for a small learning rate", () => {
    const s = startXorNet({ seed: 2, lr: 0.1, epochs: 5 });
    const before = xorNetLoss(s.net);
    stepXorEpoch(s);
    expect(s.history[0].loss).toBeLessThan(before);
  });

  it("accuracy and loss on a hand-built solution", () => {
    // h0 = OR, h1 = AND, out = h0 AND NOT h1
    const net: XorNet = { hidden: [{ w: [20, 20], b: -10 }, { w: [20, 20], b: -30 }], out: { w: [20, -20], b: -10 } };
    expect(xorNetAccuracy(net)).toBe(1);
    expect(xorNetLoss(net)).toBeLessThan(1e-3);
    const g = xorNetGrid(net, 101);
    expect(g).toHaveLength(10201);
    expect(g[0]).toBeLessThan(0.01);
    expect(g[100]).toBeGreaterThan(0.99);
    expect(g[10200]).toBeLessThan(0.01);
  });

  it("accuracy steps are compact and give back the accuracy after every epoch", () => {
    for (const activation of ["sigmoid", "tanh"] as const) {
      const { history } = trainXorNet({ seed: 4, lr: 2, epochs: 3000, activation });
      const steps = accuracySteps(history);
      expect(steps.length).toBeLessThan(20);
      expect(Array.from(stepsToCurve(steps, history.length))).toEqual(history.map((h) => h.accuracy));
    }
    expect(accuracySteps([])).toEqual([]);
    expect(Array.from(stepsToCurve([[1, 0.5], [3, 1]], 4))).toEqual([0.5, 0.5, 1, 1]);
  });

  it("validates config", () => {
    expect(() => startXorNet({ seed: 1, lr: 1, epochs: -3 })).toThrow(RangeError);
    expect(startXorNet({ seed: 1, lr: 1, epochs: 0 }).done).toBe(true);
  });
});
