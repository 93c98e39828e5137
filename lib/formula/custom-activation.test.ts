import { describe, expect, it } from "vitest";
import { ACTIVATIONS, ACTIVATION_IDS, resolveParams } from "../nn/activations";
import { numericFacts } from "./custom-activation";
import { customDefSchema } from "./custom-def";
import { buildCustom, buildCustoms } from "./formula-activation";

describe("numericFacts agrees with the facts stored for every built-in activation", () => {
  it.each(ACTIVATION_IDS)("%s", (id) => {
    const a = ACTIVATIONS[id];
    const p = resolveParams(a);
    const r = numericFacts((x) => a.output(x, p), (x) => a.der(x, p));
    if (!r.ok) throw new Error("not finite");
    expect(r.facts.saturates).toEqual(a.saturates);
    expect(r.facts.zeroCentred).toBe(a.zeroCentred);
    expect(r.facts.maxDerivative).toBeCloseTo(a.maxDerivative, 3);
    expect(r.facts.range[0]).toBeGreaterThanOrEqual(a.range[0] - 1e-9);
    expect(r.facts.range[1]).toBeLessThanOrEqual(a.range[1] + 1e-9);
  });
});

describe("buildCustom", () => {
  it("gives a formula for tanh the facts of tanh", () => {
    const r = buildCustom({ formula: "(exp(x) - exp(-x)) / (exp(x) + exp(-x))", params: {} });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const a = r.built.activation;
    expect(a.saturates).toEqual({ left: true, right: true });
    expect(a.zeroCentred).toBe(true);
    expect(a.maxDerivative).toBeCloseTo(1, 9);
    expect(a.range[0]).toBeCloseTo(-1, 6);
    expect(a.der(0.3, resolveParams(ACTIVATIONS.tanh))).toBeCloseTo(1 - Math.tanh(0.3) ** 2, 12);
  });
  it("binds parameters from the definition: a steep sigmoid's slope is alpha / 4", () => {
    const r = buildCustom({ formula: "sigmoid(alpha * x)", params: { alpha: 4 } });
    if (!r.ok) throw new Error();
    expect(r.built.values).toEqual({ alpha: 4 });
    expect(r.built.activation.maxDerivative).toBeCloseTo(1, 9);
    expect(r.built.activation.saturates).toEqual({ left: true, right: true });
  });
  it("mish does not saturate on the right and is not zero-centred", () => {
    const r = buildCustom({ formula: "x * tanh(ln(1 + exp(x)))", params: {} });
    if (!r.ok) throw new Error();
    expect(r.built.activation.saturates).toEqual({ left: true, right: false });
    expect(r.built.activation.zeroCentred).toBe(false);
  });
  it("says where a formula stops being a finite number on the plotted range", () => {
    expect(buildCustom({ formula: "sqrt(x)", params: {} })).toMatchObject({ ok: false, error: { code: "formulaNotFinite", x: -10, which: "output" } });
    expect(buildCustom({ formula: "1 / x", params: {} })).toMatchObject({ ok: false, error: { code: "formulaNotFinite", x: 0, which: "output" } });
    expect(buildCustom({ formula: "abs(x)", params: {} })).toMatchObject({ ok: false, error: { code: "formulaNotFinite", x: 0, which: "derivative" } });
    expect(buildCustom({ formula: "exp(x^2)", params: {} })).toMatchObject({ ok: true });
    expect(buildCustom({ formula: "exp(x^3)", params: {} })).toMatchObject({ ok: false, error: { code: "formulaNotFinite", which: "derivative" } }); // 3x² e^(x³) overflows first
  });
  it("passes a parse error through", () => {
    expect(buildCustom({ formula: "x +", params: {} })).toMatchObject({ ok: false, error: { code: "formulaSyntax" } });
  });
  it("buildCustoms names the definition that failed", () => {
    const r = buildCustoms([{ label: "a", formula: "x", params: {} }, { label: "b", formula: "ln(x)", params: {} }]);
    expect(r).toMatchObject({ ok: false, at: 1, error: { code: "formulaNotFinite" } });
    const good = buildCustoms([{ label: "a", formula: "x", params: {} }, { label: "b", formula: "x^2", params: {} }]);
    expect(good.ok && good.activations.map((a) => a.id)).toEqual(["custom1", "custom2"]);
  });
});

describe("customDefSchema", () => {
  it("keeps params within the slider range and names well-formed", () => {
    expect(customDefSchema.safeParse({ label: "m", formula: "x", params: { alpha: 1 } }).success).toBe(true);
    expect(customDefSchema.safeParse({ label: "m", formula: "x", params: { alpha: 99 } }).success).toBe(false);
    expect(customDefSchema.safeParse({ label: "m", formula: "x", params: { "1a": 1 } }).success).toBe(false);
    expect(customDefSchema.safeParse({ label: "", formula: "x" }).success).toBe(false);
    expect(customDefSchema.safeParse({ label: "m", formula: "x".repeat(201) }).success).toBe(false);
  });
});
