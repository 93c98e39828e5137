// Apply the committed Prisma migrations with Prisma's own CLI (`migrate deploy`), before the server
// opens the database: the embedded PGlite directory must never be open in two processes at once.
import { spawnSync } from "node:child_process";

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
