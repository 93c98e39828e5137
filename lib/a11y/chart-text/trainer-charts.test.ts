// The weight trajectory and the 3D output surface in words, from seeded runs and their grids.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { decisionGrid } from "../../nn/grid";
import { initialModel, train } from "../../nn/perceptron";
import { numberText, surfaceSentence, weightsSentence, type T } from "./sentences";
import { surfaceFacts } from "./surface";
import { weightFacts } from "./weights";

const t = createTranslator({ locale: "en", messages: en, namespace: "chartText" }) as unknown as T;
const tk = createTranslator({ locale: "ko", messages: ko, namespace: "chartText" }) as unknown as T;
const num = numberText("en");

describe("weight trajectory", () => {
  const run = { gate: "AND" as const, lr: 0.1, epochs: 100, seed: 1 };
  const init = initialModel({ seed: run.seed });
  const { history } = train(run);

  it("says where w1, w2 and b started and stand, from the run itself", () => {
    const f = weightFacts(init, history, 100);
    const last = history.at(-1)!;
    expect(f.series.map((s) => [s.name, s.from, s.to])).toEqual([["w1", init.w[0], last.w[0]], ["w2", init.w[1], last.w[1]], ["b", init.b, last.b]]);
    // the last epoch that changed a weight: every later record equals it
    const k = f.lastChange;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(100);
    for (const r of history.slice(k)) expect([r.w, r.b]).toEqual([history[k - 1].w, history[k - 1].b]);
    expect([history[k - 1].w, history[k - 1].b]).not.toEqual([(history[k - 2] ?? init).w, (history[k - 2] ?? init).b]);
    const s = weightsSentence(t, num, f);
    expect(s).toBe(`epoch 100 of 100: w1 from ${num(init.w[0])} to ${num(last.w[0])}, w2 from ${num(init.w[1])} to ${num(last.w[1])}, `
      + `b from ${num(init.b)} to ${num(last.b)}; ${f.moved} moved most; unchanged since epoch ${k}`);
  });
  it("moved most follows the data, and before training it gives the start", () => {
    const h = [{ w: [0, 0] as [number, number], b: -3 }, { w: [2, 0] as [number, number], b: -3 }];
    const f = weightFacts({ w: [0, 0], b: 0 }, h, 10);
    expect(weightsSentence(t, num, f)).toBe("epoch 2 of 10: w1 from 0 to 2, w2 from 0 to 0, b from 0 to -3; b moved most");
    expect(weightsSentence(t, num, weightFacts({ w: [0, 0], b: 0 }, h.slice(0, 1), 10))).toBe("epoch 1 of 10: w1 from 0 to 0, w2 from 0 to 0, b from 0 to -3; b moved most");
    expect(weightsSentence(t, num, weightFacts({ w: [0.5, -0.25], b: 0.1 }, [], 10))).toBe("no epoch yet of 10: w1 = 0.5, w2 = -0.25, b = 0.1");
    expect(weightsSentence(tk, num, weightFacts({ w: [0.5, -0.25], b: 0.1 }, [], 10))).toBe("10 에포크 중 아직 0번째: w1 = 0.5, w2 = -0.25, b = 0.1");
  });
});

describe("output surface", () => {
  it("a trained AND: 1 only near (1,1), 0 at the other corners", () => {
    const { final } = train({ gate: "AND", lr: 0.1, epochs: 100, seed: 1 });
    const grid = decisionGrid(final);
    const f = surfaceFacts(grid, 101);
    expect(f.corners).toEqual([0, 0, 0, 1]);
    expect(f.highAt).toEqual([1, 1]);
    expect(f.lowAt).toEqual([0, 0]);
    const share = grid.reduce((s, v) => s + v, 0) / grid.length;
    expect(surfaceSentence(t, num, f)).toBe(`output from 0 to 1: highest at (1, 1), lowest at (0, 0); 0.5 or more on ${Math.round(share * 100)} % of the square; corners (0,0) 0, (0,1) 0, (1,0) 0, (1,1) 1`);
  });
  it("a smooth surface: the highest and lowest points and the range move with it", () => {
    const n = 11;
    // output = x2 (rises along x2 only) then a bump at (0.3, 0.6)
    const v = Float64Array.from({ length: n * n }, (_, k) => 0.8 * ((k % n) / 10));
    v[3 * n + 6] = 0.95;
    const f = surfaceFacts(v, n);
    expect(surfaceSentence(t, num, f)).toBe("output from 0 to 0.95: highest at (0.3, 0.6), lowest at (0, 0); 0.5 or more on 37 % of the square; corners (0,0) 0, (0,1) 0.8, (1,0) 0, (1,1) 0.8");
    expect(surfaceSentence(t, num, surfaceFacts(new Float64Array(n * n).fill(0.25), n))).toBe("output 0.25 everywhere on the square");
    expect(surfaceSentence(tk, num, f)).toMatch(/^출력 0부터 0.95까지: 가장 높은 곳 \(0.3, 0.6\)/);
  });
});
