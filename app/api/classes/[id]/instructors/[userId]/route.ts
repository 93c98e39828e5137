// Remove a co-instructor (any instructor of the class; the owner cannot be removed).
import { NextResponse } from "next/server";
import { removeCoInstructor } from "@/server/join/instructors";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError } from "@/server/http/http";

export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await ctx.params;
  const access = await classForInstructorApi(id);
  if (access.response) return access.response;
  try {
    await removeCoInstructor(access.cls.id, userId);
    return NextResponse.json({ ok: true });
  } catch (e) {
    return handleError(e);
  }
}
