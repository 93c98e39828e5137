// The board's snapshot of a session: every tile in three queries (roster, participants, the current
// exercise's submissions), whatever the class size. Sent on board:watch and after a push or a kick.
import { db } from "../db";
import { countingPerStudent } from "./attempts";
import { answerSummary, currentExercise, exerciseViews, resultSelect, tileStatus, toResult, type SessionRow } from "./sessions";
import type { BoardState, BoardTile, ProgressState } from "@/lib/live/session-protocol";
import { answerKey, streakOf } from "@/lib/board/help-flags";

export async function boardState(s: SessionRow, online: Set<string>): Promise<BoardState> {
  const ex = currentExercise(s);
  const [enrollments, participants, submissions] = await Promise.all([
    db.enrollment.findMany({ where: { classId: s.classId }, select: { userId: true, nickname: true } }),
    db.sessionParticipant.findMany({ where: { sessionId: s.id, kicked: false }, select: { userId: true, exerciseId: true, progress: true } }),
    ex ? db.submission.findMany({ where: { sessionId: s.id, exerciseId: ex.id }, select: { ...resultSelect, payload: true } }) : Promise.resolve([]),
  ]);
  const nick = new Map(enrollments.map((e) => [e.userId, e.nickname]));
  const best = countingPerStudent(ex?.config, submissions); // the attempt that counts (lib/grading/attempts.ts)
  const repeats = repeatsOf(submissions);
  const tiles: BoardTile[] = participants.map((p) => {
    const sub = best.get(p.userId);
    const progress = ex && p.exerciseId === ex.id ? (p.progress as ProgressState | null) : null;
    const isOnline = online.has(p.userId);
    const result = sub ? toResult(sub) : null;
    return {
      userId: p.userId,
      nickname: nick.get(p.userId) ?? "?",
      online: isOnline,
      status: tileStatus(isOnline, progress, result),
      progress,
      result,
      answer: sub ? answerSummary(sub.payload) : undefined,
      ...(repeats.has(p.userId) ? { repeat: repeats.get(p.userId) } : {}),
    };
  });
  return {
    sessionId: s.id,
    classId: s.classId,
    status: s.status,
    paused: s.paused,
    exercise: ex ? { ...ex, open: s.exerciseOpen, revealed: s.revealed, targetUserIds: s.targetUserIds } : null,
    exercises: exerciseViews(s),
    tiles,
  };
}

/** Each student's latest run of identical failing attempts (the help flags' "same answer again"). */
function repeatsOf(rows: { userId: string; correct: boolean; createdAt: Date; payload: unknown }[]): Map<string, NonNullable<BoardTile["repeat"]>> {
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byUser.get(r.userId);
    if (list) list.push(r);
    else byUser.set(r.userId, [r]);
  }
  const out = new Map<string, NonNullable<BoardTile["repeat"]>>();
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const s = streakOf(list.map((r) => ({ key: answerKey(answerSummary(r.payload)), correct: r.correct, at: r.createdAt.getTime() })));
    if (s && s.count > 1) out.set(userId, { key: s.key, count: s.count, since: new Date(s.since).toISOString() });
  }
  return out;
}
