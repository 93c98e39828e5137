// Hand in a homework exercise: graded on the server from what the student did (never a score sent
// by the browser); after the due date it is accepted and marked late. Retrying with the same
// clientId returns the stored result.
import { NextResponse } from "next/server";
import { submitHomework } from "@/server/homework/homework";
import { errorResponse, handleError, readJson } from "@/server/http/http";
import { homeworkSubmitSchema } from "@/lib/edge/forms";
import { userWithRoleApi } from "@/server/auth/access";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("STUDENT");
  if (auth.response) return auth.response;
  const { user } = auth;
  const input = await readJson(req, homeworkSubmitSchema);
  if (input.response) return input.response;
  try {
    const result = await submitHomework((await ctx.params).id, user.id, input.data);
    return NextResponse.json({ result }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
