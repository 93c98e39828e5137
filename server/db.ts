// The one shared Prisma client. The custom server (run by tsx) and the Next.js bundle load this
// module as two separate copies, so the client and its PGlite live on globalThis: one instance per
// process, never two on the same data directory.
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { pgliteWasmModule } from "./database/pglite-settings";

type Store = { prisma: PrismaClient; close: () => Promise<void>; embedded: boolean };
const holder = globalThis as unknown as { __neuronlabDb?: Store; __neuronlabQueries?: number };

/**
 * With NEURONLAB_COUNT_QUERIES=1 every statement sent to the database (BEGIN/COMMIT included) is
 * counted: the integration tests read the count to check that a state change costs a bounded
 * number of queries per session, not per student. Off by default (no logging overhead).
 */
const counting = process.env.NEURONLAB_COUNT_QUERIES === "1";

export function queryCount(): number {
  return holder.__neuronlabQueries ?? 0;
}

function withCounter(prisma: PrismaClient): PrismaClient {
  if (!counting) return prisma;
  (prisma as unknown as { $on(e: "query", cb: () => void): void }).$on("query", () => {
    holder.__neuronlabQueries = queryCount() + 1;
  });
  return prisma;
}
const log: { log?: [{ emit: "event"; level: "query" }] } = counting ? { log: [{ emit: "event", level: "query" }] } : {};

export function pgliteDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    process.env.PGLITE_DIR ?? path.join("data", "pglite"),
  );
}

function usesPostgres(): boolean {
  const url = process.env.DATABASE_URL;
  return Boolean(url && !url.startsWith("postgresql://embedded"));
}

/** The embedded database has not been created yet (a first start): no PGlite directory to open. */
export function embeddedDatabaseIsNew(): boolean {
  return !usesPostgres() && !fs.existsSync(path.join(pgliteDir(), "PG_VERSION"));
}

function open(): Store {
  const url = process.env.DATABASE_URL;
  if (url && usesPostgres()) {
    const prisma = withCounter(new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000 }), ...log }));
    return { prisma, embedded: false, close: () => prisma.$disconnect() };
  }
  const dir = pgliteDir();
  fs.mkdirSync(dir, { recursive: true });
  const pg = new PGlite(dir, { wasmModule: pgliteWasmModule() }); // a 16 MB buffer pool, not 128 (server/database/pglite-settings.ts)
  const prisma = withCounter(new PrismaClient({ adapter: new PrismaPGlite(pg), ...log }));
  return {
    prisma,
    embedded: true,
    close: async () => {
      await prisma.$disconnect();
      await pg.close();
    },
  };
}

function store(): Store {
  return (holder.__neuronlabDb ??= open());
}

export const db = new Proxy({} as PrismaClient, {
  get: (_t, key) => {
    const prisma = store().prisma;
    const value: unknown = Reflect.get(prisma, key);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export function isEmbedded(): boolean {
  return store().embedded;
}

export async function closeDb(): Promise<void> {
  const s = holder.__neuronlabDb;
  holder.__neuronlabDb = undefined;
  if (s) await s.close();
}

