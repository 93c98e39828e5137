/**
 * bench:live: a lecture hall in one live session, measured from the outside. For each N and
 * storage mode it starts the real server (production build, a fresh database), signs an instructor
 * up, creates a class and starts a session; N students (spread over several worker processes) join
 * over HTTP as the join form does and enter; the instructor pushes, pauses and resumes; students
 * stream progress 5/s for 20 s and each submits a valid run within 10 s. The same N clients then
 * (before, in fact) run against a bare socket.io server with the same events, and our figures are
 * printed as ratios to it. Ends with one line of JSON. See docs/performance.md.
 *
 * npm run bench:live -- --students 100,500 [--database-url postgresql://postgres@127.0.0.1:5432/postgres]
 *   [--modes embedded,postgres] [--nodes 2 --redis-url redis://127.0.0.1:6379] [--duration-min 20]
 *   [--workers 6] [--concurrency 64] [--transport websocket] [--no-bare] [--port-base 4200]
 *   [--settle-s 45] [--cpu-prof-dir DIR: a CPU profile of our server, written when it stops]
 *   [--server-node-options="--max-old-space-size=512": NODE_OPTIONS for our server only, to compare V8 flags]
 *   [--net-burst: after the submissions, XOR to all, the hidden layer unlocked, and every student's
 *    2-8-1 sigmoid 3,000-epoch run (xor:submit) within the submit window, each replayed by the server]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { BENCH_SECRET, ensureBuild, freshDatabase, freshDir, killAll, startBare, startProxy, startReal, type Proc } from "./live-servers";
import { log, setupBare, setupOurs } from "./live-setup";
import { runLecture, type Options } from "./live-scenario";
import { printRun, ratios, type Run } from "./live-report";
import { connectTransports } from "../lib/live/transports";

const { values: a } = parseArgs({
  options: {
    students: { type: "string", default: "100,500,1000,2000" },
    "database-url": { type: "string" },
    modes: { type: "string" },
    nodes: { type: "string", default: "1" },
    "redis-url": { type: "string", default: "redis://127.0.0.1:6379" },
    "duration-min": { type: "string", default: "0" },
    workers: { type: "string", default: "6" },
    concurrency: { type: "string", default: "64" },
    transport: { type: "string" },
    "no-bare": { type: "boolean", default: false },
    "port-base": { type: "string", default: "4200" },
    "stream-s": { type: "string", default: "20" },
    "settle-s": { type: "string", default: "45" },
    "cpu-prof-dir": { type: "string" },
    "server-node-options": { type: "string" },
    "submit-window-s": { type: "string", default: "10" },
    "push-timeout-s": { type: "string", default: "60" },
    "ack-timeout-s": { type: "string", default: "120" },
    "net-burst": { type: "boolean", default: false },
  },
});

const counts = a.students.split(",").map(Number).filter((x) => x > 0);
const nodes = Number(a.nodes);
const adminUrl = a["database-url"];
const modes = (a.modes ?? (nodes > 1 ? "postgres" : adminUrl ? "embedded,postgres" : "embedded")).split(",") as Run["mode"][];
if (modes.includes("postgres") && !adminUrl) throw new Error("--modes postgres needs --database-url postgresql://...");
if (nodes > 1 && modes.includes("embedded")) throw new Error("--nodes 2 needs PostgreSQL (and Redis): --database-url ... --modes postgres");
const portBase = Number(a["port-base"]);
const soakMinutes = Number(a["duration-min"]);
// Default: as the browser (lib/live/transports.ts); behind HAProxy (several nodes) WebSocket only.
const transports = a.transport ? a.transport.split(",") : nodes > 1 ? ["websocket"] : connectTransports().transports;
const opts = (n: number): Options => ({
  workers: Math.max(1, Math.min(Number(a.workers), Math.ceil(n / 300))),
  concurrency: Number(a.concurrency),
  transports,
  pushTimeoutMs: Number(a["push-timeout-s"]) * 1000,
  ackTimeoutMs: Number(a["ack-timeout-s"]) * 1000,
  streamSeconds: Number(a["stream-s"]),
  submitWindowMs: Number(a["submit-window-s"]) * 1000,
  soakMinutes,
  settleSeconds: Number(a["settle-s"]),
  netBurst: a["net-burst"],
});

// Bounded: every run has its own timeouts; this is the last resort, and kills everything it started.
const budgetMs = (counts.length * modes.length * 25 + soakMinutes * counts.length * modes.length + 5) * 60_000;
const watchdog = setTimeout(() => void bail("took longer than its budget"), budgetMs);
async function bail(why: string) {
  log(`stopping: ${why}`);
  await killAll();
  process.exit(1);
}
process.on("SIGINT", () => void bail("SIGINT"));
process.on("SIGTERM", () => void bail("SIGTERM"));

async function bareRun(n: number) {
  const bare = await startBare(portBase + 10);
  try {
    const t = await setupBare(bare.url, transports);
    const f = await runLecture(t, n, [bare.pid], { ...opts(n), soakMinutes: 0 });
    t.board.close();
    return f;
  } finally {
    await bare.stop();
  }
}

async function oursRun(mode: Run["mode"], n: number) {
  const db = mode === "postgres" ? await freshDatabase(adminUrl!) : null;
  const started: Proc[] = [];
  try {
    for (let k = 0; k < nodes; k++) {
      const env: Record<string, string> = { DATA_DIR: freshDir(), AUTH_SECRET: BENCH_SECRET };
      if (db) Object.assign(env, { DATABASE_URL: db.url, SEED_DEMO: "0" });
      if (nodes > 1) env.REDIS_URL = a["redis-url"];
      if (a["server-node-options"]) env.NODE_OPTIONS = a["server-node-options"];
      log(`starting server node ${k + 1}/${nodes} (${mode})`);
      started.push(await startReal(portBase + 1 + k, env, a["cpu-prof-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${a["cpu-prof-dir"]}`] : []));
    }
    const proxy = nodes > 1 ? await startProxy(portBase, started.map((_, k) => portBase + 1 + k)) : null;
    if (proxy) started.push(proxy);
    const url = proxy?.url ?? started[0].url;
    const t = await setupOurs(url, `${mode}-${n}-${Date.now()}`, transports);
    const f = await runLecture(t, n, started.slice(0, nodes).map((p) => p.pid), opts(n));
    t.board.close();
    const lines = started.slice(0, nodes).flatMap((p) => p.log().split("\n")).filter((l) => /error|failed|deadlock|timed out/i.test(l));
    return { ...f, serverErrors: { count: lines.length, first: [...new Set(lines.map((l) => l.slice(0, 160)))].slice(0, 3) } };
  } finally {
    for (const p of started.reverse()) await p.stop();
    await db?.drop();
  }
}

async function main() {
  const loadStart = os.loadavg();
  log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${loadStart.map((x) => x.toFixed(2)).join(" ")}`);
  ensureBuild();
  const runs: Run[] = [];
  for (const mode of modes)
    for (const n of counts) {
      const r: Run = { mode, nodes, students: n };
      try {
        if (!a["no-bare"]) r.bare = await bareRun(n);
        r.ours = await oursRun(mode, n);
        if (r.bare) r.ratios = ratios(r.ours, r.bare);
      } catch (e) {
        r.error = e instanceof Error ? e.message.slice(0, 500) : String(e);
        log(`run failed: ${r.error}`);
      }
      printRun(r);
      runs.push(r);
      log(`run JSON (the last line of stdout has every run): ${JSON.stringify(r)}`);
    }
  clearTimeout(watchdog);
  await killAll();
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadStart, loadEnd: os.loadavg() };
  const options = { counts, modes, nodes, ...opts(Math.max(...counts)) };
  process.stdout.write(`${JSON.stringify({ bench: "live", at: new Date().toISOString(), machine, options, runs })}\n`);
  process.exit(runs.some((r) => r.error) ? 1 : 0);
}

main().catch((e) => bail(e instanceof Error ? e.stack ?? e.message : String(e)));
