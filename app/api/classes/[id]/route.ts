// Delete a class: its owner only (a co-instructor gets 403 ownerOnly).
import { NextResponse } from "next/server";
import { deleteClass } from "@/server/instructors";
import { errorResponse, handleError } from "@/server/http";
import { userWithRoleApi } from "@/server/access";

export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  try {
    await deleteClass((await ctx.params).id, user.id);
    return NextResponse.json({ ok: true });
  } catch (e) {
    return handleError(e);
  }
}
