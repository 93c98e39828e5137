// The built-in lesson's arc is told in both languages: every chapter and part, titled, in order.
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { arcKeys, LESSON_ARC } from "./lesson-arc";

const at = (tree: unknown, key: string): unknown => key.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" && Object.hasOwn(n, k) ? (n as Record<string, unknown>)[k] : undefined), tree);

describe("the lesson's arc", () => {
  it("goes explorer -> one perceptron -> XOR fails -> hidden layer by activation -> conclusion", () => {
    expect(LESSON_ARC.map((c) => `${c.chapter}:${c.exercise}`)).toEqual(["explorer:ACTIVATION", "perceptron:GATE", "xor:XOR", "hidden:XOR", "conclusion:XOR"]);
  });
  it("the explorer names the kinds of activation; the conclusion covers linear, step, saturation, ReLU and leaky ReLU", () => {
    expect(LESSON_ARC[0].parts).toEqual(["kinds", "step", "linear", "nonLinear"]);
    expect(LESSON_ARC[4].parts).toEqual(["linear", "step", "saturation", "relu", "leaky", "summary"]);
  });
  it.each([["en", en], ["ko", ko]] as const)("every section is written in %s", (_lang, messages) => {
    for (const key of arcKeys()) {
      const text = at((messages as Record<string, unknown>).arc, key);
      expect(typeof text === "string" && text.trim().length > 0, key).toBe(true);
    }
  });
  it("the ReLU section the source left empty is written out: dead units, and leaky ReLU as the remedy", () => {
    expect(at(en.arc, "conclusion.relu")).toMatch(/dead/);
    expect(at(en.arc, "conclusion.relu")).toMatch(/negative for every/);
    expect(at(en.arc, "conclusion.leaky")).toMatch(/small slope/);
    expect(at(ko.arc, "conclusion.relu")).toMatch(/죽은/);
    expect(at(ko.arc, "conclusion.leaky")).toMatch(/작은 기울기/);
  });
});
