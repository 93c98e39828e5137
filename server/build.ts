// `npm start` builds what must be built: the Next.js production build, redone only when the sources
// it is made from have changed since the last build (a content hash kept in .next/).
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";

const INPUTS = ["app", "components", "lib", "server", "proxy.ts", "messages", "i18n", "types", "public", "generated", "next.config.js", "tsconfig.json", "package-lock.json"];
const HASH_FILE = path.join(".next", "neuronlab-source-hash");

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isFile()) {
    if (!/\.test\.tsx?$/.test(p)) out.push(p);
    return;
  }
  for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const h = createHash("sha256");
  for (const f of files) h.update(path.relative(root, f)).update("\0").update(fs.readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function ensureBuild(): void {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, "utf8") === hash;
  if (built) return;
  console.log("[neuronlab] building the web app (next build), once per change of the sources…");
  const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed (see the output above)");
  fs.writeFileSync(HASH_FILE, hash);
}
