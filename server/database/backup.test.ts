// The documented backup and restore commands (`npm run db:backup -- <file>`, `npm run db:restore --
// <file>`), run as a user runs them, on both storage modes: back up, change the data, restore, and
// the data is back as it was. PostgreSQL only when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function npmRun(script: "db:backup" | "db:restore", file: string, env: Record<string, string>) {
  const r = spawnSync("npm", ["run", "--silent", script, "--", file], { env: { ...process.env, DATABASE_URL: "", ...env }, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("backup and restore", () => {
  it("embedded PGlite: backup, change, restore, the data is back", async () => {
    const dataDir = path.join(tmp, "data");
    fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
    const db = new PGlite(path.join(dataDir, "pglite"));
    await db.exec(`CREATE TABLE "Class" (id text primary key, name text); INSERT INTO "Class" VALUES ('a', '1반'), ('b', 'Period 2');`);
    await db.close();
    const file = path.join(tmp, "backup.tar.gz");
    const made = npmRun("db:backup", file, { DATA_DIR: dataDir });
    expect(made.status, made.out).toBe(0);

    const changed = new PGlite(path.join(dataDir, "pglite"));
    await changed.exec(`DELETE FROM "Class" WHERE id = 'a'; INSERT INTO "Class" VALUES ('c', 'after the backup');`);
    await changed.close();

    const back = npmRun("db:restore", file, { DATA_DIR: dataDir });
    expect(back.status, back.out).toBe(0);
    expect(back.out).toMatch(/previous database is kept in/);
    const restored = new PGlite(path.join(dataDir, "pglite"));
    const rows = await restored.query<{ id: string; name: string }>(`SELECT id, name FROM "Class" ORDER BY id`);
    await restored.close();
    expect(rows.rows).toEqual([{ id: "a", name: "1반" }, { id: "b", name: "Period 2" }]);

    // A PostgreSQL dump is not an embedded backup: refused, nothing touched.
    fs.writeFileSync(path.join(tmp, "not.sql"), "-- PostgreSQL database dump\n");
    const wrong = npmRun("db:restore", path.join(tmp, "not.sql"), { DATA_DIR: dataDir });
    expect(wrong.status).toBe(1);
    expect(wrong.out).toMatch(/not an embedded-database backup/);
  }, 180_000);

  const adminUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!adminUrl)("PostgreSQL: backup, change, restore, the data is back", async () => {
    const name = `neuronlab_backup_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const q = async (sql: string) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    try {
      await q(`CREATE TABLE "Class" (id text primary key, name text); INSERT INTO "Class" VALUES ('a', '1반'), ('b', 'Period 2')`);
      const file = path.join(tmp, "backup.sql");
      const made = npmRun("db:backup", file, { DATABASE_URL: url.toString() });
      expect(made.status, made.out).toBe(0);
      await q(`DELETE FROM "Class" WHERE id = 'a'; INSERT INTO "Class" VALUES ('c', 'after the backup')`);
      const back = npmRun("db:restore", file, { DATABASE_URL: url.toString() });
      expect(back.status, back.out).toBe(0);
      expect(await q(`SELECT id, name FROM "Class" ORDER BY id`)).toEqual([{ id: "a", name: "1반" }, { id: "b", name: "Period 2" }]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
