import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { localPath } from "@/lib/util/html";

/**
 * GET /api/locale?to=ko&back=/join: the script-free pages' language switch (a link): remembers the
 * language as the React switch does (the same cookie) and goes back to the page. An unknown
 * language changes nothing; `back` must be a path of this site.
 */
export function GET(req: NextRequest): NextResponse {
  const to = req.nextUrl.searchParams.get("to");
  const back = localPath(req.nextUrl.searchParams.get("back"));
  const res = new NextResponse(null, { status: 303, headers: { location: back, "cache-control": "no-store" } });
  if (isLocale(to)) res.cookies.set(LOCALE_COOKIE, to, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  return res;
}
