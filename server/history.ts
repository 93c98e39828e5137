// Past live sessions of a class: when, which exercises were pushed, who took part, and a static
// summary of the board's final state built from the stored participants and submissions.
import { db } from "./db";

export interface SessionSummaryRow {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  status: "LIVE" | "ENDED";
  lessonTitle: string;
  exercises: { id: string; position: number; type: string }[];
  participants: number;
  submitters: number;
  submissions: number;
}

export async function sessionHistory(classId: string, limit = 100): Promise<SessionSummaryRow[]> {
  const rows = await db.$queryRaw<(Omit<SessionSummaryRow, "exercises"> & { lessonId: string; pushed: string[]; submitted: string[] })[]>`
    SELECT ls.id, ls."startedAt", ls."endedAt", ls.status::text AS status, l.title AS "lessonTitle", ls."lessonId",
           ls."pushedExerciseIds" AS pushed,
           ARRAY(SELECT DISTINCT s."exerciseId" FROM "Submission" s WHERE s."sessionId" = ls.id) AS submitted,
           (SELECT COUNT(*) FROM "SessionParticipant" p WHERE p."sessionId" = ls.id)::int AS participants,
           (SELECT COUNT(DISTINCT s."userId") FROM "Submission" s WHERE s."sessionId" = ls.id)::int AS submitters,
           (SELECT COUNT(*) FROM "Submission" s WHERE s."sessionId" = ls.id)::int AS submissions
      FROM "LiveSession" ls JOIN "Lesson" l ON l.id = ls."lessonId"
     WHERE ls."classId" = ${classId}
     ORDER BY ls."startedAt" DESC
     LIMIT ${limit}`;
  const lessonIds = [...new Set(rows.map((r) => r.lessonId))];
  const exercises = await db.exercise.findMany({ where: { lessonId: { in: lessonIds } }, select: { id: true, position: true, type: true } });
  const byId = new Map(exercises.map((e) => [e.id, e]));
  return rows.map(({ pushed, submitted, lessonId: _lessonId, ...r }) => {
    const ids = [...pushed, ...submitted.filter((id) => !pushed.includes(id))];
    return { ...r, exercises: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) };
  });
}

export type TileStatus = "correct" | "submitted" | "joined" | "removed";
export interface FinalTile { userId: string; nickname: string; status: TileStatus; best: number | null; attempts: number }

/** The board as it ended: per pushed exercise, one tile per participant with their best result. */
export async function sessionFinalBoard(classId: string, sessionId: string) {
  const session = await db.liveSession.findFirst({
    where: { id: sessionId, classId },
    include: { lesson: { include: { exercises: { orderBy: { position: "asc" } } } } },
  });
  if (!session) return null;
  const [participants, cells, enrollments] = await Promise.all([
    db.sessionParticipant.findMany({ where: { sessionId }, select: { userId: true, kicked: true, joinedAt: true }, orderBy: { joinedAt: "asc" } }),
    db.$queryRaw<{ userId: string; exerciseId: string; best: number; attempts: number; correct: boolean }[]>`
      SELECT "userId", "exerciseId", MAX(score)::float8 AS best, COUNT(*)::int AS attempts, BOOL_OR(correct) AS correct
        FROM "Submission" WHERE "sessionId" = ${sessionId} GROUP BY "userId", "exerciseId"`,
    db.enrollment.findMany({ where: { classId }, select: { userId: true, nickname: true } }),
  ]);
  const nick = new Map(enrollments.map((e) => [e.userId, e.nickname]));
  const cell = new Map(cells.map((c) => [`${c.userId}:${c.exerciseId}`, c]));
  const used = new Set([...session.pushedExerciseIds, ...cells.map((c) => c.exerciseId)]);
  const exercises = session.lesson.exercises.filter((e) => used.has(e.id));
  const boards = exercises.map((e) => ({
    exercise: { id: e.id, position: e.position, type: e.type, points: e.points },
    tiles: participants.map((p): FinalTile => {
      const c = cell.get(`${p.userId}:${e.id}`);
      const status: TileStatus = p.kicked ? "removed" : c?.correct ? "correct" : c ? "submitted" : "joined";
      return { userId: p.userId, nickname: nick.get(p.userId) ?? "?", status, best: c?.best ?? null, attempts: c?.attempts ?? 0 };
    }),
  }));
  return { session, boards, enrolled: enrollments.length };
}
