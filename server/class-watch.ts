// Students watching their class, many at once (a lecture hall opening the page together): for each
// class in the batch, one query for who of them is enrolled and one for the live session.
import { db } from "./db";
import { batcher, groupBy } from "./batch";

/** false: not enrolled; otherwise the class's live session id or null. */
export const studentWatch = batcher<{ classId: string; userId: string }, string | null | false>(async (items) => {
  const out: (string | null | false)[] = new Array(items.length);
  for (const [classId, group] of groupBy(items, (i) => i.classId)) {
    const [enrolled, live] = await Promise.all([
      db.enrollment.findMany({ where: { classId, userId: { in: [...new Set(group.map((g) => g.item.userId))] } }, select: { userId: true } }),
      db.liveSession.findFirst({ where: { classId, status: "LIVE" }, orderBy: { startedAt: "desc" }, select: { id: true } }),
    ]);
    const ok = new Set(enrolled.map((e) => e.userId));
    for (const { item, index } of group) out[index] = ok.has(item.userId) ? (live?.id ?? null) : false;
  }
  return out;
});
