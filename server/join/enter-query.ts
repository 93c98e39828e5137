// The hot statement of a lecture hall entering a live session: for a batch of students, who is
// enrolled in the session's class, their participant row made if missing, and every row read back,
// in one statement instead of three (enrollment, insert, read). server/live/sessions.ts enterMany uses it.
import { db } from "../db";
import { newId } from "../database/ids";

export type ParticipantRow = { userId: string; kicked: boolean; exerciseId: string | null; progress: unknown };

/**
 * The participant rows of these students in a live session, made for the enrolled ones that had
 * none. A student missing from the answer is not enrolled, or (rarely) raced by another node's
 * insert of the same row; the caller reads those again the slow way.
 */
export async function enterParticipants(s: { id: string; classId: string }, userIds: string[]): Promise<ParticipantRow[]> {
  const rowIds = userIds.map(() => newId());
  const at = new Date().toISOString(); // UTC, as Prisma writes timestamps
  return db.$queryRaw<ParticipantRow[]>`
    WITH e AS (SELECT "userId" FROM "Enrollment" WHERE "classId" = ${s.classId} AND "userId" = ANY(${userIds}::text[])),
    ins AS (INSERT INTO "SessionParticipant" (id, "sessionId", "userId", "joinedAt", "updatedAt")
            SELECT n.id, ${s.id}, e."userId", ${at}::timestamp(3), ${at}::timestamp(3)
            FROM e JOIN unnest(${userIds}::text[], ${rowIds}::text[]) AS n(u, id) ON n.u = e."userId"
            ON CONFLICT ("sessionId", "userId") DO NOTHING
            RETURNING "userId", kicked, "exerciseId", progress)
    SELECT p."userId", p.kicked, p."exerciseId", p.progress FROM "SessionParticipant" p JOIN e ON e."userId" = p."userId" WHERE p."sessionId" = ${s.id}
    UNION ALL SELECT "userId", kicked, "exerciseId", progress FROM ins`;
}
