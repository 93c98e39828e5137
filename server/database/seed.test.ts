// Integration: a start on a database that is already seeded changes nothing (the demo instructor
// keeps its password, the built-in lesson stays one lesson), and a start after the built-in lesson
// was changed puts the code's version back. The seed's one statement (server/database/seed.ts) runs on the
// embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Backend } from "../testing/server";
import { backends, startWorld } from "../testing/world";
import { pgliteWasmModule } from "./pglite-settings";
import { BUILTIN_LESSON } from "@/lib/lessons/exercises";

/** Runs statements on the stopped server's database. */
async function onDatabase<T>(backend: Backend, fn: (q: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  if (backend.env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: backend.env.DATABASE_URL });
    await c.connect();
    try {
      return await fn(async (sql) => (await c.query(sql)).rows);
    } finally {
      await c.end();
    }
  }
  const lite = new PGlite(path.join(backend.env.DATA_DIR, "pglite"), { wasmModule: pgliteWasmModule() });
  try {
    return await fn(async (sql) => (await lite.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await lite.close();
  }
}

const lessonRows = (q: (sql: string) => Promise<Record<string, unknown>[]>) =>
  q(`SELECT e."position", e."points" FROM "Exercise" e JOIN "Lesson" l ON l."id" = e."lessonId" WHERE l."slug" = '${BUILTIN_LESSON.slug}' ORDER BY e."position"`);

describe.each(backends())("the seed at start on %s", (_name, makeBackend) => {
  const made = startWorld({ backend: makeBackend });

  it("keeps what is there, and puts a changed built-in lesson back", async () => {
    const { server, backend } = made;
    const first = server.demo;
    expect(first?.password).toBeTruthy();
    expect(server.log()).toContain("built-in lesson written (new database)");
    await server.stop();
    const shipped = BUILTIN_LESSON.exercises.map((e, position) => ({ position, points: e.points }));
    await onDatabase(backend, async (q) => {
      expect(await lessonRows(q)).toEqual(shipped);
      await q(`UPDATE "Exercise" SET "points" = "points" + 5 WHERE "position" = 0 AND "lessonId" = (SELECT "id" FROM "Lesson" WHERE "slug" = '${BUILTIN_LESSON.slug}')`);
    });

    const lastStart = () => server.log().slice(server.log().lastIndexOf("--- restart ---"));
    await server.restart();
    expect(server.demo).toEqual(first); // the same demo instructor, the same password
    expect(lastStart()).toContain("built-in lesson written (it differed from the code's)");
    await server.stop();
    await onDatabase(backend, async (q) => {
      expect(await lessonRows(q)).toEqual(shipped);
      expect(await q(`SELECT count(*)::int AS n FROM "Lesson" WHERE "slug" = '${BUILTIN_LESSON.slug}'`)).toEqual([{ n: 1 }]);
      expect(await q(`SELECT count(*)::int AS n FROM "User" WHERE "email" = 'demo@neuronlab.local'`)).toEqual([{ n: 1 }]);
    });

    await server.restart(); // nothing to seed: one statement read, nothing written
    expect(server.demo).toEqual(first);
    expect(lastStart()).not.toContain("built-in lesson written");
  }, 300_000);
});
