/**
 * The audio trace of a curve (issue 22, like Desmos's): pitch for the value, stereo position for x,
 * a short tick where the curve crosses a reference level (0, a threshold, 0.5). Pure: this computes
 * the schedule; components/a11y/AudioTracePlayer.tsx plays it with the Web Audio API.
 */
/** A curve to hear: its points, the levels where a tick sounds (0, a threshold, 0.5), and how its numbers read. */
export interface TraceData { title: string; xs: ArrayLike<number>; ys: ArrayLike<number>; refs: number[]; format(v: number): string }

export const F_LOW = 220;
export const F_HIGH = 880;
/** The whole curve, played with Space, lasts this long (s). */
export const TRACE_SECONDS = 3;
/** At most this many notes (and keyboard positions) along x. */
export const TRACE_STEPS = 100;

export interface TraceNote { t: number; dur: number; freq: number | null; pan: number; index: number }
export interface TraceTick { t: number; pan: number; index: number }
export interface TraceSchedule { notes: TraceNote[]; ticks: TraceTick[]; duration: number }

/** Value -> frequency on a log scale (equal steps in value are equal musical intervals); flat data sits in the middle. */
export function pitchOf(v: number, lo: number, hi: number, fLow = F_LOW, fHigh = F_HIGH): number {
  const u = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5;
  return fLow * (fHigh / fLow) ** u;
}

/** x -> stereo position, -1 (left) at the first x to 1 (right) at the last. */
export function panOf(x: number, xMin: number, xMax: number): number {
  return xMax > xMin ? Math.min(1, Math.max(-1, (2 * (x - xMin)) / (xMax - xMin) - 1)) : 0;
}

/** The indices (into `idx`) where the values cross one of `refs`: the sign of v - ref changes (touching 0 from one side counts once). */
export function crossings(ys: ArrayLike<number>, idx: readonly number[], refs: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < idx.length; k++) {
    const a = ys[idx[k - 1]], b = ys[idx[k]];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (refs.some((r) => (a - r < 0 && b - r >= 0) || (a - r > 0 && b - r <= 0) || (a - r >= 0 && b - r < 0 && a !== r))) out.push(k);
  }
  return out;
}

/** The positions the trace steps through: at most `steps`, evenly spread, always both ends. */
export function tracePositions(n: number, steps = TRACE_STEPS): number[] {
  if (n <= steps) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: steps }, (_, k) => Math.round((k * (n - 1)) / (steps - 1)));
}

/** The finite values' range (the pitch scale). */
export function valueRange(ys: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < ys.length; i++) if (Number.isFinite(ys[i])) { lo = Math.min(lo, ys[i]); hi = Math.max(hi, ys[i]); }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The whole curve as notes (a silent note where the value is not finite) and ticks, over `seconds`. */
export function traceSchedule(xs: ArrayLike<number>, ys: ArrayLike<number>, refs: readonly number[] = [0], seconds = TRACE_SECONDS): TraceSchedule {
  const idx = tracePositions(Math.min(xs.length, ys.length));
  const [lo, hi] = valueRange(ys);
  const xMin = xs[idx[0]], xMax = xs[idx[idx.length - 1]];
  const dur = seconds / Math.max(1, idx.length);
  const notes = idx.map((i, k) => ({ t: k * dur, dur, freq: Number.isFinite(ys[i]) ? pitchOf(ys[i], lo, hi) : null, pan: panOf(xs[i], xMin, xMax), index: i }));
  const ticks = crossings(ys, idx, refs).map((k) => ({ t: notes[k].t, pan: notes[k].pan, index: idx[k] }));
  return { notes, ticks, duration: idx.length * dur };
}
