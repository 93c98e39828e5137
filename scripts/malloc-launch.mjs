// `npm start` on Linux (glibc): the server runs in a child node with a fixed malloc mmap threshold.
//
// Why: glibc's threshold for serving an allocation with its own mmap starts at 128 KB and rises to
// the size of any larger block once that block is freed (up to 32 MB). The server frees such blocks
// at every start (PGlite's 8.9 MB WASM file, read and copied to patch its buffer pool) and at every
// instructor sign-in (scrypt's 16 MB), and from then on every allocation below that size comes
// from malloc's arenas, which keep the memory after it is freed. MALLOC_MMAP_THRESHOLD_ fixes the
// threshold (and glibc reads it only when a process starts, hence the child): measured on an idle
// server after an instructor's sign-in, 289-332 MB -> 235-244 MB RSS, the same CPU to start
// (docs/performance.md, "Memory and joins").
//
// The parent only waits: signals are passed on, the child's exit is the parent's exit, and if the
// parent dies (kill -9), the child is killed the same way at once (it watches a pipe from the parent),
// so `kill -9 <the pid npm start gave>` still stops the server mid-session as before.
// NEURONLAB_MALLOC_CHILD=0 runs the server in this process instead (no child).
import { spawn } from "node:child_process";
import net from "node:net";

export const MMAP_THRESHOLD = String(1024 * 1024);
const CHILD_FLAG = "NEURONLAB_MALLOC_CHILD";

function glibc() {
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
  if (env[CHILD_FLAG] === "0" || env.MALLOC_MMAP_THRESHOLD_ !== undefined || !glibc()) return false;
  const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
    env: { ...env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD, [CHILD_FLAG]: "1" },
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
