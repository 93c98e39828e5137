import { describe, expect, it } from "vitest";
import { gradeSubmission } from "./grade-submission";
import { train } from "../nn/perceptron";

const gate = { type: "GATE", gate: "AND", lr: 0.01, epochs: 1000, points: 10 } as const;
const xor = { type: "XOR", lr: 0.01, epochs: 1000, points: 5 } as const;

describe("gradeSubmission", () => {
  it("gives full points for a replayable AND run and ignores a claimed score", () => {
    const { final } = train({ gate: "AND", lr: 0.1, epochs: 200, seed: 7 });
    const r = gradeSubmission(gate, { gate: "AND", lr: 0.1, epochs: 200, seed: 7, w: final.w, b: final.b, score: 999 });
    expect(r).toMatchObject({ valid: true, correct: true, score: 10, maxScore: 10 });
  });
  it("rejects tampered weights", () => {
    const { final } = train({ gate: "AND", lr: 0.1, epochs: 200, seed: 7 });
    const r = gradeSubmission(gate, { gate: "AND", lr: 0.1, epochs: 200, seed: 7, w: [final.w[0] + 0.5, final.w[1]], b: final.b });
    expect(r).toMatchObject({ valid: true, correct: false, score: 0, reason: "mismatch" });
  });
  it("rejects an impossible XOR claim", () => {
    const r = gradeSubmission(xor, { lr: 0.1, epochs: 100, seed: 1, bestAccuracy: 1, explanation: "notSeparable" });
    expect(r).toMatchObject({ correct: false, score: 0, reason: "impossible" });
  });
  it("marks a payload of the wrong shape invalid", () => {
    expect(gradeSubmission(gate, { nonsense: true }).valid).toBe(false);
    expect(gradeSubmission({ type: "NOPE" }, {}).valid).toBe(false);
  });
});

describe("storedPayload", () => {
  it("keeps what the grader reads and drops anything else, such as a claimed score", async () => {
    const { storedPayload } = await import("./grade-submission");
    const run = { gate: "AND", lr: 0.1, epochs: 200, seed: 7, w: [1, 2], b: 3 };
    expect(storedPayload(gate, { ...run, score: 999, correct: true })).toEqual(run);
    expect(storedPayload(xor, { lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "badSeed", note: "hm", score: 5 })).toEqual({ lr: 0.1, epochs: 10, seed: 1, bestAccuracy: 0.5, explanation: "badSeed", note: "hm" });
    expect(storedPayload(gate, "hello")).toBeNull();
  });
});
