// Rotate the class's join code (any instructor of the class): the old code stops working at once.
import { NextResponse } from "next/server";
import { rotateJoinCode } from "@/server/join/join-controls";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError } from "@/server/http/http";

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  try {
    return NextResponse.json(await rotateJoinCode(access.cls.id));
  } catch (e) {
    return handleError(e);
  }
}
