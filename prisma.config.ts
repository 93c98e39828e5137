// Prisma CLI configuration: the embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
// Prisma's own .env loading is off when this file exists, so load .env here if there is one.
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const realUrl = process.env.DATABASE_URL;
// The schema parser needs a URL even when the adapter is the one that connects.
process.env.DATABASE_URL ??= "postgresql://embedded/pglite";

// Prisma's wasm schema engine cannot read PostgreSQL's `name` columns through @prisma/adapter-pg
// (prisma/prisma#27403: "Column type 'name' could not be deserialized"). Its catalogue queries
// return them; they are plain text, so report them as text (oid 19 -> 25). The app never sees this:
// it is only the CLI's connection.
function nameAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) if (field.dataTypeID === 19) field.dataTypeID = 25;
  return res;
}
class NameAsTextClient extends pg.Client {
  // pg calls query() in both its callback and its promise form; patch the result of either.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, nameAsText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === "function" ? result.then(nameAsText) : result;
  }
}

let pglite: PGlite | undefined; // the CLI calls adapter() more than once: keep one instance
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (realUrl) return new PrismaPg({ connectionString: realUrl, Client: NameAsTextClient });
    const dir = path.resolve(process.env.PGLITE_DIR ?? path.join("data", "pglite"));
    fs.mkdirSync(dir, { recursive: true });
    return new PrismaPGlite((pglite ??= new PGlite(dir)));
  },
});
