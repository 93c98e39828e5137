// `npm start`'s launcher (scripts/malloc-launch.mjs): the server's node gets the memory settings a
// process can take only when it starts. Run for real: a node process launches itself through it
// and the serving process reports what it got.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { glibc as onGlibc, HEAP_LIMIT_MB, heapLimitArgs } from "../scripts/malloc-launch.mjs";

const MB = 1024 * 1024;
const launcher = pathToFileURL(path.resolve(__dirname, "../scripts/malloc-launch.mjs")).href;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-launcher-"));
const script = path.join(dir, "serve.mjs");
fs.writeFileSync(
  script,
  `import v8 from "node:v8";
import { runInMallocChild } from ${JSON.stringify(launcher)};
if (!runInMallocChild(${JSON.stringify(script)})) {
  console.log(JSON.stringify({ pid: process.pid, ppid: process.ppid, mmap: process.env.MALLOC_MMAP_THRESHOLD_ ?? null, heapMB: v8.getHeapStatistics().heap_size_limit / ${MB} }));
}
`,
);

/** Starts the script as `npm start` would (neither setting in the environment unless `set` gives it). */
function serve(set: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.MALLOC_MMAP_THRESHOLD_;
  const r = spawnSync(process.execPath, [script], { env: { ...env, ...set }, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return { launcherPid: r.pid, ...(JSON.parse(r.stdout.trim()) as { pid: number; ppid: number; mmap: string | null; heapMB: number }) };
}

const glibc = onGlibc();
const v8DefaultMB = Number(spawnSync(process.execPath, ["-p", "require('v8').getHeapStatistics().heap_size_limit"], { env: { ...process.env, NODE_OPTIONS: "" }, encoding: "utf8" }).stdout) / MB;
const limits = v8DefaultMB > HEAP_LIMIT_MB + 64;

describe("the server's launcher", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("serves from a child with V8's old space limited where V8's own limit is larger, and glibc's mmap threshold fixed", () => {
    const { launcherPid, pid, ppid, mmap, heapMB } = serve();
    if (!limits && !glibc) return void expect(pid).toBe(launcherPid); // nothing to set on this machine
    expect(pid).not.toBe(launcherPid);
    expect(ppid).toBe(launcherPid);
    expect(mmap).toBe(glibc ? String(MB) : null);
    if (limits) {
      expect(heapMB).toBeGreaterThanOrEqual(HEAP_LIMIT_MB);
      expect(heapMB).toBeLessThan(HEAP_LIMIT_MB + 100); // the old space plus the young generation
    }
  });

  it("leaves a limit given in NODE_OPTIONS alone", () => {
    const { heapMB } = serve({ NODE_OPTIONS: "--max-old-space-size=300" });
    expect(heapMB).toBeGreaterThanOrEqual(300);
    expect(heapMB).toBeLessThan(400);
  });

  it("serves from the one process, with V8's own limit, when NEURONLAB_MALLOC_CHILD=0", () => {
    const { launcherPid, pid, heapMB } = serve({ NEURONLAB_MALLOC_CHILD: "0" });
    expect(pid).toBe(launcherPid);
    expect(Math.round(heapMB)).toBe(Math.round(v8DefaultMB));
  });

  it("adds no limit where V8's is already small, or one is given", () => {
    expect(heapLimitArgs([], undefined, 4096 * MB)).toEqual([`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    expect(heapLimitArgs([], undefined, 300 * MB)).toEqual([]);
    expect(heapLimitArgs(["--max-old-space-size=2048"], undefined, 4096 * MB)).toEqual([]);
    expect(heapLimitArgs([], "--inspect --max_old_space_size=2048", 4096 * MB)).toEqual([]);
  });
});
