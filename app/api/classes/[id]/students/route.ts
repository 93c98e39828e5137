// Remove students from the class in bulk, with their data in this class (any instructor of the class).
import { NextResponse } from "next/server";
import { removeStudents } from "@/server/join/students";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError, readJson } from "@/server/http/http";
import { removeStudentsSchema } from "@/lib/edge/forms";

export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  const input = await readJson(req, removeStudentsSchema);
  if (input.response) return input.response;
  try {
    return NextResponse.json(await removeStudents(access.cls.id, input.data.userIds));
  } catch (e) {
    return handleError(e);
  }
}
