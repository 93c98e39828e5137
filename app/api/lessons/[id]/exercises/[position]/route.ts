import { NextResponse } from "next/server";
import { z } from "zod";
import { updatePreset } from "@/server/lessons/lessons";
import { errorResponse, handleError, readJson } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

const body = z.object({ config: z.unknown() });

export async function PUT(req: Request, ctx: { params: Promise<{ id: string; position: string }> }) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { user } = auth;
  const { id, position } = await ctx.params;
  const pos = Number(position);
  if (!Number.isInteger(pos) || pos < 0 || pos > 100) return errorResponse("notFound", 404);
  const input = await readJson(req, body);
  if (input.response) return input.response;
  try {
    const exercise = await updatePreset(id, pos, user.id, input.data.config);
    return NextResponse.json({ id: exercise.id, config: exercise.config });
  } catch (e) {
    return handleError(e);
  }
}
