import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileFormula } from "./formula";

const ok = (s: string) => {
  const r = compileFormula(s);
  if (!r.ok) throw new Error(`${s}: ${JSON.stringify(r.error)}`);
  return r.formula;
};
const err = (s: string) => {
  const r = compileFormula(s);
  if (r.ok) throw new Error(`${s} compiled`);
  return r.error;
};

describe("compileFormula: what it accepts", () => {
  it("evaluates mish, with ln and its symbolic derivative", () => {
    const f = ok("x * tanh(ln(1 + exp(x)))");
    expect(f.params).toEqual([]);
    expect(f.output(1, {})).toBeCloseTo(Math.tanh(Math.log1p(Math.E)), 12);
    expect(f.derivativeText).toContain("sech");
    expect(f.der(0, {})).toBeCloseTo(Math.tanh(Math.log(2)), 12); // f'(0) = tanh(softplus(0))
  });
  it("reads named parameters (missing ones count as 1), in order of appearance", () => {
    const f = ok("x * sigmoid(beta * x) + alpha");
    expect(f.params).toEqual(["beta", "alpha"]);
    expect(f.output(2, { beta: 0, alpha: 3 })).toBe(4);
    expect(f.output(2, {})).toBeCloseTo(2 / (1 + Math.exp(-2)) + 1, 12);
  });
  it("knows e and pi, implicit multiplication and powers", () => {
    expect(ok("2x^2 + pi").output(3, {})).toBeCloseTo(18 + Math.PI, 12);
    expect(ok("e^x").der(1, {})).toBeCloseTo(Math.E, 12);
  });
  it("never reads a parameter from Object.prototype", () => {
    expect(ok("x + constructor").output(1, {})).toBe(2);
  });
});

describe("compileFormula: errors with the position of the problem", () => {
  // Per error code: the formulas, each with where the problem is and the token it names.
  const byCode: Record<string, [string, number, string?][]> = {
    formulaEmpty: [["", 0]],
    formulaSyntax: [["x +* 2", 3], ["sin(x", 5]],
    formulaUnknownFunction: [["foo(x) + 1", 0, "foo"], ["x + import(x)", 4, "import"], ["x + evaluate(x)", 4, "evaluate"]],
    formulaNotAllowed: [["a = x", 2, "="], ["f(x) = x", 5, "="], ["[x, 1]", 0, "["], ["x > 0 ? x : 0", 6, "?"], ["x; 2", 1, ";"], ["x!", 1, "!"]],
    formulaFunctionAsValue: [["x + exp", 4, "exp"]],
    formulaArity: [["log(x, 2)", 0, "log"]],
    formulaTooManyParams: [["x + a + b + c + d", 16, "d"]],
    formulaNoX: [["2 + alpha", 0]],
  };
  const cases = Object.entries(byCode).flatMap(([code, list]) => list.map(([text, index, token]): [string, string, number, string?] => [text, code, index, token]));
  it.each(cases)("%s -> %s at %i", (text, code, index, token) => {
    const e = err(text);
    expect(e.code).toBe(code);
    expect(e.index).toBe(index);
    if (token) expect(e.token).toBe(token);
  });
  it("refuses a formula longer than 200 characters", () => {
    expect(err("x+".repeat(100) + "x").code).toBe("formulaTooLong");
  });
  it("refuses deep nesting instead of recursing without end", () => {
    expect(err("(".repeat(60) + "x" + ")".repeat(60)).code).toBe("formulaTooDeep");
  });
  it("never throws, whatever the text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => { compileFormula(s); }), { numRuns: 300 });
  });
});

/** Random formulas from the whitelist, smooth enough to compare with a central difference. */
const leaf = fc.constantFrom("x", "alpha", "2", "0.5", "pi");
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*"), tie("e")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom("sin", "cos", "tanh", "sigmoid", "atan", "exp"), tie("e")).map(([f, a]) => `${f}(${a})`),
    tie("e").map((a) => `(${a})^2`),
  ),
})).e;

describe("the symbolic derivative agrees with a numeric one", () => {
  it("for random formulas at random points", () => {
    fc.assert(
      fc.property(expr, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (text, x, alpha) => {
        const r = compileFormula(text);
        if (!r.ok) return r.error.code === "formulaNoX";
        const f = r.formula;
        const p = { alpha };
        const h = 1e-5;
        const numeric = (f.output(x + h, p) - f.output(x - h, p)) / (2 * h);
        const symbolic = f.der(x, p);
        if (!Number.isFinite(numeric) || !Number.isFinite(symbolic) || Math.abs(symbolic) > 1e6) return true;
        return Math.abs(numeric - symbolic) <= 1e-4 * (1 + Math.abs(symbolic));
      }),
      { numRuns: 300 },
    );
  });
});
