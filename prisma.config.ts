// Prisma CLI configuration: the embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
// Prisma's own .env loading is off when this file exists, so load .env here if there is one.
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const realUrl = process.env.DATABASE_URL;
// The schema parser needs a URL even when the adapter is the one that connects.
process.env.DATABASE_URL ??= "postgresql://embedded/pglite";

let pglite: PGlite | undefined; // the CLI calls adapter() more than once: keep one instance
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (realUrl) return new PrismaPg({ connectionString: realUrl });
    const dir = path.resolve(process.env.PGLITE_DIR ?? path.join("data", "pglite"));
    fs.mkdirSync(dir, { recursive: true });
    return new PrismaPGlite((pglite ??= new PGlite(dir)));
  },
});
