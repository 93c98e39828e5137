// Delete a class: its owner only (a co-instructor gets 403 ownerOnly).
import { NextResponse } from "next/server";
import { deleteClass } from "@/server/join/instructors";
import { errorResponse, handleError } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

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
