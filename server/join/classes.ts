// Class and enrollment persistence: join codes, joining, and the roster.
import { randomInt } from "node:crypto";
import { newId } from "../database/ids";
import { db } from "../db";
import { DomainError, isUniqueViolation } from "../errors";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/edge/forms";
import type { RosterEntry } from "@/lib/live/protocol";
import { nicknameKey } from "@/lib/util/text";
import { joinRefusal, REFUSAL_STATUS, withinCap } from "./joining";

export function newJoinCode(): string {
  let s = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return s;
}

export async function createClass(ownerId: string, name: string) {
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return await db.class.create({ data: { name, ownerId, joinCode: newJoinCode() } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new DomainError("serverError", 500);
}

type JoinItem = { nickname: string; at: string };
type Joined = { user: { id: string; name: string; sessionVersion: number }; cls: { id: string; joinLocked: boolean; maxStudents: number | null } };
/** Not settled by the statement: a capped class, whose cap is counted under a lock one join at a time. */
export type OneByOne = { oneByOne: Joined["cls"] };
type Row = { id: string; joinLocked: boolean; maxStudents: number | null; taken: string[] | null; made: string[] | null };

/**
 * The join statement, for one student or many joining one class: find the class, check every
 * nickname (unique ignoring case and look-alikes; rows from before the key existed are compared
 * ignoring case), insert a student user and its enrollment for each who may join, all in one
 * statement. A locked class or a taken nickname is refused; a capped class is left to joinOne
 * (OneByOne). A unique index met (a race with another join) throws for the whole statement.
 */
export async function joinMany(code: string, items: JoinItem[]): Promise<(Joined | DomainError | OneByOne)[]> {
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
  const refused = joinRefusal(cls); // locked, as the instructor set it (server/join/joining.ts)
  return items.map((item, k) => {
    if (made.has(userIds[k])) return { user: { id: userIds[k], name: item.nickname, sessionVersion: 0 }, cls };
    if (refused) return new DomainError(refused, REFUSAL_STATUS[refused]);
    if (taken.has(userIds[k])) return new DomainError("nicknameTaken", 409);
    return { oneByOne: cls };
  });
}

/**
 * A student joins a class by code: a new student user and its enrollment, atomically. A class
 * without a cap (the usual case) costs the one statement of joinMany; a capped class then goes
 * through the locked count of server/join/joining.ts. Joins that arrive together go through
 * joinClass (server/join/join-batch.ts), which settles most of them in one joinMany.
 */
export async function joinOne(code: string, nickname: string): Promise<Joined> {
  try {
    const [r] = await joinMany(code, [{ nickname, at: new Date().toISOString() }]); // written as UTC, as Prisma writes timestamps
    if (r instanceof DomainError) throw r;
    if (!("oneByOne" in r)) return r;
    const cls = r.oneByOne;
    const made = await withinCap(cls, (tx) => tx.user.create({
      data: { role: "STUDENT", name: nickname, enrollments: { create: { classId: cls.id, nickname, nicknameKey: nicknameKey(nickname) } } },
      select: { id: true, name: true, sessionVersion: true },
    }));
    if ("refused" in made) throw new DomainError(made.refused, REFUSAL_STATUS[made.refused]);
    return { user: made.value, cls };
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("nicknameTaken", 409);
    throw e;
  }
}

export async function roster(classId: string, online: Set<string> = new Set()): Promise<RosterEntry[]> {
  const rows = await db.enrollment.findMany({ where: { classId }, orderBy: { joinedAt: "asc" } });
  return rows.map((r) => ({
    userId: r.userId,
    nickname: r.nickname,
    joinedAt: r.joinedAt.toISOString(),
    online: online.has(r.userId),
  }));
}

/** The classes an instructor teaches: owned, or added to as a co-instructor (a Prisma filter). */
export function taughtBy(userId: string) {
  return { OR: [{ ownerId: userId }, { instructors: { some: { userId } } }] };
}

/** Owner or co-instructor of the class. */
export async function isClassInstructor(userId: string, classId: string): Promise<boolean> {
  return (await db.class.count({ where: { id: classId, ...taughtBy(userId) } })) > 0;
}

/** May this user see this class? Instructors: the owner or a co-instructor. Students: enrolled. */
export async function canAccessClass(user: { id: string; role: string }, classId: string): Promise<boolean> {
  if (user.role === "INSTRUCTOR") return isClassInstructor(user.id, classId);
  return (await db.enrollment.count({ where: { classId, userId: user.id } })) > 0;
}
