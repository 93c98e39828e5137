import { describe, expect, it } from "vitest";
import { ACTIVATIONS, ACTIVATION_IDS } from "../nn/activations";
import { ACTIVATION_CHOICES, BUILTIN_ACTIVATION_CONFIG, type ActivationConfig } from "../lessons/exercises";
import { activationAnswerSchema, expectedAnswer, gradeActivationAnswer, QUESTION_IDS, QUESTION_RULES } from "./questions";

const all = [...ACTIVATION_CHOICES];
const config = (question: ActivationConfig["question"], activations = all, points = 10): ActivationConfig =>
  ({ type: "ACTIVATION", activations, question, points });

describe("expectedAnswer", () => {
  it("derives each question's answer from the activation properties", () => {
    expect(expectedAnswer("saturatesBothSides", all)).toEqual(["step", "sigmoid", "tanh"]);
    expect(expectedAnswer("derivativeAtMostQuarter", all)).toEqual(["step", "sigmoid"]);
    expect(expectedAnswer("zeroCentred", all)).toEqual(["linear", "tanh"]);
    expect(expectedAnswer("noSaturationForPositive", all)).toEqual(["linear", "relu", "leakyRelu", "elu", "softplus", "gelu", "swish"]);
  });
  it("agrees with the functions themselves, sampled numerically", () => {
    const p = (id: keyof typeof ACTIVATIONS) => ({ threshold: 0, alpha: 0.01, ...ACTIVATIONS[id].defaults });
    for (const id of ACTIVATION_IDS) {
      const a = ACTIVATIONS[id];
      const slopeAt = (x: number) => Math.abs(a.der(x, p(id)));
      expect(QUESTION_RULES.saturatesBothSides(a), id).toBe(slopeAt(-40) < 1e-6 && slopeAt(40) < 1e-6);
      expect(QUESTION_RULES.noSaturationForPositive(a), id).toBe(slopeAt(40) > 0.5);
      let maxSlope = 0;
      for (let x = -10; x <= 10; x += 0.01) maxSlope = Math.max(maxSlope, slopeAt(x));
      expect(QUESTION_RULES.derivativeAtMostQuarter(a), id).toBe(maxSlope <= 0.25 + 1e-12);
      const odd = [0.3, 1, 2.5, 7].every((x) => Math.abs(a.output(x, p(id)) + a.output(-x, p(id))) < 1e-9);
      expect(QUESTION_RULES.zeroCentred(a), id).toBe(odd);
    }
  });
  it("keeps the config's order and only looks at offered activations", () => {
    expect(expectedAnswer("saturatesBothSides", ["tanh", "relu", "step"])).toEqual(["tanh", "step"]);
  });
});

describe("gradeActivationAnswer", () => {
  const c = config("saturatesBothSides");
  it("gives full points for exactly the right set, in any order", () => {
    const g = gradeActivationAnswer(c, { question: "saturatesBothSides", selected: ["tanh", "step", "sigmoid"] });
    expect(g).toEqual({ correct: true, score: 10, maxScore: 10, reason: "ok", expected: ["step", "sigmoid", "tanh"], missing: [], extra: [] });
  });
  it("gives nothing for a partial or an over-full selection, and says what was off", () => {
    const partial = gradeActivationAnswer(c, { question: "saturatesBothSides", selected: ["sigmoid", "tanh"] });
    expect(partial).toMatchObject({ correct: false, score: 0, maxScore: 10, reason: "wrongSelection", missing: ["step"], extra: [] });
    const over = gradeActivationAnswer(c, { question: "saturatesBothSides", selected: ["step", "sigmoid", "tanh", "relu"] });
    expect(over).toMatchObject({ correct: false, score: 0, missing: [], extra: ["relu"] });
    expect(gradeActivationAnswer(c, { question: "saturatesBothSides", selected: [] }).missing).toEqual(["step", "sigmoid", "tanh"]);
  });
  it("counts a choice that was not offered as wrong", () => {
    const small = config("zeroCentred", ["tanh", "sigmoid", "relu"], 5);
    expect(gradeActivationAnswer(small, { question: "zeroCentred", selected: ["tanh"] })).toMatchObject({ correct: true, score: 5 });
    expect(gradeActivationAnswer(small, { question: "zeroCentred", selected: ["tanh", "linear"] })).toMatchObject({ correct: false, extra: ["linear"] });
  });
  it("rejects malformed payloads and answers to another question", () => {
    for (const bad of [null, "tanh", {}, { question: "saturatesBothSides" }, { question: "saturatesBothSides", selected: ["swoosh"] },
      { question: "saturatesBothSides", selected: ["tanh", "tanh"] }, { question: 3, selected: [] }]) {
      expect(gradeActivationAnswer(c, bad)).toMatchObject({ correct: false, score: 0, reason: "invalid" });
    }
    expect(gradeActivationAnswer(c, { question: "zeroCentred", selected: ["step", "sigmoid", "tanh"] })).toMatchObject({ correct: false, score: 0, reason: "wrongQuestion" });
  });
  it("has a right answer for every question on the built-in config", () => {
    for (const q of QUESTION_IDS) {
      const cfg = { ...BUILTIN_ACTIVATION_CONFIG, question: q };
      const g = gradeActivationAnswer(cfg, { question: q, selected: expectedAnswer(q, cfg.activations) });
      expect(g.correct, q).toBe(true);
      expect(g.score).toBe(cfg.points);
    }
  });
  it("parses the payload with the exported schema", () => {
    expect(activationAnswerSchema.safeParse({ question: "zeroCentred", selected: ["tanh"] }).success).toBe(true);
    expect(activationAnswerSchema.safeParse({ question: "zeroCentred", selected: Array(11).fill("tanh") }).success).toBe(false);
  });
});
