import { describe, expect, it } from "vitest";
import { toProgress } from "./live-progress";

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

  it("sends nothing that the server would refuse", () => {
    expect(toProgress("s", "e", { type: "GATE", gate: "AND", ...run, lr: 0 })).toBeNull();
    expect(toProgress("s", "e", { type: "GATE", gate: "XNOR", ...run })).toBeNull();
    expect(toProgress("s", "e", { type: "GATE", gate: "AND", ...run, b: Number.NaN })).toBeNull();
    expect(toProgress("", "e", { type: "GATE", gate: "AND", ...run })).toBeNull();
  });
});
