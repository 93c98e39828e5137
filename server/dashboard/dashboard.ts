// The class dashboard's data, aggregated in SQL: one row per student x exercise is computed by
// PostgreSQL (GROUP BY), and only one page of students (with their cells) reaches JavaScript.
import type { ConceptCount } from "@/lib/grading/concepts";
import { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { PAGE_SIZE, cumulativeCompletion, likePattern, scoreBin, SCORE_BINS, type Cell, type ChoiceCount, type CompletionSeries, type DashboardColumn, type Distribution, type GridPage, type GridQuery, type GridRow } from "@/lib/dashboard/dashboard";

type Sql = Prisma.Sql;

/** The class's submissions (live sessions and homework), through the indexes on sessionId / assignmentId. */
function classSubmissions(classId: string): Sql {
  return Prisma.sql`
    SELECT s."userId", s."exerciseId", s."sessionId", s."assignmentId", s.score, s.correct, s.late, s."createdAt", s."startedAt", s.payload
      FROM "Submission" s JOIN "LiveSession" ls ON ls.id = s."sessionId" WHERE ls."classId" = ${classId}
    UNION ALL
    SELECT s."userId", s."exerciseId", s."sessionId", s."assignmentId", s.score, s.correct, s.late, s."createdAt", s."startedAt", s.payload
      FROM "Submission" s JOIN "Assignment" a ON a.id = s."assignmentId" WHERE a."classId" = ${classId}`;
}

/**
 * One row per (student, exercise): the score and correctness of the attempt that counts under the
 * exercise's attempt policy (lib/grading/attempts.ts: best, first or last; `best` is the column's name for
 * it), attempts, late, and time spent — per session or homework, from being given the exercise to
 * the last attempt, then summed.
 */
function cellsCte(src: Sql): Sql {
  return Prisma.sql`
    src AS (${src}),
    rule AS (
      SELECT id AS "exerciseId", COALESCE(config->'attempts'->>'counts', 'best') AS counts
        FROM "Exercise" WHERE id IN (SELECT DISTINCT "exerciseId" FROM src)
    ),
    pick AS (
      SELECT s."userId", s."exerciseId",
             CASE r.counts WHEN 'first' THEN (array_agg(s.score ORDER BY s."createdAt" ASC))[1]
                           WHEN 'last' THEN (array_agg(s.score ORDER BY s."createdAt" DESC))[1]
                           ELSE MAX(s.score) END AS score,
             CASE r.counts WHEN 'first' THEN (array_agg(s.correct ORDER BY s."createdAt" ASC))[1]
                           WHEN 'last' THEN (array_agg(s.correct ORDER BY s."createdAt" DESC))[1]
                           ELSE BOOL_OR(s.correct) END AS correct
        FROM src s JOIN rule r ON r."exerciseId" = s."exerciseId"
       GROUP BY s."userId", s."exerciseId", r.counts
    ),
    ctx AS (
      SELECT "userId", "exerciseId", COUNT(*) AS attempts,
             BOOL_OR(correct AND NOT late) AS correct_on_time, BOOL_AND(late) AS all_late,
             EXTRACT(EPOCH FROM MAX("createdAt") - MIN(COALESCE("startedAt", "createdAt"))) AS secs
        FROM src GROUP BY "userId", "exerciseId", "sessionId", "assignmentId"
    ),
    agg AS (
      SELECT "userId", "exerciseId", SUM(attempts)::int AS attempts, BOOL_OR(correct_on_time) AS any_on_time,
             BOOL_AND(all_late) AS all_late, GREATEST(SUM(secs), 0)::float8 AS secs
        FROM ctx GROUP BY "userId", "exerciseId"
    ),
    cell AS (
      SELECT a."userId", a."exerciseId", p.score AS best, a.attempts, p.correct,
             CASE WHEN p.correct THEN NOT a.any_on_time ELSE a.all_late END AS late, a.secs
        FROM agg a JOIN pick p ON p."userId" = a."userId" AND p."exerciseId" = a."exerciseId"
    )`;
}

/** The exercises of every lesson the class has used (live or as homework), in order of first use. */
export async function dashboardColumns(classId: string): Promise<DashboardColumn[]> {
  return db.$queryRaw<DashboardColumn[]>`
    SELECT x.id, x."lessonId", l.title AS "lessonTitle", x.position, x.type::text AS type, x.points, x.config->>'gate' AS gate
      FROM "Exercise" x
      JOIN "Lesson" l ON l.id = x."lessonId"
      JOIN (SELECT "lessonId", MIN(at) AS first FROM (
              SELECT "lessonId", "startedAt" AS at FROM "LiveSession" WHERE "classId" = ${classId}
              UNION ALL SELECT "lessonId", "createdAt" FROM "Assignment" WHERE "classId" = ${classId}) u
            GROUP BY "lessonId") used ON used."lessonId" = l.id
     ORDER BY used.first, l.id, x.position`;
}

const SORT_SQL: Record<string, Sql> = {
  nickname: Prisma.sql`nickname`,
  total: Prisma.sql`total`,
  solved: Prisma.sql`solved`,
  attempts: Prisma.sql`attempts`,
  time: Prisma.sql`secs`,
};

function filterSql(q: GridQuery): Sql {
  if (!q.ex || q.status === "any") return Prisma.sql`TRUE`;
  if (q.status === "notStarted") return Prisma.sql`f_attempts = 0`;
  if (q.status === "attempted") return Prisma.sql`f_attempts > 0 AND NOT f_correct`;
  return Prisma.sql`f_correct`;
}

interface RawRow { userId: string; nickname: string; total: number; solved: number; attempts: number; secs: number; matched: number; cells: Cell[] | null }

/** One page of the grid: the students matching the filter, sorted, with their cells. */
export async function dashboardGrid(classId: string, q: GridQuery, pageSize = PAGE_SIZE): Promise<GridPage> {
  const sortEx = q.sort.startsWith("ex:") ? q.sort.slice(3) : "";
  const order = sortEx ? Prisma.sql`sort_ex` : SORT_SQL[q.sort] ?? SORT_SQL.nickname;
  const dir = q.dir === "desc" ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS FIRST`;
  const offset = (q.page - 1) * pageSize;
  const [rows, enrolled] = await Promise.all([
    db.$queryRaw<RawRow[]>`
      WITH ${cellsCte(classSubmissions(classId))},
      st AS (SELECT "userId", nickname FROM "Enrollment" WHERE "classId" = ${classId} AND nickname ILIKE ${likePattern(q.q)}),
      tot AS (
        SELECT st."userId", st.nickname,
               COALESCE(SUM(c.best), 0)::float8 AS total,
               (COUNT(*) FILTER (WHERE c.correct))::int AS solved,
               COALESCE(SUM(c.attempts), 0)::int AS attempts,
               COALESCE(SUM(c.secs), 0)::float8 AS secs,
               MAX(c.best) FILTER (WHERE c."exerciseId" = ${sortEx}) AS sort_ex,
               COALESCE(SUM(c.attempts) FILTER (WHERE c."exerciseId" = ${q.ex ?? ""}), 0) AS f_attempts,
               COALESCE(BOOL_OR(c.correct) FILTER (WHERE c."exerciseId" = ${q.ex ?? ""}), FALSE) AS f_correct,
               json_agg(json_build_object('exerciseId', c."exerciseId", 'best', c.best, 'attempts', c.attempts,
                        'correct', c.correct, 'late', c.late, 'seconds', c.secs)) FILTER (WHERE c."exerciseId" IS NOT NULL) AS cells
          FROM st LEFT JOIN cell c ON c."userId" = st."userId"
         GROUP BY st."userId", st.nickname
      )
      SELECT "userId", nickname, total, solved, attempts, secs, cells, (COUNT(*) OVER ())::int AS matched
        FROM tot WHERE ${filterSql(q)}
       ORDER BY ${order} ${dir}, nickname ASC, "userId" ASC
       LIMIT ${pageSize} OFFSET ${offset}`,
    db.enrollment.count({ where: { classId } }),
  ]);
  const matched = rows[0]?.matched ?? (q.page > 1 ? await countMatching(classId, q) : 0);
  const out: GridRow[] = rows.map((r) => ({
    userId: r.userId,
    nickname: r.nickname,
    total: r.total,
    solved: r.solved,
    attempts: r.attempts,
    seconds: r.secs,
    cells: (typeof r.cells === "string" ? (JSON.parse(r.cells) as Cell[]) : r.cells) ?? [],
  }));
  return { rows: out, matched, enrolled, page: q.page, pages: Math.max(1, Math.ceil(matched / pageSize)) };
}

/** Past the last page there are no rows to carry the count: ask for it alone. */
async function countMatching(classId: string, q: GridQuery): Promise<number> {
  const page = await dashboardGrid(classId, { ...q, page: 1 }, 1);
  return page.matched;
}

/** Per exercise: how many students reached each score bin (and how many never tried). */
export async function scoreDistribution(classId: string, columns: DashboardColumn[], enrolled: number): Promise<Distribution[]> {
  const rows = await db.$queryRaw<{ exerciseId: string; best: number; n: number }[]>`
    WITH ${cellsCte(classSubmissions(classId))}
    SELECT "exerciseId", best::float8 AS best, COUNT(*)::int AS n FROM cell GROUP BY "exerciseId", best`;
  return columns.map((c) => {
    const bins = Object.fromEntries(SCORE_BINS.map((b) => [b, 0])) as Distribution["bins"];
    let tried = 0;
    for (const r of rows) {
      if (r.exerciseId !== c.id) continue;
      bins[scoreBin(r.best, c.points)] += r.n;
      tried += r.n;
    }
    return { exerciseId: c.id, bins, notStarted: Math.max(0, enrolled - tried) };
  });
}

const COMPLETION_BUCKETS = 40;

/** Per exercise: how many students had solved it by each moment (first correct submission). */
export async function completionOverTime(classId: string): Promise<{ series: CompletionSeries[]; from: number; to: number }> {
  const rows = await db.$queryRaw<{ exerciseId: string; bucket: number; n: number; lo: number; hi: number }[]>`
    WITH src AS (${classSubmissions(classId)}),
    fc AS (SELECT "exerciseId", EXTRACT(EPOCH FROM MIN("createdAt"))::float8 AS e FROM src WHERE correct GROUP BY "userId", "exerciseId"),
    r AS (SELECT MIN(e) AS lo, MAX(e) + 1 AS hi FROM fc)
    SELECT fc."exerciseId", width_bucket(fc.e, r.lo, r.hi, ${COMPLETION_BUCKETS})::int AS bucket, COUNT(*)::int AS n, r.lo, r.hi
      FROM fc, r GROUP BY fc."exerciseId", bucket, r.lo, r.hi`;
  if (rows.length === 0) return { series: [], from: 0, to: 0 };
  const { lo, hi } = rows[0];
  return { series: cumulativeCompletion(rows, lo, hi, COMPLETION_BUCKETS), from: lo * 1000, to: hi * 1000 };
}

export interface Misconceptions {
  /** XOR exercise id -> students per chosen explanation (right and wrong). */
  xor: Map<string, ChoiceCount[]>;
  /** Explorer exercise id -> students with a wrong answer, and students per activation ticked in one. */
  explorer: Map<string, { wrongStudents: number; ticked: ChoiceCount[] }>;
  /** XOR exercise id -> students per (concept question, choice) answered (lib/grading/concepts.ts). */
  concepts: Map<string, ConceptCount[]>;
}

/** What students answered: XOR explanations and the explorer's wrongly ticked activations. */
export async function misconceptions(scope: { classId: string } | { sessionId: string }): Promise<Misconceptions> {
  const src = "classId" in scope ? classSubmissions(scope.classId) : Prisma.sql`SELECT * FROM "Submission" WHERE "sessionId" = ${scope.sessionId}`;
  const [xor, ticked, wrong, concepts] = await Promise.all([
    db.$queryRaw<{ exerciseId: string; choice: string; students: number }[]>`
      WITH src AS (${src})
      SELECT src."exerciseId", src.payload->>'explanation' AS choice, COUNT(DISTINCT src."userId")::int AS students
        FROM src JOIN "Exercise" x ON x.id = src."exerciseId"
       WHERE x.type = 'XOR' AND src.payload->>'explanation' IS NOT NULL GROUP BY 1, 2`,
    db.$queryRaw<{ exerciseId: string; choice: string; students: number }[]>`
      WITH src AS (${src})
      SELECT src."exerciseId", sel.v AS choice, COUNT(DISTINCT src."userId")::int AS students
        FROM src JOIN "Exercise" x ON x.id = src."exerciseId"
        CROSS JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(src.payload->'selected') = 'array' THEN src.payload->'selected' ELSE '[]'::jsonb END) AS sel(v)
       WHERE x.type = 'ACTIVATION' AND NOT src.correct GROUP BY 1, 2`,
    db.$queryRaw<{ exerciseId: string; students: number }[]>`
      WITH src AS (${src})
      SELECT src."exerciseId", COUNT(DISTINCT src."userId")::int AS students
        FROM src JOIN "Exercise" x ON x.id = src."exerciseId"
       WHERE x.type = 'ACTIVATION' AND NOT src.correct GROUP BY 1`,
    db.$queryRaw<{ exerciseId: string; concept: string; choice: string; students: number }[]>`
      WITH src AS (${src})
      SELECT src."exerciseId", kv.key AS concept, kv.value AS choice, COUNT(DISTINCT src."userId")::int AS students
        FROM src JOIN "Exercise" x ON x.id = src."exerciseId"
        CROSS JOIN LATERAL jsonb_each_text(
          CASE WHEN jsonb_typeof(src.payload->'concepts') = 'object' THEN src.payload->'concepts' ELSE '{}'::jsonb END) AS kv(key, value)
       WHERE x.type = 'XOR' GROUP BY 1, 2, 3`,
  ]);
  const out: Misconceptions = { xor: new Map(), explorer: new Map(), concepts: new Map() };
  for (const r of concepts) {
    if (!out.concepts.has(r.exerciseId)) out.concepts.set(r.exerciseId, []);
    out.concepts.get(r.exerciseId)!.push({ concept: r.concept, choice: r.choice, students: r.students });
  }
  for (const r of xor) {
    if (!out.xor.has(r.exerciseId)) out.xor.set(r.exerciseId, []);
    out.xor.get(r.exerciseId)!.push({ choice: r.choice, students: r.students });
  }
  for (const w of wrong) out.explorer.set(w.exerciseId, { wrongStudents: w.students, ticked: [] });
  for (const r of ticked) out.explorer.get(r.exerciseId)?.ticked.push({ choice: r.choice, students: r.students });
  return out;
}

/** Every cell of one student (their own progress page, the gradebook's rows). */
export async function cellsOf(classId: string, userIds: string[] | null): Promise<(Cell & { userId: string })[]> {
  const who = userIds ? Prisma.sql`WHERE "userId" IN (${userIds.length ? Prisma.join(userIds) : Prisma.sql`NULL`})` : Prisma.empty;
  return db.$queryRaw<(Cell & { userId: string })[]>`
    WITH ${cellsCte(classSubmissions(classId))}
    SELECT "userId", "exerciseId", best::float8 AS best, attempts, correct, late, secs AS seconds FROM cell ${who}`;
}
