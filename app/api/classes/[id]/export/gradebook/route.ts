// The gradebook as CSV: one row per student, one column per exercise (best score), then totals.
// UTF-8 with a byte order mark; the file is named after the class and the day.
import { gradebookCsv } from "@/server/dashboard/exports";
import { classForInstructorApi } from "@/server/auth/access";
import { handleError } from "@/server/http/http";
import { contentDisposition, exportFilename } from "@/lib/dashboard/export";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  try {
    const csv = await gradebookCsv(access.cls.id);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": contentDisposition(exportFilename(access.cls.name, "gradebook", new Date())),
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return handleError(e);
  }
}
