/**
 * A performance mark for bench/frames.ts, set only when the benchmark asked for it
 * (window.__NEURONLAB_BENCH__), so a long lesson does not pile up entries.
 */
export function benchMark(name: string): void {
  if (typeof window !== "undefined" && (window as { __NEURONLAB_BENCH__?: boolean }).__NEURONLAB_BENCH__) performance.mark(name);
}
