// Students watching their class, many at once (a lecture hall opening the page together): for each
// class in the batch, one query for who of them is enrolled and for the live session.
import { db } from "../db";
import { CONNECT_GATHER_MS, batcher, groupBy } from "../database/batch";

/** false: not enrolled; otherwise the class's live session id or null. */
export const studentWatch = batcher<{ classId: string; userId: string }, string | null | false>(async (items) => {
  const out: (string | null | false)[] = new Array(items.length);
  for (const [classId, group] of groupBy(items, (i) => i.classId)) {
    const userIds = [...new Set(group.map((g) => g.item.userId))];
    const [row] = await db.$queryRaw<{ enrolled: string[] | null; live: string | null }[]>`
      SELECT (SELECT array_agg("userId") FROM "Enrollment" WHERE "classId" = ${classId} AND "userId" = ANY(${userIds}::text[])) AS enrolled,
             (SELECT id FROM "LiveSession" WHERE "classId" = ${classId} AND status = 'LIVE' ORDER BY "startedAt" DESC LIMIT 1) AS live`;
    const ok = new Set(row?.enrolled ?? []);
    for (const { item, index } of group) out[index] = ok.has(item.userId) ? (row?.live ?? null) : false;
  }
  return out;
}, 500, CONNECT_GATHER_MS);
