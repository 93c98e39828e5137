/**
 * The comeback after a crash: a real production server on the embedded database (the default), a
 * class of students connected over socket.io and entered in a live session, then `kill -9` and an
 * immediate restart (what a supervisor such as systemd does). Measured each round:
 * - kill -9 -> serving: until GET /api/health answers 200 (a page the database must answer);
 * - process start -> serving: the same, from the new process's spawn;
 * - kill -9 -> students back: until every student has reconnected (lib/live/reconnect.ts, the browser's
 *   backoff) and its session:enter is acknowledged again.
 * Also: what `prisma migrate deploy` costs when nothing is pending (the step now skipped).
 * Run: npm run bench:restart [-- --students 100 --rounds 3]. Needs a current build
 * (scripts/ensure-build.ts). BENCH_PORT (default 4630) is the server's port. Ends with one line of JSON.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { Client } from "../server/testing/http-client";
import { serverPid } from "../server/testing/server";
import { reconnectDelay } from "../lib/live/reconnect";
import { buildIsCurrent } from "../server/build";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const STUDENTS = arg("students", 100);
const ROUNDS = arg("rounds", 3);
const PORT = Number(process.env.BENCH_PORT ?? 4630);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-bench-restart-"));
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, NEXTAUTH_URL: "", NEXT_TELEMETRY_DISABLED: "1" };

let server: ChildProcess | null = null;
let log = "";

function spawnServer(): Promise<{ demo?: { email: string; password: string } }> {
  return new Promise((resolve, reject) => {
    let out = "";
    const proc = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
    server = proc;
    const onData = (b: Buffer) => {
      out += b.toString();
      log += b.toString();
      const creds = /demo instructor: (\S+) \/ password: (\S+)/.exec(out);
      if (/ready on http/.test(out)) resolve({ demo: creds ? { email: creds[1], password: creds[2] } : undefined });
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code, signal) => {
      if (signal !== "SIGKILL" && signal !== "SIGTERM") reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

/** CPU time (user + system, s) a process has used: on an idle machine, about its wall time on one core. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function untilServing(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A student's socket that reconnects like the browser (lib/live/reconnect.ts) and enters on every connect. */
class Student {
  socket: Socket;
  entered = false;
  enters = 0;
  attempt = 0;
  waiters: { after: number; resolve: () => void }[] = [];
  constructor(cookie: string, sessionId: string) {
    this.socket = io(BASE, { extraHeaders: { cookie }, reconnection: false, forceNew: true, transports: ["websocket"] });
    const retry = () => setTimeout(() => this.socket.connect(), reconnectDelay(this.attempt++, Math.random()));
    this.socket.on("connect", () => {
      this.attempt = 0;
      this.socket.emit("session:enter", { sessionId }, (res: { ok: boolean }) => {
        if (!res.ok) return void setTimeout(() => this.socket.disconnect().connect(), 1000);
        this.entered = true;
        this.enters++;
        for (const w of this.waiters.filter((x) => this.enters > x.after)) w.resolve();
        this.waiters = this.waiters.filter((x) => this.enters <= x.after);
      });
    });
    this.socket.on("disconnect", (reason) => {
      this.entered = false;
      if (reason !== "io client disconnect") retry();
    });
    this.socket.on("connect_error", retry);
  }
  /** Resolves once the student has entered more than `after` times in all. */
  entersAfter(after: number): Promise<void> {
    return this.enters > after ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ after, resolve }));
  }
}

async function main() {
  if (!buildIsCurrent()) throw new Error("the build is not current: run node node_modules/tsx/dist/cli.mjs scripts/ensure-build.ts first");
  console.log(`bench:restart — ${STUDENTS} students, ${ROUNDS} rounds of kill -9, embedded database, port ${PORT}`);
  const firstStart = performance.now();
  const { demo } = await spawnServer();
  console.log(`first start (fresh database: migrations applied): ${Math.round(performance.now() - firstStart)} ms`);

  const t = new Client(BASE);
  if (await t.signIn("instructor", demo!)) throw new Error("demo sign-in failed");
  const cls = (await t.json<{ id: string; joinCode: string }>("/api/classes", { name: "Restart bench" })).body;
  const lessons = (await t.json<{ lessons: { id: string }[] }>("/api/lessons")).body.lessons;
  const sessionId = (await t.json<{ id: string }>(`/api/classes/${cls.id}/sessions`, { lessonId: lessons[0].id })).body.id;
  const cookies: string[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const c = new Client(BASE);
    if (await c.join(cls.joinCode, `s${i}`)) throw new Error("student join failed");
    cookies.push(c.cookieHeader());
  }
  const students = cookies.map((c) => new Student(c, sessionId));
  await Promise.all(students.map((s) => s.entersAfter(0)));
  console.log(`${STUDENTS} students entered the session`);

  const rounds: { serving: number; startToServing: number; ready: number; back: number; lastBack: number; cpu: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await new Promise((res) => setTimeout(res, 1500));
    const before = students.map((s) => s.enters);
    const killed = performance.now();
    server!.kill("SIGKILL");
    await new Promise((res) => server!.once("exit", res));
    const spawned = performance.now();
    const ready = spawnServer().then(() => performance.now() - killed);
    await untilServing();
    const serving = performance.now();
    const cpu = cpuSeconds(serverPid(server!.pid) ?? server!.pid!); // the serving process (scripts/malloc-launch.mjs runs it as a child)
    const backAt: number[] = [];
    // A student is back once it has entered the session again after the kill.
    await Promise.all(students.map((s, i) => s.entersAfter(before[i]).then(() => void backAt.push(performance.now()))));
    const row = {
      serving: Math.round(serving - killed),
      startToServing: Math.round(serving - spawned),
      ready: Math.round(await ready),
      back: Math.round(Math.max(...backAt) - killed),
      lastBack: Math.round(Math.max(...backAt) - serving),
      cpu,
    };
    rounds.push(row);
    const phases = [...log.matchAll(/started in (\d+) ms \(([^)]*)\)(?:, ([\d.]+) s of CPU)?/g)].pop();
    if (phases) console.log(`  the server's own account: started in ${phases[1]} ms after its entry point (${phases[2]})${phases[3] ? `, ${phases[3]} s of CPU` : ""}`);
    console.log(`round ${r + 1}: kill -9 -> serving ${row.serving} ms (process start -> serving ${row.startToServing} ms, "ready" logged at ${row.ready} ms); all ${STUDENTS} students back ${row.back} ms after the kill (${row.lastBack} ms after serving); the new process had used ${row.cpu.toFixed(2)} s of CPU when serving`);
  }

  for (const s of students) s.socket.close();
  server!.kill("SIGTERM");
  await new Promise((res) => server!.once("exit", res));
  const m0 = performance.now();
  const timed = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, require.resolve("prisma/build/index.js"), "migrate", "deploy"], { env: { ...env, PGLITE_DIR: path.join(dataDir, "pglite") }, encoding: "utf8" });
  const migrateDeploy = Math.round(performance.now() - m0);
  const [u, sys] = (timed.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  const migrateCpu = u + sys;
  console.log(`for comparison: prisma migrate deploy with nothing pending (skipped at start now): ${migrateDeploy} ms, ${migrateCpu.toFixed(2)} s of CPU`);
  fs.rmSync(dataDir, { recursive: true, force: true });

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(JSON.stringify({
    bench: "restart",
    students: STUDENTS,
    rounds: ROUNDS,
    killToServingMs: rounds.map((x) => x.serving),
    startToServingMs: rounds.map((x) => x.startToServing),
    killToStudentsBackMs: rounds.map((x) => x.back),
    servingToStudentsBackMs: rounds.map((x) => x.lastBack),
    medianKillToServingMs: median(rounds.map((x) => x.serving)),
    medianServingToStudentsBackMs: median(rounds.map((x) => x.lastBack)),
    cpuToServingS: rounds.map((x) => x.cpu),
    migrateDeployNothingPendingMs: migrateDeploy,
    migrateDeployNothingPendingCpuS: migrateCpu,
    loadAverage: os.loadavg()[0],
  }));
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  console.error(log.slice(-3000));
  server?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
