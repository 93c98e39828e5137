// Homework: open a lesson for a class with a due date (an instructor of the class), or list them.
import { NextResponse } from "next/server";
import { assignmentsOf, createAssignment } from "@/server/homework/homework";
import { assignmentSchema } from "@/lib/edge/forms";
import { classAccess, classInput, type IdCtx } from "@/app/api/handlers";

export async function GET(_req: Request, ctx: IdCtx) {
  return classAccess(ctx, async (access) => NextResponse.json({ assignments: await assignmentsOf(access.cls.id) }));
}

export async function POST(req: Request, ctx: IdCtx) {
  return classInput(req, ctx, assignmentSchema, async (access, data) => {
    const a = await createAssignment(access.cls.id, access.user.id, data.lessonId, data.dueAt);
    return NextResponse.json({ id: a.id, dueAt: a.dueAt.toISOString() }, { status: 201 });
  });
}
