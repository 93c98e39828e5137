/**
 * The class's own points: up to CUSTOM_POINTS_MAX points of two colours (labels 0 and 1) on the unit
 * square, at hundredths (x and y are whole numbers 0..100 of hundredths, so geometry on them is exact
 * integer arithmetic). A perceptron trains on them like on a gate's four corners (lib/nn/perceptron.ts);
 * `linearlySeparable` decides exactly whether one perceptron can get them all right. No zod here
 * (the browser imports it); the schema is in lib/nn/custom-points-schema.ts.
 */
export const CUSTOM_POINTS_MAX = 16;
export const CUSTOM_POINTS_MIN = 2;
export const GRID = 100;

/** x, y in hundredths of the unit square (0..100); label 0 or 1. */
export interface LabelledPoint { x: number; y: number; label: 0 | 1 }

/** Where "use my own points" starts: one point of each colour, so there is something to train on at once. */
export const STARTER_POINTS: readonly LabelledPoint[] = [{ x: 20, y: 20, label: 0 }, { x: 80, y: 80, label: 1 }];

/** The point's coordinates on the unit square. */
export const coords = (p: LabelledPoint): [number, number] => [p.x / GRID, p.y / GRID];

/** A training set: inputs on the unit square and their labels, in training order. */
export interface Samples { inputs: readonly (readonly [number, number])[]; labels: readonly (0 | 1)[] }
const SAMPLES = new WeakMap<readonly LabelledPoint[], Samples>();

/** The points as a training set (kept per array: a run reads it every epoch). */
export function pointSamples(points: readonly LabelledPoint[]): Samples {
  let s = SAMPLES.get(points);
  if (!s) {
    s = { inputs: points.map(coords), labels: points.map((p) => p.label) };
    SAMPLES.set(points, s);
  }
  return s;
}

/** `x.y.label` joined by `_` (e.g. `10.20.1_90.80.0`): the practice link's `pts` value. */
export function writePoints(points: readonly LabelledPoint[]): string {
  return points.map((p) => `${p.x}.${p.y}.${p.label}`).join("_");
}

/** The inverse of writePoints; null for anything it would not write (bad numbers, too many, too few). */
export function readPoints(s: string): LabelledPoint[] | null {
  if (s.length > CUSTOM_POINTS_MAX * 10) return null;
  const parts = s.split("_");
  if (parts.length < CUSTOM_POINTS_MIN || parts.length > CUSTOM_POINTS_MAX) return null;
  const out: LabelledPoint[] = [];
  for (const part of parts) {
    const m = /^(\d{1,3})\.(\d{1,3})\.([01])$/.exec(part);
    if (!m) return null;
    const x = Number(m[1]), y = Number(m[2]);
    if (x > GRID || y > GRID || String(x) !== m[1] || String(y) !== m[2]) return null; // no leading zeros: one way to write each
    out.push({ x, y, label: m[3] === "1" ? 1 : 0 });
  }
  return out;
}

/** Both colours present (a set of one colour teaches nothing). */
export const bothColours = (points: readonly LabelledPoint[]) => points.some((p) => p.label === 1) && points.some((p) => p.label === 0);

/**
 * Can one line put every label-1 point on one side and every label-0 point strictly on the other?
 * (With a finite set, as a perceptron needs: 0 below the line, 1 on or above it.) Exact: if a
 * separating line exists, the widest one (the maximum-margin separator) has a normal that is either
 * the difference of two points (one support point on each side) or perpendicular to the difference
 * of two points (two support points on one side); each such integer direction is tried, both ways,
 * with integer arithmetic. O(n³) for n <= 16. One colour only: trivially separable.
 */
export function linearlySeparable(points: readonly LabelledPoint[]): boolean {
  const ones = points.filter((p) => p.label === 1);
  const zeros = points.filter((p) => p.label === 0);
  if (ones.length === 0 || zeros.length === 0) return true;
  const separates = (ux: number, uy: number) => {
    if (ux === 0 && uy === 0) return false;
    let maxZero = -Infinity, minOne = Infinity;
    for (const p of zeros) maxZero = Math.max(maxZero, ux * p.x + uy * p.y);
    for (const p of ones) minOne = Math.min(minOne, ux * p.x + uy * p.y);
    return maxZero < minOne;
  };
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j].x - points[i].x, dy = points[j].y - points[i].y;
      for (const [ux, uy] of [[dx, dy], [-dx, -dy], [-dy, dx], [dy, -dx]]) if (separates(ux, uy)) return true;
    }
  }
  return false;
}

/** The same set, compared point by point (order matters: it is the training order). */
export function samePoints(a: readonly LabelledPoint[], b: readonly LabelledPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y && p.label === b[i].label);
}
