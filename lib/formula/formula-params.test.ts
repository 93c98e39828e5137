// A formula parameter may have any name PARAM_NAME_RE allows, those of Object.prototype included:
// its value is read from the definition's own entries, never from what an object inherits.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCustom } from "./formula-activation";
import { customDefSchema } from "./custom-def";
import { paramValue } from "./custom-activation";
import { PARAM_NAME_RE } from "./formula-errors";
import { DEFAULT_PARAMS as P } from "../nn/activations";

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => PARAM_NAME_RE.test(n));

describe("formula parameters named like Object.prototype's members", () => {
  it("cover constructor, valueOf, toString and the rest", () => {
    expect(PROTO_NAMES).toEqual(expect.arrayContaining(["constructor", "valueOf", "toString", "hasOwnProperty", "isPrototypeOf"]));
  });
  it.each(PROTO_NAMES)("%s: 1 when the definition leaves it out, its own value when given", (name) => {
    const bare = buildCustom({ formula: `sigmoid(${name} * x)`, params: {} });
    if (!bare.ok) throw new Error(`${name}: ${JSON.stringify(bare.error)}`);
    expect(bare.built.values).toEqual({ [name]: 1 });
    expect(bare.built.activation.output(1, P)).toBeCloseTo(sig(1), 12);
    const given = buildCustom({ formula: `sigmoid(${name} * x)`, params: { [name]: 3 } });
    if (!given.ok) throw new Error(`${name}: ${JSON.stringify(given.error)}`);
    expect(given.built.activation.output(1, P)).toBeCloseTo(sig(3), 12);
    expect(given.built.activation.der(0, P)).toBeCloseTo(3 / 4, 12);
  });
  it("as a preset stores them (zod keeps the entry as its own)", () => {
    const def = customDefSchema.parse(JSON.parse('{"label":"c","formula":"constructor * x","params":{"constructor":2}}'));
    expect(paramValue(def.params, "constructor")).toBe(2);
    expect(paramValue({}, "valueOf")).toBe(1);
  });
  it("any allowed name and value: the built activation uses exactly that value", () => {
    const name = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.stringMatching(PARAM_NAME_RE)).filter((n) => !["x", "e", "pi"].includes(n));
    const value = fc.double({ min: -5, max: 5, noNaN: true }).map((v) => v + 0);
    fc.assert(fc.property(name, value, fc.boolean(), (n, v, given) => {
      const r = buildCustom({ formula: `${n} * x + x`, params: given ? { [n]: v } : {} });
      // a name that is one of the formula's functions is refused for what it is, never as "not finite"
      if (!r.ok) return r.error.code === "formulaFunctionAsValue";
      const want = given ? v : 1;
      return r.built.values[n] === want && Math.abs(r.built.activation.output(2, P) - (2 * want + 2)) < 1e-9;
    }), { numRuns: 300 });
  });
});
