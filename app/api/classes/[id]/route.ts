// Delete a class: its owner only (a co-instructor gets 403 ownerOnly).
import { NextResponse } from "next/server";
import { deleteClass } from "@/server/instructors";
import { currentUser, errorResponse, handleError } from "@/server/http";

export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthorized", 401);
  if (user.role !== "INSTRUCTOR") return errorResponse("forbidden", 403);
  try {
    await deleteClass((await ctx.params).id, user.id);
    return NextResponse.json({ ok: true });
  } catch (e) {
    return handleError(e);
  }
}
