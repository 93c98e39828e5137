// bench:live --net-burst: the whole class hands in a two-layer XOR run at once; the server
// acknowledges each on receipt and replays it (run by bench/live-scenario.ts after the lecture).
import os from "node:os";
import type { Pool } from "./live-pool";
import { ack, log, now, type Target } from "./live-setup";
import { dist, round, usage } from "./live-stats";
import { sleep } from "./live-servers";

/**
 * --net-burst: the instructor pushes XOR to the whole class and unlocks the hidden layer; every
 * student (its run computed beforehand in the load worker) sends one 2-8-1 sigmoid 3,000-epoch run
 * (xor:submit) at a random moment of the submit window; the server acknowledges it on receipt and
 * replays it. Measured: each submit's ack (first send to ack, retries included), its time to grade
 * (first send to xor:graded), and meanwhile the instructor's socket asks
 * class:watch once a second (its rate limit: 10 per 10 s; an unrelated event: is the server still answering while it replays?).
 */
export async function runNetBurst(t: Target, pool: Pool, pids: number[], o: { pushTimeoutMs: number; submitWindowMs: number; ackTimeoutMs: number }) {
  const id = 1000;
  pool.all({ cmd: "expect", expect: { id, since: now(), targets: null, exerciseId: t.ex.XOR, othersExerciseId: null } });
  await pool.collect("expect-ready", 10_000, (m) => m.id === id);
  const pushed = await ack(t.board, "control:push", { sessionId: t.sessionId, exerciseId: t.ex.XOR }, o.pushTimeoutMs);
  if (!pushed.ok) throw new Error(`push XOR refused: ${pushed.error}`);
  const seen = await pool.collect("expect-done", o.pushTimeoutMs, (m) => m.id === id);
  const unlocked = await ack(t.board, "control:unlock", { sessionId: t.sessionId }, o.pushTimeoutMs);
  if (!unlocked.ok) throw new Error(`unlock refused: ${unlocked.error}`);
  const prep0 = now();
  pool.all({ cmd: "net-prepare" });
  const ready = await pool.collect("net-ready", 30 * 60_000);
  log(`${t.kind}: net burst: ${ready.reduce((a, r) => a + (r?.runs ?? 0), 0)} runs computed by the load workers in ${round(now() - prep0, 0)} ms`);
  await sleep(1000);
  const load = os.loadavg()[0];
  const cpu0 = usage(pids).cpuS;
  const probes: number[] = [];
  let probing = true;
  const probe = async () => {
    while (probing) {
      const p0 = now();
      await ack(t.board, "class:watch", { classId: t.classId }, 60_000).catch(() => null);
      probes.push(now() - p0);
      await sleep(1000);
    }
  };
  const probed = probe();
  const t0 = now();
  pool.all({ cmd: "net-submit", windowMs: o.submitWindowMs, exerciseId: t.ex.XOR, giveUpMs: o.ackTimeoutMs });
  const subs = (await pool.collect("net-done", o.submitWindowMs + o.ackTimeoutMs + 30_000)).flatMap((m) => m?.results ?? []);
  const wallMs = now() - t0;
  probing = false;
  await probed;
  const cpuS = usage(pids).cpuS - cpu0;
  // acked: any answer (received, graded, or refused at the edge); graded: the run's grade arrived
  const acked = subs.filter((s) => s.ackAt > 0);
  const ok = subs.filter((s) => s.ok && s.gradedAt);
  const errors: Record<string, number> = {};
  for (const s of subs) if (!s.ok) errors[s.error ?? "?"] = (errors[s.error ?? "?"] ?? 0) + 1;
  const f = {
    run: "2-8-1 sigmoid, 3,000 epochs, lr 2", studentsSawXor: seen.reduce((a, d) => a + (d?.latencies.length ?? 0), 0),
    submitted: subs.length, acked: acked.length, graded: ok.length, solved: ok.filter((s) => s.correct).length, retried: subs.filter((s) => s.tries > 1).length, errors,
    ...dist(acked.map((s) => s.ackAt - s.sentAt)),
    /** From the first send to the grade. */
    toGrade: dist(ok.map((s) => s.gradedAt! - s.sentAt)),
    lastAckMs: round(Math.max(0, ...acked.map((s) => s.ackAt - t0)), 0), lastGradeMs: round(Math.max(0, ...ok.map((s) => s.gradedAt! - t0)), 0), wallMs: round(wallMs, 0),
    serverCpuS: round(cpuS, 1), serverCpuMsPerRun: round((cpuS * 1000) / Math.max(1, subs.length), 2),
    probe: dist(probes), load1AtStart: round(load, 2), load1AtEnd: round(os.loadavg()[0], 2),
  };
  log(`${t.kind}: net burst: acked ${acked.length}/${subs.length}, ack p50 ${f.p50} p99 ${f.p99} max ${f.max} ms; graded ${ok.length}, to grade p50 ${f.toGrade.p50} p99 ${f.toGrade.p99} ms; server CPU ${f.serverCpuS} s, class:watch probe p99 ${f.probe.p99} ms`);
  return f;
}

