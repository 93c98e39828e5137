// Co-instructors: any instructor of a class can add another instructor account (by email) or remove
// a co-instructor; only the owner can delete the class.
import { db } from "../db";
import { isClassInstructor } from "./classes";
import { DomainError } from "../errors";
import { disconnectUsers, emptyRooms, leaveClassRooms, roomsOfClass } from "../auth/revocation";

export async function requireClassInstructor(userId: string, classId: string) {
  if (!(await isClassInstructor(userId, classId))) throw new DomainError("forbidden", 403);
}

export async function instructorsOf(classId: string) {
  const cls = await db.class.findUnique({
    where: { id: classId },
    select: {
      owner: { select: { id: true, name: true, email: true } },
      instructors: { orderBy: { addedAt: "asc" }, select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!cls) throw new DomainError("notFound", 404);
  return { owner: cls.owner, coInstructors: cls.instructors.map((i) => i.user) };
}

export async function addCoInstructor(classId: string, email: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.role !== "INSTRUCTOR") throw new DomainError("instructorUnknown", 404);
  if (await isClassInstructor(user.id, classId)) throw new DomainError("alreadyInstructor", 409);
  await db.classInstructor.create({ data: { classId, userId: user.id } });
  return { id: user.id, name: user.name, email: user.email };
}

export async function removeCoInstructor(classId: string, userId: string) {
  const { count } = await db.classInstructor.deleteMany({ where: { classId, userId } });
  if (!count) throw new DomainError("notFound", 404);
  await leaveClassRooms(classId, [userId]); // their open sockets stop receiving board, progress, roster
}

/**
 * Deleting a class removes its enrollments, sessions, homework and their submissions, and the
 * class's student accounts (a student account belongs to the one class it joined).
 */
export async function deleteClass(classId: string, userId: string) {
  const cls = await db.class.findUnique({ where: { id: classId }, select: { ownerId: true } });
  if (!cls) throw new DomainError("notFound", 404);
  if (cls.ownerId !== userId) {
    throw (await isClassInstructor(userId, classId)) ? new DomainError("ownerOnly", 403) : new DomainError("forbidden", 403);
  }
  const [all, students] = await Promise.all([
    roomsOfClass(classId),
    db.user.findMany({ where: { role: "STUDENT", enrollments: { some: { classId } } }, select: { id: true } }),
  ]);
  await db.$transaction([
    db.user.deleteMany({ where: { role: "STUDENT", enrollments: { some: { classId } } } }),
    db.class.delete({ where: { id: classId } }),
  ]);
  // At once, on every node: the class's rooms empty and its (now deleted) students are disconnected.
  emptyRooms(all);
  disconnectUsers(students.map((s) => s.id));
}
