"use client";
/** Shared frame of the explorer's six panels: a titled figure, and the chart geometry. */
export const CHART = { width: 360, height: 240, margin: { top: 10, right: 14, bottom: 36, left: 52 } } as const;

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

export function ChartFrame({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <figure className="act-panel" data-testid={testId}>
      <figcaption className="act-panel-title">{title}</figcaption>
      {children}
    </figure>
  );
}
