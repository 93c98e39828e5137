import { describe, expect, it } from "vitest";
import { lockViolation } from "./preset-lock";
import { gradeSubmission } from "../grading/grade-submission";
import { train } from "../nn/perceptron";
import type { GateConfig } from "./exercises";

const gate: GateConfig = { type: "GATE", gate: "AND", lr: 0.1, epochs: 100, points: 10, locked: true };
const run = (lr: number, epochs: number) => {
  const { final } = train({ gate: "AND", lr, epochs, seed: 3 });
  return { gate: "AND", lr, epochs, seed: 3, w: final.w, b: final.b };
};

describe("locked presets", () => {
  it("names the locked setting a run breaks", () => {
    expect(lockViolation(gate, run(0.1, 100))).toBeNull();
    expect(lockViolation(gate, run(0.1, 40))).toBeNull(); // stopped early: fewer epochs are fine
    expect(lockViolation(gate, run(10, 100))).toBe("lr");
    expect(lockViolation(gate, run(0.1, 500))).toBe("epochs");
    expect(lockViolation({ ...gate, locked: false }, run(10, 100))).toBeNull();
    expect(lockViolation({ type: "XOR", lr: 0.1, epochs: 100, points: 10, locked: true }, { lr: 0.5, epochs: 10 })).toBe("lr");
  });

  it("a learning rate of 10 against a locked 0.1 scores 0 with the reason, unlocked it scores full points", () => {
    const fast = run(10, 100);
    expect(gradeSubmission({ ...gate, locked: false }, fast)).toMatchObject({ valid: true, correct: true, score: 10 });
    expect(gradeSubmission(gate, fast)).toMatchObject({ valid: true, correct: false, score: 0, reason: "settingsLocked" });
    expect(gradeSubmission(gate, run(0.1, 100))).toMatchObject({ correct: true, score: 10, reason: "ok" });
    expect(gradeSubmission(gate, { nonsense: true })).toMatchObject({ valid: false });
  });
});
