import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { linearlySeparable, readPoints, writePoints, type LabelledPoint } from "./custom-points";
import { customPointsSchema } from "./custom-points-schema";
import { gradeGateRun } from "../grading/grading";
import { gateConfigSchema } from "../lessons/exercises";
import { train } from "./perceptron";

const pt = (x: number, y: number, label: 0 | 1): LabelledPoint => ({ x, y, label });

/**
 * Brute force on a 3 x 3 grid (coordinates 0, 50, 100 = steps 0..2): every line w·s = c with w in
 * {-2..2}² and c a half-integer in [-8.5, 8.5] (s the grid steps). Complete there: a separable set's
 * widest separator has a normal that is a difference of two grid points or its perpendicular, both
 * with components in -2..2, and its projections are integers, so a half-integer threshold fits between.
 */
function bruteForce(points: readonly LabelledPoint[]): boolean {
  if (!points.some((p) => p.label) || points.every((p) => p.label)) return true;
  for (let a = -2; a <= 2; a++) for (let b = -2; b <= 2; b++) for (let c = -8.5; c <= 8.5; c += 1) {
    if (points.every((p) => ((a * p.x) / 50 + (b * p.y) / 50 > c ? 1 : 0) === p.label)) return true;
  }
  return false;
}

const onGrid = fc.array(fc.record({ x: fc.constantFrom(0, 50, 100), y: fc.constantFrom(0, 50, 100), label: fc.constantFrom<0 | 1>(0, 1) }), { minLength: 1, maxLength: 16 });
const anywhere = fc.array(fc.record({ x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 100 }), label: fc.constantFrom<0 | 1>(0, 1) }), { minLength: 2, maxLength: 16 });

describe("linear separability of the class's points", () => {
  it("the four gates: only XOR is not separable", () => {
    const corners = (labels: (0 | 1)[]) => [pt(0, 0, labels[0]), pt(100, 0, labels[1]), pt(0, 100, labels[2]), pt(100, 100, labels[3])];
    expect(linearlySeparable(corners([0, 0, 0, 1]))).toBe(true); // AND
    expect(linearlySeparable(corners([0, 1, 1, 1]))).toBe(true); // OR
    expect(linearlySeparable(corners([0, 1, 1, 0]))).toBe(false); // XOR
    expect(linearlySeparable([pt(10, 10, 1), pt(10, 10, 0)])).toBe(false); // one place, two colours
    expect(linearlySeparable([pt(0, 0, 0), pt(50, 50, 1), pt(100, 100, 0)])).toBe(false); // collinear, the middle one alone
  });
  it("agrees with brute force over every line on a small grid", () => {
    fc.assert(fc.property(onGrid, (points) => linearlySeparable(points) === bruteForce(points)), { numRuns: 2000 });
  });
  it("when one perceptron gets every point right, the points are separable (and the line it found proves it)", () => {
    fc.assert(fc.property(anywhere, fc.integer({ min: 0, max: 1000 }), (points, seed) => {
      const r = train({ gate: "AND", lr: 0.5, epochs: 200, seed, points });
      return r.bestAccuracy < 1 || linearlySeparable(points);
    }), { numRuns: 300 });
  });
});

describe("points in a link and a preset", () => {
  it("round-trip through the link's compact form", () => {
    fc.assert(fc.property(anywhere, (points) => { expect(readPoints(writePoints(points))).toEqual(points); }));
    expect(writePoints([pt(10, 20, 1), pt(90, 80, 0)])).toBe("10.20.1_90.80.0");
  });
  it("refuse what the app would not write", () => {
    for (const bad of ["", "10.20.1", "10.20.2_1.1.0", "101.0.1_0.0.0", "01.0.1_0.0.0", "1.1.1_-1.0.0", "a.b.c_0.0.0", Array(17).fill("1.1.1").join("_")]) expect(readPoints(bad), bad).toBeNull();
    expect(customPointsSchema.safeParse([pt(1, 1, 1), pt(2, 2, 1)]).success).toBe(false); // one colour
    expect(customPointsSchema.safeParse([{ ...pt(1, 1, 1), z: 1 }, pt(2, 2, 0)]).success).toBe(false);
  });
});

describe("a gate run on a preset's own points, graded by replay", () => {
  const points = [pt(10, 10, 0), pt(20, 80, 1), pt(80, 20, 0), pt(90, 90, 1), pt(40, 60, 1), pt(60, 30, 0)];
  const preset = gateConfigSchema.parse({ type: "GATE", gate: "AND", lr: 0.5, epochs: 100, points: 10, customPoints: points });
  const run = (seed: number, epochs = 100) => {
    const { final } = train({ gate: "AND", lr: 0.5, epochs, seed, points });
    return { gate: "AND", lr: 0.5, epochs, seed, w: final.w, b: final.b, customPoints: points };
  };
  it("is right when the replay on the points reproduces the weights and gets them all", () => {
    expect(linearlySeparable(points)).toBe(true);
    expect(gradeGateRun(preset, run(3))).toEqual({ correct: true, score: 10, reason: "ok" });
    // the same run without naming the points is replayed on the preset's points too
    const { customPoints: _drop, ...bare } = run(3);
    expect(gradeGateRun(preset, bare)).toEqual({ correct: true, score: 10, reason: "ok" });
  });
  it("refuses weights trained on the gate instead, other points, and points the preset does not have", () => {
    const onGate = train({ gate: "AND", lr: 0.5, epochs: 100, seed: 3 }).final;
    expect(gradeGateRun(preset, { ...run(3), w: onGate.w, b: onGate.b }).reason).toBe("mismatch");
    expect(gradeGateRun(preset, { ...run(3), customPoints: [...points].reverse() }).reason).toBe("wrongPoints");
    const plain = gateConfigSchema.parse({ type: "GATE", gate: "AND", lr: 0.5, epochs: 100, points: 10 });
    expect(gradeGateRun(plain, run(3)).reason).toBe("wrongPoints");
    // and without points, today's grading is unchanged
    const { final } = train({ gate: "AND", lr: 0.5, epochs: 100, seed: 3 });
    expect(gradeGateRun(plain, { gate: "AND", lr: 0.5, epochs: 100, seed: 3, w: final.w, b: final.b })).toEqual({ correct: true, score: 10, reason: "ok" });
  });
  it("a set that is not separable is never learned", () => {
    const xorLike = [pt(0, 0, 0), pt(100, 0, 1), pt(0, 100, 1), pt(100, 100, 0)];
    const p = gateConfigSchema.parse({ type: "GATE", gate: "AND", lr: 0.5, epochs: 100, points: 10, customPoints: xorLike });
    const { final } = train({ gate: "AND", lr: 0.5, epochs: 500, seed: 1, points: xorLike });
    expect(gradeGateRun(p, { gate: "AND", lr: 0.5, epochs: 500, seed: 1, w: final.w, b: final.b }).reason).toBe("notLearned");
  });
});

describe("points in the practice link", () => {
  it("read back exactly, and refused when one-coloured or malformed", async () => {
    const { readParams, toSearch } = await import("../practice/practice-params");
    const pts = [pt(10, 10, 0), pt(20, 80, 1), pt(90, 90, 1)];
    const q = toSearch({ gate: "AND", seed: 7, pts });
    expect(q).toBe("gate=AND&seed=7&pts=10.10.0_20.80.1_90.90.1");
    expect(readParams(new URLSearchParams(q))).toEqual({ state: { gate: "AND", seed: 7, pts }, refused: [] });
    expect(readParams(new URLSearchParams("pts=1.1.1_2.2.1")).refused).toEqual(["pts"]);
    expect(readParams(new URLSearchParams("pts=1.1.1_2.2")).refused).toEqual(["pts"]);
  });
});
