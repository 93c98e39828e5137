// Test support: start the real server (`server/start.ts`, production build) as a child process on a
// free port with its own fresh database, and stop it. Used by the integration tests and Playwright.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface RunningServer {
  url: string;
  port: number;
  demo?: { email: string; password: string };
  log: () => string;
  /** The server process's id (to sample its memory). */
  pid: () => number | undefined;
  stop: () => Promise<void>;
  /** kill -9: no goodbye to anyone (sockets, Redis, the database). */
  kill: () => Promise<void>;
  /** Kill the process and start it again on the same data and port. */
  restart: () => Promise<void>;
}

export interface Backend {
  name: "pglite" | "postgres";
  env: Record<string, string>;
  dispose: () => Promise<void>;
}

/** A fresh embedded database in a temporary directory. */
export async function pgliteBackend(): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-test-"));
  return {
    name: "pglite",
    env: { DATA_DIR: dir },
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A new database, `<prefix>_<random>`, on the PostgreSQL server of adminUrl: its URL, and a drop
 * that may be called more than once (the tests' backends and the bench's databases).
 */
export async function createDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}

/** A fresh database created on the PostgreSQL server of TEST_DATABASE_URL, dropped afterwards. */
export async function postgresBackend(adminUrl: string): Promise<Backend> {
  const db = await createDatabase(adminUrl, "neuronlab_test");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-test-"));
  return {
    name: "postgres",
    env: { DATABASE_URL: db.url, DATA_DIR: dir, SEED_DEMO: "1" },
    dispose: async () => {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_SECRET = "test-secret-test-secret-test-secret-0123456789";

export async function startServer(backend: Backend, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  let output = "";
  let child: ChildProcess | undefined;
  let port = 0;
  let demo: RunningServer["demo"];

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, ["scripts/start.mjs"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
          AUTH_SECRET: TEST_SECRET,
          NEXTAUTH_URL: "",
          ...backend.env,
          ...extraEnv,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      // Generous: on a loaded machine (a shared CI box) a start has taken more than two minutes.
      const timer = setTimeout(() => {
        proc.kill("SIGKILL"); // not left running after the test gave up on it
        reject(new Error(`server did not start in time:\n${output}`));
      }, 240_000);
      const onData = (buf: Buffer) => {
        output += buf.toString();
        const current = output.slice(output.lastIndexOf("--- restart ---") + 1);
        const ready = /ready on http:\/\/localhost:(\d+)/.exec(current);
        const creds = /demo instructor: (\S+) \/ password: (\S+)/.exec(current);
        if (creds) demo = { email: creds[1], password: creds[2] };
        if (ready) {
          port = Number(ready[1]);
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      proc.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });

  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 10_000).unref();
    });
  };

  await launch();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get demo() {
      return demo;
    },
    log: () => output,
    pid: () => serverPid(child?.pid),
    stop,
    kill: async () => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.kill("SIGKILL");
      });
    },
    restart: async () => {
      await stop();
      output += "\n--- restart ---\n";
      await launch();
    },
  };
}

/**
 * The process that serves: on Linux scripts/start.mjs runs the server in a child node
 * (scripts/malloc-launch.mjs), so /proc of the spawned pid is the waiting parent's, not the server's.
 */
export function serverPid(pid: number | undefined): number | undefined {
  if (!pid) return pid;
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ").filter(Boolean).map(Number);
    return kids.find((k) => fs.readFileSync(`/proc/${k}/cmdline`, "utf8").includes("scripts/start.mjs")) ?? pid;
  } catch {
    return pid;
  }
}
