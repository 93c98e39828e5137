// A lesson (its presets and formula activations) as a JSON file to import into another instance.
import { NextResponse } from "next/server";
import { exportLesson } from "@/server/lessons/lesson-files";
import { handleError } from "@/server/http/http";
import { userWithRoleApi } from "@/server/auth/access";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await userWithRoleApi("INSTRUCTOR");
  if (auth.response) return auth.response;
  const { id } = await ctx.params;
  try {
    const file = await exportLesson(id, auth.user.id);
    const ascii = file.title.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60) || "lesson";
    return new NextResponse(JSON.stringify(file, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${ascii}.lesson.json"; filename*=UTF-8''${encodeURIComponent(file.title.slice(0, 60))}.lesson.json`,
      },
    });
  } catch (e) {
    return handleError(e);
  }
}
