import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CONCEPT_CHOICES, CONCEPT_FACTS, CONCEPT_IDS, CONCEPT_ORDER, CONCEPT_RIGHT, composedLinear, conceptMisconceptions, wrongConcepts } from "./concepts";
import { gradeXorAnswer } from "./grading";
import { train } from "../nn/perceptron";
import { xorConfigSchema } from "../lessons/exercises";

describe("the concept questions", () => {
  it("each true answer rests on a fact the math in lib/ proves", () => {
    for (const c of CONCEPT_IDS) expect([c, CONCEPT_FACTS[c]()]).toEqual([c, true]);
  });
  it("a linear network of any width equals its composed line (one perceptron) everywhere", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (width, seed, a, b) => {
      const { net, line } = composedLinear(width, seed);
      return Math.abs(net(a, b) - (line.w[0] * a + line.w[1] * b + line.b)) < 1e-9 * (1 + Math.abs(net(a, b)));
    }));
  });
  it("offer every choice once, the true one among them", () => {
    for (const c of CONCEPT_IDS) {
      expect([...CONCEPT_ORDER[c]].sort()).toEqual([...CONCEPT_CHOICES[c]].sort());
      expect(CONCEPT_CHOICES[c]).toContain(CONCEPT_RIGHT[c]);
    }
  });
  it("a missing or wrong answer is a named misconception", () => {
    expect(wrongConcepts(["linearCollapse", "deadRelu"], { linearCollapse: "widerHelps" })).toEqual([
      { concept: "linearCollapse", choice: "widerHelps" },
      { concept: "deadRelu", choice: null },
    ]);
    expect(wrongConcepts(["saturation"], { saturation: "gradientVanishes", deadRelu: "outputTooLarge" })).toEqual([]);
    expect(wrongConcepts([], undefined)).toEqual([]);
  });
  it("count the class's answers per question, the misconceptions most chosen first", () => {
    const r = conceptMisconceptions(["stepNoGradient"], [
      { concept: "stepNoGradient", choice: "zeroSlope", students: 4 },
      { concept: "stepNoGradient", choice: "lrTooLarge", students: 3 },
      { concept: "stepNoGradient", choice: "tooFewUnits", students: 1 },
      { concept: "saturation", choice: "noEffect", students: 9 },
    ]);
    expect(r).toEqual([{ concept: "stepNoGradient", right: 4, wrong: [{ choice: "lrTooLarge", students: 3 }, { choice: "tooFewUnits", students: 1 }, { choice: "outputTooBig", students: 0 }] }]);
  });
});

describe("an XOR answer with concept questions", () => {
  const run = train({ gate: "XOR", lr: 0.1, epochs: 50, seed: 3 });
  const base = { lr: 0.1, epochs: 50, seed: 3, bestAccuracy: run.bestAccuracy, explanation: "notSeparable" };
  const all = { linearCollapse: "oneLinearMap", stepNoGradient: "zeroSlope", saturation: "gradientVanishes", deadRelu: "negativeForAll" };
  const asked = xorConfigSchema.parse({ type: "XOR", lr: 0.1, epochs: 100, points: 10, concepts: [...CONCEPT_IDS] });
  const plain = xorConfigSchema.parse({ type: "XOR", lr: 0.1, epochs: 100, points: 10 });
  it("is right only with every asked question right", () => {
    expect(gradeXorAnswer(asked, { ...base, concepts: all })).toEqual({ correct: true, score: 10, reason: "ok" });
    expect(gradeXorAnswer(asked, { ...base, concepts: { ...all, deadRelu: "saturatesBothSides" } })).toEqual({ correct: false, score: 0, reason: "wrongConcept" });
    expect(gradeXorAnswer(asked, base)).toMatchObject({ correct: false, reason: "wrongConcept" });
    expect(gradeXorAnswer(asked, { ...base, explanation: "badSeed", concepts: all })).toMatchObject({ reason: "wrongExplanation" });
  });
  it("without questions in the preset, grades as before (answers sent anyway change nothing)", () => {
    expect(gradeXorAnswer(plain, base)).toEqual({ correct: true, score: 10, reason: "ok" });
    expect(gradeXorAnswer(plain, { ...base, concepts: { deadRelu: "outputTooLarge" } })).toEqual({ correct: true, score: 10, reason: "ok" });
  });
  it("refuses an unknown question or choice, and a preset asking one twice", () => {
    expect(gradeXorAnswer(asked, { ...base, concepts: { ...all, saturation: "vanishes" } }).reason).toBe("invalid");
    expect(gradeXorAnswer(asked, { ...base, concepts: { ...all, other: "x" } }).reason).toBe("invalid");
    expect(xorConfigSchema.safeParse({ type: "XOR", lr: 0.1, epochs: 100, points: 10, concepts: ["deadRelu", "deadRelu"] }).success).toBe(false);
    expect(xorConfigSchema.safeParse({ type: "XOR", lr: 0.1, epochs: 100, points: 10, concepts: ["toString"] }).success).toBe(false);
  });
});
