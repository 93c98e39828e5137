// The build check: every input of `next build` is hashed (server/ included, since the route handlers
// bundle it), nothing the build writes or never reads is, and a changed server file means a rebuild.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInputs, buildIsCurrent, smallBuild, sourceHash, usableMemory } from "./build";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-build-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.writeFileSync(path.join(tmp, rel), text);
}

describe("build inputs", () => {
  it("hashes server/ and every source folder, not tests, notes, e2e or what the build writes", () => {
    for (const f of ["app/page.tsx", "server/auth/auth.ts", "server/auth.test.ts", "lib/x.ts", "newfolder/y.ts", "e2e/a.spec.ts", "README.md", ".next/BUILD_ID", "node_modules/p/index.js", "next-env.d.ts", "prisma/schema.prisma", "prisma/migrations/1/migration.sql", "server/testing/server.ts", "server/start.ts", "package.json"]) write(f, f);
    expect(buildInputs(tmp).map((f) => f.split(path.sep).join("/"))).toEqual(["app/page.tsx", "lib/x.ts", "newfolder/y.ts", "package.json", "prisma/schema.prisma", "server/auth/auth.ts"]);
  });

  it("after a build, a change to only a server file makes the build stale; a test file does not", () => {
    write(".next/BUILD_ID", "abc");
    write(".next/neuronlab-source-hash", sourceHash(tmp));
    expect(buildIsCurrent(tmp)).toBe(true);
    write("server/auth.test.ts", "changed test");
    expect(buildIsCurrent(tmp)).toBe(true);
    write("server/auth/auth.ts", "export const changed = 1;");
    expect(buildIsCurrent(tmp)).toBe(false);
  });

  it("covers every file the app's pages and routes import, in this project", () => {
    const root = process.cwd();
    const inputs = new Set(buildInputs(root).map((f) => f.split(path.sep).join("/")));
    const seen = new Set<string>();
    const resolve = (from: string, spec: string): string | null => {
      const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(path.join(root, from)), spec) : null;
      if (!base) return null; // a package: package-lock.json is an input
      for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.json`, `${base}.js`, path.join(base, "index.ts")]) {
        if (fs.existsSync(c) && fs.statSync(c).isFile()) return path.relative(root, c).split(path.sep).join("/");
      }
      return null;
    };
    const visit = (rel: string) => {
      if (seen.has(rel)) return;
      seen.add(rel);
      if (!/\.(tsx?|js)$/.test(rel)) return;
      const text = fs.readFileSync(path.join(root, rel), "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const dep = resolve(rel, m[1]);
        if (dep) visit(dep);
      }
    };
    const entries = buildInputs(root).filter((f) => f.startsWith(`app${path.sep}`) || f === "next.config.js");
    for (const e of entries) visit(e.split(path.sep).join("/"));
    expect(seen.size).toBeGreaterThan(100);
    expect([...seen].some((f) => f.startsWith("server/"))).toBe(true);
    expect([...seen].filter((f) => !inputs.has(f))).toEqual([]);
  });
});

describe("the small build", () => {
  it("is chosen on a machine under 2 GB of memory, and NEURONLAB_SMALL_BUILD decides over it", () => {
    const GB = 1024 ** 3;
    expect(smallBuild({}, 1 * GB)).toBe(true);
    expect(smallBuild({}, 24 * GB)).toBe(false);
    expect(smallBuild({ NEURONLAB_SMALL_BUILD: "1" }, 24 * GB)).toBe(true);
    expect(smallBuild({ NEURONLAB_SMALL_BUILD: "0" }, 1 * GB)).toBe(false);
  });

  it("counts a container's memory limit, not only the machine's memory", () => {
    const GB = 1024 ** 3;
    expect(usableMemory(24 * GB, 1 * GB)).toBe(1 * GB); // a 1 GB container on a large machine
    expect(smallBuild({}, usableMemory(24 * GB, 1 * GB))).toBe(true);
    expect(usableMemory(24 * GB, 2 ** 64)).toBe(24 * GB); // no limit set
    expect(usableMemory(24 * GB, 0)).toBe(24 * GB); // none known
  });
});
