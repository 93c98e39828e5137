// bench:live: small statistics and a sampler of the server's CPU and RSS over a run.
import fs from "node:fs";
import { procTree } from "./live-servers";

export interface Dist { n: number; p50: number; p95: number; p99: number; max: number }

export function dist(values: number[]): Dist {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => (v.length ? v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] : NaN);
  return { n: v.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(v.length ? v[v.length - 1] : NaN) };
}

export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null) as number;
export const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b != null && b > 0 && Number.isFinite(a) ? round(a / b, 2) : null);

/**
 * CPU seconds, RSS and PSS of several processes (the nodes of a run) summed. PSS only when asked
 * (the sampler): reading it walks each process's page tables, which the CPU laps around a push do not need.
 */
export function usage(pids: number[], withPss = false): { cpuS: number; rss: number; pss: number } {
  let cpuS = 0;
  let rss = 0;
  let pss = 0;
  for (const p of pids) {
    const u = procTree(p, withPss);
    cpuS += u.cpuS;
    rss += u.rss;
    pss += u.pss;
  }
  return { cpuS, rss, pss };
}

/** Samples CPU (% of one core) and RSS every 250 ms; keeps the peaks and, on demand, a series. */
export class Sampler {
  peakCpuPct = 0;
  peakRss = 0;
  peakPss = 0;
  series: { t: number; rss: number }[] = [];
  private last = { t: Date.now(), cpuS: 0 };
  private timer: NodeJS.Timeout;
  constructor(private pids: number[]) {
    this.last.cpuS = usage(pids).cpuS;
    this.timer = setInterval(() => this.sample(), 250);
  }
  sample() {
    const u = usage(this.pids, true);
    const t = Date.now();
    const pct = ((u.cpuS - this.last.cpuS) / ((t - this.last.t) / 1000)) * 100;
    // Over a window shorter than the clock tick the figure is noise; 1 s windows are read below.
    if (t - this.last.t >= 1000) {
      this.peakCpuPct = Math.max(this.peakCpuPct, pct);
      this.last = { t, cpuS: u.cpuS };
    }
    this.peakRss = Math.max(this.peakRss, u.rss);
    if (u.pss > this.peakPss) this.peakPss = u.pss;
    return u;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/**
 * Bytes carried by the loopback interface so far (each byte once: what was received on `lo` was
 * sent on it). The server, the students and the board all talk over loopback, so a phase's delta
 * is the class's traffic in both directions, TCP/IP and WebSocket framing included; with
 * PostgreSQL or Redis on this machine their traffic with the server is in it too. NaN where there
 * is no /proc/net/dev.
 */
export function loopbackBytes(): number {
  try {
    const line = fs.readFileSync("/proc/net/dev", "utf8").split("\n").find((l) => l.trim().startsWith("lo:"));
    return line ? Number(line.trim().slice(3).trim().split(/\s+/)[0]) : NaN;
  } catch {
    return NaN;
  }
}

export const MB = (bytes: number) => round(bytes / 1024 / 1024, 1);
export const KB = (bytes: number) => round(bytes / 1024, 1);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS and PSS as the mean of 5 samples over 1 s (a single sample catches the heap mid-collection). */
export async function steadyRss(sampler: Sampler): Promise<{ rss: number; pss: number }> {
  let rss = 0;
  let pss = 0;
  for (let k = 0; k < 5; k++) {
    const u = sampler.sample();
    rss += u.rss;
    pss += u.pss;
    await sleep(250);
  }
  return { rss: rss / 5, pss: pss / 5 };
}

/**
 * RSS once the garbage of a burst is gone: the least of one sample a second over `seconds` of quiet.
 * V8 keeps the garbage of a burst (2,000 joins) in its heap and returns it to the system only at
 * its idle-time collections, some 10-45 s after the burst; until then RSS counts what no student
 * holds.
 */
export async function settledRss(sampler: Sampler, seconds: number): Promise<number> {
  let least = Infinity;
  for (let k = 0; k < seconds; k++) {
    least = Math.min(least, sampler.sample().rss);
    await sleep(1000);
  }
  return least;
}
