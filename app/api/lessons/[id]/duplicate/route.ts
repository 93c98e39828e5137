import { NextResponse } from "next/server";
import { duplicateLesson } from "@/server/lessons/lessons";
import { errorResponse, handleError } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  try {
    const lesson = await duplicateLesson((await ctx.params).id, user.id);
    return NextResponse.json({ id: lesson.id }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
