// CSV exports of a class: the gradebook (one row per student) and every raw submission (streamed in
// batches, so that a large class never sits in memory whole).
import { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { cellsOf, dashboardColumns } from "./dashboard";
import { classHiddenLayer } from "../xor/xor-summary";
import { BOM, gradebookRows, safeText, toCsv, type GradebookStudent } from "@/lib/dashboard/export";

export async function gradebookCsv(classId: string): Promise<string> {
  const [columns, enrollments, cells, hidden] = await Promise.all([
    dashboardColumns(classId),
    db.enrollment.findMany({ where: { classId }, orderBy: [{ nickname: "asc" }], select: { userId: true, nickname: true, joinedAt: true } }),
    cellsOf(classId, null),
    classHiddenLayer(classId),
  ]);
  const byUser = new Map<string, GradebookStudent>(
    enrollments.map((e) => [e.userId, { nickname: e.nickname, joinedAt: e.joinedAt, best: new Map(), correct: new Set(), late: new Set(), xorNet: hidden.solved.has(e.userId) }]),
  );
  for (const c of cells) {
    const s = byUser.get(c.userId);
    if (!s) continue;
    s.best.set(c.exerciseId, c.best);
    if (c.correct) s.correct.add(c.exerciseId);
    if (c.late) s.late.add(c.exerciseId);
  }
  return BOM + toCsv(gradebookRows(columns, [...byUser.values()], { xorNet: hidden.unlocked }));
}

export const SUBMISSION_HEADER = [
  "submitted_at", "nickname", "lesson", "exercise", "type", "mode", "session_or_homework_id",
  "score", "max_score", "correct", "late", "reason", "payload",
];

interface SubmissionRow {
  id: string; createdAt: Date; nickname: string; lessonTitle: string; position: number; type: string;
  sessionId: string | null; assignmentId: string | null; score: number; maxScore: number; correct: boolean;
  late: boolean; feedback: string | null; payload: unknown;
}

/** Raw submissions in (createdAt, id) order, a batch at a time (keyset paging). */
export async function* submissionBatches(classId: string, batch = 1000): AsyncGenerator<(string | number | boolean)[][]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (s."createdAt", s.id) > (${after.createdAt}, ${after.id})` : Prisma.empty;
    const rows: SubmissionRow[] = await db.$queryRaw<SubmissionRow[]>`
      SELECT s.id, s."createdAt", e.nickname, l.title AS "lessonTitle", x.position, x.type::text AS type,
             s."sessionId", s."assignmentId", s.score, s."maxScore", s.correct, s.late, s.feedback, s.payload
        FROM "Submission" s
        JOIN "Exercise" x ON x.id = s."exerciseId"
        JOIN "Lesson" l ON l.id = x."lessonId"
        JOIN "Enrollment" e ON e."userId" = s."userId" AND e."classId" = ${classId}
        LEFT JOIN "LiveSession" ls ON ls.id = s."sessionId"
        LEFT JOIN "Assignment" a ON a.id = s."assignmentId"
       WHERE (ls."classId" = ${classId} OR a."classId" = ${classId}) ${cursor}
       ORDER BY s."createdAt", s.id
       LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows.map((r) => [
      new Date(r.createdAt).toISOString(),
      safeText(r.nickname),
      safeText(r.lessonTitle),
      r.position + 1,
      r.type,
      r.sessionId ? "live" : "homework",
      r.sessionId ?? r.assignmentId ?? "",
      r.score,
      r.maxScore,
      r.correct,
      r.late,
      r.feedback ?? "",
      typeof r.payload === "string" ? r.payload : JSON.stringify(r.payload),
    ]);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { createdAt: new Date(last.createdAt), id: last.id };
  }
}

/** The raw-submissions CSV as a byte stream: BOM and header first, then batch after batch. */
export function submissionsCsvStream(classId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = submissionBatches(classId);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + toCsv([SUBMISSION_HEADER])));
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
