"use client";
/** The explorer's six panels: their plot area (in a 360 x 240 viewBox) and their figure's classes (ChartFrame). */
export const CHART = { width: 294, height: 194, margin: { t: 10, r: 14, b: 36, l: 52 } } as const;
export const PANEL = { className: "act-panel", captionClassName: "act-panel-title", svgClassName: "act-chart" } as const;
/** The panels' axis names: x's at the right end under the axis, y's turned at the top left (components/charts/Axes). */
export const PANEL_AXES = { labels: "end", xLabelAt: 32, yLabelAt: -48, labelClass: "act-axis-label", axisClass: true } as const;

/** A y domain for values: their extent (optionally with 0), widened if flat. */
export function valueDomain(values: ArrayLike<number>, includeZero = false): [number, number] {
  let lo = includeZero ? 0 : Infinity;
  let hi = includeZero ? 0 : -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return [0, 1];
  if (hi - lo < 1e-9) return includeZero && lo === 0 ? [0, 1] : [lo - 1, hi + 1];
  return [lo, hi];
}
