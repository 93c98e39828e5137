import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIVATION_IDS, CUSTOM_KEYS } from "../nn/activations";
import { TRAINABLE_GATES } from "../lessons/exercises";
import { SEED_MAX } from "../grading/grading";
import { BUNDLED_IMAGES } from "../explorer/images";
import { PRACTICE_KEYS, initialWeights, readParams, toSearch, type PracticeState } from "./practice-params";
import { explorerFromParams, explorerToParams, netFromParams, netToParams, runFromParams, runToParams, type ExplorerView, type NetView, type TrainerRun } from "./practice-state";
import { HIDDEN_ACTIVATIONS } from "../xor/xor-net";
import { SPREAD_RANGE } from "../explorer/samples";

const finiteIn = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,7}$/);
const stateArb: fc.Arbitrary<Partial<PracticeState>> = fc.record(
  {
    activation: fc.constantFrom(...ACTIVATION_IDS, ...CUSTOM_KEYS),
    threshold: finiteIn(-3, 3),
    alpha: finiteIn(0, 2),
    formula: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() === s && s.length > 0),
    fparams: fc.dictionary(name, finiteIn(-5, 5), { maxKeys: 3 }),
    dist: fc.constantFrom("uniform" as const, "normal" as const),
    spread: finiteIn(SPREAD_RANGE.min, SPREAD_RANGE.max),
    axis: fc.constantFrom("fit" as const, "fixed" as const),
    image: fc.constantFrom(...BUNDLED_IMAGES),
    gate: fc.constantFrom(...TRAINABLE_GATES),
    lr: finiteIn(1e-6, 10).filter((v) => v > 0),
    epochs: fc.integer({ min: 1, max: 10_000 }),
    seed: fc.integer({ min: 0, max: SEED_MAX }),
    w1: finiteIn(-100, 100),
    w2: finiteIn(-100, 100),
    b: finiteIn(-100, 100),
    net: fc.constantFrom(...HIDDEN_ACTIVATIONS),
    netseed: fc.integer({ min: 0, max: SEED_MAX }),
    netwidth: fc.integer({ min: 2, max: 8 }),
    netlayers: fc.integer({ min: 1, max: 2 }),
    netscale: finiteIn(0.01, 20),
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

const params = fc.record({ threshold: finiteIn(-3, 3), alpha: finiteIn(0, 2) });
const viewArb: fc.Arbitrary<ExplorerView> = fc.record({
  activation: fc.constantFrom(...ACTIVATION_IDS),
  params,
  own: fc.constant(null),
  image: fc.constantFrom(...BUNDLED_IMAGES),
  sampling: fc.record({
    distribution: fc.constantFrom("uniform" as const, "normal" as const),
    spread: fc.integer({ min: 1, max: 40 }).map((k) => k * SPREAD_RANGE.step),
    fixedAxis: fc.boolean(),
  }),
  seed: fc.integer({ min: 0, max: SEED_MAX }),
});
/** A view with one's own formula: its key is the first formula key. */
const ownArb: fc.Arbitrary<ExplorerView> = fc.tuple(viewArb, fc.constantFrom("x * tanh(ln(1 + exp(x)))", "sigmoid(alpha * x)", "max(0, x) + beta"), fc.dictionary(name, finiteIn(-5, 5), { maxKeys: 3 }))
  .map(([v, formula, p]) => ({ ...v, activation: CUSTOM_KEYS[0], own: { formula, params: p } }));
const through = (s: Partial<PracticeState>) => readParams(new URLSearchParams(toSearch(s)));

/** What a page shows, written to its URL and read back: nothing refused, the same view again. */
function roundTrips<V>(arb: fc.Arbitrary<V>, toParams: (v: V) => Partial<PracticeState>, fromParams: (s: Partial<PracticeState>) => unknown, numRuns: number) {
  fc.assert(
    fc.property(arb, (v) => {
      const back = through(toParams(v));
      expect(back.refused).toEqual([]);
      expect(fromParams(back.state)).toEqual(v);
    }),
    { numRuns },
  );
}

describe("every practice control through the URL", () => {
  it("the explorer: function, parameters, own formula, picture, distribution, spread, axis and samples' seed", () => {
    roundTrips(fc.oneof(viewArb, ownArb), explorerToParams, explorerFromParams, 300);
  });
  it("an uploaded picture stays in the browser: the link keeps the rest", () => {
    const v: ExplorerView = { activation: "tanh", params: { threshold: 0, alpha: 0.01 }, own: null, image: "upload", sampling: { distribution: "normal", spread: 6, fixedAxis: true }, seed: 9 };
    const back = explorerFromParams(through(explorerToParams(v)).state);
    expect(back.image).toBeUndefined();
    expect(back).toMatchObject({ activation: "tanh", sampling: v.sampling, seed: 9 });
  });
  it("the trainers: gate, rate, epochs, seed and initial weights", () => {
    const runArb: fc.Arbitrary<TrainerRun> = fc.record(
      {
        gate: fc.constantFrom(...TRAINABLE_GATES),
        lr: finiteIn(1e-6, 10).filter((v) => v > 0),
        epochs: fc.integer({ min: 1, max: 10_000 }),
        seed: fc.integer({ min: 0, max: SEED_MAX }),
        init: fc.record({ w: fc.tuple(finiteIn(-100, 100), finiteIn(-100, 100)), b: finiteIn(-100, 100) }),
      },
      { requiredKeys: [] },
    );
    roundTrips(runArb, runToParams, runFromParams, 300);
  });
  it("the XOR page's network: shown, its hidden activation, seed, width, layers and initial scale", () => {
    const netArb: fc.Arbitrary<NetView> = fc.record({
      activation: fc.constantFrom(...HIDDEN_ACTIVATIONS), seed: fc.integer({ min: 0, max: SEED_MAX }),
      width: fc.integer({ min: 2, max: 8 }), layers: fc.integer({ min: 1, max: 2 }), initScale: finiteIn(0.01, 20),
      // the class's own points the net trains on (both colours: a link with one colour is refused)
      points: fc.array(fc.record({ x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 100 }), label: fc.constantFrom(0 as const, 1 as const) }), { minLength: 2, maxLength: 16 })
        .filter((p) => p.some((q) => q.label === 1) && p.some((q) => q.label === 0)),
    }, { requiredKeys: ["activation"] })
      .map((v) => ({ open: true, ...v }));
    roundTrips(netArb, netToParams, netFromParams, 200);
    // a shut net leaves nothing in the link; a seed without the net opens nothing
    expect(netToParams({ open: false, activation: "tanh", seed: 3 })).toEqual({});
    expect(netFromParams(readParams({ netseed: "3" }).state)).toEqual({ open: false });
    expect(readParams({ net: "gelu", netseed: "-1" }).refused).toEqual(["net", "netseed"]);
    // width, layers and scale out of their bounds are refused; alone they open nothing
    expect(readParams({ netwidth: "9", netlayers: "3", netscale: "0" }).refused).toEqual(["netwidth", "netlayers", "netscale"]);
    expect(netFromParams(readParams({ netwidth: "8", netscale: "2" }).state)).toEqual({ open: false });
    expect(toSearch(netToParams({ open: true, activation: "relu", seed: 4, width: 8, layers: 1, initScale: 0.3 }))).toBe("net=relu&netseed=4&netwidth=8&netlayers=1&netscale=0.3");
  });
  it("junk in the URL falls back to the defaults, without a crash", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...PRACTICE_KEYS, "x", "__proto__", "constructor"), fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("", " ", "NaN", "Infinity", "-0", "1e999", "0x10", "custom2", "alpha:1;;", "%"))), (junk) => {
        const r = readParams(junk);
        // whatever survived parses again to itself, and the views start from it
        expect(through(r.state).state).toEqual(r.state);
        expect(() => explorerFromParams(r.state)).not.toThrow();
        expect(() => runFromParams(r.state)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    const r = readParams({ spread: "0", dist: "cauchy", axis: "", image: "upload", seed: "", threshold: "", lr: " " });
    expect(r.state).toEqual({});
    expect(r.refused.sort()).toEqual(["axis", "dist", "image", "lr", "seed", "spread", "threshold"]);
    // no sampling in the link: the explorer draws the lesson's samples
    expect(explorerFromParams(r.state)).toEqual({ own: null });
    // a formula's key without its formula: the page's first function
    expect(explorerFromParams(readParams({ activation: "custom1" }).state).activation).toBeUndefined();
  });
});
