import { NextResponse } from "next/server";
import { renameLesson } from "@/server/lessons";
import { currentUser, errorResponse, handleError, readJson } from "@/server/http";
import { lessonTitleSchema } from "@/lib/forms";

export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  const input = await readJson(req, lessonTitleSchema);
  if (input.response) return input.response;
  try {
    const lesson = await renameLesson((await ctx.params).id, user.id, input.data.title);
    return NextResponse.json({ id: lesson.id, title: lesson.title });
  } catch (e) {
    return handleError(e);
  }
}
