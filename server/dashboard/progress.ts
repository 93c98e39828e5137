// One student's own record: their submissions (for replayed curves), the sessions they took part in
// with their score there, and the class's homework with their progress. Always for one user id.
import type { SubmissionItem } from "@/lib/dashboard/submission-item";
import { db } from "../db";

/** The student's latest submissions in this class (live and homework), newest first. */
export async function studentSubmissions(classId: string, userId: string, limit = 100): Promise<SubmissionItem[]> {
  const subs = await db.submission.findMany({
    where: { userId, OR: [{ session: { classId } }, { assignment: { classId } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { exercise: { include: { lesson: { select: { title: true } } } } },
  });
  return subs.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    exerciseId: s.exerciseId,
    lessonTitle: s.exercise.lesson.title,
    position: s.exercise.position,
    type: s.exercise.type,
    config: s.exercise.config,
    mode: s.sessionId ? "live" : "homework",
    score: s.score,
    maxScore: s.maxScore,
    correct: s.correct,
    late: s.late,
    reason: s.feedback,
    payload: s.payload,
  }));
}

/** Sessions the student joined, with their score there (sum of their best per exercise). */
export async function studentSessions(classId: string, userId: string) {
  return db.$queryRaw<{ id: string; startedAt: Date; lessonTitle: string; score: number; maxScore: number; solved: number }[]>`
    SELECT ls.id, ls."startedAt", l.title AS "lessonTitle",
           COALESCE(SUM(b.best), 0)::float8 AS score, COALESCE(SUM(b.max), 0)::float8 AS "maxScore",
           (COUNT(*) FILTER (WHERE b.correct))::int AS solved
      FROM "SessionParticipant" p
      JOIN "LiveSession" ls ON ls.id = p."sessionId" AND ls."classId" = ${classId}
      JOIN "Lesson" l ON l.id = ls."lessonId"
      LEFT JOIN (SELECT "sessionId", "exerciseId", MAX(score) AS best, MAX("maxScore") AS max, BOOL_OR(correct) AS correct
                   FROM "Submission" WHERE "userId" = ${userId} AND "sessionId" IS NOT NULL GROUP BY "sessionId", "exerciseId") b
             ON b."sessionId" = ls.id
     WHERE p."userId" = ${userId}
     GROUP BY ls.id, ls."startedAt", l.title
     ORDER BY ls."startedAt" DESC`;
}

/** The class's homework with this student's progress on each. */
export async function studentHomework(classId: string, userId: string) {
  const [assignments, done] = await Promise.all([
    db.assignment.findMany({
      where: { classId },
      orderBy: { dueAt: "asc" },
      include: { lesson: { select: { title: true, _count: { select: { exercises: true } } } } },
    }),
    db.$queryRaw<{ assignmentId: string; solved: number; tried: number }[]>`
      SELECT "assignmentId", (COUNT(DISTINCT "exerciseId") FILTER (WHERE correct))::int AS solved, COUNT(DISTINCT "exerciseId")::int AS tried
        FROM "Submission" WHERE "userId" = ${userId} AND "assignmentId" IS NOT NULL GROUP BY "assignmentId"`,
  ]);
  const by = new Map(done.map((d) => [d.assignmentId, d]));
  return assignments.map((a) => ({
    id: a.id,
    lessonTitle: a.lesson.title,
    dueAt: a.dueAt,
    exercises: a.lesson._count.exercises,
    solved: by.get(a.id)?.solved ?? 0,
    tried: by.get(a.id)?.tried ?? 0,
  }));
}
