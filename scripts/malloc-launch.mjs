// `npm start` runs the server in a child node with two memory settings that a process can take only
// when it starts: a fixed malloc mmap threshold (glibc) and a limit on V8's old space.
//
// The malloc threshold: glibc's threshold for serving an allocation with its own mmap starts at
// 128 KB and rises to the size of any larger block once that block is freed (up to 32 MB). The
// server frees such blocks at every start (PGlite's 8.9 MB WASM file, read and copied to patch its
// buffer pool) and at every instructor sign-in (scrypt's 16 MB), and from then on every allocation
// below that size comes from malloc's arenas, which keep the memory after it is freed.
// MALLOC_MMAP_THRESHOLD_ fixes the threshold (glibc reads it only when a process starts): measured
// on an idle server after an instructor's sign-in, 289-332 MB -> 235-244 MB RSS, the same CPU to
// start (docs/performance.md, "Memory and joins").
//
// The old-space limit: on a machine with much memory V8 sets its heap limit to 2-4 GB and then lets
// the old space grow to about 4x what is live before a full collection; with a limit of 1 GB it
// grows it by about 1.6x. A lecture's progress stream promotes a few MB of short-lived objects a
// second: with 2,000 students streaming, the server's heap reached 410 MB without the limit and
// 243 MB with it (about 110 MB live after each full collection), and bench:live's peak RSS fell
// from 694 to 486 MB (docs/performance.md, "The peak"). 1 GB still holds several times the live
// heap of the largest class one node serves. The limit is HEAP_LIMIT_MB where V8's own is larger (a
// machine with 1 GB keeps V8's smaller one), and never where NODE_OPTIONS or node's arguments set one.
//
// The parent only waits: signals are passed on, the child's exit is the parent's exit, and if the
// parent dies (kill -9), the child is killed the same way at once (it watches a pipe from the parent),
// so `kill -9 <the pid npm start gave>` still stops the server mid-session as before.
// NEURONLAB_MALLOC_CHILD=0 runs the server in this process instead (no child, neither setting).
import { spawn } from "node:child_process";
import net from "node:net";
import v8 from "node:v8";

export const MMAP_THRESHOLD = String(1024 * 1024);
export const HEAP_LIMIT_MB = 1024;
const CHILD_FLAG = "NEURONLAB_MALLOC_CHILD";

/** Linux with glibc: the C library that reads MALLOC_MMAP_THRESHOLD_. */
export function glibc() {
  if (process.platform !== "linux") return false;
  const header = /** @type {{ glibcVersionRuntime?: string }} */ (process.report?.getReport?.().header ?? {});
  return Boolean(header.glibcVersionRuntime);
}

/**
 * In the child, or when nothing needs doing: returns false and the caller runs the server. In the
 * parent: starts the child and returns true (the caller does nothing more; this process exits with the child).
 */
export function runInMallocChild(script) {
  const env = process.env;
  if (env[CHILD_FLAG] === "1") {
    delete env[CHILD_FLAG]; // not for the processes the server starts (the build, the migrations)
    watchParent();
    return false;
  }
  if (env[CHILD_FLAG] === "0") return false;
  const malloc = env.MALLOC_MMAP_THRESHOLD_ === undefined && glibc() ? { MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD } : {};
  const heap = heapLimitArgs(process.execArgv, env.NODE_OPTIONS, v8.getHeapStatistics().heap_size_limit);
  if (!Object.keys(malloc).length && !heap.length) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...heap, script, ...process.argv.slice(2)], {
    env: { ...env, ...malloc, [CHILD_FLAG]: "1" },
    stdio: ["inherit", "inherit", "inherit", "pipe"],
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
  return true;
}

/**
 * The old-space limit for the server's node: `--max-old-space-size=HEAP_LIMIT_MB` when V8's own limit
 * (heap_size_limit, young generation included) is larger, none when node's arguments or NODE_OPTIONS set one.
 */
export function heapLimitArgs(execArgv, nodeOptions, v8LimitBytes) {
  const given = [...execArgv, ...(nodeOptions ?? "").split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size\b/.test(a));
  if (given || v8LimitBytes <= (HEAP_LIMIT_MB + 64) * 1024 * 1024) return [];
  return [`--max-old-space-size=${HEAP_LIMIT_MB}`];
}

/** In the child: the parent's end of fd 3 closes when the parent dies, however it dies. */
function watchParent() {
  let pipe;
  try {
    pipe = new net.Socket({ fd: 3, readable: true, writable: false });
  } catch {
    return; // started by hand with the flag set: nothing to watch
  }
  pipe.on("error", () => {});
  const die = () => process.kill(process.pid, "SIGKILL");
  pipe.on("end", die); // the parent is gone (a half-open pipe ends without closing)
  pipe.on("close", die);
  pipe.resume();
  pipe.unref();
}
