// Every submission of the class as CSV (streamed): who, what, when, live or homework, the server's
// score and the payload the student sent. UTF-8 with a byte order mark.
import { submissionsCsvStream } from "@/server/dashboard/exports";
import { classForInstructorApi } from "@/server/auth/access";
import { contentDisposition, exportFilename } from "@/lib/dashboard/export";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  return new Response(submissionsCsvStream(access.cls.id), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(exportFilename(access.cls.name, "submissions", new Date())),
      "cache-control": "no-store",
    },
  });
}
