import { describe, expect, it } from "vitest";
import {
  ACTIVATION_CHOICES, activationConfigSchema, BUILTIN_ACTIVATION_CONFIG, BUILTIN_LESSON, exerciseConfigSchema, questionIsFair,
} from "./exercises";
import { ACTIVATION_IDS } from "../nn/activations";
import { QUESTION_IDS } from "../grading/questions";

const ok = { type: "ACTIVATION", activations: ["step", "sigmoid", "relu"], question: "saturatesBothSides", points: 10 };

describe("exercise configs", () => {
  it("accepts the built-in lesson, every exercise of it", () => {
    for (const e of BUILTIN_LESSON.exercises) expect(exerciseConfigSchema.safeParse(e).success, e.type).toBe(true);
    expect(BUILTIN_ACTIVATION_CONFIG.activations).toEqual([...ACTIVATION_CHOICES]);
    expect(BUILTIN_ACTIVATION_CONFIG.question).toBe("saturatesBothSides");
  });
  it("offers exactly the activations lib/nn/activations.ts defines", () => {
    expect([...ACTIVATION_CHOICES].sort()).toEqual([...ACTIVATION_IDS].sort());
  });
  it("accepts a small valid activation config through the union too", () => {
    expect(activationConfigSchema.parse(ok)).toEqual(ok);
    expect(exerciseConfigSchema.parse(ok)).toEqual(ok);
  });
  it("rejects unknown activations and questions, duplicates, bad points", () => {
    const bad = [
      { ...ok, activations: ["step", "swoosh"] },
      { ...ok, activations: [] },
      { ...ok, activations: ["tanh"] },
      { ...ok, activations: ["step", "step", "relu"] },
      { ...ok, question: "isPretty" },
      { ...ok, points: -1 },
      { ...ok, points: 1.5 },
      { ...ok, type: "GATE" },
    ];
    for (const b of bad) expect(activationConfigSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(exerciseConfigSchema.safeParse(bad[3]).success).toBe(false);
  });
  it("rejects a question that every (or no) offered activation answers", () => {
    // Both saturate on both sides: "select all" would be the answer.
    expect(activationConfigSchema.safeParse({ ...ok, activations: ["sigmoid", "tanh"] }).success).toBe(false);
    // Neither is zero-centred: nothing to select.
    expect(activationConfigSchema.safeParse({ ...ok, activations: ["relu", "sigmoid"], question: "zeroCentred" }).success).toBe(false);
    expect(questionIsFair("zeroCentred", ["relu", "tanh"])).toBe(true);
  });
  it("makes every question fair on the full list", () => {
    for (const q of QUESTION_IDS) expect(questionIsFair(q, ACTIVATION_CHOICES), q).toBe(true);
  });
});
