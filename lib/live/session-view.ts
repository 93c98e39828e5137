// A student's own view of a session, derived in the browser from the one update broadcast to the
// whole session (the server no longer builds and sends one view per student).
import type { SessionUpdate, StudentSessionState, SubmissionResult } from "./session-protocol";

export function isTargeted(targetUserIds: readonly string[], userId: string): boolean {
  return targetUserIds.length === 0 || targetUserIds.includes(userId);
}

/**
 * The view of `me` after `update`. Their own progress and best result stay when the exercise is
 * the same one; for another exercise, progress starts empty and the result comes from `results`
 * (the best results this page knows, per exercise id), if any.
 */
export function studentView(
  update: SessionUpdate,
  me: string,
  prev: StudentSessionState | null,
  results: ReadonlyMap<string, SubmissionResult> = new Map(),
): StudentSessionState {
  const ex = update.exercise && isTargeted(update.targetUserIds, me) ? update.exercise : null;
  const same = ex !== null && prev?.sessionId === update.sessionId && prev.exercise?.id === ex.id;
  return {
    sessionId: update.sessionId,
    status: update.status,
    paused: update.paused,
    exercise: ex,
    progress: same ? prev.progress : null,
    result: ex ? (same && prev.result ? better(prev.result, results.get(ex.id)) : (results.get(ex.id) ?? null)) : null,
    hiddenLayer: update.hiddenLayer,
  };
}

/** The better of two results: the higher score, then the later one (the server's rule). */
export function better(a: SubmissionResult, b: SubmissionResult | null | undefined): SubmissionResult {
  if (!b) return a;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return a.at >= b.at ? a : b;
}
