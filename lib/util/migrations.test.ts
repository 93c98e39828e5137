import { describe, expect, it } from "vitest";
import { migrationFolders, migrationsPending } from "./migrations";

const done = (name: string) => ({ migration_name: name, finished_at: "2026-12-01T00:00:00Z", rolled_back_at: null });

describe("migrationsPending", () => {
  const folders = ["20261128000000_init", "20261128090000_live_sessions"];
  it("is false when every committed migration is applied and finished", () => {
    expect(migrationsPending(folders, folders.map(done))).toBe(false);
  });
  it("is true for a fresh database, a new folder, a half-applied or a rolled-back migration", () => {
    expect(migrationsPending(folders, [])).toBe(true);
    expect(migrationsPending([...folders, "20261201000000_new"], folders.map(done))).toBe(true);
    expect(migrationsPending(folders, [done(folders[0]), { ...done(folders[1]), finished_at: null }])).toBe(true);
    expect(migrationsPending(folders, [done(folders[0]), { ...done(folders[1]), rolled_back_at: "2026-12-01T00:00:01Z" }])).toBe(true);
  });
  it("ignores an applied migration that is no longer committed (deploy would not undo it either)", () => {
    expect(migrationsPending(folders, [...folders.map(done), done("20261101000000_old")])).toBe(false);
  });
  it("reads only folders that hold a migration.sql, sorted", () => {
    expect(migrationFolders([{ name: "b", hasSql: true }, { name: "a", hasSql: true }, { name: "migration_lock.toml", hasSql: false }])).toEqual(["a", "b"]);
  });
});
