// One student's data in this class (any instructor of the class): export it as JSON, or delete it.
import { NextResponse } from "next/server";
import { removeStudents, studentExport } from "@/server/join/students";
import { classForInstructorApi } from "@/server/auth/access";
import { errorResponse, handleError } from "@/server/http/http";

type Ctx = { params: Promise<{ id: string; userId: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const { id, userId } = await ctx.params;
  const access = await classForInstructorApi(id);
  if (access.response) return access.response;
  const data = await studentExport(access.cls.id, userId);
  if (!data) return errorResponse("notFound", 404);
  return NextResponse.json(data, {
    headers: { "content-disposition": `attachment; filename="student_${userId}.json"`, "cache-control": "no-store" },
  });
}

export async function DELETE(_req: Request, ctx: Ctx) {
  const { id, userId } = await ctx.params;
  const access = await classForInstructorApi(id);
  if (access.response) return access.response;
  try {
    const out = await removeStudents(access.cls.id, [userId]);
    if (!out.removed) return errorResponse("notFound", 404);
    return NextResponse.json(out);
  } catch (e) {
    return handleError(e);
  }
}
