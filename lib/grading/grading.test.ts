import { describe, expect, it } from "vitest";
import type { GateConfig, XorConfig } from "../lessons/exercises";
import {
  gateSubmissionSchema, gradeGateRun, gradeXorAnswer, NOTE_MAX, XOR_EXPLANATIONS, xorSubmissionSchema,
} from "./grading";
import { train } from "../nn/perceptron";

const gateConfig: GateConfig = { type: "GATE", gate: "AND", lr: 0.01, epochs: 1000, points: 10 };
const xorConfig: XorConfig = { type: "XOR", lr: 0.01, epochs: 1000, points: 10 };

function honestGateRun(gate: GateConfig["gate"], lr: number, epochs: number, seed: number) {
  const { final } = train({ gate, lr, epochs, seed });
  return { gate, lr, epochs, seed, w: final.w, b: final.b };
}

describe("gradeGateRun", () => {
  it("gives the points for an honest run that learned the gate", () => {
    expect(gradeGateRun(gateConfig, honestGateRun("AND", 0.01, 1000, 1))).toEqual({ correct: true, score: 10, reason: "ok" });
    const or = { ...gateConfig, gate: "OR" as const, points: 3 };
    expect(gradeGateRun(or, honestGateRun("OR", 0.1, 200, 42))).toEqual({ correct: true, score: 3, reason: "ok" });
  });
  it("accepts a run stopped early, as long as it is what those epochs give", () => {
    // seed 1 first reaches 100% on AND at epoch index 198, i.e. after 199 epochs
    expect(gradeGateRun(gateConfig, honestGateRun("AND", 0.01, 199, 1)).reason).toBe("ok");
  });
  it("rejects tampered weights, even ones that classify AND perfectly", () => {
    const run = honestGateRun("AND", 0.01, 1000, 1);
    expect(gradeGateRun(gateConfig, { ...run, w: [1, 1], b: -1.5 })).toEqual({ correct: false, score: 0, reason: "mismatch" });
    expect(gradeGateRun(gateConfig, { ...run, b: run.b + 1e-6 }).reason).toBe("mismatch");
    expect(gradeGateRun(gateConfig, { ...run, seed: 2 }).reason).toBe("mismatch");
  });
  it("says notLearned for an honest run that has not learned yet", () => {
    const early = honestGateRun("AND", 0.01, 5, 1);
    expect(gradeGateRun(gateConfig, early)).toEqual({ correct: false, score: 0, reason: "notLearned" });
  });
  it("says wrongGate when the run trained another gate", () => {
    expect(gradeGateRun(gateConfig, honestGateRun("OR", 0.01, 1000, 1)).reason).toBe("wrongGate");
  });
  it("says invalid for malformed payloads", () => {
    const run = honestGateRun("AND", 0.01, 10, 1);
    for (const bad of [null, {}, { ...run, gate: "XOR" }, { ...run, lr: 0 }, { ...run, epochs: 0 }, { ...run, epochs: 1.5 },
      { ...run, seed: -1 }, { ...run, w: [1] }, { ...run, b: Number.NaN }, { ...run, w: [Infinity, 0] }]) {
      expect(gradeGateRun(gateConfig, bad).reason).toBe("invalid");
    }
    expect(gateSubmissionSchema.safeParse(run).success).toBe(true);
  });
});

function honestXor(lr: number, epochs: number, seed: number) {
  return { lr, epochs, seed, bestAccuracy: train({ gate: "XOR", lr, epochs, seed }).bestAccuracy };
}

describe("gradeXorAnswer", () => {
  it("gives the points for a replayable best run and the right explanation", () => {
    const run = honestXor(0.01, 1000, 1);
    expect(run.bestAccuracy).toBe(0.75);
    expect(gradeXorAnswer(xorConfig, { ...run, explanation: "notSeparable", note: "No line works." }))
      .toEqual({ correct: true, score: 10, reason: "ok" });
    expect(gradeXorAnswer(xorConfig, { ...honestXor(0.1, 100, 3), explanation: "notSeparable" }).reason).toBe("ok");
  });
  it("rejects a claimed best accuracy above 0.75 as impossible", () => {
    const run = honestXor(0.01, 1000, 1);
    for (const bestAccuracy of [1, 0.76])
      expect(gradeXorAnswer(xorConfig, { ...run, bestAccuracy, explanation: "notSeparable" }))
        .toEqual({ correct: false, score: 0, reason: "impossible" });
  });
  it("rejects a best accuracy the run does not reach", () => {
    const run = honestXor(0.1, 100, 3);
    expect(run.bestAccuracy).toBe(0.5);
    expect(gradeXorAnswer(xorConfig, { ...run, bestAccuracy: 0.75, explanation: "notSeparable" }).reason).toBe("mismatch");
    expect(gradeXorAnswer(xorConfig, { ...honestXor(0.01, 1000, 1), bestAccuracy: 0.5, explanation: "notSeparable" }).reason)
      .toBe("mismatch");
  });
  it("marks every tempting explanation wrong", () => {
    const run = honestXor(0.01, 1000, 1);
    for (const explanation of XOR_EXPLANATIONS.filter((e) => e !== "notSeparable"))
      expect(gradeXorAnswer(xorConfig, { ...run, explanation })).toEqual({ correct: false, score: 0, reason: "wrongExplanation" });
  });
  it("says invalid for malformed payloads, including a note over the limit", () => {
    const run = { ...honestXor(0.01, 10, 1), explanation: "notSeparable" };
    expect(xorSubmissionSchema.safeParse(run).success).toBe(true);
    for (const bad of [undefined, { ...run, explanation: "magic" }, { ...run, note: "x".repeat(NOTE_MAX + 1) },
      { ...run, bestAccuracy: -0.25 }, { ...run, lr: 11 }, { ...run, seed: 0.5 }]) {
      expect(gradeXorAnswer(xorConfig, bad).reason).toBe("invalid");
    }
    expect(gradeXorAnswer(xorConfig, { ...run, note: "x".repeat(NOTE_MAX) }).reason).toBe("ok");
  });
  it("no XOR run of one perceptron ever passes 0.75", () => {
    for (const lr of [0.001, 0.01, 0.5, 5]) for (const seed of [0, 1, 7, 99]) {
      expect(train({ gate: "XOR", lr, epochs: 300, seed }).bestAccuracy).toBeLessThanOrEqual(0.75);
    }
  });
});
