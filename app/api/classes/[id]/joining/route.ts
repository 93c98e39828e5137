// The class's join controls (any instructor of the class): read them, or lock joining / set the cap.
import { NextResponse } from "next/server";
import { joinSettings, updateJoinSettings } from "@/server/join/join-controls";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError, readJson } from "@/server/http/http";
import { joinSettingsSchema } from "@/lib/edge/forms";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  return NextResponse.json(await joinSettings(access.cls.id));
}

export async function PATCH(req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  const input = await readJson(req, joinSettingsSchema);
  if (input.response) return input.response;
  try {
    return NextResponse.json(await updateJoinSettings(access.cls.id, input.data));
  } catch (e) {
    return handleError(e);
  }
}
