/**
 * Where the XOR network page's frames go, from a Chromium performance trace (part of bench:pages,
 * bench/net-frame.ts): the main thread's self time while the practice page trains the 2-8-1 net
 * live under 4x CPU throttling, grouped as the training (the page's "net:trained" measure), other
 * script, style and layout, paint and compositing, garbage collection and the rest.
 */
import type { CDPSession } from "@playwright/test";

export interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } }
export type TraceSplit = Record<"script" | "styleLayout" | "paint" | "gc" | "other", number>;

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8", "toplevel"].join(",");

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES.split(",") }, transferMode: "ReturnAsStream" });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once("Tracing.tracingComplete", (e) => resolve(e.stream!)));
  await cdp.send("Tracing.end");
  const stream = await done;
  let text = "";
  for (;;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const GROUP: [RegExp, keyof TraceSplit][] = [
  [/GC|Sweep|Mark/i, "gc"],
  [/^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout|HitTest|IntersectionObserverController)/, "styleLayout"],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|RasterTask|Decode|Animation|UpdateLayerTree|Rasterize)/, "paint"],
  [/^(FunctionCall|FireAnimationFrame|TimerFire|RunMicrotasks|EvaluateScript|v8\.|V8\.|EventDispatch|XHR|ParseHTML|CompileScript|v8\.compile|FireIdleCallback)/, "script"],
];
const groupOf = (name: string): keyof TraceSplit => GROUP.find(([re]) => re.test(name))?.[1] ?? "other";

/** The page's renderer main thread: the one that ran animation frames. */
function rendererMain(events: TraceEvent[]): TraceEvent | undefined {
  return events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain"
    && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "FireAnimationFrame"));
}

/** Self time (ms) per group on the page's main thread between two timestamps (µs), and per event name. */
export function splitTrace(events: TraceEvent[], fromUs?: number, toUs?: number) {
  const main = rendererMain(events);
  if (!main) throw new Error("no renderer main thread with animation frames in the trace");
  const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined
    && (fromUs === undefined || e.ts >= fromUs) && (toUs === undefined || e.ts <= toUs)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  const add = (name: string, us: number) => self.set(name, (self.get(name) ?? 0) + us);
  // the thread's own CPU time in its top-level tasks: the 4x throttling is in it (Chromium throttles
  // by keeping the thread busy), the time it waited for a core of a loaded machine is not
  let cpuUs = 0;
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    if (!stack.length) cpuUs += e.tdur ?? 0;
    if (stack.length) add(stack[stack.length - 1].name, -Math.min(e.dur!, stack[stack.length - 1].end - e.ts));
    add(e.name, e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  const split: TraceSplit = { script: 0, styleLayout: 0, paint: 0, gc: 0, other: 0 };
  for (const [name, us] of self) split[groupOf(name)] += us / 1000;
  const byName = [...self].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { split, byName, cpuMs: cpuUs / 1000 };
}

/**
 * The main thread's own CPU (ms, top-level tasks' `tdur`) from each training tick to the next, by the
 * drawing that tick made (its "net:draw:<view>" mark, components/xor/useNetRun.ts; "readouts" when none).
 */
export function cpuByDrawing(events: TraceEvent[]): Record<string, number[]> {
  const ticks = events.filter((e) => e.name === "net:tick").map((e) => e.ts).sort((a, b) => a - b);
  const draws = events.filter((e) => e.name.startsWith("net:draw:")).map((e) => ({ ts: e.ts, view: e.name.slice(9) }));
  const main = rendererMain(events);
  if (!main || ticks.length < 2) return {};
  const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const out: Record<string, number[]> = {};
  let j = 0;
  let end = 0;
  for (let i = 0; i + 1 < ticks.length; i++) {
    let us = 0;
    while (j < xs.length && xs[j].ts < ticks[i + 1]) {
      const e = xs[j++];
      if (e.ts >= end) { if (e.ts >= ticks[i]) us += e.tdur ?? 0; end = e.ts + e.dur!; } // top-level only
    }
    const view = draws.find((d) => d.ts >= ticks[i] && d.ts < ticks[i + 1])?.view ?? "readouts";
    (out[view] ??= []).push(us / 1000);
  }
  return out;
}
