// The class's join controls (any instructor of the class): read them, or lock joining / set the cap.
import { NextResponse } from "next/server";
import { joinSettings, updateJoinSettings } from "@/server/join/join-controls";
import { joinSettingsSchema } from "@/lib/edge/forms";
import { classAccess, classInput, type IdCtx } from "@/app/api/handlers";

export async function GET(_req: Request, ctx: IdCtx) {
  return classAccess(ctx, async (access) => NextResponse.json(await joinSettings(access.cls.id)));
}

export async function PATCH(req: Request, ctx: IdCtx) {
  return classInput(req, ctx, joinSettingsSchema, async (access, data) => NextResponse.json(await updateJoinSettings(access.cls.id, data)));
}
