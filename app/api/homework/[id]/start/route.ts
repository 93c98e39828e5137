// A student opened a homework exercise: remember when (first time only), for "time spent".
import { NextResponse } from "next/server";
import { recordStart } from "@/server/homework/homework";
import { errorResponse, handleError, readJson } from "@/server/http/http";
import { homeworkStartSchema } from "@/lib/edge/forms";
import { userWithRoleApi } from "@/server/auth/access";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("STUDENT");
  if (auth.response) return auth.response;
  const { user } = auth;
  const input = await readJson(req, homeworkStartSchema);
  if (input.response) return input.response;
  try {
    await recordStart((await ctx.params).id, user.id, input.data.exerciseId);
    return NextResponse.json({ ok: true });
  } catch (e) {
    return handleError(e);
  }
}
