// bench:live: the processes it starts (the real server, production build, one or two nodes; the
// bare socket.io server; HAProxy in front of several nodes) and what it reads of them (/proc: CPU and RSS of the process
// tree). Everything started here is registered and killed on exit.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { haproxyMissing, startBalancer } from "../server/testing/balancer";
import { createDatabase } from "../server/testing/server";

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
export function track(p: ChildProcess): ChildProcess {
  children.add(p);
  p.once("exit", () => children.delete(p));
  return p;
}
export function onCleanup(f: () => Promise<void> | void) {
  cleanups.push(f);
}
export async function killAll(): Promise<void> {
  for (const p of children) p.kill("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (children.size && Date.now() < deadline) await sleep(100);
  for (const p of children) p.kill("SIGKILL");
  for (const f of cleanups.splice(0)) await Promise.resolve(f()).catch(() => {});
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TSX = ["--import", "tsx"];
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;
const PAGE = Number(spawnSync("getconf", ["PAGESIZE"]).stdout?.toString().trim()) || 4096;

/**
 * CPU seconds (user + system), RSS and PSS bytes of a process and all its descendants. PSS divides
 * each shared page among the processes that map it, so the tree's PSS counts node's binary once
 * where RSS counts it in the launcher and in the server (scripts/malloc-launch.mjs): it is what
 * the tree takes from the machine. `pss` is NaN where there is no smaps_rollup.
 */
export function procTree(pid: number, withPss = false): { cpuS: number; rss: number; pss: number } {
  let cpuS = 0;
  let rss = 0;
  let pss = withPss ? 0 : NaN;
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      cpuS += (Number(f[11]) + Number(f[12])) / CLK_TCK;
      rss += Number(f[21]) * PAGE;
      if (withPss) pss += pssOf(p);
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim();
        for (const k of kids ? kids.split(" ") : []) visit(Number(k));
      }
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return { cpuS, rss, pss };
}

function pssOf(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN; // no smaps_rollup (a kernel before 4.14), or the process is gone
  }
}

export function ensureBuild(): void {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/ensure-build.ts"], { stdio: ["ignore", 2, 2] });
  if (r.status !== 0) throw new Error("the production build failed");
}

export interface Proc { pid: number; url: string; log: () => string; stop: () => Promise<void> }

function waitReady(proc: ChildProcess, pattern: RegExp, what: string, timeoutMs: number, out: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${out.text.slice(-2000)}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out.text += b.toString();
      if (out.text.length > 2_000_000) out.text = out.text.slice(-1_000_000);
      if (pattern.test(out.text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${out.text.slice(-2000)}`));
    });
  });
}

function stopper(proc: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 10_000).unref();
    });
}

export const BENCH_SECRET = `bench-${randomBytes(16).toString("hex")}`;

/** The real server exactly as `npm start` runs it (scripts/start.mjs: the esbuild bundle on plain Node, no TypeScript loader); nodeArgs go to node (--cpu-prof). */
export async function startReal(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Proc> {
  const proc = track(
    spawn(process.execPath, [...nodeArgs, "scripts/start.mjs"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", AUTH_SECRET: BENCH_SECRET, NEXTAUTH_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const out = { text: "" };
  await waitReady(proc, /ready on http:\/\/localhost:\d+/, `server on ${port}`, 180_000, out);
  return { pid: proc.pid!, url: `http://127.0.0.1:${port}`, log: () => out.text, stop: stopper(proc) };
}

export async function startBare(port: number): Promise<Proc> {
  const proc = track(fork(path.join(__dirname, "bare-server.ts"), [String(port)], { execArgv: TSX, stdio: ["ignore", "pipe", "pipe", "ipc"] }));
  const out = { text: "" };
  await waitReady(proc, /\[bare\] ready/, "bare server", 60_000, out);
  return { pid: proc.pid!, url: `http://127.0.0.1:${port}`, log: () => out.text, stop: stopper(proc) };
}

/** HAProxy from the distribution, configured as docs/deploy.md says (deploy/haproxy.cfg), in front of the nodes. */
export async function startProxy(port: number, targets: number[]): Promise<Proc> {
  const missing = haproxyMissing();
  if (missing) throw new Error(`--nodes runs behind HAProxy: ${missing}`);
  const lb = await startBalancer(port, targets);
  onCleanup(() => lb.stop());
  return { pid: lb.pid, url: lb.url, log: lb.log, stop: lb.stop };
}

export function forkWorker(): ChildProcess {
  return track(fork(path.join(__dirname, "live-worker.ts"), [], { execArgv: TSX, stdio: ["ignore", "inherit", "inherit", "ipc"] }));
}

/** A fresh data directory under /tmp/bench-*, removed at exit. */
export function freshDir(): string {
  const dir = fs.mkdtempSync("/tmp/bench-");
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh database on the PostgreSQL server of adminUrl; dropped by the returned function (and at exit). */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = await createDatabase(adminUrl, "bench_live");
  onCleanup(db.drop);
  return db;
}
