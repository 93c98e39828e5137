// The two-layer network's run handed in as homework: replayed on the server like a live one
// (lib/xor-net-grading.ts, on a worker thread: server/replay-pool.ts), refused when the replay does not reproduce it, stored once per clientId.
import { db } from "./db";
import { DomainError } from "./errors";
import { assignmentForStudent } from "./homework";
import { netRunPayload } from "./net-run-payload";
import { gradeNetRun } from "./replay-pool";
import type { XorNetRun } from "@/lib/xor-net-grading";
import type { XorNetResult } from "@/lib/xor-protocol";

const select = { accuracy: true, solved: true, createdAt: true } as const;

export async function submitHomeworkNetRun(assignmentId: string, userId: string, input: { exerciseId: string; clientId: string; payload: unknown }): Promise<XorNetResult> {
  const a = await assignmentForStudent(assignmentId, userId);
  const exercise = a.lesson.exercises.find((e) => e.id === input.exerciseId);
  // the network is the XOR exercise's next step: nowhere else
  if (!exercise || exercise.type !== "XOR") throw new DomainError("notFound", 404);
  const grade = await gradeNetRun(input.payload);
  if (grade.reason === "invalid") throw new DomainError(grade.error ?? "invalidSubmission", 400);
  if (grade.reason === "replayMismatch" || !grade.net) throw new DomainError("replayMismatch", 422);
  const data = { assignmentId, exerciseId: exercise.id, userId, clientId: input.clientId, payload: netRunPayload(input.payload as XorNetRun, grade), accuracy: grade.accuracy, solved: grade.solved };
  const created = await db.xorNetRun.createManyAndReturn({ data: [data], skipDuplicates: true, select });
  const row = created[0] ?? (await db.xorNetRun.findUnique({ where: { userId_clientId: { userId, clientId: input.clientId } }, select }));
  if (!row) throw new DomainError("serverError", 500);
  return { solved: row.solved, accuracy: row.accuracy, at: row.createdAt.toISOString() };
}
