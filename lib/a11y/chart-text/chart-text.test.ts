// The sentences follow the data: computed from ACTIVATIONS (and a formula), samples, pictures and runs.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { ACTIVATIONS, curve, resolveParams, seedXs, type Activation } from "../../nn/activations";
import { histogram } from "../../explorer/samples";
import { train } from "../../nn/perceptron";
import { curveFacts, readable } from "./curve";
import { decisionFacts } from "./decision";
import { flattenedCount, histogramFacts } from "./histogram";
import { imageFacts } from "./image";
import { accuracyCountsSentence, curveSentence, decisionSentence, histogramSentence, imageSentence, numberText, trainingSentence, type T } from "./sentences";
import { trainingFacts } from "./training";

const tOf = (messages: typeof en, locale: "en" | "ko") => createTranslator({ locale, messages, namespace: "chartText" }) as unknown as T;
const t = tOf(en, "en");
const tk = tOf(ko, "ko");
const num = numberText("en");
const xs = seedXs();
const say = (act: Activation, kind: "function" | "derivative" = "function", name: string = act.id, tr = t) => {
  const { y, dy } = curve(act, resolveParams(act), xs);
  return curveSentence(tr, num, name, kind === "function" ? curveFacts(xs, y) : curveFacts(xs, dy, "value"), kind);
};

describe("curve sentences", () => {
  it("sigmoid: rises from 0 to 1, steepest at 0 with slope 0.25, flat beyond ±5", () => {
    expect(say(ACTIVATIONS.sigmoid)).toBe("sigmoid: rises from 0 to 1, steepest at x = 0 where the slope is 0.25; flat beyond ±5");
    expect(say(ACTIVATIONS.sigmoid, "derivative")).toBe("slope of sigmoid: rises from 0 to 0.25 at x = 0, then falls to 0; near 0 beyond ±5");
  });
  it("each activation gets its own sentence", () => {
    expect(say(ACTIVATIONS.tanh)).toBe("tanh: rises from -1 to 1, steepest at x = 0 where the slope is 1; flat beyond ±3");
    expect(say(ACTIVATIONS.relu)).toBe("relu: rises from 0 to 9.99, steepest from x = 0 to 9.99 where the slope is 1; flat below 0");
    expect(say(ACTIVATIONS.relu, "derivative")).toBe("slope of relu: jumps from 0 to 1 at x = 0; near 0 below 0");
    expect(say(ACTIVATIONS.step)).toBe("step: jumps from 0 to 1 at x = 0");
    expect(say(ACTIVATIONS.step, "derivative")).toBe("slope of step: stays at 0 everywhere");
    expect(say(ACTIVATIONS.linear)).toBe("linear: rises from -10 to 9.99, with a constant slope of 1");
    expect(say(ACTIVATIONS.swish)).toMatch(/^swish: falls from 0 to -0\.28 at x = -1\.28, then rises to 9\.99/);
  });
  it("a parameter moves the sentence (step's threshold), and a formula activation gets one too", () => {
    const step = ACTIVATIONS.step;
    const { y } = curve(step, resolveParams(step, { threshold: 2 }), xs);
    expect(curveSentence(t, num, "step", curveFacts(xs, y), "function")).toBe("step: jumps from 0 to 1 at x = 2");
    const formula: Activation = { ...ACTIVATIONS.linear, id: "custom1", output: (x) => -2 * Math.tanh(x / 2), der: (x) => -(1 - Math.tanh(x / 2) ** 2) };
    expect(say(formula, "function", "f")).toBe("f: falls from 2 to -2, steepest at x = 0 where the slope is -1; flat beyond ±6");
  });
  it("in Korean", () => {
    expect(say(ACTIVATIONS.sigmoid, "function", "시그모이드", tk)).toBe("시그모이드: 0에서 1까지 올라감, x = 0에서 가장 가파르고 기울기는 0.25; ±5 바깥에서는 평평함");
  });
  it("readable rounds boundaries", () => {
    expect([readable(4.59), readable(-2.99), readable(0.74), readable(-0.01)]).toEqual([5, -3, 0.5, 0]);
  });
});

describe("histogram sentences", () => {
  const samples = Float64Array.from({ length: 1000 }, (_, i) => -5 + (10 * i) / 999);
  it("before: range and where the mass is", () => {
    const f = histogramFacts(histogram(samples, 100));
    expect(histogramSentence(t, num, f)).toMatch(/^1000 samples from -5 to 5; 80 % of them between -4(\.1)? and 4(\.1)?$/);
  });
  it("after sigmoid: piled up at the ends and flattened counted from the derivative", () => {
    const act = ACTIVATIONS.sigmoid;
    const p = resolveParams(act);
    const out = samples.map((x) => act.output(x, p));
    const flat = flattenedCount(act, p, samples);
    // sigmoid'(x) = 0.01 at |x| = ln((1 + sqrt(0.96)) / (1 - sqrt(0.96))) = 4.585
    expect(flat).toBe(samples.filter((x) => Math.abs(x) > 4.585).length);
    const s = histogramSentence(t, num, histogramFacts(histogram(out, 100)), { name: "sigmoid", flattened: flat });
    expect(s).toMatch(/^after sigmoid: 1000 values from 0\.01 to 0\.99; 80 % of them between 0\.0\d and 0\.9\d; 84 samples flattened/);
    const relu = ACTIVATIONS.relu;
    const r = histogramFacts(histogram(samples.map((x) => relu.output(x, p)), 100));
    expect(histogramSentence(t, num, r, { name: "relu", flattened: flattenedCount(relu, p, samples) })).toContain("51 % piled up near 0.03; 500 samples flattened");
  });
});

describe("image, decision, training and board sentences", () => {
  it("image: brightness from the bytes", () => {
    const bytes = new Uint8ClampedArray(4 * 4).fill(255);
    bytes.set([0, 0, 0, 255], 0);
    expect(imageSentence(t, imageFacts(bytes), { image: "cat", width: 2, height: 2 })).toBe("cat, 2×2 pixels: mean brightness 75 %, 25 % near black, 75 % near white");
  });
  it("decision map: what the line separates and what it misses", () => {
    const and = { w: [1, 1] as [number, number], b: -1.5 };
    expect(decisionSentence(t, "AND", decisionFacts(and, "AND"))).toBe("AND: the line separates (0,0), (0,1), (1,0) from (1,1), every point on its correct side");
    const high = { w: [1, 1] as [number, number], b: -2.5 };
    expect(decisionSentence(t, "AND", decisionFacts(high, "AND"))).toBe("AND: all four points are on the 0 side of the line, the line misses (1,1)");
  });
  it("training: epoch, accuracy and the misses, from a seeded run", () => {
    const run = train({ gate: "AND", lr: 0.1, epochs: 100, seed: 1 });
    const h = run.history.slice(0, 1).map((r) => r.accuracy);
    const s = trainingSentence(t, trainingFacts(h, 100), decisionFacts(run.history[0], "AND"));
    expect(s).toBe(`epoch 1 of 100: accuracy ${Math.round(h[0] * 100)} %` + (h[0] === 1 ? ", every point on its correct side" : s.slice(s.indexOf(", the line misses"))));
    const all = run.history.map((r) => r.accuracy);
    const first = all.indexOf(1) + 1;
    expect(trainingSentence(t, trainingFacts(all, 100))).toBe(`epoch 100 of 100: accuracy 100 %, best 100 % first at epoch ${first}`);
  });
  it("board: students at each accuracy, fullest accuracy first", () => {
    expect(accuracyCountsSentence(t, [0, 0.25, 0.5, 0.75, 1], [1, 0, 0, 2, 3])).toBe("6 students: 3 at 100 %, 2 at 75 %, 1 at 0 %");
    expect(accuracyCountsSentence(tk, [0, 0.25, 0.5, 0.75, 1], [0, 0, 0, 0, 0])).toBe("아직 학습한 학생이 없음");
  });
});
