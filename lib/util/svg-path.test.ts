import { curveStepAfter, line } from "d3-shape";
import { describe, expect, it } from "vitest";
import { linePath, stepAfterPath } from "./svg-path";

const series = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i * 3.7 + 0.1, Math.sin(i) * 41.3 - 1 / 3]);

describe("chart paths", () => {
  it("are the strings d3-shape writes, for no, one and many points", () => {
    for (const n of [0, 1, 2, 5, 200]) {
      expect(linePath(series(n)), `line ${n}`).toBe(line()(series(n)));
      expect(stepAfterPath(series(n)), `step ${n}`).toBe(line().curve(curveStepAfter)(series(n)));
    }
  });
});
