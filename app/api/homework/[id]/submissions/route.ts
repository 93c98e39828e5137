// Hand in a homework exercise: graded on the server from what the student did (never a score sent
// by the browser); after the due date it is accepted and marked late. Retrying with the same
// clientId returns the stored result.
import { NextResponse } from "next/server";
import { submitHomework } from "@/server/homework/homework";
import { homeworkSubmitSchema } from "@/lib/edge/forms";
import { roleInput, type IdCtx } from "@/app/api/handlers";

export async function POST(req: Request, ctx: IdCtx) {
  return roleInput(req, "STUDENT", homeworkSubmitSchema, async (user, data) => {
    const result = await submitHomework((await ctx.params).id, user.id, data);
    return NextResponse.json({ result }, { status: 201 });
  });
}
