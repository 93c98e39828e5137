import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { readJoinBack } from "@/lib/join/join-form-redirect";
import { joinForm, liteDocument } from "../html";

/** The join form alone for anonymous visitors (the custom server rewrites "/join" here, lib/util/lite-pages.ts): what the lobby's QR code opens. */
export async function GET(req: NextRequest): Promise<Response> {
  const t = await getTranslations("join");
  const back = readJoinBack(Object.fromEntries(req.nextUrl.searchParams));
  const main = `<div class="narrow"><div class="card">${await joinForm(back, "join")}</div></div>`;
  return liteDocument({ title: t("title"), main, here: `/join${req.nextUrl.search}` });
}
