// A student's decision line on the class overlay: from the tile's progress or answer, clipped to the
// plotted square.
import type { BoardTile } from "../live/session-protocol";

/**
 * A student's current decision line: from the latest progress (the progress itself: called for
 * every student on every flush, it allocates nothing), else from the submitted answer.
 */
export function lineOf(t: BoardTile): { w: [number, number]; b: number } | null {
  const p = t.progress;
  if (p && p.type !== "ACTIVATION") return p;
  const a = t.answer as { w?: unknown; b?: unknown } | undefined;
  if (a && Array.isArray(a.w) && a.w.length === 2 && a.w.every(Number.isFinite) && Number.isFinite(a.b)) {
    return { w: [a.w[0] as number, a.w[1] as number], b: a.b as number };
  }
  return null;
}

/** The segment of w1*x1 + w2*x2 + b = 0 inside the square [lo, hi]², or null if it misses it. */
export function lineInBox(w: readonly [number, number], b: number, lo: number, hi: number): [[number, number], [number, number]] | null {
  const s = SCRATCH;
  return segmentInBox(w[0], w[1], b, lo, hi, s) ? [[s[0], s[1]], [s[2], s[3]]] : null;
}
const SCRATCH = new Float64Array(4);

/**
 * lineInBox without allocating (called for every student on every board flush): writes the ends
 * x1, y1, x2, y2 into `out` and returns true, or returns false if the line misses the square.
 */
export function segmentInBox(w0: number, w1: number, b: number, lo: number, hi: number, out: Float64Array): boolean {
  const eps = 1e-9 * (hi - lo);
  let n = 0, ax = 0, ay = 0, bx = 0, by = 0;
  for (let k = 0; k < 4 && n < 2; k++) {
    const edge = k % 2 === 0 ? lo : hi;
    let px: number, py: number;
    if (k < 2) {
      if (w1 === 0) continue;
      px = edge;
      py = -(b + w0 * edge) / w1;
    } else {
      if (w0 === 0) continue;
      px = -(b + w1 * edge) / w0;
      py = edge;
    }
    // NaN and ±Infinity fail these comparisons too.
    if (!(px >= lo - eps && px <= hi + eps && py >= lo - eps && py <= hi + eps)) continue;
    if (n === 0) {
      ax = px + 0; // no -0
      ay = py + 0;
      n = 1;
    } else if ((ax - px) ** 2 + (ay - py) ** 2 > eps * eps) {
      bx = px + 0;
      by = py + 0;
      n = 2;
    }
  }
  if (n !== 2) return false;
  out[0] = ax;
  out[1] = ay;
  out[2] = bx;
  out[3] = by;
  return true;
}
