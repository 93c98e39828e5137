// `npm start` builds what must be built: the Next.js production build, redone only when an input of
// that build has changed since the last one (a content hash kept in .next/). The inputs are every
// file of the project except what the build never reads (so a new source folder is covered without
// anyone remembering to list it): the route handlers bundle server/*.ts, so server/ is an input too.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import os from "node:os";
import { spawnSync } from "node:child_process";

/** Top-level entries the web build never reads, or that the build itself writes. */
const NOT_INPUTS = new Set([
  "node_modules", ".next", ".git", "data", "e2e", "bench", "docs", "deploy", "scripts", ".ci", "cache", "coverage",
  "test-results", "playwright-report", "next-env.d.ts", "tsconfig.tsbuildinfo", "vitest.config.mts", "playwright.config.ts",
]);
/** Files anywhere that are not inputs: tests, notes, the migrations' SQL (the generated client is). */
const NOT_INPUT_FILE = /(\.test\.tsx?|\.md|\.tsbuildinfo|\.log)$/;
const NOT_INPUT_DIR = new Set(["prisma/migrations", "server/testing", "node_modules"]);
/**
 * The custom server's own files, which no page or route imports (server/build.test.ts walks the
 * imports and fails if one ever does): editing them needs a restart, not a rebuild.
 */
const START_PATH_ONLY = new Set([
  "server/start.ts", "server/build.ts", "server/database/migrate.ts", "server/database/seed.ts", "server/auth/secret.ts", "server/env.ts",
  // The socket.io side, run by the custom server only.
  "server/socket/hub.ts", "server/socket/live.ts", "server/live/submissions.ts", "server/socket/redis.ts",
  "server/socket/context.ts", "server/socket/guard.ts", "server/socket/session-events.ts", "server/socket/control-events.ts",
  "server/socket/experiment-events.ts", "server/socket/progress-buffer.ts", "server/socket/xor-live.ts",
  // The join fast path, answered by the custom server before Next.js.
  "server/join/join-route.ts",
]);
const HASH_FILE = "neuronlab-source-hash";

function walk(root: string, rel: string, out: string[]): void {
  const abs = path.join(root, rel);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return; // a dangling link or a file removed while walking
  }
  if (st.isFile()) {
    if (!NOT_INPUT_FILE.test(rel) && !START_PATH_ONLY.has(rel.split(path.sep).join("/"))) out.push(rel);
    return;
  }
  if (!st.isDirectory() || NOT_INPUT_DIR.has(rel.split(path.sep).join("/"))) return;
  for (const name of fs.readdirSync(abs).sort()) {
    if (rel === "" && NOT_INPUTS.has(name)) continue;
    walk(root, rel ? path.join(rel, name) : name, out);
  }
}

/** Every file the build may read, relative to the project root, in a stable order. */
export function buildInputs(root = process.cwd()): string[] {
  const out: string[] = [];
  walk(root, "", out);
  return out;
}

export function sourceHash(root = process.cwd()): string {
  const h = createHash("sha256");
  for (const f of buildInputs(root)) h.update(f.split(path.sep).join("/")).update("\0").update(fs.readFileSync(path.join(root, f))).update("\0");
  return h.digest("hex");
}

/** True when .next holds a finished build made from exactly the current inputs. */
export function buildIsCurrent(root = process.cwd(), hash = sourceHash(root)): boolean {
  const file = path.join(root, ".next", HASH_FILE);
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(file) && fs.readFileSync(file, "utf8") === hash;
}

/**
 * A machine (or a container: its memory limit counts) with less memory than this builds the small
 * way: webpack instead of Turbopack, with its memory optimizations, one worker and a 576 MB heap
 * (next.config.js). Turbopack's build was killed for lack of memory in a 1 GB memory cgroup; the
 * small way built and served there (docs/performance.md). NEURONLAB_SMALL_BUILD=1 or 0 decides instead.
 */
const SMALL_MACHINE_BYTES = 2 * 1024 ** 3;

/** The memory this process may use: the machine's, or less where a cgroup limits it. */
export function usableMemory(total = os.totalmem(), limit = process.constrainedMemory?.() ?? 0): number {
  return limit > 0 ? Math.min(total, limit) : total; // 0: no limit known; none set: a huge number
}

export function smallBuild(env: Record<string, string | undefined> = process.env, totalBytes = usableMemory()): boolean {
  if (env.NEURONLAB_SMALL_BUILD === "1" || env.NEURONLAB_SMALL_BUILD === "0") return env.NEURONLAB_SMALL_BUILD === "1";
  return totalBytes < SMALL_MACHINE_BYTES;
}

/**
 * The small build's V8 heap: webpack collects garbage sooner instead of growing past a 1 GB machine.
 * 448 MB was enough in session 14; on 2026-12-07 evening (8bbcbd8 and later) the webpack build ran
 * out of it after about 55 s ("heap out of memory", 0 kernel OOM kills); with 576 MB it built and
 * served in the 1 GB cgroup of `npm run bench:small` with 0 OOM kills (docs/performance.md).
 */
const SMALL_BUILD_HEAP = "--max-old-space-size=576";

export function ensureBuild(root = process.cwd()): void {
  const hash = sourceHash(root);
  if (buildIsCurrent(root, hash)) return;
  const small = smallBuild();
  console.log(`[neuronlab] building the web app (next build${small ? ", the small way: webpack, for a machine under 2 GB" : ""}), once per change of the sources…`);
  const args = small ? [SMALL_BUILD_HEAP, require.resolve("next/dist/bin/next"), "build", "--webpack"] : [require.resolve("next/dist/bin/next"), "build"];
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    // No type check here (next.config.js): it would more than double the build's memory, and `npm test`
    // runs tsc on its own.
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEURONLAB_BUILD_NO_TYPECHECK: "1", NEURONLAB_SMALL_BUILD: small ? "1" : "0" },
  });
  if (r.status !== 0) throw new Error("next build failed (see the output above)");
  // The inputs as they were when the build started: an edit during the build triggers the next one.
  fs.writeFileSync(path.join(root, ".next", HASH_FILE), hash);
}
