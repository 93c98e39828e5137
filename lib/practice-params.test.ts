import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIVATION_IDS, CUSTOM_KEYS } from "./activations";
import { TRAINABLE_GATES } from "./exercises";
import { SEED_MAX } from "./grading";
import { PRACTICE_KEYS, initialWeights, readParams, toSearch, type PracticeState } from "./practice-params";

const finiteIn = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,7}$/);
const stateArb: fc.Arbitrary<Partial<PracticeState>> = fc.record(
  {
    activation: fc.constantFrom(...ACTIVATION_IDS, ...CUSTOM_KEYS),
    threshold: finiteIn(-3, 3),
    alpha: finiteIn(0, 2),
    formula: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() === s && s.length > 0),
    fparams: fc.dictionary(name, finiteIn(-5, 5), { maxKeys: 3 }),
    gate: fc.constantFrom(...TRAINABLE_GATES),
    lr: finiteIn(1e-6, 10).filter((v) => v > 0),
    epochs: fc.integer({ min: 1, max: 10_000 }),
    seed: fc.integer({ min: 0, max: SEED_MAX }),
    w1: finiteIn(-100, 100),
    w2: finiteIn(-100, 100),
    b: finiteIn(-100, 100),
  },
  { requiredKeys: [] },
);

describe("practice URL state", () => {
  it("round-trips any valid state exactly through the query string", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const back = readParams(new URLSearchParams(toSearch(s)));
        expect(back.refused).toEqual([]);
        expect(back.state).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });
  it("writes the properties in the table's order, only those set", () => {
    expect(toSearch({ seed: 7, gate: "OR", lr: 0.1 })).toBe("gate=OR&lr=0.1&seed=7");
    expect(toSearch({})).toBe("");
    expect(PRACTICE_KEYS[0]).toBe("activation");
  });
  it("drops and names what does not parse, keeping the rest", () => {
    const r = readParams({ gate: "XOR", lr: "-1", epochs: "2.5", seed: "12", activation: "mystery", fparams: "alpha:9", alpha: "0.5" });
    expect(r.state).toEqual({ seed: 12, alpha: 0.5 });
    expect(r.refused.sort()).toEqual(["activation", "epochs", "fparams", "gate", "lr"]);
  });
  it("reads Next's searchParams object (arrays take the first value)", () => {
    expect(readParams({ seed: ["3", "4"], epochs: undefined }).state).toEqual({ seed: 3 });
  });
  it("refuses a seed beyond 32 bits, an infinite rate and a malformed parameter list", () => {
    expect(readParams({ seed: String(SEED_MAX + 1), lr: "Infinity", fparams: "alpha:1:2" }).refused).toEqual(["fparams", "lr", "seed"]);
    expect(readParams({ fparams: "alpha:1;beta:2" }).state.fparams).toEqual({ alpha: 1, beta: 2 });
  });
  it("gives initial weights only when all three are set", () => {
    expect(initialWeights({ w1: 1, w2: 2 })).toBeUndefined();
    expect(initialWeights({ w1: 1, w2: 2, b: -0.5 })).toEqual({ w: [1, 2], b: -0.5 });
  });
});
