// SVG path data for the charts' lines, written exactly as d3-shape's line() and line().curve(curveStepAfter)
// write it (d3-path's "M x,y L x,y", each number rounded to 3 decimals as line() asks d3-path to;
// one point closes with Z; no point gives null), so the charts keep their drawing without downloading d3-shape and d3-path.
type Point = readonly [number, number];
const r = (v: number) => Math.round(v * 1000) / 1000;
const at = (x: number, y: number) => `${r(x)},${r(y)}`;

/** Straight segments through the points (d3's line()). */
export function linePath(pts: readonly Point[]): string | null {
  if (pts.length === 0) return null;
  let d = `M${at(pts[0][0], pts[0][1])}`;
  for (let i = 1; i < pts.length; i++) d += `L${at(pts[i][0], pts[i][1])}`;
  return pts.length === 1 ? d + "Z" : d;
}

/** A step line: each value holds until the next x, then jumps (d3's curveStepAfter). */
export function stepAfterPath(pts: readonly Point[]): string | null {
  if (pts.length === 0) return null;
  let d = `M${at(pts[0][0], pts[0][1])}`;
  for (let i = 1; i < pts.length; i++) d += `L${at(pts[i][0], pts[i - 1][1])}L${at(pts[i][0], pts[i][1])}`;
  return pts.length === 1 ? d + "Z" : d;
}
