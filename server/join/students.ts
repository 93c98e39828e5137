// A class's students, from the instructor's side: remove some (in bulk) together with their data,
// and export one student's data. Removing a student deletes, for this class, their enrollment,
// session participation (board tiles, streamed progress), live and homework submissions, two-layer
// XOR runs and homework starts; the student account itself goes when it belongs to no other class (student accounts are
// made per class at join, so in practice it always goes). The removal takes effect at once: the
// student's open sockets are told and disconnected (or, if the account stays, leave the class's
// rooms) on every node, and their cookie stops working (the account or its enrollment is gone).
import { db } from "../db";
import { hub } from "../bridge";
import { liveSessionOfClass, requireSession } from "../live/sessions";
import { boardState } from "../live/board-state";
import { disconnectUsers, leaveClassRooms, notifyRemoved, revocationIo, rooms } from "../auth/revocation";

export const MAX_BULK_REMOVE = 1000;

export async function removeStudents(classId: string, userIds: string[]): Promise<{ removed: number; accountsDeleted: number }> {
  const enrolled = await db.enrollment.findMany({ where: { classId, userId: { in: userIds } }, select: { userId: true } });
  const ids = enrolled.map((e) => e.userId);
  if (!ids.length) return { removed: 0, accountsDeleted: 0 };
  const live = await liveSessionOfClass(classId);
  const inClass = { userId: { in: ids } };
  await db.$transaction([
    db.submission.deleteMany({ where: { ...inClass, OR: [{ session: { classId } }, { assignment: { classId } }] } }),
    db.homeworkStart.deleteMany({ where: { ...inClass, assignment: { classId } } }),
    db.xorNetRun.deleteMany({ where: { ...inClass, OR: [{ session: { classId } }, { assignment: { classId } }] } }),
    db.sessionParticipant.deleteMany({ where: { ...inClass, session: { classId } } }),
    db.enrollment.deleteMany({ where: { classId, ...inClass } }),
    db.user.deleteMany({ where: { id: { in: ids }, role: "STUDENT", enrollments: { none: {} } } }),
  ]);
  const kept = (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((u) => u.id);
  const deleted = ids.filter((id) => !kept.includes(id));
  notifyRemoved(ids, live?.id ?? null);
  disconnectUsers(deleted);
  await leaveClassRooms(classId, kept);
  hub()?.rosterChanged(classId);
  if (live) await refreshBoard(live.id);
  return { removed: ids.length, accountsDeleted: deleted.length };
}

/** Send the board a fresh snapshot (the removed students' tiles are gone). */
async function refreshBoard(sessionId: string): Promise<void> {
  const io = revocationIo();
  if (!io) return;
  try {
    const online = new Set((await io.in(rooms.session(sessionId)).fetchSockets()).map((s) => (s.data as { user: { id: string } }).user.id));
    io.to(rooms.board(sessionId)).emit("board:state", await boardState(await requireSession(sessionId), online));
  } catch (e) {
    console.error("board refresh after removal failed", e);
  }
}

/** Everything stored about one student in this class, as JSON (a FERPA / COPPA access request). */
export async function studentExport(classId: string, userId: string) {
  const enrollment = await db.enrollment.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { nickname: true, joinedAt: true, user: { select: { id: true, name: true, createdAt: true } } },
  });
  if (!enrollment) return null;
  const [submissions, participations, homeworkStarts, xorNetRuns] = await Promise.all([
    db.submission.findMany({
      where: { userId, OR: [{ session: { classId } }, { assignment: { classId } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, sessionId: true, assignmentId: true, exerciseId: true, payload: true, score: true, maxScore: true, correct: true, feedback: true, late: true, startedAt: true, createdAt: true },
    }),
    db.sessionParticipant.findMany({
      where: { userId, session: { classId } },
      select: { sessionId: true, joinedAt: true, kicked: true, exerciseId: true, progress: true, updatedAt: true },
    }),
    db.homeworkStart.findMany({ where: { userId, assignment: { classId } }, select: { assignmentId: true, exerciseId: true, startedAt: true } }),
    db.xorNetRun.findMany({
      where: { userId, OR: [{ session: { classId } }, { assignment: { classId } }] },
      orderBy: { createdAt: "asc" },
      select: { sessionId: true, assignmentId: true, exerciseId: true, payload: true, accuracy: true, solved: true, createdAt: true },
    }),
  ]);
  return { exportedAt: new Date().toISOString(), classId, student: { ...enrollment.user, nickname: enrollment.nickname, joinedAt: enrollment.joinedAt }, participations, submissions, homeworkStarts, xorNetRuns };
}
