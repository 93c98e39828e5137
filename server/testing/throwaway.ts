// Test support: a PostgreSQL and a Redis of the test's own, started and stopped by the test (to
// play outages without touching any shared server). Needs the PostgreSQL server binaries (Debian:
// /usr/lib/postgresql/<v>/bin) and redis-server; missing() says which is absent so the test skips.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  if (!fs.existsSync(root)) return null;
  for (const v of fs.readdirSync(root).sort().reverse()) if (fs.existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  return null;
}

function onPath(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
}

/** Why the outage tests cannot run here, or null when they can. */
export function missing(): string | null {
  if (!pgBin()) return "PostgreSQL server binaries (initdb, pg_ctl; Debian: apt-get install postgresql, or set PG_BIN)";
  if (!onPath("redis-server")) return "redis-server (Debian: apt-get install redis-server)";
  return null;
}

/** A port: TEST_PORT_BASE + offset when set (to stay in a given range), else any free one. */
export async function port(offset: number): Promise<number> {
  const base = Number(process.env.TEST_PORT_BASE);
  if (Number.isInteger(base) && base > 0) return base + offset;
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
/** PostgreSQL refuses to run as root: run its tools as the postgres user then. */
function pgRun(bin: string, args: string[]) {
  const cmd = path.join(pgBin()!, bin);
  const r = asRoot ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" }) : spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
}

export interface Throwaway {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function throwawayPostgres(prefix: string, offset = 50): Promise<Throwaway> {
  const p = await port(offset);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-pg-`));
  if (asRoot) spawnSync("chown", ["postgres", dir]);
  pgRun("initdb", ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const opts = `-p ${p} -k ${os.tmpdir()} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const t: Throwaway = {
    url: `postgresql://postgres@127.0.0.1:${p}/postgres`,
    start: async () => {
      pgRun("pg_ctl", ["-D", dir, "-o", opts, "-w", "-l", path.join(dir, "server.log"), "start"]);
      running = true;
    },
    stop: async () => {
      pgRun("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
      running = false;
    },
    dispose: async () => {
      if (running) await t.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await t.start();
  return t;
}

export async function throwawayRedis(offset = 60): Promise<Throwaway> {
  const p = await port(offset);
  let child: ChildProcess | null = null;
  const t: Throwaway = {
    url: `redis://127.0.0.1:${p}`,
    start: async () => {
      const proc = spawn("redis-server", ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
      child = proc;
      await new Promise<void>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
        proc.stdout!.on("data", (b: Buffer) => {
          out += b.toString();
          if (/Ready to accept connections/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited with ${code}:\n${out}`));
        });
      });
    },
    stop: async () => {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.kill("SIGKILL"); // an outage, not a shutdown
      });
    },
    dispose: async () => t.stop(),
  };
  await t.start();
  return t;
}
