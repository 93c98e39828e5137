// Submissions: checked against the session's state, graded on the server with lib/, stored once
// (a retried submission with the same clientId returns the stored result). Concurrent submissions
// are handled as one batch: a few queries for the batch (known clientIds, participants, attempts
// used when the exercise limits them, one insert), each answered only once its row is written, so
// an acknowledged submission is durable. Batches run one at a time on a node, so the attempt count
// of one student holds even when 14 attempts arrive at once.
import type { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { DomainError } from "../errors";
import { groupBy } from "../database/batch";
import { answerSummary, isTargeted, resultSelect, toResult, type SessionRow } from "./sessions";
import { allowance, policyOf, type AttemptPolicy } from "@/lib/grading/attempts";
import { studentAck } from "./attempts";
import type { Submit, SubmissionResult } from "@/lib/live/session-protocol";
import { configFor, keepsToGroup } from "../experiments/experiments";
import type { XorReplay } from "@/lib/grading/grading";

/** `result` is what the board shows; `mine` what the student may see under the attempt policy. */
/** `xorReplay`: a fresh XOR answer's replay by the grading (for the board's class result; absent on a retry). */
export type Submitted = { result: SubmissionResult; answer: unknown; mine: SubmissionResult; xorReplay?: XorReplay };
export type SubmitItem = { userId: string; data: Submit };

/**
 * The grading code, loaded on first use: it brings mathjs (formula activations), whose import costs
 * about a second of CPU and 90 MB. Kept off the start, so that a restart serves sooner; server/start.ts
 * warms it a few seconds after serving, once the reconnecting students are back.
 */
let grading: Promise<typeof import("@/lib/grading/grade-submission")> | undefined;
export const loadGrading = () => (grading ??= import("@/lib/grading/grade-submission"));

const storedSelect = { ...resultSelect, clientId: true, payload: true };
type Stored = { userId: string; clientId: string | null; payload: unknown } & Parameters<typeof toResult>[0];
const keyOf = (userId: string, clientId: string | null) => `${userId}\u0000${clientId}`;

async function storedByKey(items: SubmitItem[]): Promise<Map<string, Stored>> {
  const rows = await db.submission.findMany({
    where: { clientId: { in: [...new Set(items.map((i) => i.data.clientId))] }, userId: { in: [...new Set(items.map((i) => i.userId))] } },
    select: storedSelect,
  });
  return new Map(rows.map((r) => [keyOf(r.userId, r.clientId), r]));
}

/** Why this submission may not be stored, or null. */
function refusal(s: SessionRow | null, participant: { kicked: boolean } | undefined, userId: string, exerciseId: string): DomainError | null {
  if (!s) return new DomainError("notFound", 404);
  if (!participant) return new DomainError("forbidden", 403);
  if (participant.kicked) return new DomainError("kicked", 403);
  if (s.status !== "LIVE") return new DomainError("sessionEnded", 409);
  if (s.currentExerciseId !== exerciseId || !s.exerciseOpen) return new DomainError("exerciseClosed", 409);
  if (!isTargeted(s, userId)) return new DomainError("notTargeted", 403);
  if (s.paused) return new DomainError("paused", 409);
  return null;
}

/** Attempts each student already has at the session's exercises that limit attempts (one query, only then). */
async function attemptsUsed(s: SessionRow, userIds: string[]): Promise<Map<string, number>> {
  const limited = s.lesson.exercises.filter((e) => policyOf(e.config).maxAttempts !== null).map((e) => e.id);
  if (!limited.length || !userIds.length) return new Map();
  const rows = await db.submission.groupBy({
    by: ["userId", "exerciseId"],
    where: { sessionId: s.id, exerciseId: { in: limited }, userId: { in: [...new Set(userIds)] } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [keyOf(r.userId, r.exerciseId), r._count._all]));
}

export async function submitBatch(items: SubmitItem[], session: (id: string) => Promise<SessionRow | null>): Promise<(Submitted | Error)[]> {
  const { gradeSubmission, storedPayload } = await loadGrading();
  const out: (Submitted | Error | undefined)[] = new Array(items.length);
  const known = await storedByKey(items);
  const rows: Prisma.SubmissionCreateManyInput[] = [];
  const waiting = new Map<string, number[]>(); // key -> indexes answered by the row being written
  const context = new Map<string, { policy: AttemptPolicy; revealed: boolean; usedAfter: number; xorReplay?: XorReplay }>(); // per waiting key
  const used = new Map<string, number>(); // userId\0exerciseId -> attempts stored, counting this batch's

  const answerOf = (row: Stored, s: SessionRow | null): Submitted => {
    const result = toResult(row);
    const config = s?.lesson.exercises.find((e) => e.id === row.exerciseId)?.config;
    const mine = s ? studentAck(policyOf(config), s.revealed, result, used.get(keyOf(row.userId, row.exerciseId)) ?? 1) : result;
    return { result, answer: answerSummary(row.payload), mine };
  };

  for (const [sessionId, group] of groupBy(items, (i) => i.data.sessionId)) {
    const s = await session(sessionId);
    if (s) for (const [k, n] of await attemptsUsed(s, group.map((g) => g.item.userId))) used.set(k, n);
    const fresh = group.filter(({ item, index }) => {
      const again = known.get(keyOf(item.userId, item.data.clientId));
      if (again) out[index] = answerOf(again, s);
      return !again;
    });
    if (!fresh.length) continue;
    const participants = s
      ? new Map((await db.sessionParticipant.findMany({ where: { sessionId, userId: { in: fresh.map((f) => f.item.userId) } }, select: { userId: true, kicked: true } })).map((p) => [p.userId, p]))
      : new Map<string, { kicked: boolean }>();
    for (const { item, index } of fresh) {
      const { userId, data } = item;
      const key = keyOf(userId, data.clientId);
      if (waiting.has(key)) {
        waiting.get(key)!.push(index); // the same submission twice in one batch: stored once
        continue;
      }
      const refused = refusal(s, participants.get(userId), userId, data.exerciseId);
      const exercise = s?.lesson.exercises.find((e) => e.id === data.exerciseId);
      if (refused || !exercise) {
        out[index] = refused ?? new DomainError("notFound", 404);
        continue;
      }
      const policy = policyOf(exercise.config);
      const attemptKey = keyOf(userId, data.exerciseId);
      const prior = used.get(attemptKey) ?? 0;
      if (!allowance(policy, prior).allowed) {
        out[index] = new DomainError("noAttemptsLeft", 409);
        continue;
      }
      // In an experiment: graded with the student's group's settings (server/experiments/experiments.ts configFor).
      const config = configFor(s!, userId, exercise);
      if (config === null) {
        out[index] = new DomainError("experimentNoGroup", 409);
        continue;
      }
      const grade = gradeSubmission(config, data.payload);
      if (!grade.valid) {
        out[index] = new DomainError("invalidSubmission", 400);
        continue;
      }
      if (grade.reason === "settingsLocked" || !keepsToGroup(s!, userId, exercise, data.payload)) {
        out[index] = new DomainError("settingsLocked", 409);
        continue;
      }
      used.set(attemptKey, prior + 1);
      waiting.set(key, [index]);
      context.set(key, { policy, revealed: s!.revealed, usedAfter: prior + 1, xorReplay: grade.xorReplay }); // this attempt's number, for "attempts left"
      rows.push({
        sessionId,
        exerciseId: data.exerciseId,
        userId,
        clientId: data.clientId,
        payload: storedPayload(config, data.payload) ?? (data.payload as object),
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        feedback: grade.reason,
        startedAt: s!.exerciseStartedAt,
        attempt: policy.maxAttempts === null ? null : prior + 1,
      });
    }
  }

  if (rows.length) {
    // One insert for the batch. A row another node stored meanwhile (same clientId) is skipped and read back.
    const created = await db.submission.createManyAndReturn({ data: rows, skipDuplicates: true, select: storedSelect });
    const byKey = new Map<string, Stored>(created.map((r) => [keyOf(r.userId, r.clientId), r]));
    const raced = [...waiting.keys()].filter((k) => !byKey.has(k));
    if (raced.length) for (const [k, r] of await storedByKey(raced.map((k) => items[waiting.get(k)![0]]))) byKey.set(k, r);
    for (const [k, indexes] of waiting) {
      const row = byKey.get(k);
      const ctx = context.get(k)!;
      for (const i of indexes) {
        if (!row) {
          // Not stored and not found by its client id: another node stored this attempt number at
          // the same moment (the unique attempt index refused ours). The last attempt allowed is
          // gone; an earlier one is answered as a failure the browser retries (and counts again).
          const last = ctx.policy.maxAttempts !== null && ctx.usedAfter >= ctx.policy.maxAttempts;
          out[i] = last ? new DomainError("noAttemptsLeft", 409) : new DomainError("serverError", 500);
          continue;
        }
        const result = toResult(row);
        out[i] = { result, answer: answerSummary(row.payload), mine: studentAck(ctx.policy, ctx.revealed, result, ctx.usedAfter), xorReplay: ctx.xorReplay };
      }
    }
  }
  return out.map((o) => o ?? new DomainError("serverError", 500));
}
