import { NextResponse } from "next/server";
import { duplicateLesson } from "@/server/lessons";
import { currentUser, errorResponse, handleError } from "@/server/http";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  try {
    const lesson = await duplicateLesson((await ctx.params).id, user.id);
    return NextResponse.json({ id: lesson.id }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
