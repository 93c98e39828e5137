// Import a lesson file as a new lesson of one's own; answers what was imported and what was refused.
import { NextResponse } from "next/server";
import { z } from "zod";
import { importLesson } from "@/server/lessons/lesson-files";
import { handleError, readJson } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

export async function POST(req: Request) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const input = await readJson(req, z.unknown()); // the file's own shape is checked by readLessonFile
  if (input.response) return input.response;
  try {
    return NextResponse.json(await importLesson(auth.user.id, input.data), { status: 201 });
  } catch (e) {
    return handleError(e);
  }
}
