// Backup and restore, for both storage modes:
//   npm run db:backup -- <file>     npm run db:restore -- <file>
// Embedded (no DATABASE_URL): the PGlite data directory as one gzipped tarball (PGlite's dumpDataDir);
// restore moves the current directory aside (kept, its path printed) and loads the tarball into a
// fresh one (loadDataDir). STOP THE SERVER FIRST: a PGlite directory must never be open in two
// processes at once (the second one's writes are lost, or the directory is damaged).
// PostgreSQL (DATABASE_URL set): pg_dump to a plain SQL file (with DROP ... IF EXISTS before each
// object) and psql in one transaction to restore it; the server may keep running, but students
// reconnecting during a restore may see errors until it finishes. Needs pg_dump/psql on the PATH,
// at least as new as the server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const [command, file] = process.argv.slice(2);
const url = process.env.DATABASE_URL || undefined;

function fail(message: string): never {
  console.error(`[neuronlab] ${message}`);
  process.exit(1);
}

function pgliteDir(): string {
  const dataDir = path.resolve(process.env.DATA_DIR || "data");
  return path.resolve(process.env.PGLITE_DIR || path.join(dataDir, "pglite"));
}

function run(bin: string, args: string[]): void {
  const r = spawnSync(bin, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.error) fail(`${bin} could not run (${r.error.message}); install the PostgreSQL client tools`);
  if (r.status !== 0) fail(`${bin} failed (exit ${r.status})`);
}

const isGzip = (buf: Buffer) => buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;

async function backup(target: string): Promise<void> {
  if (url) {
    run("pg_dump", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file", target, "--dbname", url]);
  } else {
    const dir = pgliteDir();
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) fail(`no embedded database in ${dir}`);
    const pg = new PGlite(dir);
    const blob = await pg.dumpDataDir("gzip");
    await pg.close();
    fs.writeFileSync(target, Buffer.from(await blob.arrayBuffer()));
  }
  console.log(`[neuronlab] backup written to ${target} (${fs.statSync(target).size} bytes, ${url ? "PostgreSQL SQL dump" : "embedded database"})`);
}

async function restore(source: string): Promise<void> {
  if (!fs.existsSync(source)) fail(`no such file: ${source}`);
  const head = Buffer.alloc(64);
  const fd = fs.openSync(source, "r");
  fs.readSync(fd, head, 0, 64, 0);
  fs.closeSync(fd);
  if (url) {
    if (isGzip(head)) fail("this is an embedded-database backup; unset DATABASE_URL to restore it");
    run("psql", ["--single-transaction", "-v", "ON_ERROR_STOP=1", "--quiet", "--file", source, "--dbname", url]);
    console.log(`[neuronlab] restored ${source} into PostgreSQL`);
    return;
  }
  if (!isGzip(head)) fail("this is not an embedded-database backup (set DATABASE_URL to restore a PostgreSQL dump)");
  const dir = pgliteDir();
  const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  if (fs.existsSync(dir)) fs.renameSync(dir, aside);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const pg = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(source)]) });
    await pg.query("SELECT 1");
    await pg.close();
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (fs.existsSync(aside)) fs.renameSync(aside, dir);
    fail(`restore failed, the database is unchanged: ${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`[neuronlab] restored ${source} into ${dir}${fs.existsSync(aside) ? `; the previous database is kept in ${aside}` : ""}`);
}

if (!file || (command !== "backup" && command !== "restore")) {
  fail("usage: npm run db:backup -- <file>   |   npm run db:restore -- <file>");
}
(command === "backup" ? backup(path.resolve(file)) : restore(path.resolve(file))).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
