import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { escapeHtml as e } from "@/lib/util/html";
import { readJoinBack } from "@/lib/join/join-form-redirect";
import { joinForm, liteDocument } from "../html";

/** The home page for anonymous visitors (the custom server rewrites "/" here, lib/util/lite-pages.ts): the pitch, the join form, the way in for instructors. */
export async function GET(req: NextRequest): Promise<Response> {
  const t = await getTranslations("home");
  const app = await getTranslations("app");
  const back = readJoinBack(Object.fromEntries(req.nextUrl.searchParams));
  const main = `<section class="card"><h1>${e(t("title"))}</h1><p>${e(t("pitch"))}</p></section>`
    + `<div class="grid2"><div class="card">${await joinForm(back, "home")}</div>`
    + `<div class="card stack"><h2>${e(t("instructorsTitle"))}</h2><p>${e(t("instructorsText"))}</p>`
    + `<a class="button" href="/signin">${e(t("instructorsCta"))}</a></div></div>`;
  return liteDocument({ title: app("name"), main, here: `/${req.nextUrl.search}` });
}
