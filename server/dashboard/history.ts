// Past live sessions of a class: when, which exercises were pushed, who took part, and a static
// summary of the board's final state built from the stored participants and submissions.
import { db } from "../db";
import { countingPerStudent } from "../live/attempts";

/** The gate a GATE exercise trains (its name on every page: "2. Train a perceptron: AND"). */
const gateOf = (config: unknown): string | null => {
  const g = config && typeof config === "object" ? (config as { gate?: unknown }).gate : undefined;
  return typeof g === "string" ? g : null;
};

export interface SessionSummaryRow {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  status: "LIVE" | "ENDED";
  lessonTitle: string;
  exercises: { id: string; position: number; type: string; gate: string | null }[];
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
  const exercises = await db.exercise.findMany({ where: { lessonId: { in: lessonIds } }, select: { id: true, position: true, type: true, config: true } });
  const byId = new Map(exercises.map(({ config, ...e }) => [e.id, { ...e, gate: gateOf(config) }]));
  return rows.map(({ pushed, submitted, lessonId: _lessonId, ...r }) => {
    const ids = [...pushed, ...submitted.filter((id) => !pushed.includes(id))];
    return { ...r, exercises: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) };
  });
}

export type TileStatus = "correct" | "submitted" | "joined" | "removed";
export interface FinalTile { userId: string; nickname: string; status: TileStatus; best: number | null; attempts: number }

/** The board as it ended: per pushed exercise, one tile per participant with the result that counts. */
export async function sessionFinalBoard(classId: string, sessionId: string) {
  const session = await db.liveSession.findFirst({
    where: { id: sessionId, classId },
    include: { lesson: { include: { exercises: { orderBy: { position: "asc" } } } } },
  });
  if (!session) return null;
  const [participants, cells, enrollments] = await Promise.all([
    db.sessionParticipant.findMany({ where: { sessionId }, select: { userId: true, kicked: true, joinedAt: true }, orderBy: { joinedAt: "asc" } }),
    db.submission.findMany({ where: { sessionId }, select: { userId: true, exerciseId: true, score: true, correct: true, createdAt: true } }),
    db.enrollment.findMany({ where: { classId }, select: { userId: true, nickname: true } }),
  ]);
  const nick = new Map(enrollments.map((e) => [e.userId, e.nickname]));
  // Per exercise, each student's attempt that counts under its policy (best, first or last).
  const cell = new Map<string, { best: number; attempts: number; correct: boolean }>();
  for (const e of session.lesson.exercises) {
    const rows = cells.filter((c) => c.exerciseId === e.id);
    if (!rows.length) continue;
    const attempts = new Map<string, number>();
    for (const r of rows) attempts.set(r.userId, (attempts.get(r.userId) ?? 0) + 1);
    for (const [userId, pick] of countingPerStudent(e.config, rows)) cell.set(`${userId}:${e.id}`, { best: pick.score, correct: pick.correct, attempts: attempts.get(userId) ?? 0 });
  }
  const used = new Set([...session.pushedExerciseIds, ...cells.map((c) => c.exerciseId)]);
  const exercises = session.lesson.exercises.filter((e) => used.has(e.id));
  const boards = exercises.map((e) => ({
    exercise: { id: e.id, position: e.position, type: e.type, points: e.points, gate: gateOf(e.config) },
    tiles: participants.map((p): FinalTile => {
      const c = cell.get(`${p.userId}:${e.id}`);
      const status: TileStatus = p.kicked ? "removed" : c?.correct ? "correct" : c ? "submitted" : "joined";
      return { userId: p.userId, nickname: nick.get(p.userId) ?? "?", status, best: c?.best ?? null, attempts: c?.attempts ?? 0 };
    }),
  }));
  return { session, boards, enrolled: enrollments.length };
}
