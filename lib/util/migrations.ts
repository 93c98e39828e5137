// Whether `prisma migrate deploy` has anything to do: the committed migration folders against the
// rows of the database's _prisma_migrations table. Pure (the start path reads both and asks this).

export interface AppliedMigration {
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * True when a committed migration is not applied and finished, or a migration is stuck half-way
 * (started, never finished, not rolled back): then `migrate deploy` must run (and report it).
 */
export function migrationsPending(folders: readonly string[], applied: readonly AppliedMigration[]): boolean {
  const done = new Set(applied.filter((m) => m.finished_at !== null && m.rolled_back_at === null).map((m) => m.migration_name));
  if (applied.some((m) => m.finished_at === null && m.rolled_back_at === null)) return true;
  return folders.some((f) => !done.has(f));
}

/** Migration folder names as Prisma reads them: directories with a migration.sql, in order. */
export function migrationFolders(entries: readonly { name: string; hasSql: boolean }[]): string[] {
  return entries.filter((e) => e.hasSql).map((e) => e.name).sort();
}
