/**
 * The XOR network in Chromium under 4x CPU throttling (part of bench:pages; CDP
 * Emulation.setCPUThrottlingRate, a phone-class CPU as DevTools models it):
 *  - kernel: lib/nn/mlp.ts bundled by esbuild into the page, a 2-8-1 sigmoid net trained for 3,000
 *    epochs in one call (the whole run in one task), timed 7 times;
 *  - page: the practice XOR page's own network, opened by a link at 8 units, scrolled into view
 *    (BENCH_NET_SCROLL=0: left at the page's top, where the net is out of view), trained live to
 *    epoch 3,000; the interval between animation frames while it trains, how many exceed one
 *    60 Hz frame (16.7 ms) and two (33.3 ms), and the training's share of each frame (the page's
 *    "net:tick" -> "net:trained" marks, components/xor/useNetRun.ts);
 *  - split: the same run again under a performance trace (bench/net-trace.ts; BENCH_NET_TRACE=0
 *    skips it): the main thread's time per frame in training, other script (React, D3, the
 *    decision grid, the chart texts), style and layout, paint, garbage collection.
 */
import path from "node:path";
import { buildSync } from "esbuild";
import type { Browser, BrowserContext, CDPSession } from "@playwright/test";
import { cpuByDrawing, splitTrace, startTrace, stopTrace, type TraceSplit } from "./net-trace";

export interface Stat { p50: number; p95: number; max: number; n: number }
/**
 * frameInterval: every animation frame from the page's load to epoch 3,000 (hydration included);
 * training: the interval between the page's own training ticks (one a frame while it plays), the
 * frames a student watching the net sees.
 */
export interface PageRun {
  frameInterval: Stat; over16_7ms: number; over33ms: number; frames: number;
  training: { interval: Stat; over16_7ms: number; over33ms: number; frames: number }; trainMs: Stat; wallMs: number;
  vsync: VsyncRun;
}
/**
 * While it trains, by the animation frames' own timestamps (aligned to the display's 60 Hz): `onTime`
 * frames followed the one before within one refresh (an interval under 1.5 x 16.7 ms: no refresh
 * missed), `missedOne` after one missed refresh, `missedMore` after two or more.
 */
export interface VsyncRun { frames: number; onTime: number; missedOne: number; missedMore: number; interval: Stat }
const PERIOD = 1000 / 60;
function vsyncOf(intervals: number[]): VsyncRun {
  return {
    frames: intervals.length, onTime: intervals.filter((f) => f < 1.5 * PERIOD).length,
    missedOne: intervals.filter((f) => f >= 1.5 * PERIOD && f < 2.5 * PERIOD).length, missedMore: intervals.filter((f) => f >= 2.5 * PERIOD).length,
    interval: stat(intervals.length ? intervals : [0]),
  };
}
/** Main-thread self time per frame (ms) by kind, from the traced run; `frames` its animation frames. */
/**
 * cpuPerFrameMs: the main thread's own CPU time per frame (the trace's `tdur` of its top-level
 * tasks): the 4x throttling is in it (Chromium throttles by keeping the thread busy), the time the
 * thread waited for a core of a loaded machine is not.
 */
export interface FrameSplit { perFrameMs: TraceSplit & { train: number }; frames: number; top: { name: string; ms: number }[]; cpuPerFrameMs: number }
export interface NetFrameFigures { throttle: 4; kernel3000: Stat; page: PageRun; split: FrameSplit | null }

function stat(values: number[]): Stat {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(q(0.5)), p95: r(q(0.95)), max: r(v[v.length - 1]), n: v.length };
}

const bundle = () => buildSync({
  stdin: { contents: 'import { trainMlp } from "./lib/nn/mlp"; (globalThis as any).__trainMlp = trainMlp;', resolveDir: path.resolve(__dirname, ".."), loader: "ts" },
  bundle: true, format: "iife", write: false, platform: "browser", target: "es2022",
}).outputFiles[0].text;

export async function measureNetFrame(browser: Browser, baseURL: string): Promise<NetFrameFigures> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto("/practice");
  await page.addScriptTag({ content: bundle() });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const kernel: number[] = await page.evaluate(() => {
    const train = (globalThis as unknown as { __trainMlp: (c: object) => { history: unknown[] } }).__trainMlp;
    train({ seed: 1, lr: 2, epochs: 300, activation: "sigmoid", width: 8 }); // warm-up
    const out: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      train({ seed: k + 1, lr: 2, epochs: 3000, activation: "sigmoid", width: 8 });
      out.push(performance.now() - t0);
    }
    return out;
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await context.close();

  const page1 = await pageRun(browser, baseURL, false);
  const traced = process.env.BENCH_NET_TRACE === "0" ? null : await pageRun(browser, baseURL, true);
  let split: FrameSplit | null = null;
  if (traced?.trace) {
    // from the page's first training tick to its last (the page's load is left out)
    const marks = traced.trace.filter((e) => e.name === "net:tick" || e.name === "net:trained").map((e) => e.ts);
    const { split: ms, byName, cpuMs } = splitTrace(traced.trace, Math.min(...marks), Math.max(...marks));
    const frames = traced.run.trainMs.n;
    const per = (v: number) => Math.round((v / frames) * 100) / 100;
    const train = traced.run.trainMs.n ? traced.trainTotal : 0;
    if (process.env.BENCH_NET_TURNS === "1") for (const [k, v] of Object.entries(cpuByDrawing(traced.trace))) console.log(`  traced, main-thread CPU from a tick drawing ${k} to the next: ${JSON.stringify(stat(v))}`);
    split = {
      perFrameMs: { train: per(train), script: per(ms.script - train), styleLayout: per(ms.styleLayout), paint: per(ms.paint), gc: per(ms.gc), other: per(ms.other) },
      frames, top: byName.slice(0, 12).map((x) => ({ name: x.name, ms: Math.round(x.ms) })),
      cpuPerFrameMs: per(cpuMs),
    };
  }
  return { throttle: 4, kernel3000: stat(kernel), page: page1.run, split };
}

/** The practice page opened by a link at 8 units, playing, to epoch 3,000 under 4x throttling (traced or not). */
async function pageRun(browser: Browser, baseURL: string, trace: boolean) {
  const context: BrowserContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  // the marks (components/benchMark.ts), and tsx's __name helper that its output calls inside page.evaluate
  await context.addInitScript({ content: "window.__NEURONLAB_BENCH__ = true; window.__name = (f) => f;" });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await page.goto("/practice");
  await page.waitForLoadState("networkidle");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  if (trace) await startTrace(cdp);
  const t0 = Date.now();
  await page.goto("/practice/xor?net=sigmoid&netseed=1&netwidth=8&netlayers=1&netscale=0.3");
  // the net in view, as a student watching it train sees it: its readouts at the top, the map and
  // the network drawing below (BENCH_NET_SCROLL=0: the page's top, as runs before 2026-12-07 22:00)
  if (process.env.BENCH_NET_SCROLL !== "0") {
    await page.waitForSelector("#xor-net .tr-live");
    await page.evaluate(() => document.querySelector("#xor-net .tr-live")!.scrollIntoView({ block: "start" }));
  }
  // frames are recorded from the first one after the page's script runs
  await page.evaluate(() => {
    const w = window as unknown as { __frameTimes: number[] };
    w.__frameTimes = [];
    const tick = (t: number) => { w.__frameTimes.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  // polled 4 times a second: a locator's wait would query the page on every animation frame, in the frames measured
  await page.waitForFunction(() => /\b3,?000\b/.test(document.querySelector("#xor-net [data-testid=net-epoch]")?.textContent ?? ""), null, { polling: 250, timeout: 180_000 });
  const wallMs = Date.now() - t0;
  const { frames, train, ticks, byTurn, vsync } = await page.evaluate(() => {
    const ticks = performance.getEntriesByName("net:tick");
    const trained = performance.getEntriesByName("net:trained");
    // the interval that follows each tick, by the drawing that tick made ("readouts" when none)
    const draws = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("net:draw:"));
    const byTurn: Record<string, number[]> = {};
    for (let i = 0; i + 1 < ticks.length; i++) {
      const d = draws.find((m) => m.startTime >= ticks[i].startTime && m.startTime < ticks[i + 1].startTime);
      const k = d ? d.name.slice(9) : "readouts";
      (byTurn[k] ??= []).push(ticks[i + 1].startTime - ticks[i].startTime);
    }
    // the animation frames' own timestamps (vsync-aligned) from the first training tick to the last
    const times = (window as unknown as { __frameTimes: number[] }).__frameTimes;
    const from = ticks[0]?.startTime ?? 0;
    const to = ticks.at(-1)?.startTime ?? 0;
    const inRun = times.filter((t) => t >= from - 17 && t <= to);
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]);
    return {
      vsync: gaps(inRun),
      byTurn,
      frames: gaps(times),
      train: trained.map((m, i) => m.startTime - (ticks[i]?.startTime ?? m.startTime)),
      ticks: gaps(ticks.map((m) => m.startTime)),
    };
  });
  const events = trace ? await stopTrace(cdp) : null;
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await context.close();
  const run: PageRun = {
    frameInterval: stat(frames), over16_7ms: frames.filter((f) => f > 1000 / 60).length, over33ms: frames.filter((f) => f > 1000 / 30).length,
    frames: frames.length, trainMs: stat(train.length ? train : [0]), wallMs,
    training: { interval: stat(ticks.length ? ticks : [0]), over16_7ms: ticks.filter((f) => f > 1000 / 60).length, over33ms: ticks.filter((f) => f > 1000 / 30).length, frames: ticks.length },
    vsync: vsyncOf(vsync),
  };
  if (process.env.BENCH_NET_TURNS === "1") for (const [k, v] of Object.entries(byTurn)) console.log(`  after a frame drawing ${k}: ${JSON.stringify(stat(v))}, within 16.7 ms: ${v.filter((f) => f <= PERIOD).length}`);
  return { run, trace: events, trainTotal: train.reduce((a, b) => a + b, 0) };
}
