// Attempt policies on the server: the rules are in lib/grading/attempts.ts; here the one small count query,
// the per-student serialisation that keeps 14 attempts sent at once from all passing the count, and
// the student's view of their result (the attempt that counts, its score hidden until the reveal).
import { db } from "../db";
import { DomainError } from "../errors";
import { allowance, countingAttempt, forStudent, policyOf, type AttemptPolicy } from "@/lib/grading/attempts";
import type { SubmissionResult } from "@/lib/live/session-protocol";

/** Where prior attempts are counted: one live session or one homework assignment. */
export type AttemptScope = { exerciseId: string; userId: string } & ({ sessionId: string } | { assignmentId: string });

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs fn after every earlier call with the same key has finished (one student's attempts at one
 * exercise, on this node). A student's sockets are on one node (sticky sessions), so this is enough
 * for the count below to see every earlier attempt.
 */
export function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

export const attemptKey = (userId: string, exerciseId: string) => `${userId}:${exerciseId}`;

/**
 * Throws `noAttemptsLeft` when the exercise's policy allows no more attempts in this scope; else
 * the number the next attempt gets (null when attempts are unlimited), stored with it: the unique
 * attempt index then refuses a second attempt of that number stored by another node meanwhile.
 */
export async function requireAttemptLeft(config: unknown, scope: AttemptScope): Promise<number | null> {
  const policy = policyOf(config);
  if (policy.maxAttempts === null) return null;
  const prior = await db.submission.count({ where: scope });
  if (!allowance(policy, prior).allowed) throw new DomainError("noAttemptsLeft", 409);
  return prior + 1;
}

type Row = { exerciseId: string; score: number; maxScore: number; correct: boolean; feedback: string | null; createdAt: Date };
const selectRow = { exerciseId: true, score: true, maxScore: true, correct: true, feedback: true, createdAt: true } as const;

function asResult(sub: Row): SubmissionResult {
  return { exerciseId: sub.exerciseId, score: sub.score, maxScore: sub.maxScore, correct: sub.correct, reason: sub.feedback ?? undefined, at: sub.createdAt.toISOString() };
}

/** A student's result in a scope as they may see it: the counting attempt, hidden before the reveal, attempts left. */
export function studentView(config: unknown, revealed: boolean, rows: Row[]): SubmissionResult | null {
  const policy = policyOf(config);
  const left = allowance(policy, rows.length).left;
  const pick = countingAttempt(policy, rows.map((r) => ({ ...r, at: r.createdAt })));
  if (!pick) return null;
  return { ...forStudent(policy, revealed, asResult(pick)), attemptsLeft: left, attempts: rows.length };
}

/** An attempt's ack as the student may see it, `used` attempts stored counting it (attempts are counted only under a limit). */
export function studentAck(policy: AttemptPolicy, revealed: boolean, result: SubmissionResult, used: number): SubmissionResult {
  const counted = policy.maxAttempts === null ? undefined : used;
  return { ...forStudent(policy, revealed, result), attemptsLeft: allowance(policy, used).left, attempts: counted };
}

/** The ack of a new attempt as the student may see it (with the attempts left after it). */
export async function ackForStudent(config: unknown, revealed: boolean, scope: AttemptScope, result: SubmissionResult): Promise<SubmissionResult> {
  const policy = policyOf(config);
  const used = policy.maxAttempts === null ? 0 : await db.submission.count({ where: scope });
  return studentAck(policy, revealed, result, used);
}

/** Per student, the attempt that counts under the exercise's policy (rows in any order). */
export function countingPerStudent<S extends { userId: string; score: number; createdAt: Date }>(config: unknown, rows: S[]): Map<string, S> {
  const policy = policyOf(config);
  const byUser = new Map<string, S[]>();
  for (const r of rows) {
    const list = byUser.get(r.userId);
    if (list) list.push(r);
    else byUser.set(r.userId, [r]);
  }
  const out = new Map<string, S>();
  for (const [userId, list] of byUser) {
    const pick = countingAttempt(policy, list.map((r) => ({ row: r, score: r.score, at: r.createdAt })));
    if (pick) out.set(userId, pick.row);
  }
  return out;
}
