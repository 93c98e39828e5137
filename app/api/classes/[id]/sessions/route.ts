// Start a live session of a class from a lesson (the class's owner or a co-instructor).
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/server/db";
import { isClassInstructor } from "@/server/join/classes";
import { hub } from "@/server/bridge";
import { startSession } from "@/server/live/sessions";
import { currentUser, errorResponse, handleError, readJson } from "@/server/http/http";

const startSchema = z.object({ lessonId: z.string().min(1).max(64) });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  const { id } = await ctx.params;
  if (user.role !== "INSTRUCTOR" || !(await isClassInstructor(user.id, id))) {
    return errorResponse("forbidden", 403);
  }
  const input = await readJson(req, startSchema);
  if (input.response) return input.response;
  try {
    const lesson = await db.lesson.findFirst({ where: { id: input.data.lessonId, OR: [{ ownerId: null }, { ownerId: user.id }] } });
    if (!lesson) return errorResponse("notFound", 404);
    const session = await startSession(id, lesson.id);
    hub()?.sessionChanged(id, session.id);
    return NextResponse.json({ id: session.id }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
