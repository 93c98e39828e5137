// Hand in the two-layer network's run of a homework XOR exercise: the server replays it and stores
// it only if the replay ends on the weights sent. Retrying with the same clientId returns the stored run.
import { NextResponse } from "next/server";
import { submitHomeworkNetRun } from "@/server/homework/homework-net";
import { handleError, readJson } from "@/server/http/http";
import { homeworkSubmitSchema } from "@/lib/edge/forms";
import { userWithRoleApi } from "@/server/auth/access";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("STUDENT");
  if (auth.response) return auth.response;
  const input = await readJson(req, homeworkSubmitSchema);
  if (input.response) return input.response;
  try {
    const result = await submitHomeworkNetRun((await ctx.params).id, auth.user.id, input.data);
    return NextResponse.json({ result }, { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
