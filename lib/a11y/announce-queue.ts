/**
 * Polite announcements, narrated not flooded: at most one spoken every MIN_GAP_MS. What arrives in
 * between waits in a queue keyed by topic, so a newer message on the same topic replaces the older
 * one (accuracy 75 % replaces 50 % that was never said), and everything waiting is said together in
 * the next turn, in the order it first arrived. Pure: the clock is passed in.
 */
export const MIN_GAP_MS = 3000;

export interface Announcement { key: string; text: string }
export interface AnnounceQueue {
  queue: Announcement[];
  /** When the last announcement was said (-Infinity: never). */
  lastAt: number;
}

export const emptyQueue = (): AnnounceQueue => ({ queue: [], lastAt: -Infinity });

/** Queue `a`; one already waiting on the same key is replaced in place. */
export function enqueue(q: AnnounceQueue, a: Announcement): AnnounceQueue {
  const i = q.queue.findIndex((x) => x.key === a.key);
  const queue = i < 0 ? [...q.queue, a] : q.queue.map((x, k) => (k === i ? a : x));
  return { ...q, queue };
}

/**
 * What to say at `now`: the waiting texts joined in one announcement if the gap has passed,
 * else nothing, and in how many ms to ask again (null: nothing is waiting).
 */
export function take(q: AnnounceQueue, now: number, gap = MIN_GAP_MS): { q: AnnounceQueue; say: string | null; wait: number | null } {
  if (!q.queue.length) return { q, say: null, wait: null };
  const due = q.lastAt + gap;
  if (now < due) return { q, say: null, wait: due - now };
  return { q: { queue: [], lastAt: now }, say: q.queue.map((a) => a.text).join(" "), wait: null };
}
