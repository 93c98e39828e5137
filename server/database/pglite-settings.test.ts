// The embedded database opens with our buffer pool (server/database/pglite-settings.ts), and still works.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pgliteWasmModule, SHARED_BUFFERS, withSharedBuffers } from "./pglite-settings";

describe("the embedded database's settings", () => {
  it("rewrites the shipped shared_buffers in place, and only when found exactly once", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const out = withSharedBuffers(text("a\0shared_buffers=128MB\0b"), "16MB");
    expect(Buffer.from(out!).toString("latin1")).toBe("a\0shared_buffers=16MB\0\0b");
    expect(withSharedBuffers(text("shared_buffers=64MB\0"), "16MB")).toBeNull();
    expect(withSharedBuffers(text("shared_buffers=128MB\0shared_buffers=128MB\0"), "16MB")).toBeNull();
  });

  it("opens PGlite with a 16 MB buffer pool, and it stores and reads rows across a reopen", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-pglite-settings-"));
    try {
      const wasmModule = pgliteWasmModule();
      expect(wasmModule).toBeDefined();
      let pg = new PGlite(dir, { wasmModule });
      const { rows } = await pg.query<{ setting: string; unit: string }>("SELECT setting, unit FROM pg_settings WHERE name = 'shared_buffers'");
      expect(Number(rows[0].setting) * 8).toBe(parseInt(SHARED_BUFFERS) * 1024); // 8 kB pages
      await pg.exec("CREATE TABLE t (n int); INSERT INTO t SELECT generate_series(1, 2000)");
      await pg.close();
      pg = new PGlite(dir, { wasmModule });
      expect((await pg.query<{ s: number }>("SELECT sum(n)::int AS s FROM t")).rows[0].s).toBe(2001000);
      await pg.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // a new database (initdb) and two opens: a minute on a busy machine
});
