// The completion chart's time axis as elapsed time since the first solve ("0", "5 min", "10 min"),
// in whole, readable steps: seconds for a few minutes, minutes for a lesson, hours, then days.
// Pure, no I/O.

export type ElapsedUnit = "s" | "min" | "h" | "day";

const UNIT_MS: Record<ElapsedUnit, number> = { s: 1000, min: 60_000, h: 3_600_000, day: 86_400_000 };
const STEPS: Record<ElapsedUnit, number[]> = { s: [5, 10, 15, 30, 60], min: [1, 2, 5, 10, 15, 20, 30, 60], h: [1, 2, 3, 6, 12, 24], day: [1, 2, 7, 14, 30, 60, 90] };

/** The unit for a span: up to 3 minutes in seconds, up to 3 hours in minutes, up to 3 days in hours, else days. */
export function elapsedUnit(spanMs: number): ElapsedUnit {
  if (spanMs <= 3 * 60_000) return "s";
  if (spanMs <= 3 * 3_600_000) return "min";
  if (spanMs <= 72 * 3_600_000) return "h";
  return "day";
}

/** Ticks (ms since the start) at whole steps of the unit, at most `maxTicks` of them, 0 included. */
export function elapsedTicks(spanMs: number, maxTicks = 6): { unit: ElapsedUnit; ticks: number[]; values: number[] } {
  const unit = elapsedUnit(spanMs);
  const inUnit = Math.max(0, spanMs) / UNIT_MS[unit];
  const steps = STEPS[unit];
  const step = steps.find((s) => Math.floor(inUnit / s) + 1 <= maxTicks) ?? Math.ceil(inUnit / (maxTicks - 1));
  const values: number[] = [];
  for (let v = 0; v <= inUnit + 1e-9; v += step) values.push(v);
  return { unit, ticks: values.map((v) => v * UNIT_MS[unit]), values };
}

/**
 * The series as drawn: a solve counted in a bucket shows from the bucket's start (not as a jump at
 * its end, which put a whole class solving in the last minutes as a spike on the right edge), and
 * every line runs on to `endMs` at its last value.
 */
export function completionSteps(points: readonly { t: number; solved: number }[], endMs: number): { t: number; solved: number }[] {
  if (points.length === 0) return [];
  const out = [{ t: points[0].t, solved: 0 }];
  for (let i = 1; i < points.length; i++) {
    if (points[i].solved !== points[i - 1].solved) out.push({ t: points[i - 1].t, solved: points[i].solved });
  }
  const last = out[out.length - 1];
  if (endMs > last.t) out.push({ t: endMs, solved: last.solved });
  return out;
}
