// The class overlay for a lecture hall: every decision line rasterised into a coarse grid of
// counts (each line counts once per cell it crosses), so 2,000 lines become one density picture
// instead of 2,000 strokes. Pure, no DOM.

/** Counts per cell of a size x size grid over the unit square; segments in [0, 1]² (y up). */
export function densityGrid(segments: readonly (readonly [readonly [number, number], readonly [number, number]])[], size: number): { counts: Uint16Array; max: number } {
  const counts = new Uint16Array(size * size);
  let max = 0;
  for (const [[x1, y1], [x2, y2]] of segments) {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) * size * 2));
    let last = -1;
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const cx = Math.min(size - 1, Math.max(0, Math.floor((x1 + (x2 - x1) * t) * size)));
      const cy = Math.min(size - 1, Math.max(0, Math.floor((1 - (y1 + (y2 - y1) * t)) * size)));
      const i = cy * size + cx;
      if (i === last) continue;
      last = i;
      const v = ++counts[i];
      if (v > max) max = v;
    }
  }
  return { counts, max };
}

/** Opacity 0..255 for a count: logarithmic, so one line stays visible and agreement stands out. */
export function densityOpacity(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round(255 * (0.18 + 0.82 * (Math.log1p(count) / Math.log1p(max))));
}
