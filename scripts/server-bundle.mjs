// The custom server (server/start.ts and what it imports from server/ and lib/) bundled into one
// ES module with esbuild, so that `npm start` runs it on plain Node: no TypeScript loader, no
// per-file transform or source-map work at start (measured: about 0.9 s less CPU to serving).
// npm packages stay external (loaded from node_modules as usual). The bundle is rebuilt whenever
// one of its inputs (esbuild's own list of the files it read) has changed; the check reads and
// hashes those files, a few milliseconds.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";

// Under .next/cache: `next build` empties .next but keeps its cache directory.
const DIR = path.join(".next", "cache", "neuronlab-server");
const BUNDLE = "start.mjs";
const META = "inputs.json";

function hashInputs(root, inputs) {
  const h = createHash("sha256");
  for (const f of inputs) {
    let body;
    try {
      body = fs.readFileSync(path.join(root, f));
    } catch {
      return null; // an input is gone: rebuild
    }
    h.update(f).update("\0").update(body).update("\0");
  }
  return h.digest("hex");
}

/** The bundle's path when it was built from exactly the current inputs; null otherwise. */
export function currentBundle(root = process.cwd()) {
  const dir = path.join(root, DIR, "current");
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, META), "utf8"));
    if (!fs.existsSync(path.join(dir, BUNDLE)) || hashInputs(root, meta.inputs) !== meta.hash) return null;
  } catch {
    return null;
  }
  return path.join(dir, BUNDLE);
}

/** Builds the bundle if it is missing or stale; returns its path. */
export async function ensureServerBundle(root = process.cwd()) {
  const ready = currentBundle(root);
  if (ready) return ready;
  const { build } = await import("esbuild");
  const dir = path.join(root, DIR);
  fs.mkdirSync(dir, { recursive: true });
  // Several processes may start at once (the test suite does): each writes its own files and
  // renames them into place, so nobody ever loads a half-written bundle.
  const out = path.join(dir, `build-${process.pid}-${Date.now()}`);
  const result = await build({
    absWorkingDir: root,
    // the replay worker (server/xor/replay-pool.ts) is its own entry: replay-worker.mjs beside start.mjs
    entryPoints: ["server/start.ts", "server/xor/replay-worker.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    // One chunk per dynamic import: what server/start.ts loads later (the socket hub, Redis) loads
    // its npm packages later too, while Next.js prepares.
    splitting: true,
    outdir: out,
    entryNames: "[name]",
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "warning",
    // server/ calls require.resolve (the Prisma and Next.js CLIs): give the ES module a require.
    banner: { js: "import { createRequire as __neuronlabRequire } from 'node:module'; const require = __neuronlabRequire(import.meta.url);" },
  });
  // tsconfig.json steers the bundle (paths, target) without being one of its inputs.
  const inputs = [...Object.keys(result.metafile.inputs), "tsconfig.json"].sort();
  fs.writeFileSync(path.join(out, META), JSON.stringify({ hash: hashInputs(root, inputs), inputs }));
  // Point "current" at the new build in one rename; older builds stay for processes still loading them.
  const link = path.join(dir, `current-${process.pid}`);
  fs.symlinkSync(path.basename(out), link);
  fs.renameSync(link, path.join(dir, "current"));
  for (const old of fs.readdirSync(dir)) {
    const p = path.join(dir, old);
    if (old.startsWith("build-") && p !== out && Date.now() - fs.statSync(p).mtimeMs > 10 * 60_000) fs.rmSync(p, { recursive: true, force: true });
  }
  return path.join(dir, "current", BUNDLE);
}
