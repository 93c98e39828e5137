/**
 * Part 1 (reducer, Node): the live board under a full class: 200 students each streaming 5 progress updates a second for
 * 10 s (a perceptron run each, GATE exercise), batched like the server does (latest per student
 * every 250 ms), then flushed by the board like components/board/useBoard does (at most 4 times a second).
 * A flush = applying the queued events with lib/board/board's reducer + what the board redraws from it:
 * the counters, the changed tiles' accuracy sparklines (replayed from their settings) and every
 * student's decision line for the class overlay.
 * The same at 2,000 students.
 * Part 2 (the real board page in Chromium, bench/board-browser.ts): 2,000 students streamed to
 * the real /sessions/<id> page; first render, per-flush work and frames, memory over the run, and
 * the machine's own noise on the page's thread (a fixed task timed before and after the stream).
 * Run: npm run bench:board [-- --minutes 20 --students 2000 --retry 10 --no-browser --profile page.cpuprofile --trace page-trace.json --screenshot overlay.png]
 * (`--retry S`: every student starts a new run every S seconds, so the lines keep moving). Ends with one line of JSON.
 */
import { performance } from "node:perf_hooks";
import { applyEvents, boardCounts, type BoardEvent } from "../lib/board/board";
import { AccuracyReplay, runOf } from "../lib/board/accuracy-replay";
import { lineInBox, lineOf } from "../lib/board/tile-lines";
import { makeRng } from "../lib/nn/random";
import { startTraining, stepEpoch, accuracy, type TrainState } from "../lib/nn/perceptron";
import type { BoardState, BoardTile, ProgressState } from "../lib/live/session-protocol";
import { browserBench } from "./board-browser";
import { quantile } from "./board-probe";
import { isDense } from "../lib/board/board-view";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const HALL = Number(arg("students", "2000"));
const MINUTES = Number(arg("minutes", "3"));
const BROWSER = !process.argv.includes("--no-browser");

let STUDENTS = 200;
const SECONDS = 10;
const RATE = 5; // updates per student per second
const FLUSH_MS = 250;
const REPEATS = 7;
const SPARK_POINTS = 60; // what components/board/TileSparkline draws
let sink = 0;

interface Student { id: string; run: TrainState; seed: number; lr: number; phase: number; speed: number }

function makeStudents(): Student[] {
  const rng = makeRng(42);
  return Array.from({ length: STUDENTS }, (_, i) => {
    const seed = Math.floor(rng.uniform() * 1e6);
    const lr = [0.01, 0.05, 0.1, 0.5][i % 4];
    return { id: `u${String(i).padStart(4, "0")}`, seed, lr, run: startTraining({ gate: "AND", lr, epochs: 1000, seed }), phase: rng.uniform(), speed: 5 + Math.floor(rng.uniform() * 40) };
  });
}

/** What the server emits: every 250 ms one board:progress with the latest update of each student who sent one. */
function serverBatches(students: Student[]): { batches: BoardEvent[]; updates: number } {
  const batches: BoardEvent[] = [];
  let updates = 0;
  for (let t = FLUSH_MS; t <= SECONDS * 1000; t += FLUSH_MS) {
    const latest = new Map<string, ProgressState>();
    for (const s of students) {
      // Updates at phase/RATE + k/RATE seconds that fall in (t - 250, t].
      const first = Math.ceil(((t - FLUSH_MS) / 1000 - s.phase / RATE) * RATE + 1e-9);
      const last = Math.floor((t / 1000 - s.phase / RATE) * RATE);
      for (let k = Math.max(0, first); k <= last; k++) {
        for (let e = 0; e < s.speed && !s.run.done; e++) stepEpoch(s.run);
        const m = s.run.model;
        latest.set(s.id, { type: "GATE", gate: "AND", lr: s.lr, epochs: 1000, seed: s.seed, epoch: s.run.epoch, accuracy: accuracy(m, "AND"), w: [m.w[0], m.w[1]], b: m.b });
        updates++;
      }
    }
    batches.push({ kind: "progress", items: [...latest].map(([userId, progress]) => ({ userId, progress })) });
  }
  return { batches, updates };
}

function initialBoard(students: Student[]): BoardState {
  const tiles: BoardTile[] = students.map((s) => ({ userId: s.id, nickname: s.id, online: true, status: "joined", progress: null, result: null }));
  return {
    sessionId: "s", classId: "c", status: "LIVE", paused: false,
    exercise: { id: "ex", position: 1, type: "GATE", config: {}, points: 10, open: true, revealed: false, targetUserIds: [] },
    exercises: [], tiles,
  };
}

/** One simulated run: returns the time of each flush (ms), whole and the reducer's part. */
function simulate(batches: BoardEvent[], sparklines = true): { times: number[]; reducer: number[] } {
  let state: BoardState | null = applyEvents(null, [{ kind: "state", state: initialBoard(makeStudents()) }]).state;
  const replay = new AccuracyReplay();
  const times: number[] = [];
  const reducer: number[] = [];
  for (const batch of batches) {
    const t0 = performance.now();
    const before = state!;
    state = applyEvents(before, [batch]).state!;
    reducer.push(performance.now() - t0);
    const counts = boardCounts(state.tiles);
    for (let i = 0; i < state.tiles.length; i++) {
      const tile = state.tiles[i];
      if (!sparklines || tile === before.tiles[i]) continue; // unchanged tiles are not redrawn (React.memo); the dense grid draws none
      const run = runOf(tile.progress);
      if (run) sink += replay.series(run.gate, run.lr, run.seed, run.epoch, SPARK_POINTS).length;
    }
    for (const tile of state.tiles) {
      const l = lineOf(tile);
      if (l && lineInBox(l.w, l.b, -0.25, 1.25)) sink++;
    }
    times.push(performance.now() - t0);
    sink += counts.working;
  }
  return { times, reducer };
}

function reducerRun(students: number, sparklines = !isDense(students)) {
  STUDENTS = students;
  // Above DENSE_AT students the board shows the dense grid: no sparklines to replay.
  const { batches, updates } = serverBatches(makeStudents());
  simulate(batches, sparklines); // warm-up
  const sims = Array.from({ length: REPEATS }, () => simulate(batches, sparklines));
  const runs = sims.map((s) => s.times);
  const all = runs.flat();
  const reducerAll = sims.flatMap((s) => s.reducer);
  const totals = runs.map((ts) => ts.reduce((a, b) => a + b, 0));
  const totalMedian = quantile(totals, 0.5);
  const result = {
    students: STUDENTS,
    seconds: SECONDS,
    updatesPerStudentPerSecond: RATE,
    updates,
    flushes: batches.length,
    itemsPerFlush: Math.round(batches.reduce((a, b) => a + (b.kind === "progress" ? b.items.length : 0), 0) / batches.length),
    msPerFlushMedian: +quantile(all, 0.5).toFixed(3),
    msPerFlushP95: +quantile(all, 0.95).toFixed(3),
    msPerFlushMax: +Math.max(...all).toFixed(3),
    reducerMsPerFlushMedian: +quantile(reducerAll, 0.5).toFixed(3),
    usPerUpdate: +((totalMedian * 1000) / updates).toFixed(2),
    cpuShareAt4FlushesPerSecond: +(quantile(all, 0.5) * 4 / 1000).toFixed(4),
  };
  console.log(`${STUDENTS} students x ${RATE} updates/s for ${SECONDS} s = ${updates} updates in ${batches.length} server batches (~${result.itemsPerFlush} students each)`);
  console.log(`per flush (reducer + counters + ${sparklines ? "changed sparklines" : "no sparklines (dense grid)"} + overlay lines), over ${REPEATS} runs:`);
  console.log(`  median ${result.msPerFlushMedian} ms, p95 ${result.msPerFlushP95} ms, max ${result.msPerFlushMax} ms`);
  console.log(`  of which the reducer (lib/board/board applyEvents): median ${result.reducerMsPerFlushMedian} ms`);
  console.log(`  per student update: ${result.usPerUpdate} µs; at 4 flushes/s the board spends ${(result.cpuShareAt4FlushesPerSecond * 100).toFixed(2)}% of one core`);
  return result;
}

async function main() {
  console.log("== reducer (Node) ==");
  const small = reducerRun(200, true); // as before: tiles with sparklines
  const hall = reducerRun(HALL);
  let browser: Awaited<ReturnType<typeof browserBench>> | null = null;
  if (BROWSER) {
    console.log(`\n== the real board page in Chromium: ${HALL} students streaming for ${MINUTES} min${Number(arg("retry", "0")) > 0 ? `, each starting a new run every ${arg("retry", "0")} s` : ""} ==`);
    browser = await browserBench({ students: HALL, minutes: MINUTES, appPort: Number(process.env.BENCH_APP_PORT ?? 4331), ioPort: Number(process.env.BENCH_IO_PORT ?? 4332), sampleEverySeconds: Math.max(10, Math.min(60, MINUTES * 6)), profile: arg("profile", "") || undefined, trace: arg("trace", "") || undefined, screenshot: arg("screenshot", "") || undefined, retrySeconds: Number(arg("retry", "0")) });
    const b = browser;
    console.log(`first render of ${b.students} students: ${b.firstRenderMs} ms applied and drawn, ${b.firstPaintMs} ms to the first frame (target < 1000 ms); page load to the full board ${b.navigationToBoardMs} ms`);
    console.log(`per flush of a ${b.itemsPerBatch}-student batch (${b.flushes} flushes): median ${b.updateMsMedian} ms, p95 ${b.updateMsP95} ms, p99 ${b.updateMsP99} ms, max ${b.updateMsMax} ms (target < 16 ms); to the next frame median ${b.paintMsMedian} ms, p95 ${b.paintMsP95} ms`);
    console.log(`  of which ${b.afterForcedGcFlushes} came within 0.5 s after one of the benchmark's own ${b.forcedGcs} forced collections (memory samples): median ${b.afterForcedGcMsMedian} ms, max ${b.afterForcedGcMsMax} ms; the other ${b.undisturbedFlushes}: median ${b.undisturbedMsMedian} ms, p95 ${b.undisturbedMsP95} ms, p99 ${b.undisturbedMsP99} ms`);
    console.log(`the machine's own noise on the page's thread, a fixed task timed 200 times: median ${b.noiseMsMedian} ms, p95 ${b.noiseMsP95} ms, p99 ${b.noiseMsP99} ms (p99 / median ${(b.noiseMsP99 / b.noiseMsMedian).toFixed(2)}; the flushes' ${(b.updateMsP99 / b.updateMsMedian).toFixed(2)})`);
    console.log(`frames: ${b.framesSeen} seen, ${(b.framesOver17msShare * 100).toFixed(2)}% longer than 17.5 ms, ${(b.framesOver34msShare * 100).toFixed(2)}% longer than 34 ms, longest ${b.maxFrameMs} ms; long animation frames (> 50 ms): ${b.longAnimationFrames}, longest ${b.longAnimationFrameMaxMs} ms`);
    console.log(`memory after GC: ${b.heapMBStart} MB at start, ${b.heapMBEnd} MB at the end (max ${b.heapMBMax}), slope after warm-up ${b.heapSlopeMBPerMinute} MB/min; DOM nodes ${b.domNodesStart} -> ${b.domNodesEnd}`);
    console.log(`samples: ${b.samples.map((s) => `${s.min}min ${s.heapMB}MB`).join(", ")}`);
    if (b.pageErrors.length) console.log(`page errors: ${b.pageErrors.join(" | ")}`);
  }
  if (sink === 42) console.log("");
  // The 200-student reducer figures stay at the top level, as before.
  console.log(JSON.stringify({ bench: "board", ...small, reducerHall: hall, browser }));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
