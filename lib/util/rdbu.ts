// ColorBrewer's RdBu (11 classes) as d3-scale-chromatic's interpolateRdBu draws it: a uniform
// B-spline through the eleven colours in RGB (d3-interpolate's interpolateRgbBasis), here in a few
// lines so the trainer's charts do not download the whole d3-scale-chromatic bundle (~6 KB gzip).
const SCHEME = "67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061";
const STOPS = Array.from({ length: SCHEME.length / 6 }, (_, i) => [0, 2, 4].map((k) => parseInt(SCHEME.slice(6 * i + k, 6 * i + k + 2), 16)));

function basis(t1: number, v0: number, v1: number, v2: number, v3: number): number {
  const t2 = t1 * t1;
  const t3 = t2 * t1;
  return ((1 - 3 * t1 + 3 * t2 - t3) * v0 + (4 - 6 * t2 + 3 * t3) * v1 + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 + t3 * v3) / 6;
}

/** The colour at t in [0, 1] (0 = dark red, 1 = dark blue) as [r, g, b] in 0..255, rounded like d3-color. */
export function rdbuRgb(t: number): [number, number, number] {
  const n = STOPS.length - 1;
  let i: number;
  if (t <= 0) { t = 0; i = 0; } else if (t >= 1) { t = 1; i = n - 1; } else i = Math.floor(t * n);
  const out = [0, 0, 0].map((_, c) => {
    const v1 = STOPS[i][c];
    const v2 = STOPS[i + 1][c];
    const v0 = i > 0 ? STOPS[i - 1][c] : 2 * v1 - v2;
    const v3 = i < n - 1 ? STOPS[i + 2][c] : 2 * v2 - v1;
    return Math.max(0, Math.min(255, Math.round(basis((t - i / n) * n, v0, v1, v2, v3)) || 0));
  });
  return out as [number, number, number];
}

/** The same colour as a CSS string, "rgb(r, g, b)" (what interpolateRdBu returns). */
export function interpolateRdBu(t: number): string {
  const [r, g, b] = rdbuRgb(t);
  return `rgb(${r}, ${g}, ${b})`;
}
