/**
 * npm run bench:small: does a fresh clone install, build and serve on a server with 1 GB of memory?
 * The clone's `npm ci` and its first `npm start` run in a memory cgroup limited to `--mem-mb`
 * (default 1024, no swap), as on a 1 GB server. What decides is whether it serves and the kernel's
 * out-of-memory kills in the group (0). It also prints the processes' RSS summed (sampled every
 * 250 ms; pages shared between processes count in each, so the sum can pass the limit without a
 * kill), the build's time and the idle server's RSS, then one line of JSON. Needs root and a cgroup memory
 * controller (v1 or v2); says so and stops otherwise.
 *
 *   npm run bench:small -- [--mem-mb 1024] [--port 3295] [--keep]
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const memMb = Number(arg("mem-mb", "1024"));
const port = Number(arg("port", "3295"));
const keep = process.argv.includes("--keep");
const MB = 1024 * 1024;

/** A memory cgroup of `memMb`, v2 or v1; null when this machine does not let us make one. */
function makeGroup(): { procs: string; oomKills(): number; remove(): void } | null {
  const name = `neuronlab-small-${process.pid}`;
  const v2 = fs.existsSync("/sys/fs/cgroup/cgroup.controllers");
  const dir = v2 ? `/sys/fs/cgroup/${name}` : `/sys/fs/cgroup/memory/${name}`;
  try {
    fs.mkdirSync(dir);
    if (v2) {
      fs.writeFileSync(`${dir}/memory.max`, String(memMb * MB));
      fs.writeFileSync(`${dir}/memory.swap.max`, "0");
    } else {
      fs.writeFileSync(`${dir}/memory.limit_in_bytes`, String(memMb * MB));
      if (fs.existsSync(`${dir}/memory.memsw.limit_in_bytes`)) fs.writeFileSync(`${dir}/memory.memsw.limit_in_bytes`, String(memMb * MB));
    }
  } catch (e) {
    console.error(`[bench:small] cannot make a memory cgroup here (${(e as Error).message}): run as root on Linux with the memory controller`);
    return null;
  }
  const oomFile = v2 ? `${dir}/memory.events` : `${dir}/memory.oom_control`;
  return {
    procs: `${dir}/cgroup.procs`,
    oomKills: () => Number(/oom_kill (\d+)/.exec(fs.readFileSync(oomFile, "utf8"))?.[1] ?? 0),
    remove: () => {
      try {
        fs.rmdirSync(dir);
      } catch {
        /* processes still leaving: the kernel removes it with the last one */
      }
    },
  };
}

const rssOf = (pid: string) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
function groupRss(procs: string): number {
  let sum = 0;
  for (const pid of fs.readFileSync(procs, "utf8").split("\n").filter(Boolean)) {
    try {
      sum += rssOf(pid);
    } catch {
      /* gone */
    }
  }
  return sum;
}

/** Runs `cmd` inside the group; resolves with its exit code and the peak summed RSS, or when `until` says so. */
function runIn(group: { procs: string }, cwd: string, cmd: string, env: NodeJS.ProcessEnv, until?: () => Promise<boolean>) {
  return new Promise<{ code: number | null; peak: number; seconds: number; child: ReturnType<typeof spawn> }>((resolve) => {
    const started = Date.now();
    const child = spawn("bash", ["-c", `echo $$ > ${group.procs}; exec ${cmd}`], { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const log = fs.createWriteStream(path.join(cwd, "..", `${path.basename(cwd)}.log`), { flags: "a" });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    let peak = 0;
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      resolve({ code, peak, seconds: (Date.now() - started) / 1000, child });
    };
    const timer = setInterval(async () => {
      peak = Math.max(peak, groupRss(group.procs));
      if (until && (await until())) finish(null);
    }, 250);
    child.on("exit", (code) => finish(code));
  });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function main() {
  const group = makeGroup();
  if (!group) process.exit(2);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-small-"));
  const clone = path.join(root, "app");
  execFileSync("git", ["clone", "-q", process.cwd(), clone]);
  const env = { ...process.env, PORT: String(port), DATA_DIR: path.join(clone, "data"), NEURONLAB_SMALL_BUILD: undefined, NODE_OPTIONS: undefined };
  console.log(`[bench:small] ${clone}, memory limit ${memMb} MB, log in ${clone}.log`);

  const install = await runIn(group, clone, "npm ci --no-audit --no-fund", env);
  console.log(`npm ci: exit ${install.code}, ${install.seconds.toFixed(0)} s, peak summed RSS ${(install.peak / MB).toFixed(0)} MB, OOM kills ${group.oomKills()}`);
  let start = { code: 1 as number | null, peak: 0, seconds: 0, child: null as ReturnType<typeof spawn> | null };
  let idle = 0;
  let served = false;
  if (install.code === 0) {
    start = await runIn(group, clone, "npm start", env, healthy);
    served = start.code === null;
    if (served) {
      for (const p of ["/", "/practice/gate", "/practice/xor", "/signin"]) await fetch(`http://127.0.0.1:${port}${p}`).catch(() => null);
      await new Promise((r) => setTimeout(r, 10_000));
      idle = groupRss(group.procs);
    }
    console.log(`npm start: ${served ? "served" : `exit ${start.code}`} after ${start.seconds.toFixed(0)} s, peak summed RSS ${(start.peak / MB).toFixed(0)} MB, idle (pages loaded) ${(idle / MB).toFixed(0)} MB, OOM kills ${group.oomKills()}`);
  }
  const oomKills = group.oomKills();
  try {
    if (start.child?.pid) process.kill(-start.child.pid, "SIGTERM");
  } catch {
    /* gone */
  }
  await new Promise((r) => setTimeout(r, 3000));
  group.remove();
  if (!keep) fs.rmSync(root, { recursive: true, force: true });
  const json = { memMb, installed: install.code === 0, served, installPeakMb: Math.round(install.peak / MB), startPeakMb: Math.round(start.peak / MB), startSeconds: Math.round(start.seconds), idleMb: Math.round(idle / MB), oomKills };
  console.log(JSON.stringify(json));
  process.exit(served ? 0 : 1);
}

void main();
