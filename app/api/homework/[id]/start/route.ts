// A student opened a homework exercise: remember when (first time only), for "time spent".
import { NextResponse } from "next/server";
import { recordStart } from "@/server/homework/homework";
import { homeworkStartSchema } from "@/lib/edge/forms";
import { roleInput, type IdCtx } from "@/app/api/handlers";

export async function POST(req: Request, ctx: IdCtx) {
  return roleInput(req, "STUDENT", homeworkStartSchema, async (user, data) => {
    await recordStart((await ctx.params).id, user.id, data.exerciseId);
    return NextResponse.json({ ok: true });
  });
}
