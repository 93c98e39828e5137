/**
 * Facts of the board's charts on the class's own points (an XOR preset's `customPoints`, the network's
 * training set): which points a hidden-unit line puts on each side, and the points themselves with
 * whether one straight line can separate them (lib/nn/custom-points.ts, decided exactly). Pure.
 */
import { coords, linearlySeparable, type LabelledPoint } from "../../nn/custom-points";
import { predict, type Perceptron } from "../../nn/perceptron";
import { pointName } from "./net";

/** A class point as the chart texts name it: "(x1, x2)". */
export const nameOf = (p: LabelledPoint) => pointName(coords(p));

/** The points on the line's 1 side and on its 0 side, named "(x1, x2)", in the points' order. */
export function pointSides(model: Perceptron, points: readonly LabelledPoint[]): { ones: string[]; zeros: string[] } {
  const ones: string[] = [];
  const zeros: string[] = [];
  for (const p of points) {
    const [x1, x2] = coords(p);
    (predict(model, x1, x2) ? ones : zeros).push(nameOf(p));
  }
  return { ones, zeros };
}

export interface ClassPointsFacts {
  total: number;
  /** The points of each colour, named "(x1, x2)" in the points' order. */
  ones: string[];
  zeros: string[];
  /** Can one straight line (one perceptron) put every point on its side? */
  separable: boolean;
}

export function classPointsFacts(points: readonly LabelledPoint[]): ClassPointsFacts {
  return {
    total: points.length,
    ones: points.filter((p) => p.label === 1).map(nameOf),
    zeros: points.filter((p) => p.label === 0).map(nameOf),
    separable: linearlySeparable(points),
  };
}
