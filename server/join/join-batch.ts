// Joins that arrive together (a lecture hall typing the code at once) go to the database together:
// for each class in a batch, one statement checks every nickname and inserts every student who may
// join, instead of one statement per student (~2 ms of the server's own CPU each on the embedded
// database). Whatever the batch cannot settle by itself goes one by one through joinOne
// (server/join/classes.ts), the rules' reference: a lone join, a capped class, a nickname met twice in
// the batch, and every join of a batch that met a unique index (a race with another server node).
import { newId } from "../database/ids";
import { db } from "../db";
import { isUniqueViolation, DomainError } from "../errors";
import { batcher, CONNECT_GATHER_MS, groupBy } from "../database/batch";
import { joinOne } from "./classes";
import { joinRefusal, REFUSAL_STATUS } from "./joining";
import { nicknameKey } from "@/lib/util/text";

type Joined = Awaited<ReturnType<typeof joinOne>>;
type Item = { code: string; nickname: string; at: string };
/** Not settled by the batch: a capped class, whose cap is counted under a lock one join at a time. */
const ONE_BY_ONE = "one by one";
type Row = { id: string; joinLocked: boolean; maxStudents: number | null; taken: string[] | null; made: string[] | null };

async function joinMany(code: string, items: Item[]): Promise<(Joined | Error | typeof ONE_BY_ONE)[]> {
  const keys = items.map((i) => nicknameKey(i.nickname));
  const userIds = items.map(() => newId());
  const [row] = await db.$queryRaw<Row[]>`
    WITH c AS (SELECT id, "joinLocked", "maxStudents" FROM "Class" WHERE "joinCode" = ${code}),
    j AS (SELECT * FROM unnest(${userIds}::text[], ${items.map(() => newId())}::text[], ${items.map((i) => i.nickname)}::text[], ${keys}::text[], ${items.map((i) => i.at)}::text[]) AS j(uid, eid, name, key, at)),
    t AS (SELECT j.uid, EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."classId" = c.id
            AND (e."nicknameKey" = j.key OR (e."nicknameKey" IS NULL AND lower(e.nickname) = lower(j.name)))) AS taken FROM j, c),
    ok AS (SELECT j.* FROM j JOIN t ON t.uid = j.uid, c WHERE NOT c."joinLocked" AND c."maxStudents" IS NULL AND NOT t.taken),
    u AS (INSERT INTO "User" (id, role, name, "createdAt")
            SELECT uid, 'STUDENT'::"Role", name, at::timestamp(3) FROM ok RETURNING id),
    en AS (INSERT INTO "Enrollment" (id, "classId", "userId", nickname, "nicknameKey", "joinedAt")
            SELECT ok.eid, c.id, u.id, ok.name, ok.key, ok.at::timestamp(3) FROM u JOIN ok ON ok.uid = u.id, c RETURNING "userId")
    SELECT c.id, c."joinLocked", c."maxStudents", (SELECT array_agg(uid) FROM t WHERE taken) AS taken,
           (SELECT array_agg("userId") FROM en) AS made FROM c`;
  if (!row) return items.map(() => new DomainError("codeUnknown", 404));
  const cls = { id: row.id, joinLocked: row.joinLocked, maxStudents: row.maxStudents };
  const made = new Set(row.made ?? []);
  const taken = new Set(row.taken ?? []);
  const refused = joinRefusal(cls);
  return items.map((item, k) => {
    if (made.has(userIds[k])) return { user: { id: userIds[k], name: item.nickname, sessionVersion: 0 }, cls };
    if (refused) return new DomainError(refused, REFUSAL_STATUS[refused]);
    if (taken.has(userIds[k])) return new DomainError("nicknameTaken", 409);
    return ONE_BY_ONE;
  });
}

const joinBatch = batcher<Item, Joined>(async (items) => {
  const out: (Joined | Error)[] = new Array(items.length);
  const alone: { item: Item; index: number }[] = [];
  for (const [code, group] of groupBy(items, (i) => i.code)) {
    // A nickname (or a look-alike) twice in the batch: the first goes with the batch, the others after it.
    const seen = new Set<string>();
    const first = group.filter((g) => {
      const key = nicknameKey(g.item.nickname);
      if (seen.has(key)) return alone.push(g), false;
      return seen.add(key), true;
    });
    if (first.length === 1) {
      alone.push(first[0]);
      continue;
    }
    try {
      const results = await joinMany(code, first.map((g) => g.item));
      first.forEach((g, k) => {
        const r = results[k];
        if (r === ONE_BY_ONE) alone.push(g);
        else out[g.index] = r;
      });
    } catch (e) {
      // A race on a unique index: settle each one by one. Anything else fails this class's joins only.
      if (isUniqueViolation(e)) alone.push(...first);
      else for (const g of first) out[g.index] = e instanceof Error ? e : new Error(String(e));
    }
  }
  alone.sort((a, b) => a.index - b.index);
  for (const { item, index } of alone) out[index] = await joinOne(item.code, item.nickname).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  return out;
}, 500, CONNECT_GATHER_MS);

/** A student joins a class by code (see joinOne for the rules); joins arriving together share a statement. */
export function joinClass(code: string, nickname: string): Promise<Joined> {
  return joinBatch({ code, nickname, at: new Date().toISOString() });
}
