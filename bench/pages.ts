/**
 * Page weight and responsiveness, measured in Chromium against the production build.
 * Run: npm run bench:pages   (BENCH_PORT, default 4750; BENCH_FRAMES=0 skips the frame timings)
 *
 * Weight: each main route is loaded in a fresh browser context (empty cache, the right cookies);
 * every JavaScript file it fetched is gzipped (level 9, as a CDN would) and summed. Budgets: the
 * student live page and the practice pages <= 200 KB, the home and join pages <= 120 KB (an
 * anonymous visitor gets their script-free versions, app/lite; the signed-in home is shown too).
 * The student live page is weighed as a student meets it: before any push, then with each exercise
 * pushed (activation, gate, XOR) and with the XOR hidden layer unlocked; each within 200 KB.
 * Frames: see bench/frames.ts; the XOR network (2-8-1, 3,000 epochs) under 4x CPU throttling: see
 * bench/net-frame.ts (BENCH_NET=0 skips it; BENCH_NET_TRACE=0 skips its traced run, BENCH_NET_SCROLL=0
 * leaves the net out of view, BENCH_NET_TURNS=1 prints the frames by what each drew). Ends with one
 * line of JSON.
 */
import zlib from "node:zlib";
import type { Browser, BrowserContext } from "@playwright/test";
import { classroom, launchBrowser, startServer, type Classroom } from "./bench-server";
import { measureFrames, type FrameFigures } from "./frames";
import { measureNetFrame, type NetFrameFigures } from "./net-frame";

const KB = 1024;
interface Route {
  name: string; path: string; as: "anyone" | "student" | "instructor"; budgetKB: number | null;
  /** Run before the page loads (e.g. the instructor pushes an exercise). */
  before?: () => Promise<void>;
  /** A selector that shows the page is as the visitor meets it (the exercise drawn). */
  ready?: string;
}

export interface RouteWeight { name: string; path: string; scripts: number; rawKB: number; gzipKB: number; budgetKB: number | null; ok: boolean }

async function weigh(browser: Browser, baseURL: string, route: Route, storage?: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<RouteWeight | null> {
  const context = await browser.newContext({ baseURL, storageState: storage, locale: "en-US" });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script" || bodies.has(res.url())) return;
    bodies.set(res.url(), res.body().catch(() => null));
  });
  await route.before?.();
  const res = await page.goto(route.path);
  if (res?.status() === 404 && process.env.BENCH_SKIP_MISSING === "1") { await context.close(); return null; }
  if (!res || res.status() >= 400) throw new Error(`${route.path} answered ${res?.status()}`);
  if (route.ready) await page.locator(route.ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300); // late dynamic imports
  let raw = 0;
  let gzip = 0;
  for (const [url, pending] of bodies) {
    const body = await pending;
    if (!body) continue;
    raw += body.length;
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    gzip += gz;
    if (process.env.BENCH_DETAIL === "1") console.log(`  ${route.name}: ${(gz / KB).toFixed(1).padStart(6)} KB  ${new URL(url).pathname}`);
  }
  await context.close();
  const gzipKB = Math.round((gzip / KB) * 10) / 10;
  return {
    name: route.name, path: route.path, scripts: bodies.size, rawKB: Math.round((raw / KB) * 10) / 10, gzipKB,
    budgetKB: route.budgetKB, ok: route.budgetKB === null || gzipKB <= route.budgetKB,
  };
}

function printWeights(rows: RouteWeight[]) {
  console.log("\nFirst-load JavaScript per route (gzip -9 of every script fetched, fresh cache)");
  console.log(`${"route".padEnd(22)}${"path".padEnd(34)}${"files".padStart(6)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"budget".padStart(8)}  verdict`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(22)}${r.path.slice(0, 33).padEnd(34)}${String(r.scripts).padStart(6)}${r.rawKB.toFixed(1).padStart(9)}${r.gzipKB.toFixed(1).padStart(9)}${(r.budgetKB === null ? "-" : String(r.budgetKB)).padStart(8)}  ${r.budgetKB === null ? "" : r.ok ? "ok" : "OVER"}`);
  }
}

/** The exercises a student meets on the live page, each pushed before the page loads. */
const LIVE_STATES: { name: string; ready: string; before(room: Classroom): Promise<void> }[] = [
  { name: "activation", ready: "[data-testid=panels]", before: (r) => r.push("ACTIVATION") },
  { name: "gate", ready: "[data-testid=decision-map]", before: (r) => r.push("GATE") },
  { name: "xor", ready: "[data-testid=best-accuracy]", before: (r) => r.push("XOR") },
  { name: "xor net", ready: "[data-testid=xor-hidden-layer]", before: (r) => r.unlock() },
];

/** The homework pages, one per exercise type. */
const HOMEWORK_STATES: { name: string; type: "ACTIVATION" | "GATE" | "XOR"; ready: string }[] = [
  { name: "activation", type: "ACTIVATION", ready: "[data-testid=panels]" },
  { name: "gate", type: "GATE", ready: "[data-testid=decision-map]" },
  { name: "xor", type: "XOR", ready: "[data-testid=best-accuracy]" },
];

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 4750);
  const server = await startServer(port);
  const browser = await launchBrowser();
  try {
    const room = await classroom(browser, server.baseURL);
    const homework = await room.homework();
    const routes: Route[] = [
      { name: "home", path: "/", as: "anyone", budgetKB: 120 },
      { name: "join", path: "/join?code=ABC234", as: "anyone", budgetKB: 120 },
      // A signed-in visitor gets the React pages (lib/util/lite-pages.ts): shown, without a budget.
      { name: "home, signed in", path: "/", as: "student", budgetKB: null },
      { name: "sign-in", path: "/signin", as: "anyone", budgetKB: null },
      { name: "practice list", path: "/practice", as: "anyone", budgetKB: null },
      { name: "practice activation", path: "/practice/activation", as: "anyone", budgetKB: 200 },
      { name: "practice gate", path: "/practice/gate", as: "anyone", budgetKB: 200 },
      { name: "practice xor", path: "/practice/xor", as: "anyone", budgetKB: 200 },
      { name: "student home", path: "/student", as: "student", budgetKB: null },
      // The student live page as a student meets it: before any push, then with each exercise active.
      { name: "student live", path: `/live/${room.sessionId}`, as: "student", budgetKB: 200, ready: "[data-testid=waiting]" },
      ...LIVE_STATES.map((s): Route => ({
        name: `student live, ${s.name}`, path: `/live/${room.sessionId}`, as: "student", budgetKB: 200, ready: s.ready,
        before: () => s.before(room),
      })),
      // Homework: the same exercises, at home, without a live session.
      ...HOMEWORK_STATES.map((s): Route => ({
        name: `homework, ${s.name}`, path: `/homework/${homework.id}/${homework.page[s.type]}`, as: "student", budgetKB: 200, ready: s.ready,
      })),
      { name: "class lobby", path: `/classes/${room.classId}`, as: "instructor", budgetKB: null },
      { name: "board", path: `/sessions/${room.sessionId}`, as: "instructor", budgetKB: null },
    ];
    const states = { student: await room.student.storageState(), instructor: await room.instructor.storageState() };
    const rows: RouteWeight[] = [];
    for (const r of process.env.BENCH_WEIGHTS === "0" ? [] : routes) {
      const row = await weigh(browser, server.baseURL, r, r.as === "anyone" ? undefined : states[r.as]);
      if (row) rows.push(row);
    }
    printWeights(rows);
    let frames: FrameFigures | null = null;
    if (process.env.BENCH_FRAMES !== "0") frames = await measureFrames(browser, server.baseURL);
    let net: NetFrameFigures | null = null;
    if (process.env.BENCH_NET !== "0") {
      net = await measureNetFrame(browser, server.baseURL);
      console.log("\nXOR network under 4x CPU throttling (bench/net-frame.ts)");
      console.log(`2-8-1 sigmoid, 3,000 epochs in one call: p50 ${net.kernel3000.p50} ms, max ${net.kernel3000.max} ms (n ${net.kernel3000.n})`);
      const p = net.page;
      console.log(`practice page training it live: frame interval p50 ${p.frameInterval.p50} ms, p95 ${p.frameInterval.p95} ms, max ${p.frameInterval.max} ms; ${p.over16_7ms} of ${p.frames} frames over 16.7 ms, ${p.over33ms} over 33 ms; training p50 ${p.trainMs.p50} ms a frame; ${p.wallMs} ms to epoch 3,000`);
      const tr = p.training;
      console.log(`  while it trains (the page's ticks): frame interval p50 ${tr.interval.p50} ms, p95 ${tr.interval.p95} ms, max ${tr.interval.max} ms; ${tr.over16_7ms} of ${tr.frames} over 16.7 ms, ${tr.over33ms} over 33 ms`);
      const v = net.page.vsync;
      console.log(`  while it trains, by the frames' own timestamps: ${v.onTime} of ${v.frames} frames on time (within one 60 Hz refresh), ${v.missedOne} after one missed refresh, ${v.missedMore} after more; interval p50 ${v.interval.p50} ms, p95 ${v.interval.p95} ms`);
      if (net.split) {
        const s = net.split.perFrameMs;
        console.log(`traced run, main thread per frame (${net.split.frames} frames): training ${s.train} ms, other script ${s.script} ms, style+layout ${s.styleLayout} ms, paint ${s.paint} ms, GC ${s.gc} ms, other ${s.other} ms`);
        console.log(`  the main thread's own CPU time per frame (trace tdur, the throttling in it, waits for a core not): ${net.split.cpuPerFrameMs} ms`);
        console.log(`  heaviest (self ms over the run): ${net.split.top.map((x) => `${x.name} ${x.ms}`).join(", ")}`);
      }
    }
    const over = rows.filter((r) => !r.ok).map((r) => r.name);
    console.log(over.length ? `\nOver budget: ${over.join(", ")}` : "\nEvery budgeted route is within its budget.");
    console.log(JSON.stringify({
      bench: "pages",
      weightsKB: Object.fromEntries(rows.map((r) => [r.name, r.gzipKB])),
      studentLiveKB: Object.fromEntries(rows.filter((r) => r.name.startsWith("student live")).map((r) => [r.name.replace(/^student live,? ?/, "") || "none", r.gzipKB])),
      budgetsKB: Object.fromEntries(rows.filter((r) => r.budgetKB !== null).map((r) => [r.name, r.budgetKB])),
      over,
      frames,
      net,
    }));
    await room.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
