// `npm start`: build if needed, migrate, seed, then serve Next.js and socket.io on one port.
import http from "node:http";
import path from "node:path";
import next from "next";
import { readEnv } from "./env";
import { ensureBuild } from "./build";
import { migrateIfNeeded } from "./database/migrate";
import { resolveAuthSecret } from "./auth/secret";
import { portTakenLine } from "../scripts/port-check.mjs";

/** After serving, when to load the grading code (server/live/submissions.ts): past a restart's reconnect storm. */
const GRADING_WARM_MS = 5_000;

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const env = readEnv();
  const embedded = !env.DATABASE_URL;
  if (env.REDIS_URL && embedded) throw new Error("REDIS_URL (several nodes) needs a shared database: set DATABASE_URL too");
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  if (embedded) process.env.PGLITE_DIR = path.resolve(env.PGLITE_DIR ?? path.join(dataDir, "pglite"));

  const secret = resolveAuthSecret({ given: env.AUTH_SECRET, embedded, dataDir });
  process.env.NEXTAUTH_SECRET = secret;
  // Behind no proxy, trust the Host header so phones on the classroom network can sign in too.
  if (!process.env.NEXTAUTH_URL) {
    delete process.env.NEXTAUTH_URL; // an empty value breaks next-auth's URL parsing
    process.env.AUTH_TRUST_HOST ??= "1";
  }

  const t0 = Date.now();
  if (!dev) ensureBuild();
  const tBuild = Date.now();
  // Next.js loads its build while the database is opened, checked and seeded (it opens no database).
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const httpServer = http.createServer();
  const app = next({ dev, hostname: "localhost", port: env.PORT, httpServer, turbopack: dev });
  const preparing = app.prepare();
  preparing.catch(() => {}); // awaited below; a failure is reported there
  // Migrations run (a CLI in a child process) only when one is pending; else the check's connection stays open.
  await migrateIfNeeded();
  const tMigrate = Date.now();

  const { seed } = await import("./database/seed");
  const { closeDb } = await import("./db");
  const { createHub } = await import("./socket/hub");
  const { edgeGate } = await import("./http/edge");
  const { installEdgeLimits } = await import("./http/edge-limits");
  const { handleJoin, JOIN_PATH } = await import("./join/join-route");
  const { parseOriginList } = await import("@/lib/edge/edge-policy");
  const { litePath } = await import("@/lib/util/lite-pages");
  const { answerNodeHealth, NODE_HEALTH_PATH } = await import("./http/health");
  const edge = { publicUrl: process.env.NEXTAUTH_URL, allowList: parseOriginList(env.ALLOWED_ORIGINS), trustProxy: env.TRUST_PROXY === "1" };
  const closeLimits = await installEdgeLimits(env.REDIS_URL, env.RATE_LIMIT_FACTOR);
  const demo = await seed(embedded || env.SEED_DEMO === "1" ? dataDir : undefined);

  const tSeed = Date.now();
  const handle = app.getRequestHandler();
  await preparing;
  httpServer.on("request", (req, res) => {
    if (req.url?.startsWith("/socket.io/")) return; // socket.io answers these
    if (req.url === NODE_HEALTH_PATH) return answerNodeHealth(res); // the load balancer's check, every second
    if (edgeGate(req, res, edge)) return; // refused at the edge: too big, wrong origin
    if (req.url?.split("?")[0] === JOIN_PATH) return void handleJoin(req, res, { secret, publicUrl: edge.publicUrl }); // before Next.js: the hot path of a lecture hall
    const lite = litePath(req.method, req.url, req.headers); // an anonymous visitor's home or join page: the script-free one
    if (lite) req.url = lite;
    void handle(req, res);
  });
  const io = createHub(httpServer, secret, edge);
  let closeRedis = async () => {};
  if (env.REDIS_URL) {
    const { useRedis } = await import("./socket/redis");
    closeRedis = await useRedis(io, env.REDIS_URL);
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject); // EADDRINUSE: reported in one line by main's catch below
    httpServer.listen(env.PORT, env.HOST, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  // The grading code (and mathjs) is loaded after serving, when the students of a restart are back.
  setTimeout(() => void import("./live/submissions").then((m) => m.loadGrading()), GRADING_WARM_MS).unref();
  if (demo) console.log(`[neuronlab] demo instructor: ${demo.email} / password: ${demo.password}`);
  const phases = `build check ${tBuild - t0} ms, database open and migrations check ${tMigrate - tBuild} ms, seed ${tSeed - tMigrate} ms, Next and socket.io ${Date.now() - tSeed} ms more`;
  const cpu = process.cpuUsage(); // since the process started, all its threads: what a start costs on a busy server
  console.log(`[neuronlab] started in ${Date.now() - t0} ms (${phases}), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU`);
  console.log(`[neuronlab] ready on http://localhost:${port} (${embedded ? `embedded database in ${process.env.PGLITE_DIR}` : "PostgreSQL"})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[neuronlab] ${signal}: closing`);
    await io.closeLive?.();
    io.close();
    await closeRedis();
    await closeLimits();
    httpServer.closeAllConnections();
    await new Promise((r) => httpServer.close(r));
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((e: unknown) => {
  if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
    const env = readEnv();
    console.error(portTakenLine(env.PORT, env.HOST));
    process.exit(1);
  }
  console.error(`[neuronlab] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
