// The instructor's answer to a join flood: a class-size cap and a switch that locks joining.
// Enrolled students are never affected; only new joins are refused, with a clear code.
// (Returns refusals instead of throwing DomainError, so that server/join/classes.ts can call it without
// an import cycle.)
import { db } from "../db";
import type { Prisma } from "@/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;
type JoinRules = { id: string; joinLocked: boolean; maxStudents: number | null };
export type JoinRefusal = "joiningLocked" | "classFull" | "codeUnknown";
export const REFUSAL_STATUS: Record<JoinRefusal, number> = { joiningLocked: 403, classFull: 409, codeUnknown: 404 };

/** Why a join to this class is refused before any work is done, or null. */
export function joinRefusal(cls: JoinRules): JoinRefusal | null {
  return cls.joinLocked ? "joiningLocked" : null;
}

/**
 * Create the enrollment within the class's cap. Without a cap this is the plain create; with one,
 * the class row is locked (SELECT ... FOR UPDATE) while the students are counted and the new one is
 * added, so that concurrent joins can never overshoot the cap.
 */
export async function withinCap<T>(cls: JoinRules, create: (tx: Tx) => Promise<T>): Promise<{ value: T } | { refused: JoinRefusal }> {
  if (cls.maxStudents === null) return { value: await create(db) };
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ maxStudents: number | null; joinLocked: boolean }[]>`
      SELECT "maxStudents", "joinLocked" FROM "Class" WHERE id = ${cls.id} FOR UPDATE`;
    const row = rows[0];
    if (!row) return { refused: "codeUnknown" as const };
    if (row.joinLocked) return { refused: "joiningLocked" as const };
    if (row.maxStudents !== null && (await tx.enrollment.count({ where: { classId: cls.id } })) >= row.maxStudents) {
      return { refused: "classFull" as const };
    }
    return { value: await create(tx) };
  });
}
