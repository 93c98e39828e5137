// The network on the class's own points (issue 20, point 4): trained, diagnosed and graded by replay
// on the points a student placed, in their order, instead of XOR's four corners.
import { describe, expect, it } from "vitest";
import { linearlySeparable, type LabelledPoint } from "./custom-points";
import { mlpScore, trainMlp } from "./mlp";
import { unitStates } from "./mlp-diagnostics";
import { gradeXorNetRun, netPointsOf, onExercisePoints } from "../xor/xor-net-grading";
import { xorConfigSchema } from "../lessons/exercises";

// XOR's four corners written as points, in GATE_INPUTS order: (0,0) (1,0) (0,1) (1,1)
const XOR_AS_POINTS: LabelledPoint[] = [{ x: 0, y: 0, label: 0 }, { x: 100, y: 0, label: 1 }, { x: 0, y: 100, label: 1 }, { x: 100, y: 100, label: 0 }];
// a ring: four points of one colour around four of the other; no line separates them
const RING: LabelledPoint[] = [
  { x: 50, y: 40, label: 1 }, { x: 60, y: 50, label: 1 }, { x: 50, y: 60, label: 1 }, { x: 40, y: 50, label: 1 },
  { x: 10, y: 10, label: 0 }, { x: 90, y: 10, label: 0 }, { x: 90, y: 90, label: 0 }, { x: 10, y: 90, label: 0 },
];
// two clusters a line separates
const SEPARABLE: LabelledPoint[] = [
  { x: 10, y: 20, label: 0 }, { x: 20, y: 10, label: 0 }, { x: 30, y: 30, label: 0 },
  { x: 80, y: 70, label: 1 }, { x: 70, y: 90, label: 1 }, { x: 90, y: 80, label: 1 },
];

const run = (points: LabelledPoint[] | undefined, over: Partial<Parameters<typeof trainMlp>[0]> = {}) =>
  ({ seed: 1, lr: 2, epochs: 3000, activation: "sigmoid" as const, width: 4, layers: 1, initScale: 0.3, ...(points && { points }), ...over });

describe("the network on the class's own points", () => {
  it("XOR's corners given as points train exactly as the XOR net does (same numbers to the bit)", () => {
    for (const activation of ["sigmoid", "tanh", "relu", "linear"] as const) {
      const plain = trainMlp(run(undefined, { activation, epochs: 400 }));
      const asPoints = trainMlp(run(XOR_AS_POINTS, { activation, epochs: 400 }));
      expect(asPoints.final).toEqual(plain.final);
      expect(asPoints.history).toEqual(plain.history);
    }
  });

  it("a linear network, however wide and deep, gets every point right only when one line separates them", () => {
    expect(linearlySeparable(SEPARABLE)).toBe(true);
    expect(linearlySeparable(RING)).toBe(false);
    for (const shape of [{ width: 2, layers: 1 }, { width: 8, layers: 2 }]) {
      expect(trainMlp(run(SEPARABLE, { activation: "linear", lr: 0.5, ...shape })).bestAccuracy).toBe(1);
      for (let seed = 1; seed <= 5; seed++) expect(trainMlp(run(RING, { activation: "linear", lr: 0.5, seed, ...shape })).bestAccuracy).toBeLessThan(1);
    }
  });

  it("a non-linear hidden layer separates the ring that no line can", () => {
    const solved = [1, 2, 3, 4, 5].filter((seed) => trainMlp(run(RING, { seed, width: 6, initScale: 1, lr: 5 })).bestAccuracy === 1);
    expect(solved.length).toBeGreaterThan(0);
  });

  it("accuracy counts the points given: eight points move in eighths", () => {
    const { final } = trainMlp(run(RING, { epochs: 1 }));
    const acc = mlpScore(final, "sigmoid", RING).accuracy;
    expect(acc * 8).toBe(Math.round(acc * 8));
  });

  it("a ReLU unit is dead when its input is negative on every one of the points (not on XOR's corners)", () => {
    // one unit off on the whole square; the other on everywhere
    const net = { hidden: [{ w: [-1, -1], b: -0.1 }, { w: [1, 1], b: 0.1 }], out: { w: [1, 1], b: 0 } };
    expect(unitStates(net, "relu", RING)[0][0]).toBe("dead");
    // moved so that it is on at some of the ring's points only: alive there
    const edge = { ...net, hidden: [{ w: [-1, 0], b: 0.45 }, net.hidden[1]] };
    expect(unitStates(edge, "relu", RING)[0][0]).not.toBe("dead");
  });
});

describe("grading the network's run on points, by replay", () => {
  const honest = (points: LabelledPoint[], seed = 1) => {
    const c = run(points, { seed, width: 6, initScale: 1, lr: 5 });
    return { ...c, final: trainMlp(c).final };
  };

  it("an honest run on the exercise's points is replayed on them and graded", () => {
    const solvedSeed = [1, 2, 3, 4, 5].find((seed) => trainMlp(run(RING, { seed, width: 6, initScale: 1, lr: 5 })).bestAccuracy === 1)!;
    const g = gradeXorNetRun(honest(RING, solvedSeed), RING);
    expect(g.reason).toBe("solved");
    expect(g.accuracy).toBe(mlpScore(g.net!, "sigmoid", RING).accuracy);
    expect(g.diag?.units).toBe(6);
  });

  it("refuses a run on other points than the exercise's, and points where the exercise has none", () => {
    expect(gradeXorNetRun(honest(RING), SEPARABLE)).toMatchObject({ reason: "invalid", error: "netPointsNotThisExercise" });
    expect(gradeXorNetRun(honest(RING), [...RING].reverse())).toMatchObject({ error: "netPointsNotThisExercise" });
    expect(gradeXorNetRun(honest(RING))).toMatchObject({ error: "netPointsNotThisExercise" });
    const { points: _drop, ...withoutPoints } = honest(RING);
    expect(gradeXorNetRun(withoutPoints, RING)).toMatchObject({ error: "netPointsNotThisExercise" });
  });

  it("refuses weights trained on the four XOR corners but claimed on the points (the replay does not reproduce them)", () => {
    const onXor = trainMlp(run(undefined, { width: 6, initScale: 1, lr: 5 })).final;
    expect(gradeXorNetRun({ ...run(RING, { width: 6, initScale: 1, lr: 5 }), final: onXor }, RING).reason).toBe("replayMismatch");
  });

  it("refuses malformed points (one colour, out of the square)", () => {
    const r = honest(RING);
    expect(gradeXorNetRun({ ...r, points: RING.map((p) => ({ ...p, label: 1 })) }).reason).toBe("invalid");
    expect(gradeXorNetRun({ ...r, points: [{ x: 101, y: 0, label: 0 }, ...RING.slice(1)] }).reason).toBe("invalid");
  });
});

describe("an XOR exercise's own points for its network (the preset's customPoints)", () => {
  const preset = { type: "XOR", lr: 0.5, epochs: 200, points: 10 };
  it("are kept by the XOR preset, checked like a gate's (both colours), and read back for grading", () => {
    const config = xorConfigSchema.parse({ ...preset, customPoints: RING });
    expect(netPointsOf(config)).toEqual(RING);
    expect(netPointsOf(xorConfigSchema.parse(preset))).toBeUndefined();
    expect(xorConfigSchema.safeParse({ ...preset, customPoints: RING.map((p) => ({ ...p, label: 0 })) }).success).toBe(false);
    // a stored config that no longer parses gives no points (XOR's four), never the raw value
    expect(netPointsOf({ ...preset, customPoints: [{ x: 500, y: 0, label: 1 }] })).toBeUndefined();
  });

  it("a run's claimed points must be exactly the exercise's (none on XOR's four)", () => {
    expect(onExercisePoints(RING, RING.map((p) => ({ ...p })))).toBe(true);
    expect(onExercisePoints(RING, [...RING].reverse())).toBe(false);
    expect(onExercisePoints(RING, undefined)).toBe(false);
    expect(onExercisePoints(RING, XOR_AS_POINTS)).toBe(false);
    expect(onExercisePoints(RING, "nonsense")).toBe(false);
    expect(onExercisePoints(undefined, undefined)).toBe(true);
    expect(onExercisePoints(undefined, RING)).toBe(false);
  });
});
