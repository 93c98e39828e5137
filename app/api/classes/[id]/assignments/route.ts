// Homework: open a lesson for a class with a due date (an instructor of the class), or list them.
import { NextResponse } from "next/server";
import { assignmentsOf, createAssignment } from "@/server/homework/homework";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError, readJson } from "@/server/http/http";
import { assignmentSchema } from "@/lib/edge/forms";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  return NextResponse.json({ assignments: await assignmentsOf(access.cls.id) });
}

export async function POST(req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  const input = await readJson(req, assignmentSchema);
  if (input.response) return input.response;
  try {
    const a = await createAssignment(access.cls.id, access.user.id, input.data.lessonId, input.data.dueAt);
    return NextResponse.json({ id: a.id, dueAt: a.dueAt.toISOString() }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
