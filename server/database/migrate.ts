// Apply the committed Prisma migrations with Prisma's own CLI (`migrate deploy`), before the server
// opens the database: the embedded PGlite directory must never be open in two processes at once.
// At start, the CLI (several seconds) runs only when a committed migration is not applied yet.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { migrationFolders, migrationsPending, type AppliedMigration } from "@/lib/util/migrations";

export function migrate(env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error("Database migration failed (prisma migrate deploy)");
  }
  const applied = /(\d+) migrations? found/.exec(r.stdout)?.[0];
  console.log(`[neuronlab] database ready${applied ? ` (${applied})` : ""}`);
}

function committedMigrations(dir = path.resolve("prisma", "migrations")): string[] {
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  return migrationFolders(entries.map((e) => ({ name: e.name, hasSql: e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")) })));
}

/**
 * Reads _prisma_migrations through the app's own connection; when every committed migration is
 * applied, the database is left open for the server (no CLI, no second open). Otherwise the
 * connection is closed and `migrate deploy` runs as before.
 */
export async function migrateIfNeeded(): Promise<"current" | "migrated"> {
  const { db, closeDb, embeddedDatabaseIsNew } = await import("../db");
  // A first start on the embedded database: the CLI creates it. Opening it here first would create
  // it twice over (a PGlite and its ~170 MB of WASM memory, held until a later garbage collection,
  // only to find no migrations table and close it).
  if (embeddedDatabaseIsNew()) {
    migrate();
    return "migrated";
  }
  let applied: AppliedMigration[] = [];
  try {
    applied = await db.$queryRawUnsafe<AppliedMigration[]>(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  } catch (e) {
    // no table yet (a fresh database), or the check failed: the CLI decides, at a cost of seconds
    // PGlite's adapter reports { code, message }, PostgreSQL's { originalCode, originalMessage }.
    type Cause = { code?: string; message?: string; originalCode?: string; originalMessage?: string };
    const err = e as { message?: string; cause?: Cause; meta?: { driverAdapterError?: { cause?: Cause } } };
    const cause = err.meta?.driverAdapterError?.cause ?? err.cause;
    const missing = (cause?.code ?? cause?.originalCode) === "42P01";
    if (!missing) console.log(`[neuronlab] migration check failed (${cause?.message ?? cause?.originalMessage ?? err.message?.trim().split("\n")[0] ?? String(e)}); running prisma migrate deploy`);
    applied = [];
  }
  if (!migrationsPending(committedMigrations(), applied)) {
    console.log(`[neuronlab] database ready (${applied.length} migrations applied, none pending)`);
    return "current";
  }
  await closeDb();
  migrate();
  return "migrated";
}
