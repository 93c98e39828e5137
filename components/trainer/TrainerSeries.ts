/** At most `max` items of a long series, evenly spaced, always keeping the last (for drawing only). */
export function thin<T>(items: readonly T[], max = 400): T[] {
  if (items.length <= max) return items.slice();
  const step = items.length / max;
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.floor(k * step)]);
  out.push(items[items.length - 1]);
  return out;
}

const AXIS_STEPS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
/** Right end of an epoch axis: grows with the run in round steps (so the first epochs are visible), never past the total. */
export function epochAxisMax(done: number, total: number): number {
  const step = AXIS_STEPS.find((s) => s >= done) ?? done;
  return Math.max(1, Math.min(step, total));
}

/** Tick values for an epoch axis: whole epochs only (a 2-epoch axis has no "0.5", shown as "500m"). */
export function epochTicks(x: { ticks(count: number): number[] }, count = 4): number[] {
  return x.ticks(count).filter(Number.isInteger);
}
