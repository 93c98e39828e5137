// Views that follow a live run at their own pace, one of them a frame: the one waiting longest
// past its interval. A training page (components/xor/useNetRun.ts) keeps each frame to one heavy
// drawing this way instead of redrawing every view on the same frame.

/**
 * Which view to redraw now, or null: among those `ready` (default: all) whose interval `every[k]`
 * has passed since `drawnAt[k]`, the one furthest past it (ties: the first listed in `every`).
 */
export function pickPaced<K extends string>(now: number, drawnAt: Readonly<Record<K, number>>, every: Readonly<Record<K, number>>, ready: Partial<Record<K, boolean>> = {}): K | null {
  let pick: K | null = null;
  let late = -1;
  for (const k of Object.keys(every) as K[]) {
    if (ready[k] === false) continue;
    const over = now - drawnAt[k] - every[k];
    if (over >= 0 && over > late) { pick = k; late = over; }
  }
  return pick;
}
