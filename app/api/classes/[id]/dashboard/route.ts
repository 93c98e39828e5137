// The dashboard's grid as JSON (the same SQL aggregation and paging as the page).
import { NextResponse } from "next/server";
import { dashboardColumns, dashboardGrid } from "@/server/dashboard/dashboard";
import { classForInstructorApi } from "@/server/auth/access";
import { parseGridQuery } from "@/lib/dashboard/dashboard";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  const query = parseGridQuery(Object.fromEntries(new URL(req.url).searchParams));
  const [columns, grid] = await Promise.all([dashboardColumns(access.cls.id), dashboardGrid(access.cls.id, query)]);
  return NextResponse.json({ columns, ...grid });
}
