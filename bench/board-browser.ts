/**
 * The real board page in Chromium under a synthetic lecture hall. The production server serves
 * /sessions/<id> to a signed-in instructor (a real class, a real session with the gate exercise
 * pushed). The page is loaded through a front server in this process that passes pages on to
 * the app and serves /socket.io/ itself: a socket.io server that answers board:watch with N
 * students and streams board:progress (every student, every 250 ms, like the server's
 * coalescing), board:result and board:presence with the real wire shapes, over a real WebSocket.
 * Timings come from the board's own User Timing ("board:update": a flush applied, committed and
 * drawn, one task; "board:paint": to the next frame), frames from requestAnimationFrame and the
 * Long Animation Frames API, memory from the DevTools protocol after a forced GC.
 */
import { writeFileSync } from "node:fs";
import { Server, type Socket } from "socket.io";
import { createServer, request as httpRequest, type Server as HttpServer } from "node:http";
import { chromium, type Page } from "@playwright/test";
import { pgliteBackend, startServer } from "../server/testing/server";
import { Client } from "../server/testing/http-client";
import { connect } from "../server/testing/sockets";
import { makeRng } from "../lib/random";
import { startTraining, stepEpoch, accuracy, type TrainState } from "../lib/perceptron";
import type { BoardState, BoardTile, ProgressState } from "../lib/session-protocol";

export interface BrowserOptions { students: number; minutes: number; appPort: number; ioPort: number; sampleEverySeconds: number; /** Write a CPU profile of the page during the stream here. */ profile?: string; /** Write a Chromium trace (devtools.timeline) of 15 s of the stream here. */ trace?: string; /** Save a picture of the class overlay at the end here (PNG). */ screenshot?: string; /** Each student starts a new run (a new seed) this often, staggered: lines keep moving all session (0: one run each; most lines settle within a minute). */ retrySeconds?: number }

interface Sim { id: string; nickname: string; run: TrainState; seed: number; lr: number; speed: number }

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const r2 = (v: number) => +v.toFixed(2);

/** The real server, a real instructor, class and session; the GATE exercise pushed. Returns the board state as the server sends it. */
async function realSession(appPort: number) {
  const backend = await pgliteBackend();
  const server = await startServer(backend, { PORT: String(appPort) });
  const base = server.url;
  const teacher = new Client(base);
  const email = `bench-${Date.now()}@example.com`;
  await teacher.signUp("Bench Teacher", email, "correct horse battery");
  const err = await teacher.signIn("instructor", { email, password: "correct horse battery" });
  if (err) throw new Error(`sign-in failed: ${err}`);
  const post = async <T>(path: string, body: unknown) => {
    const res = await teacher.fetch(path, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const cls = await post<{ id: string }>("/api/classes", { name: "Lecture hall" });
  const { body } = await teacher.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons");
  const lesson = body.lessons.find((l) => l.slug === "activation-basics") ?? body.lessons[0];
  const session = await post<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lesson.id });
  const control = await connect(base, teacher);
  const gate = lesson.exercises.find((e) => e.type === "GATE")!;
  await control.emitWithAck("control:push", { sessionId: session.id, exerciseId: gate.id });
  const watched = (await control.emitWithAck("board:watch", { sessionId: session.id })) as { ok: boolean; state: BoardState };
  control.close();
  if (!watched.ok) throw new Error("board:watch refused");
  return { server, backend, base, teacher, state: watched.state };
}

function makeSims(n: number): Sim[] {
  const rng = makeRng(7);
  return Array.from({ length: n }, (_, i) => {
    const seed = Math.floor(rng.uniform() * 1e6);
    const lr = [0.01, 0.05, 0.1, 0.5][i % 4];
    return { id: `bench${String(i).padStart(5, "0")}`, nickname: `Student ${i + 1}`, seed, lr, run: startTraining({ gate: "AND", lr, epochs: 1000, seed }), speed: 1 + Math.floor(rng.uniform() * 6) };
  });
}

function progressOf(s: Sim): ProgressState {
  const m = s.run.model;
  return { type: "GATE", gate: "AND", lr: s.lr, epochs: 1000, seed: s.seed, epoch: s.run.epoch, accuracy: accuracy(m, "AND"), w: [m.w[0], m.w[1]], b: m.b };
}

/**
 * The page's origin: an HTTP server that serves the benchmark's socket.io server at /socket.io/
 * and passes every other request on to the real app server, so the page talks to the fake
 * hall over a real WebSocket, as it would to the app (no relay through the test driver).
 */
function frontServer(appBase: string): HttpServer {
  const app = new URL(appBase);
  return createServer((req, res) => {
    const up = httpRequest({ host: app.hostname, port: app.port, method: req.method, path: req.url, headers: { ...req.headers, host: app.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
}

/**
 * Flushes this soon after a forced collection are reported apart (see forcedGcAt): in a 1-minute
 * run (2026-12-03, --retry 10) the first flush after one took a median 9 ms and up to 42.5 ms; the
 * flushes of the next 2 s at most 18.7 ms, the median flush 7.7 ms.
 */
const AFTER_FORCED_GC_MS = 500;

/** In the page: collect the board's measures and frame times (aggregated, drained by the benchmark). */
const PAGE_PROBE = `(() => {
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
const calibrate = (page: Page, n: number) => page.evaluate(async (n) => {
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

type Drained = { update: number[]; updateAt: number[]; paint: number[]; loaf: number[] };
const drain = (page: Page) => page.evaluate(() => {
  const b = (window as unknown as { __bench: Drained }).__bench;
  const out = { update: b.update.splice(0), updateAt: b.updateAt.splice(0), paint: b.paint.splice(0), loaf: b.loaf.splice(0) };
  return out;
});

export async function browserBench(o: BrowserOptions) {
  const real = await realSession(o.appPort);
  const sims = makeSims(o.students);
  const template = real.state;
  const tiles = (): BoardTile[] => sims.map((s) => ({ userId: s.id, nickname: s.nickname, online: true, status: "joined", progress: null, result: null }));
  const snapshot: BoardState = { ...template, tiles: tiles() };
  const front = frontServer(real.base);
  const io = new Server(front, { maxHttpBufferSize: 1e8 });
  await new Promise<void>((resolve) => front.listen(o.ioPort, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${o.ioPort}`;
  const boards = new Set<Socket>();
  io.on("connection", (socket) => {
    boards.add(socket);
    socket.on("disconnect", () => boards.delete(socket));
    socket.on("board:watch", (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, state: snapshot }));
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  await context.addCookies([...real.teacher.cookies].map(([name, value]) => ({ name, value, url: base })));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(PAGE_PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  const t0 = Date.now();
  await page.goto(`${base}/sessions/${template.sessionId}`);
  await page.locator(`[data-testid="student-grid"][data-count="${o.students}"]`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __bench: { firstPaintAt: number } }).__bench.firstPaintAt > 0, undefined, { timeout: 30_000 });
  const navToBoardMs = Date.now() - t0;
  const first = await drain(page);
  const noise = await calibrate(page, 100);
  const firstPaintAt = await page.evaluate(() => (window as unknown as { __bench: { firstPaintAt: number } }).__bench.firstPaintAt);

  // The page's clock when each of the benchmark's own forced collections ended: the flushes just
  // after one run slower (AFTER_FORCED_GC_MS), and no user's board meets a forced collection every
  // minute, so they are reported apart.
  const forcedGcAt: number[] = [];
  const memory = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    forcedGcAt.push(await page.evaluate(() => performance.now()));
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    const m = (n: string) => metrics.find((x) => x.name === n)?.value ?? 0;
    return { at: (Date.now() - t0) / 60_000, heapMB: heap.usedSize / 2 ** 20, nodes: m("Nodes"), listeners: m("JSEventListeners") };
  };

  // The stream: every 250 ms the latest progress of every student (each trains a few epochs),
  // a few submissions and a few students dropping out and coming back.
  if (o.profile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const rng = makeRng(11);
  const all: Drained = { update: [], updateAt: [], paint: [], loaf: [] };
  const samples = [await memory()];
  const end = Date.now() + o.minutes * 60_000;
  let nextSample = Date.now() + o.sampleEverySeconds * 1000;
  let batches = 0;
  let items = 0;
  let tracing: "no" | "on" | "done" = o.trace ? "no" : "done";
  while (Date.now() < end) {
    if (tracing === "no" && batches === 40) {
      await browser.startTracing(page, { path: o.trace, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
      tracing = "on";
    } else if (tracing === "on" && batches === 100) {
      await browser.stopTracing();
      tracing = "done";
    }
    const tickAt = Date.now();
    const retryTicks = Math.round((o.retrySeconds ?? 0) * 4);
    if (retryTicks > 0) sims.forEach((s, i) => {
      if ((batches + i) % retryTicks === 0) {
        s.seed = (s.seed * 1_103_515_245 + 12_345) % 2 ** 31;
        s.run = startTraining({ gate: "AND", lr: s.lr, epochs: 1000, seed: s.seed });
      }
    });
    for (const s of sims) for (let e = 0; e < s.speed && !s.run.done; e++) stepEpoch(s.run);
    const batch = sims.map((s) => ({ userId: s.id, progress: progressOf(s) }));
    for (const b of boards) b.emit("board:progress", { sessionId: template.sessionId, items: batch });
    batches++;
    items += batch.length;
    for (let k = 0; k < 3; k++) {
      const s = sims[Math.floor(rng.uniform() * sims.length)];
      const ok = accuracy(s.run.model, "AND") === 1;
      const result = { exerciseId: template.exercise!.id, score: ok ? 10 : 0, maxScore: 10, correct: ok, reason: ok ? "ok" : "notLearned", at: new Date().toISOString() };
      for (const b of boards) b.emit("board:result", { sessionId: template.sessionId, userId: s.id, result, answer: { w: s.run.model.w, b: s.run.model.b } } as never);
    }
    const away = sims[Math.floor(rng.uniform() * sims.length)];
    for (const b of boards) b.emit("board:presence", { sessionId: template.sessionId, userId: away.id, online: batches % 2 === 0 } as never);
    if (Date.now() >= nextSample) {
      const d = await drain(page);
      all.update.push(...d.update);
      all.updateAt.push(...d.updateAt);
      all.paint.push(...d.paint);
      all.loaf.push(...d.loaf);
      samples.push(await memory());
      nextSample += o.sampleEverySeconds * 1000;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - tickAt))));
  }
  const d = await drain(page);
  all.update.push(...d.update);
  all.updateAt.push(...d.updateAt);
  all.paint.push(...d.paint);
  all.loaf.push(...d.loaf);
  samples.push(await memory());
  noise.push(...(await calibrate(page, 100)));
  const frames = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { frames: number; over17: number; over33: number; maxFrame: number } }).__bench;
    return { frames: b.frames, over17: b.over17, over33: b.over33, maxFrame: b.maxFrame };
  });

  // Flushes within AFTER_FORCED_GC_MS after one of the benchmark's own collections, apart from the rest.
  const afterGc = (i: number) => forcedGcAt.some((g) => all.updateAt[i] >= g - 1 && all.updateAt[i] - g < AFTER_FORCED_GC_MS);
  const undisturbed = all.update.filter((_, i) => !afterGc(i));
  const disturbed = all.update.filter((_, i) => afterGc(i));

  // Memory after warm-up: the least-squares slope over the samples past the first minute.
  const steady = samples.filter((s) => s.at >= Math.min(1, o.minutes / 4));
  const slope = (() => {
    if (steady.length < 2) return 0;
    const mx = steady.reduce((a, s) => a + s.at, 0) / steady.length;
    const my = steady.reduce((a, s) => a + s.heapMB, 0) / steady.length;
    const num = steady.reduce((a, s) => a + (s.at - mx) * (s.heapMB - my), 0);
    const den = steady.reduce((a, s) => a + (s.at - mx) ** 2, 0);
    return den ? num / den : 0;
  })();

  if (o.screenshot) await page.getByTestId("class-overlay").screenshot({ path: o.screenshot });
  if (o.profile) {
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: unknown };
    writeFileSync(o.profile, JSON.stringify(profile));
  }
  await browser.close();
  io.close();
  front.close();
  await real.server.stop();
  await real.backend.dispose();

  return {
    students: o.students,
    retrySeconds: o.retrySeconds ?? 0,
    minutes: o.minutes,
    batches,
    itemsPerBatch: Math.round(items / Math.max(1, batches)),
    flushes: all.update.length,
    firstRenderMs: r2(first.update[0] ?? 0),
    firstPaintMs: r2(first.paint[0] ?? 0),
    navigationToBoardMs: navToBoardMs,
    firstPaintSinceNavigationMs: r2(firstPaintAt),
    updateMsMedian: r2(quantile(all.update, 0.5)),
    updateMsP95: r2(quantile(all.update, 0.95)),
    updateMsP99: r2(quantile(all.update, 0.99)),
    updateMsMax: r2(Math.max(0, ...all.update)),
    /** The flushes outside the AFTER_FORCED_GC_MS after each of the benchmark's own memory samples (a full, forced collection). */
    undisturbedFlushes: undisturbed.length,
    undisturbedMsMedian: r2(quantile(undisturbed, 0.5)),
    undisturbedMsP95: r2(quantile(undisturbed, 0.95)),
    undisturbedMsP99: r2(quantile(undisturbed, 0.99)),
    forcedGcs: forcedGcAt.length,
    afterForcedGcFlushes: disturbed.length,
    afterForcedGcMsMedian: r2(quantile(disturbed, 0.5)),
    afterForcedGcMsMax: r2(Math.max(0, ...disturbed)),
    /** The same page thread running a fixed task before and after the stream (calibrate). */
    noiseMsMedian: r2(quantile(noise, 0.5)),
    noiseMsP95: r2(quantile(noise, 0.95)),
    noiseMsP99: r2(quantile(noise, 0.99)),
    paintMsMedian: r2(quantile(all.paint, 0.5)),
    paintMsP95: r2(quantile(all.paint, 0.95)),
    framesSeen: frames.frames,
    framesOver17msShare: +(frames.over17 / Math.max(1, frames.frames)).toFixed(4),
    framesOver34msShare: +(frames.over33 / Math.max(1, frames.frames)).toFixed(4),
    maxFrameMs: r2(frames.maxFrame),
    longAnimationFrames: all.loaf.length,
    longAnimationFrameMaxMs: r2(Math.max(0, ...all.loaf)),
    heapMBStart: r2(samples[0].heapMB),
    heapMBEnd: r2(samples[samples.length - 1].heapMB),
    heapMBMax: r2(Math.max(...samples.map((s) => s.heapMB))),
    heapSlopeMBPerMinute: +slope.toFixed(3),
    domNodesStart: samples[0].nodes,
    domNodesEnd: samples[samples.length - 1].nodes,
    listenersEnd: samples[samples.length - 1].listeners,
    samples: samples.map((s) => ({ min: r2(s.at), heapMB: r2(s.heapMB), nodes: s.nodes })),
    pageErrors: errors,
  };
}
