/** Facts of the 3D output surface: its range, where it is highest and lowest, the share above 0.5, the four corners. */
import { clean } from "./curve";

export interface SurfaceFacts {
  low: number;
  high: number;
  /** Where the output is lowest / highest, as (x1, x2); on a plateau, its point nearest a corner of the square. */
  lowAt: [number, number];
  highAt: [number, number];
  /** Share (0..1) of the grid whose output is 0.5 or more. */
  above: number;
  /** The output at (0,0), (0,1), (1,0), (1,1). */
  corners: [number, number, number, number];
}

const TIE = 1e-9;
const round2 = (v: number) => clean(Math.round(v * 100) / 100);

/** `values`: n*n outputs ordered like lib/nn/grid.ts (x1 outer, x2 inner), over the unit square. */
export function surfaceFacts(values: ArrayLike<number>, n: number): SurfaceFacts {
  const d = n - 1;
  const at = (i: number, j: number) => Number(values[i * n + j]);
  // distance to the nearest corner, in grid steps: the tie-break on a plateau
  const edge = (i: number, j: number) => Math.hypot(Math.min(i, d - i), Math.min(j, d - j));
  let lo = 0, hi = 0, above = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const k = i * n + j;
    const v = at(i, j);
    if (v >= 0.5) above++;
    const vl = at(Math.floor(lo / n), lo % n), vh = at(Math.floor(hi / n), hi % n);
    if (v < vl - TIE || (Math.abs(v - vl) <= TIE && edge(i, j) < edge(Math.floor(lo / n), lo % n))) lo = k;
    if (v > vh + TIE || (Math.abs(v - vh) <= TIE && edge(i, j) < edge(Math.floor(hi / n), hi % n))) hi = k;
  }
  const xy = (k: number): [number, number] => [round2(Math.floor(k / n) / d), round2((k % n) / d)];
  return {
    low: clean(Number(values[lo])), high: clean(Number(values[hi])), lowAt: xy(lo), highAt: xy(hi),
    above: above / (n * n),
    corners: [at(0, 0), at(0, d), at(d, 0), at(d, d)].map(clean) as SurfaceFacts["corners"],
  };
}
