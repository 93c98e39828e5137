// bench:live: the printed table per run (ours beside bare socket.io, and the ratios).
import type { Figures } from "./live-scenario";
import { ratio } from "./live-stats";

export interface Run {
  mode: "embedded" | "postgres";
  nodes: number;
  students: number;
  ours?: Figures & { serverErrors: { count: number; first: string[] } };
  bare?: Figures;
  ratios?: Record<string, number | null>;
  error?: string;
}

export function ratios(ours: Figures, bare: Figures): Record<string, number | null> {
  return {
    pushP99: ratio(ours.push.p99, bare.push.p99),
    pushCpu: ratio(ours.push.cpuMsPerPush, bare.push.cpuMsPerPush),
    progressP99: ratio(ours.progress.p99, bare.progress.p99),
    progressShare: ratio(ours.progress.share, bare.progress.share),
    submitP99: ratio(ours.submit.p99, bare.submit.p99),
    netSubmitP99: ours.netBurst && bare.netBurst ? ratio(ours.netBurst.p99, bare.netBurst.p99) : null,
    netCpuPerRun: ours.netBurst && bare.netBurst ? ratio(ours.netBurst.serverCpuMsPerRun, bare.netBurst.serverCpuMsPerRun) : null,
    allIn: ratio(ours.join.lastInMs, bare.join.lastInMs),
    cpuPerJoin: ratio(ours.cpuCost.msPerJoin, bare.cpuCost.msPerJoin),
    cpuPerProgress: ratio(ours.cpuCost.usPerProgress, bare.cpuCost.usPerProgress),
    cpuPerSubmit: ratio(ours.cpuCost.msPerSubmit, bare.cpuCost.msPerSubmit),
    rssPerStudent: ratio(ours.server.perStudentKB, bare.server.perStudentKB),
    settledPerStudent: ratio(ours.server.settled.perStudentKB, bare.server.settled.perStudentKB),
    idleRss: ratio(ours.server.baseMB, bare.server.baseMB),
    peakRss: ratio(ours.server.peakMB, bare.server.peakMB),
    peakPss: ratio(ours.server.pss.peakMB, bare.server.pss.peakMB),
  };
}

const cell = (v: unknown) => (v === null || v === undefined ? "-" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function printRun(r: Run): void {
  const out = (s: string) => process.stdout.write(s + "\n");
  out(`\n== ${r.students} students, ${r.mode}${r.nodes > 1 ? `, ${r.nodes} nodes behind HAProxy (deploy/haproxy.cfg)` : ""} ==`);
  if (r.error) out(`  failed: ${r.error}`);
  const o = r.ours;
  const b = r.bare;
  const q = r.ratios ?? {};
  const rows: [string, (f: Figures) => unknown, string?][] = [
    ["joins / s (sign-in over HTTP)", (f) => f.join.joinsPerSec],
    ["everyone in (ms; entered/N)", (f) => `${f.join.lastInMs} (${f.join.entered})`, "allIn"],
    ["sign-in p50 / p99 (ms)", (f) => (f.join.signIn ? `${f.join.signIn.p50} / ${f.join.signIn.p99}` : null)],
    ["enter p50 / p99 (ms)", (f) => `${f.join.enter.p50} / ${f.join.enter.p99}`],
    ["push p50 / p95 / p99 / max (ms)", (f) => `${f.push.p50} / ${f.push.p95} / ${f.push.p99} / ${f.push.max}`, "pushP99"],
    ["push: students missed (all steps)", (f) => f.push.missed],
    ["server CPU per push (ms)", (f) => f.push.cpuMsPerPush, "pushCpu"],
    ["progress -> board p50 / p99 (ms)", (f) => `${f.progress.p50} / ${f.progress.p99}`, "progressP99"],
    ["progress delivered (share; possible)", (f) => `${f.progress.delivered}/${f.progress.sent} (${f.progress.share}; ${f.progress.possible})`, "progressShare"],
    ["submit ack p50 / p99 / max (ms)", (f) => `${f.submit.p50} / ${f.submit.p99} / ${f.submit.max}`, "submitP99"],
    ["acked / on board live / snapshot / stored", (f) => `${f.submit.acked} / ${f.submit.shownLive} / ${"withResult" in f.submit.board ? f.submit.board.withResult : f.submit.board.error} / ${"rows" in f.submit.stored ? `${f.submit.stored.rows} rows, ${f.submit.stored.students} students` : "-"}`],
    ["server CPU per join (ms; bare: connect+enter)", (f) => f.cpuCost.msPerJoin, "cpuPerJoin"],
    ["server CPU per progress message (us)", (f) => f.cpuCost.usPerProgress, "cpuPerProgress"],
    ["server CPU per submission (ms)", (f) => f.cpuCost.msPerSubmit, "cpuPerSubmit"],
    ["server CPU s: join / controls / stream / submit", (f) => `${f.cpuCost.phaseS.join} / ${f.cpuCost.phaseS.controls} / ${f.cpuCost.phaseS.stream} / ${f.cpuCost.phaseS.submit}`],
    ["traffic (loopback): KB per join / B per student per push", (f) => `${f.bandwidth.kbPerJoin} / ${f.push.bytesPerStudent}`],
    ["traffic: B per progress message / KB per submission", (f) => `${f.bandwidth.bytesPerProgress} / ${f.bandwidth.kbPerSubmit}`],
    ["peak CPU % (one core = 100) / CPU s", (f) => `${f.server.peakCpuPct} / ${f.server.cpuS}`],
    ["RSS idle (before anyone joins, MB)", (f) => f.server.baseMB, "idleRss"],
    ["RSS base / in / peak (MB)", (f) => `${f.server.baseMB} / ${f.server.inMB} / ${f.server.peakMB}`, "peakRss"],
    ["PSS base / in / peak (MB; shared pages once)", (f) => `${f.server.pss.baseMB} / ${f.server.pss.inMB} / ${f.server.pss.peakMB}`, "peakPss"],
    ["RSS per connected student (KB)", (f) => f.server.perStudentKB, "rssPerStudent"],
    ["settled RSS base / in (MB), per student (KB)", (f) => `${f.server.settled.baseMB} / ${f.server.settled.inMB}, ${f.server.settled.perStudentKB}`, "settledPerStudent"],
    ["load generator CPU s in the join phase", (f) => f.join.loadGeneratorCpuS],
    ["staff: full rosters / their entries / deltas", (f) => `${f.board.rosters} / ${f.board.rosterEntries} / ${f.board.rosterDeltas}`],
    ["net burst: acked / graded / solved / retried of submitted", (f) => (f.netBurst ? `${f.netBurst.acked} / ${f.netBurst.graded} / ${f.netBurst.solved} / ${f.netBurst.retried} of ${f.netBurst.submitted}` : null)],
    ["net burst: ack p50 / p95 / p99 / max (ms)", (f) => (f.netBurst ? `${f.netBurst.p50} / ${f.netBurst.p95} / ${f.netBurst.p99} / ${f.netBurst.max}` : null), "netSubmitP99"],
    ["net burst: to grade p50 / p99 / max (ms)", (f) => (f.netBurst ? `${f.netBurst.toGrade.p50} / ${f.netBurst.toGrade.p99} / ${f.netBurst.toGrade.max}` : null)],
    ["net burst: server CPU s, ms per run", (f) => (f.netBurst ? `${f.netBurst.serverCpuS}, ${f.netBurst.serverCpuMsPerRun}` : null), "netCpuPerRun"],
    ["net burst: class:watch probe p50 / max (ms)", (f) => (f.netBurst ? `${f.netBurst.probe.p50} / ${f.netBurst.probe.max}` : null)],
    ["net burst: load average (1 min) at start / end", (f) => (f.netBurst ? `${f.netBurst.load1AtStart} / ${f.netBurst.load1AtEnd}` : null)],
    ["lost", (f) => f.lost],
  ];
  out(`  ${"".padEnd(42)} ${"ours".padEnd(34)} ${"bare socket.io".padEnd(26)} ours/bare`);
  for (const [label, get, key] of rows) {
    out(`  ${label.padEnd(42)} ${cell(o ? get(o) : null).padEnd(34)} ${cell(b ? get(b) : null).padEnd(26)} ${key ? cell(q[key]) : ""}`);
  }
  if (o) {
    for (const p of o.pushes) out(`    ours ${p.label.padEnd(18)} p50 ${p.p50}  p99 ${p.p99}  max ${p.max}  missed ${p.missed}  ack ${p.ackMs} ms  CPU ${p.cpuMs} ms`);
    if (o.netBurst && Object.keys(o.netBurst.errors).length) out(`    ours net burst refused: ${JSON.stringify(o.netBurst.errors)}`);
    if (o.submit.retried || Object.keys(o.submit.errors).length) out(`    ours submissions: retried ${o.submit.retried}, refused ${JSON.stringify(o.submit.errors)}`);
    if (o.serverErrors.count) out(`    ours server log: ${o.serverErrors.count} error lines, e.g. ${o.serverErrors.first.join(" | ")}`);
    if (o.soak) out(`    ours soak ${o.soak.minutes} min: RSS ${o.soak.firstMB} -> ${o.soak.lastMB} MB, second half ${o.soak.secondHalfSlopeMBPerMin} MB/min`);
  }
}
