// bench:board's measuring in the page: the probe that collects the board's own User Timing and the
// frame times, the fixed task that measures the machine's noise on the page's thread, and the
// quantiles they are reported with.
import type { Page } from "@playwright/test";

export const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const r2 = (v: number) => +v.toFixed(2);

/**
 * Flushes this soon after a forced collection are reported apart (see forcedGcAt): in a 1-minute
 * run (2026-12-03, --retry 10) the first flush after one took a median 9 ms and up to 42.5 ms; the
 * flushes of the next 2 s at most 18.7 ms, the median flush 7.7 ms.
 */
export const AFTER_FORCED_GC_MS = 500;

/** In the page: collect the board's measures and frame times (aggregated, drained by the benchmark). */
export const PAGE_PROBE = `(() => {
  const w = window;
  w.__bench = { update: [], updateAt: [], paint: [], loaf: [], frames: 0, over17: 0, over33: 0, maxFrame: 0, firstPaintAt: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "board:update") { w.__bench.update.push(e.duration); w.__bench.updateAt.push(e.startTime); }
      if (e.name === "board:paint") { w.__bench.paint.push(e.duration); if (!w.__bench.firstPaintAt) w.__bench.firstPaintAt = e.startTime + e.duration; }
    }
  }).observe({ type: "measure", buffered: true });
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.loaf.push(e.duration); }).observe({ type: "long-animation-frame" }); } catch {}
  let last = 0;
  const tick = (t) => {
    if (last) { const d = t - last; w.__bench.frames++; if (d > 17.5) w.__bench.over17++; if (d > 34) w.__bench.over33++; if (d > w.__bench.maxFrame) w.__bench.maxFrame = d; }
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/**
 * The machine's own noise on the page's thread: a fixed piece of arithmetic (about as long as a
 * flush) timed `n` times, 20 ms apart. On a shared virtual machine its p99 alone can be several times its
 * median; the flush figures are read against it, measured in the same run.
 */
export const calibrate = (page: Page, n: number) => page.evaluate(async (n) => {
  const out: number[] = [];
  const a = new Float64Array(1 << 16);
  for (let k = 0; k < n; k++) {
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    for (let r = 0; r < 24; r++) for (let i = 0; i < a.length; i++) a[i] = Math.sqrt(a[i] + i * r);
    out.push(performance.now() - t0);
  }
  return out;
}, n);

export type Drained = { update: number[]; updateAt: number[]; paint: number[]; loaf: number[] };
export const drain = (page: Page) => page.evaluate(() => {
  const b = (window as unknown as { __bench: Drained }).__bench;
  const out = { update: b.update.splice(0), updateAt: b.updateAt.splice(0), paint: b.paint.splice(0), loaf: b.loaf.splice(0) };
  return out;
});
