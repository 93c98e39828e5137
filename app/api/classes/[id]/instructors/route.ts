// A class's instructors: list them, or add a co-instructor by email (any instructor of the class).
import { NextResponse } from "next/server";
import { addCoInstructor, instructorsOf } from "@/server/join/instructors";
import { coInstructorSchema } from "@/lib/edge/forms";
import { classAccess, classInput, type IdCtx } from "@/app/api/handlers";

export async function GET(_req: Request, ctx: IdCtx) {
  return classAccess(ctx, async (access) => NextResponse.json(await instructorsOf(access.cls.id)));
}

export async function POST(req: Request, ctx: IdCtx) {
  return classInput(req, ctx, coInstructorSchema, async (access, data) => NextResponse.json(await addCoInstructor(access.cls.id, data.email), { status: 201 }));
}
