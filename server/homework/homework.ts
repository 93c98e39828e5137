// Student-paced mode: a lesson opened as homework with a due date. Students do its exercises when
// they like; each submission is graded on the server (lib/grading/grade-submission.ts) exactly as live, and
// one handed in after the due date is accepted but marked late.
import { db } from "../db";
import { isUniqueViolation, DomainError } from "../errors";
import { toResult } from "../live/sessions";
import { gradeSubmission, storedPayload } from "@/lib/grading/grade-submission";
import type { SubmissionResult } from "@/lib/live/session-protocol";
import { ackForStudent, attemptKey, oneAtATime, requireAttemptLeft, studentView } from "../live/attempts";

export async function createAssignment(classId: string, userId: string, lessonId: string, dueAt: Date) {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, OR: [{ ownerId: null }, { ownerId: userId }] } });
  if (!lesson) throw new DomainError("notFound", 404);
  return db.assignment.create({ data: { classId, lessonId, dueAt } });
}

export function assignmentsOf(classId: string) {
  return db.assignment.findMany({
    where: { classId },
    orderBy: { dueAt: "desc" },
    include: { lesson: { select: { title: true, _count: { select: { exercises: true } } } } },
  });
}

/** The assignment with its lesson's exercises, if this student may do it (enrolled in its class). */
export async function assignmentForStudent(assignmentId: string, userId: string) {
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    include: { lesson: { include: { exercises: { orderBy: { position: "asc" } } } }, class: { select: { name: true } } },
  });
  if (!a) throw new DomainError("notFound", 404);
  const enrolled = await db.enrollment.count({ where: { classId: a.classId, userId } });
  if (!enrolled) throw new DomainError("forbidden", 403);
  return a;
}

/** Remember when the student first opened a homework exercise (later visits change nothing). */
export async function recordStart(assignmentId: string, userId: string, exerciseId: string) {
  const a = await assignmentForStudent(assignmentId, userId);
  if (!a.lesson.exercises.some((e) => e.id === exerciseId)) throw new DomainError("notFound", 404);
  await db.homeworkStart.upsert({
    where: { assignmentId_userId_exerciseId: { assignmentId, userId, exerciseId } },
    update: {},
    create: { assignmentId, userId, exerciseId },
  });
}

type HomeworkInput = { exerciseId: string; clientId: string; payload: unknown };

/** For homework, "the reveal" of an attempt policy is the due date. One attempt at a time per student and exercise. */
export const submitHomework = (assignmentId: string, userId: string, input: HomeworkInput, now = new Date()) =>
  oneAtATime(attemptKey(userId, input.exerciseId), () => submitHomeworkOnce(assignmentId, userId, input, now));

async function submitHomeworkOnce(assignmentId: string, userId: string, input: HomeworkInput, now: Date): Promise<SubmissionResult & { late: boolean }> {
  const again = await db.submission.findUnique({ where: { userId_clientId: { userId, clientId: input.clientId } } });
  if (again && again.assignmentId !== assignmentId) throw new DomainError("invalidInput", 400);
  const a = await assignmentForStudent(assignmentId, userId);
  const pastDue = now.getTime() > a.dueAt.getTime();
  /** A stored attempt as the student may see it: the same answer for the first send and every retry. */
  const ackOf = async (row: NonNullable<typeof again>) => {
    const config = a.lesson.exercises.find((e) => e.id === row.exerciseId)?.config;
    return { ...(await ackForStudent(config, pastDue, { assignmentId, exerciseId: row.exerciseId, userId }, toResult(row))), late: row.late };
  };
  if (again) return ackOf(again);
  const exercise = a.lesson.exercises.find((e) => e.id === input.exerciseId);
  if (!exercise) throw new DomainError("notFound", 404);
  const scope = { assignmentId, exerciseId: exercise.id, userId };
  const attempt = await requireAttemptLeft(exercise.config, scope);
  const grade = gradeSubmission(exercise.config, input.payload);
  if (!grade.valid) throw new DomainError("invalidSubmission", 400);
  if (grade.reason === "settingsLocked") throw new DomainError("settingsLocked", 409);
  const start = await db.homeworkStart.findUnique({
    where: { assignmentId_userId_exerciseId: { assignmentId, userId, exerciseId: exercise.id } },
  });
  try {
    const sub = await db.submission.create({
      data: {
        assignmentId,
        exerciseId: exercise.id,
        userId,
        clientId: input.clientId,
        payload: storedPayload(exercise.config, input.payload) ?? (input.payload as object),
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        feedback: grade.reason,
        late: now.getTime() > a.dueAt.getTime(),
        startedAt: start?.startedAt ?? null,
        createdAt: now,
        attempt,
      },
    });
    return ackOf(sub);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const stored = await db.submission.findUnique({ where: { userId_clientId: { userId, clientId: input.clientId } } });
    if (stored) return ackOf(stored); // the same submission, sent twice
    // Another node stored this attempt number meanwhile: count again (the browser's retry does).
    const left = await requireAttemptLeft(exercise.config, scope);
    throw left === null ? e : new DomainError("serverError", 503);
  }
}

/**
 * The student's result per exercise of an assignment, as they may see it: the attempt that counts
 * under the exercise's policy, its score hidden until the due date under "feedback after reveal".
 */
export async function homeworkResults(assignmentId: string, userId: string, now = new Date()) {
  const a = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { dueAt: true, lesson: { select: { exercises: { select: { id: true, config: true } } } } } });
  const subs = await db.submission.findMany({
    where: { assignmentId, userId },
    orderBy: { createdAt: "asc" },
    select: { exerciseId: true, score: true, maxScore: true, correct: true, feedback: true, late: true, createdAt: true },
  });
  const pastDue = now.getTime() > a.dueAt.getTime();
  const out = new Map<string, SubmissionResult & { late: boolean; attempts: number }>();
  for (const e of a.lesson.exercises) {
    const mine = subs.filter((s) => s.exerciseId === e.id);
    const view = studentView(e.config, pastDue, mine);
    if (view) out.set(e.id, { ...view, late: mine.some((s) => s.late), attempts: mine.length });
  }
  return out;
}

/** Per assignment of the class: students who started, who solved every exercise, who were late. */
export async function assignmentStats(classId: string) {
  const rows = await db.$queryRaw<{ assignmentId: string; students: number; done: number; late: number }[]>`
    WITH per AS (
      SELECT s."assignmentId", s."userId", COUNT(DISTINCT s."exerciseId") FILTER (WHERE s.correct) AS solved, BOOL_OR(s.late) AS late
        FROM "Submission" s JOIN "Assignment" a ON a.id = s."assignmentId"
       WHERE a."classId" = ${classId} GROUP BY s."assignmentId", s."userId"
    )
    SELECT per."assignmentId", COUNT(*)::int AS students,
           (COUNT(*) FILTER (WHERE per.solved >= (SELECT COUNT(*) FROM "Exercise" x JOIN "Assignment" a ON a."lessonId" = x."lessonId" WHERE a.id = per."assignmentId")))::int AS done,
           (COUNT(*) FILTER (WHERE per.late))::int AS late
      FROM per GROUP BY per."assignmentId"`;
  return new Map(rows.map((r) => [r.assignmentId, r]));
}
