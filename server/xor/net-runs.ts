// A two-layer run handed in (live or homework): replayed (on a worker thread: server/xor/replay-pool.ts),
// refused when the replay does not reproduce it, and stored once per (userId, clientId) with the
// replay's final net, accuracy steps and diagnostics (never the claimed weights).
import type { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { DomainError } from "../errors";
import { gradeNetRun } from "./replay-pool";
import type { XorNetGrade, XorNetRun } from "@/lib/xor/xor-net-grading";
import type { LabelledPoint } from "@/lib/nn/custom-points";

export const runSelect = { userId: true, payload: true, accuracy: true, solved: true, createdAt: true } as const;
export type RunRow = { userId: string; payload: unknown; accuracy: number; solved: boolean; createdAt: Date };

export function netRunPayload(run: XorNetRun, grade: XorNetGrade): Prisma.InputJsonObject {
  const shape = { ...(run.width !== undefined && { width: run.width }), ...(run.layers !== undefined && { layers: run.layers }), ...(run.initScale !== undefined && { initScale: run.initScale }) };
  return { activation: run.activation, lr: run.lr, epochs: run.epochs, seed: run.seed, ...shape, ...(run.points && { points: run.points }), final: grade.net, steps: grade.steps, diag: grade.diag } as unknown as Prisma.InputJsonObject;
}

/**
 * Replays `run` and stores it in a session or an assignment; a retry (same clientId) gets the stored row.
 * `points`: the exercise's own points (server/xor/xor-proof.ts's exercisePoints; absent: XOR's four): the run is replayed on them.
 */
export async function gradeAndStoreNetRun(place: { sessionId: string } | { assignmentId: string }, userId: string, exerciseId: string, clientId: string, run: unknown, points?: readonly LabelledPoint[]): Promise<RunRow> {
  const grade = await gradeNetRun(run, points);
  if (grade.reason === "invalid") throw new DomainError(grade.error ?? "invalidSubmission", 400);
  if (grade.reason === "replayMismatch" || !grade.net) throw new DomainError("replayMismatch", 422);
  const data = { ...place, exerciseId, userId, clientId, payload: netRunPayload(run as XorNetRun, grade), accuracy: grade.accuracy, solved: grade.solved };
  const created = await db.xorNetRun.createManyAndReturn({ data: [data], skipDuplicates: true, select: runSelect });
  const row = created[0] ?? (await db.xorNetRun.findUnique({ where: { userId_clientId: { userId, clientId } }, select: runSelect }));
  if (!row) throw new DomainError("serverError", 500);
  return row;
}
