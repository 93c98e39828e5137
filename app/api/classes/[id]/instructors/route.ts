// A class's instructors: list them, or add a co-instructor by email (any instructor of the class).
import { NextResponse } from "next/server";
import { addCoInstructor, instructorsOf } from "@/server/join/instructors";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError, readJson } from "@/server/http/http";
import { coInstructorSchema } from "@/lib/edge/forms";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  return NextResponse.json(await instructorsOf(access.cls.id));
}

export async function POST(req: Request, ctx: Ctx) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  const input = await readJson(req, coInstructorSchema);
  if (input.response) return input.response;
  try {
    return NextResponse.json(await addCoInstructor(access.cls.id, input.data.email), { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
