// The XOR proof after the class: for the final board (server/dashboard/history.ts's page) the class result
// of the single perceptrons and, once the hidden layer was unlocked, how many solved XOR with it;
// for the dashboard, who solved it. Aggregated in SQL, a fixed number of queries per page.
import { Prisma } from "@/generated/prisma/client.ts";
import { db } from "../db";
import { replayedLine, type ReplayMemo } from "@/lib/xor/xor-proof";

export interface XorSessionSummary {
  perceptron: { attempted: number; reached: number; best: number };
  /** Null when the hidden layer was never unlocked in the session. */
  net: { submitted: number; solved: number } | null;
}

/**
 * Answers whose claimed best accuracy the grading's replay confirmed (lib/grading/grading.ts gradeXorReplay:
 * "ok" and "wrongExplanation" are only given when replay and claim agree). Any other stored answer
 * (a forged claim, a locked preset's other settings) is replayed here: its claim is never the number.
 */
const VERIFIED = ["ok", "wrongExplanation"];
/** Unconfirmed answers replayed per page at most (forged claims are rare; each replay is a few ms). */
const REPLAY_MAX = 2_000;

/** One session's XOR proof in three queries; null when no XOR exercise was answered and the hidden layer never unlocked. */
export async function xorSessionSummary(session: { id: string; lessonId: string; hiddenLayer: boolean }): Promise<XorSessionSummary | null> {
  const xorIds = Prisma.sql`SELECT id FROM "Exercise" WHERE "lessonId" = ${session.lessonId} AND type::text = 'XOR'`;
  const [[agg], unverified, net] = await Promise.all([
    db.$queryRaw<{ attempted: number; best: number | null; reached: string[] | null }[]>`
      SELECT COUNT(DISTINCT "userId")::int AS attempted,
             MAX((payload->>'bestAccuracy')::float8) FILTER (WHERE feedback IN (${Prisma.join(VERIFIED)})) AS best,
             ARRAY_AGG(DISTINCT "userId") FILTER (WHERE feedback IN (${Prisma.join(VERIFIED)}) AND (payload->>'bestAccuracy')::float8 >= 1) AS reached
        FROM "Submission" WHERE "sessionId" = ${session.id} AND "exerciseId" IN (${xorIds})`,
    db.$queryRaw<{ userId: string; payload: unknown }[]>`
      SELECT "userId", payload FROM "Submission"
       WHERE "sessionId" = ${session.id} AND "exerciseId" IN (${xorIds}) AND (feedback IS NULL OR feedback NOT IN (${Prisma.join(VERIFIED)}))
       LIMIT ${REPLAY_MAX}`,
    session.hiddenLayer
      ? db.$queryRaw<{ submitted: number; solved: number }[]>`
          SELECT COUNT(DISTINCT "userId")::int AS submitted, (COUNT(DISTINCT "userId") FILTER (WHERE solved))::int AS solved
            FROM "XorNetRun" WHERE "sessionId" = ${session.id}`
      : Promise.resolve(null),
  ]);
  if (!agg.attempted && !session.hiddenLayer) return null;
  let best = agg.best ?? 0;
  const reached = new Set(agg.reached ?? []);
  const memo: ReplayMemo = new Map();
  for (const row of unverified) {
    const line = replayedLine(row.userId, row.payload, memo);
    if (!line) continue;
    best = Math.max(best, line.accuracy);
    if (line.accuracy === 1) reached.add(row.userId);
  }
  return { perceptron: { attempted: agg.attempted, reached: reached.size, best }, net: net ? net[0] : null };
}

/** Of these students, who solved XOR with a hidden layer in one of the class's sessions (one query, one page of students). */
export async function solvedWithHiddenLayer(classId: string, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT r."userId" FROM "XorNetRun" r JOIN "LiveSession" ls ON ls.id = r."sessionId"
     WHERE ls."classId" = ${classId} AND r.solved AND r."userId" IN (${Prisma.join(userIds)})`;
  return new Set(rows.map((r) => r.userId));
}

/**
 * For the gradebook: whether the class ever unlocked the hidden layer (then it gets a column) and
 * every student who solved XOR with it. Two small queries.
 */
export async function classHiddenLayer(classId: string): Promise<{ unlocked: boolean; solved: Set<string> }> {
  const [unlocked, rows] = await Promise.all([
    db.liveSession.count({ where: { classId, hiddenLayer: true } }),
    db.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT r."userId" FROM "XorNetRun" r JOIN "LiveSession" ls ON ls.id = r."sessionId"
       WHERE ls."classId" = ${classId} AND r.solved`,
  ]);
  return { unlocked: unlocked > 0, solved: new Set(rows.map((r) => r.userId)) };
}
