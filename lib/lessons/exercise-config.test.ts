import { describe, expect, it } from "vitest";
import { policyIn } from "../grading/attempt-policy";
import { policyOf } from "../grading/attempts";
import { BUILTIN_LESSON, exerciseConfigSchema } from "./exercises";
import { exerciseConfig, isGateConfig } from "./exercise-config";

describe("a preset as the student's page reads it", () => {
  it("is told apart by its type, as the schema parsed it where it was saved", () => {
    for (const raw of BUILTIN_LESSON.exercises) expect(exerciseConfig(JSON.parse(JSON.stringify(exerciseConfigSchema.parse(raw))))).toEqual(exerciseConfigSchema.parse(raw));
    const gate = exerciseConfig({ type: "GATE", gate: "OR", lr: 0.1, epochs: 10, points: 1 });
    expect(isGateConfig(gate) && gate.gate).toBe("OR");
    for (const bad of [null, undefined, "GATE", 3, [], {}, { type: "OTHER" }]) expect(exerciseConfig(bad)).toBeNull();
  });

  it("has the same attempt policy as the server reads from it", () => {
    const attempts = { maxAttempts: 2, feedback: "afterReveal", counts: "last" } as const;
    for (const raw of [{ type: "XOR", lr: 0.1, epochs: 10, points: 1, attempts }, { type: "XOR", lr: 0.1, epochs: 10, points: 1 }]) {
      const parsed = exerciseConfigSchema.parse(raw);
      expect(policyIn(exerciseConfig(parsed))).toEqual(policyOf(parsed));
    }
    expect(policyIn(exerciseConfig(null))).toEqual(policyOf(null));
  });
});
