// bench:live --duration-min: the memory soak after the lecture (run by bench/live-scenario.ts).
import type { Pool } from "./live-pool";
import { ack, log, PROGRESS_MS, type Target } from "./live-setup";
import { MB, round, type Sampler } from "./live-stats";
import { sleep } from "./live-servers";

/** The memory soak: the class keeps streaming, a push every minute, RSS sampled every 5 s. */
export async function runSoak(t: Target, pool: Pool, sampler: Sampler, minutes: number) {
  log(`ours: soak for ${minutes} min`);
  const samples: { min: number; mb: number }[] = [];
  const t0 = Date.now();
  pool.all({ cmd: "stream", count: Math.ceil((minutes * 60_000) / PROGRESS_MS) + 10, intervalMs: PROGRESS_MS, exerciseId: null });
  let nextPush = t0 + 60_000;
  let flip = false;
  while (Date.now() - t0 < minutes * 60_000) {
    await sleep(5000);
    samples.push({ min: round((Date.now() - t0) / 60_000, 2), mb: MB(sampler.sample().rss) });
    if (Date.now() >= nextPush) {
      nextPush += 60_000;
      flip = !flip;
      await ack(t.board, "control:push", { sessionId: t.sessionId, exerciseId: flip ? t.ex.XOR : t.ex.GATE }, 60_000).catch(() => null);
    }
  }
  pool.all({ cmd: "stream-stop" });
  await pool.collect("stream-done", 2000).catch(() => null);
  const half = samples.filter((s) => s.min >= minutes / 2);
  return { minutes, samples, firstMB: samples[0]?.mb, lastMB: samples.at(-1)?.mb, secondHalfSlopeMBPerMin: slope(half) };
}

function slope(pts: { min: number; mb: number }[]): number | null {
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, p) => a + p.min, 0) / pts.length;
  const my = pts.reduce((a, p) => a + p.mb, 0) / pts.length;
  const num = pts.reduce((a, p) => a + (p.min - mx) * (p.mb - my), 0);
  const den = pts.reduce((a, p) => a + (p.min - mx) ** 2, 0);
  return den ? round(num / den, 2) : null;
}

