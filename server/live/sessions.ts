// Live sessions in the database: the state that must survive a restart (current exercise, paused,
// open, revealed, who joined, their latest progress, every submission). Every query here costs
// the same for 3 students or 2,000: rows of a session are read and written in one statement.
import { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { taughtBy } from "../join/classes";
import { DomainError } from "../errors";
import { tileStatus } from "@/lib/board/board";
import type { ExerciseView, ProgressState, SessionUpdate, StudentSessionState, SubmissionResult } from "@/lib/live/session-protocol";
import { studentView } from "./attempts";
import { experimentInfo, experimentSelect } from "../experiments/experiment-info";
import { enterParticipants } from "../join/enter-query";

/** The columns the live engine uses (with the lesson's exercises), one select for every read. */
export const sessionSelect = {
  id: true,
  classId: true,
  status: true,
  currentExerciseId: true,
  targetUserIds: true,
  paused: true,
  exerciseOpen: true,
  revealed: true,
  exerciseStartedAt: true,
  pushedExerciseIds: true,
  hiddenLayer: true,
  experiment: { select: experimentSelect },
  lesson: { select: { exercises: { select: { id: true, position: true, type: true, config: true, points: true }, orderBy: { position: "asc" } } } },
} satisfies Prisma.LiveSessionSelect;
export type SessionRow = Prisma.LiveSessionGetPayload<{ select: typeof sessionSelect }>;

/** What a result and a board tile need from a submission. */
export const resultSelect = { userId: true, exerciseId: true, score: true, maxScore: true, correct: true, feedback: true, createdAt: true } satisfies Prisma.SubmissionSelect;

export function loadSession(sessionId: string): Promise<SessionRow | null> {
  return db.liveSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
}

export async function requireSession(sessionId: string): Promise<SessionRow> {
  const s = await loadSession(sessionId);
  if (!s) throw new DomainError("notFound", 404);
  return s;
}

export function exerciseViews(s: SessionRow): ExerciseView[] {
  return s.lesson.exercises.map((e) => ({ id: e.id, position: e.position, type: e.type, config: e.config, points: e.points }));
}

export function currentExercise(s: SessionRow): ExerciseView | null {
  const ex = exerciseViews(s).find((e) => e.id === s.currentExerciseId) ?? null;
  // An experiment on it travels with it: every browser finds its own group (lib/experiments/experiments.ts).
  return ex && s.experiment?.exerciseId === ex.id ? { ...ex, experiment: experimentInfo(s.experiment) } : ex;
}

const targetSets = new WeakMap<SessionRow, Set<string>>();
/** Targeted by the current exercise (a set per cached row: progress checks this at 10,000 messages a second). */
export function isTargeted(s: SessionRow, userId: string): boolean {
  if (s.targetUserIds.length === 0) return true;
  let set = targetSets.get(s);
  if (!set) targetSets.set(s, (set = new Set(s.targetUserIds)));
  return set.has(userId);
}

/** The one message a state change sends to the whole session room. */
export function sessionUpdate(s: SessionRow): SessionUpdate {
  const ex = currentExercise(s);
  return {
    sessionId: s.id,
    status: s.status,
    paused: s.paused,
    exercise: ex ? { ...ex, open: s.exerciseOpen, revealed: s.revealed } : null,
    targetUserIds: s.targetUserIds,
    hiddenLayer: s.hiddenLayer,
  };
}

/** Start a session for a class (ending any other live one of that class). */
export async function startSession(classId: string, lessonId: string) {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId }, select: { id: true } });
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

export function toResult(sub: { exerciseId: string; score: number; maxScore: number; correct: boolean; feedback: string | null; createdAt: Date }): SubmissionResult {
  return { exerciseId: sub.exerciseId, score: sub.score, maxScore: sub.maxScore, correct: sub.correct, reason: sub.feedback ?? undefined, at: sub.createdAt.toISOString() };
}

/**
 * Students enter the session, many at once: enrolled in its class, not removed, session live.
 * One or two queries for the whole group; each student gets its own view or its own error.
 */
export async function enterMany(s: SessionRow, userIds: string[]): Promise<Map<string, StudentSessionState | DomainError>> {
  const out = new Map<string, StudentSessionState | DomainError>();
  if (s.status !== "LIVE") {
    const enrolled = new Set(
      (await db.enrollment.findMany({ where: { classId: s.classId, userId: { in: userIds } }, select: { userId: true } })).map((e) => e.userId),
    );
    for (const u of userIds) out.set(u, enrolled.has(u) ? new DomainError("sessionEnded", 409) : new DomainError("forbidden", 403));
    return out;
  }
  const ex = currentExercise(s);
  // One statement for enrollment, the new rows and the read (server/join/enter-query.ts); the results
  // of the current exercise beside it.
  const [entered, subs] = await Promise.all([
    enterParticipants(s, userIds),
    ex ? db.submission.findMany({ where: { sessionId: s.id, exerciseId: ex.id, userId: { in: userIds } }, select: resultSelect }) : Promise.resolve([]),
  ]);
  const participants = [...entered];
  const found = new Set(entered.map((p) => p.userId));
  const missing = userIds.filter((u) => !found.has(u));
  if (missing.length) {
    // Not enrolled, or a row another node inserted meanwhile: read those the plain way.
    const enrolled = new Set(
      (await db.enrollment.findMany({ where: { classId: s.classId, userId: { in: missing } }, select: { userId: true } })).map((e) => e.userId),
    );
    for (const u of missing) if (!enrolled.has(u)) out.set(u, new DomainError("forbidden", 403));
    const raced = missing.filter((u) => enrolled.has(u));
    if (raced.length) {
      await db.sessionParticipant.createMany({ data: raced.map((userId) => ({ sessionId: s.id, userId })), skipDuplicates: true });
      participants.push(...(await db.sessionParticipant.findMany({ where: { sessionId: s.id, userId: { in: raced } }, select: { userId: true, kicked: true, exerciseId: true, progress: true } })));
    }
  }
  const byUser = new Map<string, typeof subs>();
  for (const sub of subs) byUser.set(sub.userId, [...(byUser.get(sub.userId) ?? []), sub]);
  const oldestFirst = (rows: typeof subs) => rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const p of participants) {
    if (p.kicked) {
      out.set(p.userId, new DomainError("kicked", 403));
      continue;
    }
    const mine = ex && isTargeted(s, p.userId) ? ex : null;
    out.set(p.userId, {
      sessionId: s.id,
      status: s.status,
      paused: s.paused,
      exercise: mine ? { ...mine, open: s.exerciseOpen, revealed: s.revealed } : null,
      progress: mine && p.exerciseId === mine.id ? (p.progress as ProgressState | null) : null,
      // The attempt that counts under the exercise's policy, its score hidden until the reveal if so set.
      result: mine ? studentView(mine.config, s.revealed, oldestFirst(byUser.get(p.userId) ?? [])) : null,
      hiddenLayer: s.hiddenLayer,
    });
  }
  return out;
}

export { tileStatus };

/** The parts of a submitted payload that class-wide charts show (never the whole payload). */
export function answerSummary(payload: unknown): unknown {
  if (!payload || typeof payload !== "object") return undefined;
  const p = payload as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ["explanation", "bestAccuracy", "choices", "concepts", "activation", "gate", "w", "b", "selected"]) if (key in p) out[key] = p[key];
  return out;
}

/** `experimentId`: pushed as that experiment (server/experiments/experiments.ts); otherwise any experiment running stops. */
export async function pushExercise(s: SessionRow, exerciseId: string, userIds: string[] = [], experimentId: string | null = null): Promise<SessionRow> {
  if (!s.lesson.exercises.some((e) => e.id === exerciseId)) throw new DomainError("notFound", 404);
  return db.liveSession.update({
    where: { id: s.id },
    select: sessionSelect,
    data: {
      currentExerciseId: exerciseId,
      targetUserIds: [...new Set(userIds)],
      exerciseOpen: true,
      revealed: false,
      paused: false,
      exerciseStartedAt: new Date(),
      experimentId,
      pushedExerciseIds: s.pushedExerciseIds.includes(exerciseId) ? undefined : { push: exerciseId },
    },
  });
}

const change = (sessionId: string, data: Prisma.LiveSessionUpdateInput) => db.liveSession.update({ where: { id: sessionId }, data, select: sessionSelect });
export const setPaused = (sessionId: string, paused: boolean) => change(sessionId, { paused });
export const closeExercise = (sessionId: string) => change(sessionId, { exerciseOpen: false });
export const revealAnswer = (sessionId: string) => change(sessionId, { revealed: true, exerciseOpen: false });
export const endSession = (sessionId: string) => change(sessionId, { status: "ENDED", endedAt: new Date(), exerciseOpen: false });

export async function kickStudent(sessionId: string, userId: string) {
  // Only a student of this session's class can be removed: anyone else is notFound (not a foreign-key error).
  const enrolled = await db.enrollment.count({ where: { userId, class: { sessions: { some: { id: sessionId } } } } });
  if (!enrolled) throw new DomainError("notFound", 404);
  await db.sessionParticipant.upsert({
    where: { sessionId_userId: { sessionId, userId } },
    update: { kicked: true },
    create: { sessionId, userId, kicked: true },
    select: { id: true },
  });
}

/**
 * Latest progress per student, the whole batch in ONE statement: the rows travel as a single JSON
 * parameter and are joined in (no transaction, no statement per student).
 */
export async function saveProgress(sessionId: string, batch: Map<string, { exerciseId: string; progress: ProgressState }>) {
  if (!batch.size) return;
  const rows = JSON.stringify([...batch].map(([userId, { exerciseId, progress }]) => ({ userId, exerciseId, progress })));
  await db.$executeRaw`
    UPDATE "SessionParticipant" AS p
    SET "exerciseId" = v."exerciseId", "progress" = v."progress", "updatedAt" = now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS v("userId" text, "exerciseId" text, "progress" jsonb)
    WHERE p."sessionId" = ${sessionId} AND p."userId" = v."userId"`;
}
