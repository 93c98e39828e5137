// The two-layer network's run handed in as homework: replayed on the server like a live one
// (server/xor/net-runs.ts), refused when the replay does not reproduce it, stored once per clientId.
import { DomainError } from "../errors";
import { assignmentForStudent } from "./homework";
import { gradeAndStoreNetRun } from "../xor/net-runs";
import type { XorNetResult } from "@/lib/live/xor-protocol";
import { netPointsOf } from "@/lib/xor/xor-net-grading";

export async function submitHomeworkNetRun(assignmentId: string, userId: string, input: { exerciseId: string; clientId: string; payload: unknown }): Promise<XorNetResult> {
  const a = await assignmentForStudent(assignmentId, userId);
  const exercise = a.lesson.exercises.find((e) => e.id === input.exerciseId);
  // the network is the XOR exercise's next step: nowhere else
  if (!exercise || exercise.type !== "XOR") throw new DomainError("notFound", 404);
  // replayed on the exercise's own points when its preset has them (the same rule as live)
  const row = await gradeAndStoreNetRun({ assignmentId }, userId, exercise.id, input.clientId, input.payload, netPointsOf(exercise.config));
  return { solved: row.solved, accuracy: row.accuracy, at: row.createdAt.toISOString() };
}
