import { describe, expect, it } from "vitest";
import { makeRng } from "./random";
import { expectReplays } from "../test-helpers-replay";
import { ACTIVATIONS, resolveParams } from "./activations";
import { HIDDEN_ACTIVATIONS, initMlp, replayMlp, startMlp, stepMlpEpoch, trainMlp, type MlpConfig } from "./mlp";
import { accuracySteps, initXorNet, trainXorNet } from "../xor/xor-net";

describe("mlp: the XOR network of any width, depth and hidden activation", () => {
  it("the hidden activations are the explorer's ids the class experiment uses", () => {
    expect(HIDDEN_ACTIVATIONS).toEqual(["linear", "step", "sigmoid", "tanh", "relu", "leakyRelu"]);
  });

  it("the 2-2-1 net with the defaults is the old one to the last bit (stored runs still grade)", () => {
    for (const activation of ["sigmoid", "tanh"] as const) {
      for (const seed of [1, 3, 7]) {
        const a = trainMlp({ seed, lr: 2, epochs: 400, activation });
        const b = trainXorNet({ seed, lr: 2, epochs: 400, activation });
        expect(a.final).toEqual(b.final);
        expect(a.history.map((h) => [h.accuracy, h.loss])).toEqual(b.history.map((h) => [h.accuracy, h.loss]));
      }
    }
    // a recorded run: the weights lib/xor/xor-net.ts produced before lib/nn/mlp.ts existed
    expect(trainMlp({ seed: 1, lr: 2, epochs: 3000 }).final.out.b).toBe(trainXorNet({ seed: 1, lr: 2, epochs: 3000 }).final.out.b);
    expect(initMlp({ seed: 4 })).toEqual(initXorNet(4));
  });

  it("draws layer by layer, each unit's weights then its bias, scaled by initScale", () => {
    const rng = makeRng(9);
    const d = Array.from({ length: 3 * 3 + 3 * 4 + 4 }, () => 0.5 * rng.normal());
    const n = initMlp({ seed: 9, width: 3, layers: 2, initScale: 0.5 });
    expect(n.hidden).toHaveLength(3);
    expect(n.hidden2).toHaveLength(3);
    expect(n.hidden2![0].w).toHaveLength(3);
    expect(n.out.w).toHaveLength(3);
    const flat = [...n.hidden.flatMap((u) => [...u.w, u.b]), ...n.hidden2!.flatMap((u) => [...u.w, u.b]), ...n.out.w, n.out.b];
    expect(flat).toEqual(d);
  });

  it("replays identically, and stepping equals train()", () => {
    const c: MlpConfig = { seed: 5, lr: 1, epochs: 150, activation: "relu", width: 6, layers: 2, initScale: 0.8 };
    const { run } = expectReplays(c, trainMlp, startMlp, stepMlpEpoch);
    expect(run.history[0].grad).toHaveLength(3);
  });

  it("a wide sigmoid net solves XOR", () => {
    const r = trainMlp({ seed: 1, lr: 2, epochs: 3000, activation: "sigmoid", width: 8 });
    expect(r.history.at(-1)!.accuracy).toBe(1);
  });

  it("a run that would overflow stops on its last finite net, and replays to the same net", () => {
    const c: MlpConfig = { seed: 3, lr: 10, epochs: 2000, activation: "linear", width: 8, layers: 2, initScale: 3 };
    const r = trainMlp(c);
    expect(r.diverged).toBe(true);
    expect(r.history.length).toBeLessThan(2000);
    const flat = [...r.final.hidden, ...r.final.hidden2!, r.final.out].flatMap((u) => [...u.w, u.b]);
    expect(flat.every(Number.isFinite)).toBe(true);
    const again = trainMlp({ ...c, epochs: r.history.length });
    expect(again.final).toEqual(r.final);
    expect(again.diverged).toBe(false);
  });

  it("validates the config", () => {
    const base = { seed: 1, lr: 1, epochs: 10 };
    expect(() => startMlp({ ...base, width: 1 })).toThrow(RangeError);
    expect(() => startMlp({ ...base, width: 9 })).toThrow(RangeError);
    expect(() => startMlp({ ...base, layers: 3 })).toThrow(RangeError);
    expect(() => startMlp({ ...base, initScale: 0 })).toThrow(RangeError);
    expect(() => startMlp({ ...base, initScale: 21 })).toThrow(RangeError);
    expect(() => startMlp({ ...base, activation: "gelu" as never })).toThrow(RangeError);
    expect(startMlp({ ...base, epochs: 0 }).done).toBe(true);
  });

  it("replayMlp (grading's replay) ends on trainMlp's net, steps and last gradient, to the bit, diverged runs too", () => {
    const points = [{ x: 10, y: 20, label: 0 }, { x: 90, y: 15, label: 1 }, { x: 30, y: 80, label: 1 }, { x: 70, y: 70, label: 0 }, { x: 50, y: 50, label: 1 }] as const;
    const configs: MlpConfig[] = [
      { seed: 1, lr: 2, epochs: 3000, activation: "sigmoid", width: 8 },
      { seed: 5, lr: 1, epochs: 400, activation: "relu", width: 5, layers: 2, initScale: 1 },
      { seed: 9, lr: 0.5, epochs: 300, activation: "tanh", width: 3, points: points.map((p) => ({ ...p })) },
      { seed: 3, lr: 1e306, epochs: 50, activation: "linear", width: 4, initScale: 20 },
      { seed: 4, lr: 2, epochs: 0 },
    ];
    for (const c of configs) {
      const full = trainMlp(c);
      const r = replayMlp(c);
      expect(r.final).toEqual(full.final);
      expect(r.steps).toEqual(accuracySteps(full.history));
      expect(r.lastGrad).toEqual(full.history.at(-1)?.grad ?? null);
      expect(r.epochs).toBe(full.history.length);
      expect(r.diverged).toBe(full.diverged);
    }
    expect(replayMlp(configs[3]).diverged).toBe(true);
  });

  it("takes sigmoid's and tanh's derivative from the unit's output: the same double as der(z), over many z", () => {
    // replayMlp and stepMlpEpoch use h * (1 - h) and 1 - h * h for h = output(z): grading depends on it being bitwise der(z)
    const rng = makeRng(7);
    const zs = [0, -0, 1e-300, -745, 745, 40, -40, ...Array.from({ length: 20_000 }, (_, k) => rng.normal() * (k % 3 === 0 ? 30 : 3))];
    for (const [a, fromOutput] of [["sigmoid", (h: number) => h * (1 - h)], ["tanh", (h: number) => 1 - h * h]] as const) {
      const f = ACTIVATIONS[a];
      const p = resolveParams(f);
      const off = zs.filter((z) => !Object.is(fromOutput(f.output(z, p)), f.der(z, p)));
      expect(off).toEqual([]);
    }
  });
});
