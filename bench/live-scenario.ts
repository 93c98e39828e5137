// bench:live: one run of the lecture against one target (our server or the bare one) with N
// students: joins, pushes and pause/resume, 20 s of progress, a submission each, the checks.
import { randomBytes } from "node:crypto";
import type { Expect, Joined } from "./live-messages";
import { Pool } from "./live-pool";
import { ack, log, now, PROGRESS_MS, snapshot, storedSubmissions, type Target } from "./live-setup";
import { dist, KB, loopbackBytes, MB, round, Sampler, settledRss, steadyRss, usage, type Dist } from "./live-stats";
import { sleep } from "./live-servers";
import { runNetBurst } from "./live-net-burst";
import { runSoak } from "./live-soak";

export interface Options {
  workers: number;
  concurrency: number;
  transports: string[];
  pushTimeoutMs: number;
  ackTimeoutMs: number;
  streamSeconds: number;
  submitWindowMs: number;
  soakMinutes: number;
  /** Seconds of quiet before the joins and after everyone is in, for the settled RSS (0: not read). */
  settleSeconds: number;
  /** After the submissions: XOR to everyone, the hidden layer unlocked, a 2-8-1 run each (xor:submit) within the submit window. */
  netBurst?: boolean;
}

export interface PushFigure extends Dist { label: string; ackMs: number | null; missed: number; cpuMs: number; bytesPerStudent: number }

const BOARD_FLUSH_MS = 250;

export async function runLecture(t: Target, n: number, pids: number[], o: Options) {
  const runId = randomBytes(4).toString("hex");
  const w = Math.max(1, Math.min(o.workers, n));
  const pool = new Pool(w);
  const sampler = new Sampler(pids);
  const cpuAtStart = usage(pids).cpuS;
  try {
    await sleep(1500); // workers load
    const baseUse = await steadyRss(sampler);
    const base = baseUse.rss;
    const baseSettled = o.settleSeconds > 0 ? await settledRss(sampler, o.settleSeconds) : NaN;

    // 1. Joins: every student signs in over HTTP, connects, watches the class and enters.
    log(`${t.kind}: ${n} students joining (${w} workers)`);
    const cpu = { start: usage(pids).cpuS, join: 0, controls: 0, stream: 0, submit: 0 };
    const bytes = { start: loopbackBytes(), join: 0, controls: 0, stream: 0, submit: 0 };
    const lap = (k: "join" | "controls" | "stream" | "submit") => {
      const c = usage(pids).cpuS;
      cpu[k] = c - cpu.start;
      cpu.start = c;
      const b = loopbackBytes();
      bytes[k] = b - bytes.start;
      bytes.start = b;
    };
    const workerPids = pool.workers.map((wk) => wk.pid ?? 0).filter(Boolean);
    const loadCpu0 = usage(workerPids).cpuS;
    const joinT0 = now();
    for (let k = 0; k < w; k++) {
      const students = [];
      for (let i = k; i < n; i += w) students.push({ i, nickname: `s${String(i).padStart(4, "0")}` });
      pool.send(k, { cmd: "init", runId, url: t.url, bare: t.kind === "bare", joinCode: t.joinCode, classId: t.classId, sessionId: t.sessionId, students, concurrency: Math.ceil(o.concurrency / w), transports: o.transports, timeoutMs: 300_000 });
    }
    const joined = (await pool.collect("joined", 30 * 60_000)).flatMap((m) => m?.joined ?? []);
    lap("join");
    const loadGeneratorJoinCpuS = usage(workerPids).cpuS - loadCpu0;
    const join = { ...joinFigures(joined, joinT0, n, t.kind === "bare"), loadGeneratorCpuS: round(loadGeneratorJoinCpuS, 1) };
    log(`${t.kind}: ${join.entered}/${n} in after ${join.allInMs} ms`);
    await sleep(1000);
    const inUse = await steadyRss(sampler);
    const rssIn = inUse.rss;
    const inSettled = o.settleSeconds > 0 ? await settledRss(sampler, o.settleSeconds) : NaN;
    const userOf = new Map(joined.filter((j) => j.userId).map((j) => [j.i, j.userId]));

    // 2. Pushes (alternating exercises, one to a quarter of the class), pause and resume.
    const quarter = [...userOf.keys()].filter((i) => i % 4 === 0);
    const steps: [string, string, unknown, Omit<Expect, "id" | "since">][] = [
      ["push ACTIVATION", "control:push", { exerciseId: t.ex.ACTIVATION }, { targets: null, exerciseId: t.ex.ACTIVATION, othersExerciseId: null }],
      ["push GATE", "control:push", { exerciseId: t.ex.GATE }, { targets: null, exerciseId: t.ex.GATE, othersExerciseId: null }],
      ["push XOR to 1/4", "control:push", { exerciseId: t.ex.XOR, userIds: quarter.map((i) => userOf.get(i)) }, { targets: quarter, exerciseId: t.ex.XOR, othersExerciseId: null }],
      ["push GATE", "control:push", { exerciseId: t.ex.GATE }, { targets: null, exerciseId: t.ex.GATE, othersExerciseId: null }],
      ["pause", "control:pause", { paused: true }, { targets: null, exerciseId: null, othersExerciseId: null, paused: true }],
      ["resume", "control:pause", { paused: false }, { targets: null, exerciseId: null, othersExerciseId: null, paused: false }],
    ];
    const pushes: PushFigure[] = [];
    let seq = 0;
    for (const [label, event, payload, e] of steps) {
      const id = ++seq;
      pool.all({ cmd: "expect", expect: { ...e, id, since: now() } });
      await pool.collect("expect-ready", 10_000, (m) => m.id === id);
      const cpu0 = usage(pids).cpuS;
      const bytes0 = loopbackBytes();
      const t0 = now();
      const acked = ack(t.board, event, { sessionId: t.sessionId, ...(payload as object) }, o.pushTimeoutMs).then((r) => (r.ok ? now() - t0 : null), () => null);
      let done = await pool.collect("expect-done", o.pushTimeoutMs, (m) => m.id === id);
      const cpuMs = (usage(pids).cpuS - cpu0) * 1000;
      const pushBytes = loopbackBytes() - bytes0;
      if (!done.every(Boolean)) {
        pool.all({ cmd: "expect-end", id });
        const late = await pool.collect("expect-done", 10_000, (m) => m.id === id);
        done = done.map((d, k) => d ?? late[k]);
      }
      const times = done.flatMap((d) => d?.latencies ?? []).map((x) => x - t0);
      const missed = done.reduce((a, d, k) => a + (d ? d.missed : Math.floor((n - 1 - k) / w) + 1), 0);
      pushes.push({ label, ...dist(times), ackMs: round((await acked) ?? NaN), missed, cpuMs: round(cpuMs, 0), bytesPerStudent: round(pushBytes / Math.max(1, n), 0) });
      log(`${t.kind}: ${label}: p99 ${pushes.at(-1)!.p99} ms, missed ${missed}, server CPU ${round(cpuMs, 0)} ms`);
      await sleep(500);
    }

    lap("controls");
    // 3. Progress: 5 a second per student for the stream's length, measured on the board.
    const count = Math.round((o.streamSeconds * 1000) / PROGRESS_MS);
    t.rec.recording = true;
    pool.all({ cmd: "stream", count, intervalMs: PROGRESS_MS, exerciseId: t.ex.GATE });
    const sent = (await pool.collect("stream-done", o.streamSeconds * 1000 + 60_000)).flatMap((m) => m?.sent ?? []);
    await sleep(2 * BOARD_FLUSH_MS + 1500);
    t.rec.recording = false;
    lap("stream");
    const lat: number[] = [];
    let sentCount = 0;
    for (const s of sent)
      s.times.forEach((at, k) => {
        if (!at) return;
        sentCount++;
        const got = t.rec.progress.get(`${s.userId}:${k + 1}`);
        if (got) lat.push(got - at);
      });
    const progress = { sent: sentCount, delivered: lat.length, share: round(lat.length / Math.max(1, sentCount), 3), possible: round(Math.min(1, PROGRESS_MS / BOARD_FLUSH_MS), 3), ...dist(lat) };
    log(`${t.kind}: progress p99 ${progress.p99} ms, share ${progress.share}`);

    // 4. Submissions: each student one valid run within the window, acked, stored, on the board.
    t.rec.results.clear();
    pool.all({ cmd: "submit", windowMs: o.submitWindowMs, exerciseId: t.ex.GATE, giveUpMs: o.ackTimeoutMs });
    const subs = (await pool.collect("submit-done", o.submitWindowMs + o.ackTimeoutMs + 30_000)).flatMap((m) => m?.results ?? []);
    const ok = subs.filter((s) => s.ok);
    for (let k = 0; k < 50 && [...ok].some((s) => !t.rec.results.has(s.userId)); k++) await sleep(100);
    lap("submit");
    const errors: Record<string, number> = {};
    for (const s of subs) if (!s.ok) errors[s.error ?? "?"] = (errors[s.error ?? "?"] ?? 0) + 1;
    const snap = await snapshot(t, 60_000);
    const stored = await storedSubmissions(t, 60_000);
    const submit = {
      submitted: subs.length, acked: ok.length, correct: ok.filter((s) => s.correct).length, retried: subs.filter((s) => s.tries > 1).length, errors,
      ...dist(ok.map((s) => s.ackAt - s.sentAt)),
      shownLive: ok.filter((s) => t.rec.results.has(s.userId)).length,
      board: snap, stored,
    };
    log(`${t.kind}: submissions acked ${ok.length}/${n}, ack p99 ${submit.p99} ms`);

    const netBurst = o.netBurst ? await runNetBurst(t, pool, pids, o) : undefined;

    const soak = o.soakMinutes > 0 && t.kind === "ours" ? await runSoak(t, pool, sampler, o.soakMinutes) : undefined;

    pool.all({ cmd: "stats" });
    const stats = (await pool.collect("stats", 10_000)).filter((x) => x !== null);
    const cpuTotalS = usage(pids).cpuS - cpuAtStart;
    return {
      join, pushes, push: aggregate(pushes), progress, submit,
      cpuCost: {
        msPerJoin: round((cpu.join * 1000) / Math.max(1, join.entered), 2),
        msPerControl: round((cpu.controls * 1000) / steps.length, 1),
        usPerProgress: round((cpu.stream * 1e6) / Math.max(1, sentCount), 1),
        msPerSubmit: round((cpu.submit * 1000) / Math.max(1, subs.length), 2),
        phaseS: { join: round(cpu.join, 1), controls: round(cpu.controls, 1), stream: round(cpu.stream, 1), submit: round(cpu.submit, 1) },
      },
      // the class's traffic (loopback bytes, both directions) per unit of each phase
      bandwidth: {
        kbPerJoin: KB(bytes.join / Math.max(1, join.entered)),
        bytesPerControlPerStudent: round(bytes.controls / steps.length / Math.max(1, n), 0),
        bytesPerProgress: round(bytes.stream / Math.max(1, sentCount), 0),
        kbPerSubmit: KB(bytes.submit / Math.max(1, subs.length)),
        phaseMB: { join: MB(bytes.join), controls: MB(bytes.controls), stream: MB(bytes.stream), submit: MB(bytes.submit) },
      },
      server: { peakCpuPct: round(sampler.peakCpuPct, 0), cpuS: round(cpuTotalS, 1), baseMB: MB(base), inMB: MB(rssIn), peakMB: MB(sampler.peakRss), perStudentKB: KB((rssIn - base) / Math.max(1, join.entered)),
        pss: { baseMB: MB(baseUse.pss), inMB: MB(inUse.pss), peakMB: MB(sampler.peakPss) },
        settled: { seconds: o.settleSeconds, baseMB: MB(baseSettled), inMB: MB(inSettled), perStudentKB: KB((inSettled - baseSettled) / Math.max(1, join.entered)) } },
      netBurst,
      board: { progressBatches: t.rec.progressBatches, presence: t.rec.presence, states: t.rec.states, rosters: t.rec.rosters, rosterEntries: t.rec.rosterEntries, rosterDeltas: t.rec.rosterDeltas },
      lost: {
        notIn: n - join.entered, pushMissed: pushes.reduce((a, p) => a + p.missed, 0), progressUndelivered: sentCount - lat.length, unacked: n - ok.length,
        disconnects: stats.reduce((a, s) => a + s.disconnects, 0),
        disconnectReasons: stats.reduce<Record<string, number>>((a, s) => {
          for (const [k, v] of Object.entries(s.reasons)) a[k] = (a[k] ?? 0) + v;
          return a;
        }, {}), connectErrors: stats.reduce((a, s) => a + s.connectErrors, 0),
        connectedAtEnd: stats.reduce((a, s) => a + s.connected, 0),
        progressDroppedBySender: stats.reduce((a, s) => a + s.senderDropped, 0),
        transportsAtEnd: stats.reduce<Record<string, number>>((a, s) => {
          for (const [k, v] of Object.entries(s.transports)) a[k] = (a[k] ?? 0) + v;
          return a;
        }, {}),
      },
      soak,
    };
  } finally {
    sampler.stop();
    await pool.close();
  }
}

function joinFigures(joined: Joined[], t0: number, n: number, bare: boolean) {
  const ok = joined.filter((j) => j.enteredAt > 0);
  const lastJoin = Math.max(...ok.map((j) => j.joinEnd), t0);
  const lastIn = Math.max(...ok.map((j) => j.enteredAt), t0);
  const errors: Record<string, number> = {};
  for (const j of joined) if (j.error) errors[j.error] = (errors[j.error] ?? 0) + 1;
  return {
    entered: ok.length,
    joinsPerSec: bare ? null : round(ok.length / ((lastJoin - t0) / 1000), 1),
    allInMs: ok.length === n ? round(lastIn - t0, 0) : null,
    lastInMs: round(lastIn - t0, 0),
    signIn: bare ? null : dist(ok.map((j) => j.joinEnd - j.joinStart)),
    enter: dist(ok.map((j) => j.enteredAt - j.joinEnd)),
    reconnects: joined.reduce((a, j) => a + j.reconnects, 0),
    errors,
  };
}

/** All control steps together: every student's latency of every step. */
function aggregate(pushes: PushFigure[]) {
  const cpu = pushes.map((p) => p.cpuMs);
  return {
    p50: Math.max(...pushes.map((p) => p.p50)), p95: Math.max(...pushes.map((p) => p.p95)), p99: Math.max(...pushes.map((p) => p.p99)), max: Math.max(...pushes.map((p) => p.max)),
    missed: pushes.reduce((a, p) => a + p.missed, 0), cpuMsPerPush: round(cpu.reduce((a, b) => a + b, 0) / cpu.length, 0),
    bytesPerStudent: round(pushes.reduce((a, p) => a + p.bytesPerStudent, 0) / pushes.length, 0),
  };
}

export type Figures = Awaited<ReturnType<typeof runLecture>>;
