import { NextResponse } from "next/server";
import { renameLesson } from "@/server/lessons/lessons";
import { lessonTitleSchema } from "@/lib/edge/forms";
import { roleInput, type IdCtx } from "@/app/api/handlers";

export async function PATCH(req: Request, ctx: IdCtx) {
  return roleInput(req, "INSTRUCTOR", lessonTitleSchema, async (user, data) => {
    const lesson = await renameLesson((await ctx.params).id, user.id, data.title);
    return NextResponse.json({ id: lesson.id, title: lesson.title });
  });
}
