// Submissions: checked against the session's state, graded on the server with lib/, stored once
// (a retried submission with the same clientId returns the stored result).
import { db } from "./db";
import { DomainError } from "./classes";
import { answerSummary, isTargeted, requireSession, toResult } from "./sessions";
import { gradeSubmission, storedPayload } from "@/lib/grade-submission";
import type { Submit, SubmissionResult } from "@/lib/session-protocol";
import { ackForRetry, ackForStudent, attemptKey, oneAtATime, requireAttemptLeft } from "./attempts";

type Submitted = { result: SubmissionResult; answer: unknown; mine: SubmissionResult };

/** One student's attempts at one exercise are taken one at a time, so that the attempt count holds. */
export const submit = (userId: string, data: Submit): Promise<Submitted> => oneAtATime(attemptKey(userId, data.exerciseId), () => submitOnce(userId, data));

async function submitOnce(userId: string, data: Submit): Promise<Submitted> {
  const { sessionId, exerciseId, clientId, payload } = data;
  const again = await db.submission.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (again) return { result: toResult(again), answer: answerSummary(again.payload), mine: await ackForRetry(again) };

  const s = await requireSession(sessionId);
  const participant = await db.sessionParticipant.findUnique({ where: { sessionId_userId: { sessionId, userId } } });
  if (!participant) throw new DomainError("forbidden", 403);
  if (participant.kicked) throw new DomainError("kicked", 403);
  if (s.status !== "LIVE") throw new DomainError("sessionEnded", 409);
  if (s.currentExerciseId !== exerciseId || !s.exerciseOpen) throw new DomainError("exerciseClosed", 409);
  if (!isTargeted(s, userId)) throw new DomainError("notTargeted", 403);
  if (s.paused) throw new DomainError("paused", 409);
  const exercise = s.lesson.exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new DomainError("notFound", 404);

  const scope = { sessionId, exerciseId, userId };
  await requireAttemptLeft(exercise.config, scope);
  const grade = gradeSubmission(exercise.config, payload);
  if (!grade.valid) throw new DomainError("invalidSubmission", 400);
  if (grade.reason === "settingsLocked") throw new DomainError("settingsLocked", 409);
  try {
    const sub = await db.submission.create({
      data: {
        sessionId,
        exerciseId,
        userId,
        clientId,
        payload: storedPayload(exercise.config, payload) ?? (payload as object),
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        feedback: grade.reason,
        startedAt: s.exerciseStartedAt,
      },
    });
    const result = toResult(sub);
    return { result, answer: answerSummary(sub.payload), mine: await ackForStudent(exercise.config, s.revealed, scope, result) };
  } catch (e) {
    // The same submission raced in twice: return the one stored.
    if ((e as { code?: string }).code === "P2002") {
      const stored = await db.submission.findUniqueOrThrow({ where: { userId_clientId: { userId, clientId } } });
      return { result: toResult(stored), answer: answerSummary(stored.payload), mine: await ackForRetry(stored) };
    }
    throw e;
  }
}
