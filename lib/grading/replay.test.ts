import { describe, expect, it } from "vitest";
import { replayCurve } from "./replay";
import { train } from "../nn/perceptron";

describe("replayCurve", () => {
  it("replays a gate run from its settings: one accuracy per epoch, the same final weights", () => {
    const r = train({ gate: "OR", lr: 0.1, epochs: 30, seed: 4 });
    const c = replayCurve("GATE", { gate: "OR", lr: 0.1, epochs: 30, seed: 4, w: [0, 0], b: 0 })!;
    expect(c.accuracy).toHaveLength(30);
    expect(c.accuracy).toEqual(r.history.map((h) => h.accuracy));
    expect(c.final).toEqual(r.final);
  });
  it("replays an XOR answer's run, which never passes 75%", () => {
    const c = replayCurve("XOR", { lr: 0.5, epochs: 200, seed: 1, bestAccuracy: 0.75, explanation: "notSeparable" })!;
    expect(c.gate).toBe("XOR");
    expect(Math.max(...c.accuracy)).toBeLessThanOrEqual(0.75);
  });
  it("has nothing to replay for the explorer or a broken payload", () => {
    expect(replayCurve("ACTIVATION", { question: "q", selected: [] })).toBeNull();
    expect(replayCurve("GATE", { gate: "AND" })).toBeNull();
  });
});
