import { describe, expect, it } from "vitest";
import { isUntrained, toProgress } from "./live-progress";
import { progressSchema } from "./session-protocol";
import { initialModel, startTraining, stepSample } from "../nn/perceptron";

const run = { lr: 0.1, epochs: 100, seed: 3, epoch: 12, accuracy: 0.75, w: [0.2, -0.1] as [number, number], b: 0.05 };

describe("toProgress", () => {
  it("builds the gate payload with its settings", () => {
    expect(toProgress("s", "e", { type: "GATE", gate: "AND", ...run })).toEqual({ type: "GATE", sessionId: "s", exerciseId: "e", gate: "AND", ...run });
  });

  it("builds the XOR payload; before any epoch the best accuracy is the current one", () => {
    expect(toProgress("s", "e", { type: "XOR", ...run, bestAccuracy: 0.5 })).toMatchObject({ type: "XOR", bestAccuracy: 0.5, seed: 3 });
    expect(toProgress("s", "e", { type: "XOR", ...run, bestAccuracy: null })).toMatchObject({ bestAccuracy: 0.75 });
  });

  it("builds the activation payload from the chosen function and its parameters", () => {
    expect(toProgress("s", "e", { type: "ACTIVATION", activation: "relu", params: { threshold: 0.5, alpha: 0.01 } })).toEqual({
      type: "ACTIVATION", sessionId: "s", exerciseId: "e", activation: "relu", threshold: 0.5, alpha: 0.01,
    });
  });

  it("streams a formula activation by its key (the board names it by the preset's label)", () => {
    expect(toProgress("s", "e", { type: "ACTIVATION", activation: "custom2", params: { threshold: 0, alpha: 0.01 } })).toMatchObject({ activation: "custom2" });
    expect(progressSchema.safeParse(toProgress("s", "e", { type: "ACTIVATION", activation: "custom2", params: { threshold: 0, alpha: 0.01 } })).success).toBe(true);
  });

  it("builds payloads the server takes, and the server drops what does not fit", () => {
    const ok = (p: ReturnType<typeof toProgress>) => progressSchema.safeParse(p).success;
    expect(ok(toProgress("s", "e", { type: "GATE", gate: "AND", ...run }))).toBe(true);
    expect(ok(toProgress("s", "e", { type: "XOR", ...run, bestAccuracy: null }))).toBe(true);
    expect(ok(toProgress("s", "e", { type: "ACTIVATION", activation: "custom9" as "custom1", params: { threshold: 0, alpha: 0.01 } }))).toBe(false);
    expect(ok(toProgress("s", "e", { type: "GATE", gate: "AND", ...run, lr: 0 }))).toBe(false);
    expect(ok(toProgress("s", "e", { type: "GATE", gate: "XNOR", ...run }))).toBe(false);
    expect(ok(toProgress("s", "e", { type: "GATE", gate: "AND", ...run, b: Number.NaN }))).toBe(false);
    expect(ok(toProgress("", "e", { type: "GATE", gate: "AND", ...run }))).toBe(false);
  });
});

describe("isUntrained", () => {
  const base = { type: "GATE" as const, sessionId: "s", exerciseId: "e", gate: "AND" as const, lr: 0.1, epochs: 100, seed: 4, accuracy: 0.25 };
  it("is true for a freshly opened trainer and false once a sample has been learned from", () => {
    const init = initialModel({ seed: 4 });
    expect(isUntrained({ ...base, epoch: 0, w: init.w, b: init.b })).toBe(true);
    const state = startTraining({ gate: "AND", lr: 0.1, epochs: 100, seed: 4 });
    for (let i = 0; i < 4; i++) stepSample(state);
    const moved = state.model.w[0] !== init.w[0] || state.model.w[1] !== init.w[1] || state.model.b !== init.b;
    expect(isUntrained({ ...base, epoch: state.epoch, w: state.model.w, b: state.model.b })).toBe(!moved && state.epoch === 0);
    expect(isUntrained({ ...base, epoch: 3, w: init.w, b: init.b })).toBe(false);
  });
  it("never applies to the activation explorer", () => {
    expect(isUntrained({ type: "ACTIVATION", sessionId: "s", exerciseId: "e", activation: "relu", threshold: 0, alpha: 0.01 })).toBe(false);
  });
});
