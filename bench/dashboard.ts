/**
 * The class dashboard on a large class: 500 students x 10 exercises x 5 attempts (25,000
 * submissions, live and homework), seeded into a fresh embedded PGlite — and into PostgreSQL too when
 * BENCH_DATABASE_URL is set (a fresh database created there and dropped afterwards).
 * Times each query the dashboard page runs (median of several runs) and the whole page's data.
 * Run: npm run bench:dashboard   (ends with one line of JSON)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const STUDENTS = 500;
const EXERCISES = 10;
const ATTEMPTS = 5;
const RUNS = 7;
const TARGET_MS = 1000;

function migrationsSql(): string[] {
  const dir = path.join("prisma", "migrations");
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).sort()
    .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

/** The large class, in a few set-based statements. Exercises 1-6 were live (two sessions), 7-10 homework. */
function seedSql(): string {
  const types = ["ACTIVATION", "GATE", "XOR", "GATE", "XOR", "ACTIVATION", "GATE", "XOR", "ACTIVATION", "GATE"];
  const configs = types.map((t, i) =>
    t === "GATE" ? { type: t, gate: ["AND", "OR", "NAND", "NOR"][i % 4], lr: 0.1, epochs: 100, points: 10 }
      : t === "XOR" ? { type: t, lr: 0.1, epochs: 100, points: 10 }
      : { type: t, activations: ["step", "sigmoid", "tanh", "relu"], question: "saturatesBothSides", points: 10 });
  const exercises = configs.map((c, i) => `('x${i + 1}', 'l1', ${i}, '${types[i]}', '${JSON.stringify(c)}', 10)`).join(",");
  return `
    INSERT INTO "User"(id, role, name, email) VALUES ('t1', 'INSTRUCTOR', 'Teacher', 't1@example.com');
    INSERT INTO "Class"(id, name, "joinCode", "ownerId") VALUES ('c1', '대형 수업', 'BENCH2', 't1');
    INSERT INTO "Lesson"(id, title, "ownerId") VALUES ('l1', 'Bench lesson', 't1');
    INSERT INTO "Exercise"(id, "lessonId", position, type, config, points) VALUES ${exercises};
    INSERT INTO "LiveSession"(id, "classId", "lessonId", status, "startedAt", "endedAt", "pushedExerciseIds")
      VALUES ('ls1', 'c1', 'l1', 'ENDED', now() - interval '3 days', now() - interval '3 days' + interval '1 hour', ARRAY['x1','x2','x3']),
             ('ls2', 'c1', 'l1', 'ENDED', now() - interval '2 days', now() - interval '2 days' + interval '1 hour', ARRAY['x4','x5','x6']);
    INSERT INTO "Assignment"(id, "classId", "lessonId", "dueAt", "createdAt") VALUES ('a1', 'c1', 'l1', now() - interval '12 hours', now() - interval '2 days');
    INSERT INTO "User"(id, role, name) SELECT 'u' || i, 'STUDENT', '학생' || lpad(i::text, 3, '0') FROM generate_series(1, ${STUDENTS}) i;
    INSERT INTO "Enrollment"(id, "classId", "userId", nickname) SELECT 'e' || i, 'c1', 'u' || i, '학생' || lpad(i::text, 3, '0') FROM generate_series(1, ${STUDENTS}) i;
    INSERT INTO "SessionParticipant"(id, "sessionId", "userId", "updatedAt")
      SELECT 'p' || s || '_' || i, 'ls' || s, 'u' || i, now() FROM generate_series(1, ${STUDENTS}) i, generate_series(1, 2) s;
    INSERT INTO "Submission"(id, "sessionId", "assignmentId", "exerciseId", "userId", payload, score, "maxScore", correct, late, "createdAt", "startedAt")
      SELECT 's' || u || '_' || x || '_' || k,
             CASE WHEN x <= 3 THEN 'ls1' WHEN x <= 6 THEN 'ls2' END,
             CASE WHEN x > 6 THEN 'a1' END,
             'x' || x, 'u' || u,
             CASE WHEN x IN (3, 5, 8) THEN jsonb_build_object('lr', 0.1, 'epochs', 50, 'seed', k, 'bestAccuracy', 0.75,
                    'explanation', (ARRAY['lrTooSmall','tooFewEpochs','notSeparable','badSeed','notDifferentiable'])[1 + (u + k) % 5])
                  WHEN x IN (1, 6, 9) THEN jsonb_build_object('question', 'saturatesBothSides', 'selected',
                    CASE WHEN (u + k) % 3 = 0 THEN '["sigmoid","tanh"]'::jsonb ELSE '["sigmoid","relu"]'::jsonb END)
                  ELSE jsonb_build_object('gate', 'AND', 'lr', 0.1, 'epochs', 50, 'seed', k, 'w', jsonb_build_array(0.1, 0.2), 'b', -0.3) END,
             CASE WHEN (u * 7 + x * 3 + k) % 4 = 0 THEN 10 ELSE 0 END, 10,
             (u * 7 + x * 3 + k) % 4 = 0,
             x > 6 AND k = 5,
             CASE WHEN x <= 3 THEN now() - interval '3 days' WHEN x <= 6 THEN now() - interval '2 days' ELSE now() - interval '1 day' END
               + (x * 300 + k * 60 + u % 60) * interval '1 second',
             CASE WHEN x <= 3 THEN now() - interval '3 days' WHEN x <= 6 THEN now() - interval '2 days' ELSE now() - interval '1 day' END
               + (x * 300) * interval '1 second'
        FROM generate_series(1, ${STUDENTS}) u, generate_series(1, ${EXERCISES}) x, generate_series(1, ${ATTEMPTS}) k;
    ANALYZE;`;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return +times[Math.floor(times.length / 2)].toFixed(1);
}

async function timeDashboard(backend: string) {
  const d = await import("../server/dashboard/dashboard");
  const { parseGridQuery } = await import("../lib/dashboard/dashboard");
  const { db, closeDb } = await import("../server/db");
  const enrolled = await db.enrollment.count({ where: { classId: "c1" } });
  const submissions = await db.submission.count();
  const q = parseGridQuery({});
  const columns = await d.dashboardColumns("c1");
  const page = await d.dashboardGrid("c1", q);
  if (page.rows.length !== 50 || page.matched !== STUDENTS || columns.length !== EXERCISES) {
    throw new Error(`unexpected dashboard data: ${page.rows.length} rows, ${page.matched} matched, ${columns.length} columns`);
  }
  const queries: Record<string, () => Promise<unknown>> = {
    columns: () => d.dashboardColumns("c1"),
    "grid page 1 (by nickname)": () => d.dashboardGrid("c1", q),
    "grid page 6 (by total, desc)": () => d.dashboardGrid("c1", parseGridQuery({ sort: "total", dir: "desc", page: "6" })),
    "grid filtered (exercise x3 not solved)": () => d.dashboardGrid("c1", parseGridQuery({ ex: "x3", status: "attempted" })),
    "score distribution": () => d.scoreDistribution("c1", columns, enrolled),
    "completion over time": () => d.completionOverTime("c1"),
    misconceptions: () => d.misconceptions({ classId: "c1" }),
  };
  const results: Record<string, number> = {};
  for (const [name, fn] of Object.entries(queries)) results[name] = await median(fn);
  // What the page does: columns first, then the rest.
  const pageMs = await median(async () => {
    const cols = await d.dashboardColumns("c1");
    await Promise.all([d.dashboardGrid("c1", q), d.scoreDistribution("c1", cols, enrolled), d.completionOverTime("c1"), d.misconceptions({ classId: "c1" })]);
  });
  await closeDb();
  console.log(`\n${backend}: ${enrolled} students, ${submissions} submissions, median of ${RUNS} runs`);
  for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(42)}${ms.toFixed(1).padStart(9)} ms`);
  console.log(`  ${"whole dashboard page (all of its queries)".padEnd(42)}${pageMs.toFixed(1).padStart(9)} ms  (target < ${TARGET_MS} ms: ${pageMs < TARGET_MS ? "yes" : "NO"})`);
  return { students: enrolled, submissions, queriesMs: results, pageMs, ok: pageMs < TARGET_MS };
}

async function pgliteRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "neuronlab-bench-"));
  const t0 = performance.now();
  const lite = new PGlite(dir);
  for (const sql of migrationsSql()) await lite.exec(sql);
  await lite.exec(seedSql());
  await lite.close();
  console.log(`PGlite: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  try {
    return await timeDashboard("PGlite (embedded)");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(adminUrl: string) {
  const name = `neuronlab_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    for (const sql of migrationsSql()) await c.query(sql);
    await c.query(seedSql());
    await c.end();
    process.env.DATABASE_URL = url.toString();
    return await timeDashboard("PostgreSQL");
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  console.log(`Dashboard benchmark: ${STUDENTS} students x ${EXERCISES} exercises x ${ATTEMPTS} attempts, Node ${process.version}`);
  const pglite = await pgliteRun();
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const postgres = pgUrl ? await postgresRun(pgUrl) : null;
  if (!pgUrl) console.log("\n(PostgreSQL skipped: set BENCH_DATABASE_URL=postgresql://user@host:5432/db to run it too)");
  console.log(JSON.stringify({ bench: "dashboard", students: STUDENTS, exercises: EXERCISES, attempts: ATTEMPTS, runs: RUNS, targetMs: TARGET_MS, pglite, postgres }));
  if (!pglite.ok || (postgres && !postgres.ok)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
