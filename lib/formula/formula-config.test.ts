import { describe, expect, it } from "vitest";
import { activationConfigSchema } from "../lessons/exercises";
import { checkActivationPreset, gradeActivationPreset } from "./formula-config";

const config = activationConfigSchema.parse({
  type: "ACTIVATION", activations: ["sigmoid", "relu"], question: "saturatesBothSides", points: 10,
  customs: [{ label: "Steep sigmoid", formula: "sigmoid(alpha * x)", params: { alpha: 3 } }, { label: "Mish", formula: "x * tanh(ln(1 + exp(x)))" }],
});

describe("presets with formula activations", () => {
  it("are checked with the parser: a good one passes", () => {
    expect(checkActivationPreset(config)).toEqual({ ok: true });
  });
  it("grade from the formulas' computed facts: the steep sigmoid saturates on both sides, mish does not", () => {
    expect(gradeActivationPreset(config, { question: "saturatesBothSides", selected: ["sigmoid", "custom1"] })).toMatchObject({ correct: true, score: 10 });
    expect(gradeActivationPreset(config, { question: "saturatesBothSides", selected: ["sigmoid", "custom1", "custom2"] }))
      .toMatchObject({ correct: false, extra: ["custom2"] });
    expect(gradeActivationPreset(config, { question: "saturatesBothSides", selected: ["sigmoid"] })).toMatchObject({ correct: false, missing: ["custom1"] });
    expect(gradeActivationPreset(config, { question: "saturatesBothSides", selected: ["custom9"] })).toMatchObject({ reason: "invalid" });
  });
  it("refuse a formula that does not build, and grade such a stored preset as invalid", () => {
    const bad = { ...config, customs: [{ label: "x", formula: "1/x", params: {} }] };
    expect(checkActivationPreset(bad)).toMatchObject({ ok: false, code: "formulaInvalid", at: 0, error: { code: "formulaNotFinite", x: 0 } });
    expect(gradeActivationPreset(bad, { question: "saturatesBothSides", selected: ["sigmoid"] })).toMatchObject({ correct: false, reason: "invalid" });
  });
});
