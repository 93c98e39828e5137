// Who may see what: one check per kind of page or route, so that every class page and route means the
// same thing by "instructor of this class" (the owner or a co-instructor).
import { redirect } from "next/navigation";
import { db } from "../db";
import { taughtBy } from "../join/classes";
import { DomainError } from "../errors";
import { assignmentForStudent } from "../homework/homework";
import { currentUser, errorResponse } from "../http/http";

/** Pages: the class, if the signed-in instructor teaches it; otherwise a redirect with a message. */
export async function classForInstructorPage(classId: string) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (user.role !== "INSTRUCTOR") redirect("/denied");
  const cls = await db.class.findFirst({ where: { id: classId, ...taughtBy(user.id) } });
  if (!cls) redirect("/denied");
  return { user, cls };
}

/** Route handlers: the signed-in user in this role, or the JSON error response (401 / 403). */
export async function userWithRoleApi(role: "INSTRUCTOR" | "STUDENT") {
  const user = await currentUser();
  if (!user) return { response: errorResponse("unauthorized", 401) } as const;
  if (user.role !== role) return { response: errorResponse("forbidden", 403) } as const;
  return { user } as const;
}

/** Route handlers: the user and class, or the JSON error response (401 / 403). */
export async function classForInstructorApi(classId: string) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return { response: auth.response } as const;
  const { user } = auth;
  const cls = await db.class.findFirst({ where: { id: classId, ...taughtBy(user.id) } });
  if (!cls) return { response: errorResponse("forbidden", 403) } as const;
  return { user, cls } as const;
}

/** Load a homework for the signed-in student, or send them where they belong. */
export async function homeworkForPage(id: string) {
  const user = await currentUser();
  if (!user) redirect("/");
  if (user.role !== "STUDENT") redirect("/denied");
  try {
    return { user, assignment: await assignmentForStudent(id, user.id) };
  } catch (e) {
    if (e instanceof DomainError) redirect("/denied");
    throw e;
  }
}
