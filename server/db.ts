// The one shared Prisma client. The custom server (run by tsx) and the Next.js bundle load this
// module as two separate copies, so the client and its PGlite live on globalThis: one instance per
// process, never two on the same data directory.
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client.ts";

type Store = { prisma: PrismaClient; close: () => Promise<void>; embedded: boolean };
const holder = globalThis as unknown as { __neuronlabDb?: Store };

export function pgliteDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    process.env.PGLITE_DIR ?? path.join("data", "pglite"),
  );
}

function open(): Store {
  const url = process.env.DATABASE_URL;
  if (url && !url.startsWith("postgresql://embedded")) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000 }) });
    return { prisma, embedded: false, close: () => prisma.$disconnect() };
  }
  const dir = pgliteDir();
  fs.mkdirSync(dir, { recursive: true });
  const pg = new PGlite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
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
