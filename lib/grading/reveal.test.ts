import { describe, expect, it } from "vitest";
import { BUILTIN_LESSON, exerciseConfigSchema } from "../lessons/exercises";
import { gradeGateRun } from "./grading";
import { revealedAnswer } from "./reveal";

const builtin = (type: string) => exerciseConfigSchema.parse(BUILTIN_LESSON.exercises.find((e) => e.type === type));

describe("revealedAnswer", () => {
  it("gives the activations that answer the question", () => {
    const a = revealedAnswer(builtin("ACTIVATION"));
    expect(a).toEqual({ type: "ACTIVATION", question: "saturatesBothSides", expected: ["step", "sigmoid", "tanh"] });
  });

  it("gives a gate run that the grader itself accepts", () => {
    const config = builtin("GATE");
    const a = revealedAnswer(config);
    if (a.type !== "GATE" || !a.example) throw new Error("expected an example run");
    const { lr, epochs, seed, w, b } = a.example;
    expect(gradeGateRun(config as never, { gate: a.gate, lr, epochs, seed, w, b })).toMatchObject({ correct: true });
  });

  it("says why one perceptron fails on XOR", () => {
    expect(revealedAnswer(builtin("XOR"))).toEqual({ type: "XOR", explanation: "notSeparable", maxAccuracy: 0.75 });
  });

  it("admits when no example run is found", () => {
    expect(revealedAnswer({ type: "GATE", gate: "AND", lr: 0.0001, epochs: 1, points: 10 })).toMatchObject({ example: null });
  });
});
