// Live sessions in the database: the state that must survive a restart (current exercise, paused,
// open, revealed, who joined, their latest progress, every submission).
import { db } from "./db";
import { DomainError, taughtBy } from "./classes";
import { countingPerStudent, studentResult } from "./attempts";
import type { BoardState, BoardTile, ExerciseView, ProgressState, StudentSessionState, SubmissionResult } from "@/lib/session-protocol";

type SessionRow = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

export function loadSession(sessionId: string) {
  return db.liveSession.findUnique({
    where: { id: sessionId },
    include: { lesson: { include: { exercises: { orderBy: { position: "asc" } } } } },
  });
}

export async function requireSession(sessionId: string): Promise<SessionRow> {
  const s = await loadSession(sessionId);
  if (!s) throw new DomainError("notFound", 404);
  return s;
}

function exerciseViews(s: SessionRow): ExerciseView[] {
  return s.lesson.exercises.map((e) => ({ id: e.id, position: e.position, type: e.type, config: e.config, points: e.points }));
}

function currentExercise(s: SessionRow): ExerciseView | null {
  return exerciseViews(s).find((e) => e.id === s.currentExerciseId) ?? null;
}

export function isTargeted(s: { targetUserIds: string[] }, userId: string): boolean {
  return s.targetUserIds.length === 0 || s.targetUserIds.includes(userId);
}

/** Start a session for a class (ending any other live one of that class). */
export async function startSession(classId: string, lessonId: string) {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId } });
  if (!lesson) throw new DomainError("notFound", 404);
  const now = new Date();
  await db.liveSession.updateMany({ where: { classId, status: "LIVE" }, data: { status: "ENDED", endedAt: now } });
  return db.liveSession.create({ data: { classId, lessonId } });
}

export async function liveSessionOfClass(classId: string) {
  return db.liveSession.findFirst({ where: { classId, status: "LIVE" }, orderBy: { startedAt: "desc" } });
}

export async function isInstructorOf(userId: string, sessionId: string): Promise<boolean> {
  return (await db.liveSession.count({ where: { id: sessionId, class: taughtBy(userId) } })) > 0;
}

/** A student may take part: enrolled in the session's class, not removed, session live. */
export async function enterSession(userId: string, sessionId: string): Promise<SessionRow> {
  const s = await requireSession(sessionId);
  const enrolled = await db.enrollment.count({ where: { classId: s.classId, userId } });
  if (!enrolled) throw new DomainError("forbidden", 403);
  if (s.status !== "LIVE") throw new DomainError("sessionEnded", 409);
  const p = await db.sessionParticipant.upsert({
    where: { sessionId_userId: { sessionId, userId } },
    update: {},
    create: { sessionId, userId },
  });
  if (p.kicked) throw new DomainError("kicked", 403);
  return s;
}

export function toResult(sub: { exerciseId: string; score: number; maxScore: number; correct: boolean; feedback: string | null; createdAt: Date }): SubmissionResult {
  return { exerciseId: sub.exerciseId, score: sub.score, maxScore: sub.maxScore, correct: sub.correct, reason: sub.feedback ?? undefined, at: sub.createdAt.toISOString() };
}

/** The student's best submission for an exercise in this session (highest score, then latest). */
async function bestResult(sessionId: string, exerciseId: string, userId: string) {
  const sub = await db.submission.findFirst({
    where: { sessionId, exerciseId, userId },
    orderBy: [{ score: "desc" }, { createdAt: "desc" }],
  });
  return sub ? toResult(sub) : null;
}

export async function studentState(s: SessionRow, userId: string): Promise<StudentSessionState> {
  const ex = currentExercise(s);
  const mine = ex && isTargeted(s, userId) ? ex : null;
  const participant = await db.sessionParticipant.findUnique({ where: { sessionId_userId: { sessionId: s.id, userId } } });
  return {
    sessionId: s.id,
    status: s.status,
    paused: s.paused,
    exercise: mine ? { ...mine, open: s.exerciseOpen, revealed: s.revealed } : null,
    progress: mine && participant?.exerciseId === mine.id ? (participant.progress as ProgressState | null) : null,
    result: mine ? await studentResult(mine.config, s.revealed, { sessionId: s.id, exerciseId: mine.id, userId }) : null,
  };
}

export async function boardState(s: SessionRow, online: Set<string>): Promise<BoardState> {
  const ex = currentExercise(s);
  const [enrollments, participants, submissions] = await Promise.all([
    db.enrollment.findMany({ where: { classId: s.classId }, orderBy: { joinedAt: "asc" } }),
    db.sessionParticipant.findMany({ where: { sessionId: s.id } }),
    ex ? db.submission.findMany({ where: { sessionId: s.id, exerciseId: ex.id }, orderBy: { createdAt: "asc" } }) : Promise.resolve([]),
  ]);
  const nick = new Map(enrollments.map((e) => [e.userId, e.nickname]));
  const best = countingPerStudent(ex?.config, submissions); // the attempt that counts (lib/attempts.ts)
  const tiles: BoardTile[] = participants
    .filter((p) => !p.kicked)
    .map((p) => {
      const sub = best.get(p.userId);
      const progress = ex && p.exerciseId === ex.id ? (p.progress as ProgressState | null) : null;
      const isOnline = online.has(p.userId);
      return {
        userId: p.userId,
        nickname: nick.get(p.userId) ?? "?",
        online: isOnline,
        status: tileStatus(isOnline, progress, sub ? toResult(sub) : null),
        progress,
        result: sub ? toResult(sub) : null,
        answer: sub ? answerSummary(sub.payload) : undefined,
      };
    });
  return {
    sessionId: s.id,
    classId: s.classId,
    status: s.status,
    paused: s.paused,
    exercise: ex ? { ...ex, open: s.exerciseOpen, revealed: s.revealed, targetUserIds: s.targetUserIds } : null,
    exercises: exerciseViews(s),
    tiles,
  };
}

export function tileStatus(online: boolean, progress: ProgressState | null, result: SubmissionResult | null): BoardTile["status"] {
  if (!online) return "disconnected";
  if (result?.correct) return "correct";
  if (result) return "submitted";
  if (progress) return "working";
  return "joined";
}

/** The parts of a submitted payload that class-wide charts show (never the whole payload). */
export function answerSummary(payload: unknown): unknown {
  if (!payload || typeof payload !== "object") return undefined;
  const p = payload as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ["explanation", "bestAccuracy", "choices", "activation", "gate", "w", "b"]) if (key in p) out[key] = p[key];
  return out;
}

export async function pushExercise(sessionId: string, exerciseId: string, userIds: string[] = []) {
  const s = await requireSession(sessionId);
  if (!s.lesson.exercises.some((e) => e.id === exerciseId)) throw new DomainError("notFound", 404);
  return db.liveSession.update({
    where: { id: sessionId },
    data: {
      currentExerciseId: exerciseId,
      targetUserIds: userIds,
      exerciseOpen: true,
      revealed: false,
      paused: false,
      exerciseStartedAt: new Date(),
      pushedExerciseIds: s.pushedExerciseIds.includes(exerciseId) ? undefined : { push: exerciseId },
    },
  });
}

export const setPaused = (sessionId: string, paused: boolean) => db.liveSession.update({ where: { id: sessionId }, data: { paused } });
export const closeExercise = (sessionId: string) => db.liveSession.update({ where: { id: sessionId }, data: { exerciseOpen: false } });
export const revealAnswer = (sessionId: string) => db.liveSession.update({ where: { id: sessionId }, data: { revealed: true, exerciseOpen: false } });
export const endSession = (sessionId: string) =>
  db.liveSession.update({ where: { id: sessionId }, data: { status: "ENDED", endedAt: new Date(), exerciseOpen: false } });

export async function kickStudent(sessionId: string, userId: string) {
  await db.sessionParticipant.upsert({
    where: { sessionId_userId: { sessionId, userId } },
    update: { kicked: true },
    create: { sessionId, userId, kicked: true },
  });
}

/** Latest progress per student, written in one batch. */
export async function saveProgress(sessionId: string, batch: Map<string, { exerciseId: string; progress: ProgressState }>) {
  await db.$transaction(
    [...batch].map(([userId, { exerciseId, progress }]) =>
      db.sessionParticipant.updateMany({ where: { sessionId, userId }, data: { exerciseId, progress } }),
    ),
  );
}
