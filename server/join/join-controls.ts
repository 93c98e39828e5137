// The class's join controls, set by its instructors: lock joining, cap the class size, rotate the
// join code (the old one stops working at once; enrolled students keep their sessions).
import { db } from "../db";
import { newJoinCode } from "./classes";
import { DomainError, isUniqueViolation } from "../errors";

export interface JoinSettings {
  joinCode: string;
  joinLocked: boolean;
  maxStudents: number | null;
  students: number;
}

export async function joinSettings(classId: string): Promise<JoinSettings> {
  const cls = await db.class.findUnique({
    where: { id: classId },
    select: { joinCode: true, joinLocked: true, maxStudents: true, _count: { select: { enrollments: true } } },
  });
  if (!cls) throw new DomainError("notFound", 404);
  return { joinCode: cls.joinCode, joinLocked: cls.joinLocked, maxStudents: cls.maxStudents, students: cls._count.enrollments };
}

export async function updateJoinSettings(classId: string, change: { joinLocked?: boolean; maxStudents?: number | null }): Promise<JoinSettings> {
  await db.class.update({ where: { id: classId }, data: change });
  return joinSettings(classId);
}

/** A new join code for the class; the old one is refused from now on (codeUnknown). */
export async function rotateJoinCode(classId: string): Promise<JoinSettings> {
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await db.class.update({ where: { id: classId }, data: { joinCode: newJoinCode() } });
      return joinSettings(classId);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new DomainError("serverError", 500);
}
