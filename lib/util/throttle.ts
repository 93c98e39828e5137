// A "latest value" throttle: at most one call per interval, the first at once, and the newest value
// held back during the interval is sent when it ends (the last state of a burst is never lost).
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttled<T> {
  /** Offer a value: sent now if the interval allows, else held (replacing any held value). */
  push(value: T): void;
  /** Drop a held value and the pending timer. */
  cancel(): void;
}

export function throttleLatest<T>(send: (value: T) => void, intervalMs: number, clock: Clock = systemClock): Throttled<T> {
  if (!(intervalMs > 0)) throw new RangeError("intervalMs must be positive");
  let last = -Infinity;
  let held: { value: T } | null = null;
  let timer: unknown = null;

  const fire = () => {
    timer = null;
    if (!held) return;
    const { value } = held;
    held = null;
    last = clock.now();
    send(value);
  };

  return {
    push(value) {
      const now = clock.now();
      if (timer === null && now - last >= intervalMs) {
        last = now;
        send(value);
        return;
      }
      held = { value };
      if (timer === null) timer = clock.setTimeout(fire, Math.max(0, intervalMs - (now - last)));
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      held = null;
    },
  };
}

/** The interval for at most `perSecond` calls a second. */
export const perSecond = (perSecond: number) => 1000 / perSecond;
