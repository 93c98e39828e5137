import { NextResponse } from "next/server";
import { renameLesson } from "@/server/lessons/lessons";
import { errorResponse, handleError, readJson } from "@/server/http/http";
import { lessonTitleSchema } from "@/lib/edge/forms";
import { userWithRoleApi } from "@/server/auth/access";

export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  const input = await readJson(req, lessonTitleSchema);
  if (input.response) return input.response;
  try {
    const lesson = await renameLesson((await ctx.params).id, user.id, input.data.title);
    return NextResponse.json({ id: lesson.id, title: lesson.title });
  } catch (e) {
    return handleError(e);
  }
}
