// Class and enrollment persistence: join codes, joining, and the roster.
import { randomInt } from "node:crypto";
import { newId } from "../database/ids";
import { db } from "../db";
import { DomainError, isUniqueViolation } from "../errors";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type ErrorCode } from "@/lib/edge/forms";
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

type JoinRow = { id: string; joinLocked: boolean; maxStudents: number | null; taken: boolean; made: number };

/**
 * A student joins a class by code: a new student user and its enrollment, atomically. A class
 * without a cap (the usual case) costs one statement: find the class, check the nickname, insert
 * the user and the enrollment (all refused together if the class is locked or the name taken).
 * A capped class then goes through the locked count of server/join/joining.ts. Joins that arrive
 * together go through joinClass (server/join/join-batch.ts), which settles most of them in one statement.
 */
export async function joinOne(code: string, nickname: string) {
  // Unique ignoring case and look-alikes (the key's unique index settles a race); rows from before
  // the key existed are compared ignoring case.
  const key = nicknameKey(nickname);
  const userId = newId();
  const at = new Date().toISOString(); // written as UTC, as Prisma writes timestamps
  let row: JoinRow | undefined;
  try {
    [row] = await db.$queryRaw<JoinRow[]>`
      WITH c AS (SELECT id, "joinLocked", "maxStudents" FROM "Class" WHERE "joinCode" = ${code}),
      t AS (SELECT EXISTS (SELECT 1 FROM "Enrollment" e, c WHERE e."classId" = c.id
              AND (e."nicknameKey" = ${key} OR (e."nicknameKey" IS NULL AND lower(e.nickname) = lower(${nickname})))) AS taken),
      u AS (INSERT INTO "User" (id, role, name, "createdAt")
              SELECT ${userId}, 'STUDENT'::"Role", ${nickname}, ${at}::timestamp(3) FROM c, t
              WHERE NOT c."joinLocked" AND c."maxStudents" IS NULL AND NOT t.taken RETURNING id),
      en AS (INSERT INTO "Enrollment" (id, "classId", "userId", nickname, "nicknameKey", "joinedAt")
              SELECT ${newId()}, c.id, u.id, ${nickname}, ${key}, ${at}::timestamp(3) FROM c, u RETURNING id)
      SELECT c.id, c."joinLocked", c."maxStudents", t.taken, (SELECT count(*) FROM en)::int AS made FROM c, t`;
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("nicknameTaken", 409);
    throw e;
  }
  if (!row) throw new DomainError("codeUnknown", 404);
  const cls = { id: row.id, joinLocked: row.joinLocked, maxStudents: row.maxStudents };
  if (row.made > 0) return { user: { id: userId, name: nickname, sessionVersion: 0 }, cls };
  const refused = joinRefusal(cls); // locked, as the instructor set it (server/join/joining.ts)
  if (refused) throw new DomainError(refused, REFUSAL_STATUS[refused]);
  if (row.taken) throw new DomainError("nicknameTaken", 409);
  try {
    const made = await withinCap(cls, (tx) => tx.user.create({
      data: { role: "STUDENT", name: nickname, enrollments: { create: { classId: cls.id, nickname, nicknameKey: key } } },
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
