// The home and join pages without a line of JavaScript, for anonymous visitors (the custom server sends
// them here: lib/util/lite-pages.ts): a student on school Wi-Fi can join as soon as the HTML has arrived, and the page
// costs no framework download. The same markup, classes and stylesheet as the React pages; the
// form is a plain HTML form posted to /api/join (server/join/join-route.ts answers with a redirect).
// Every value that is not our own markup goes through escapeHtml.
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/i18n/locales";
import { escapeHtml as e } from "@/lib/util/html";
import { NICKNAME_MAX } from "@/lib/join/join-check";
import type { JoinBack } from "@/lib/join/join-form-redirect";
import { STYLESHEET_PATH } from "./stylesheet";

export interface LitePage { title: string; main: string; here: string }

/** The whole document: head, the site header (brand, practice, sign-in, the other language), main. */
export async function liteDocument({ title, main, here }: LitePage): Promise<Response> {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const app = await getTranslations("app");
  const other = LOCALES.filter((l) => l !== locale).map((l) =>
    `<a href="/api/locale?to=${l}&amp;back=${e(encodeURIComponent(here))}" hreflang="${l}"><span class="sr-only">${e(t("language"))}: </span><span lang="${l}">${e(t(`languages.${l}`))}</span></a>`).join("");
  const html = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${e(title)}</title><meta name="description" content="${e(app("tagline"))}">`
    + `<link rel="stylesheet" href="${STYLESHEET_PATH}"><link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any"></head>`
    + `<body><header class="header"><a class="brand" href="/">${e(t("brand"))}</a><nav aria-label="${e(t("main"))}">`
    + `<a href="/practice">${e(t("practice"))}</a><a href="/help">${e(t("help"))}</a><a href="/signin">${e(t("instructorSignIn"))}</a>${other}</nav></header>`
    + `<main class="page">${main}</main></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** The join form as the React JoinForm draws it, posted without a script; a refusal comes back in `back`. */
export async function joinForm(back: JoinBack, from: "home" | "join"): Promise<string> {
  const t = await getTranslations("join");
  const errors = await getTranslations("errors");
  const fieldError = (field: "code" | "nickname") =>
    back.error && back.field === field ? `<span role="alert" id="join-${field}-error" class="field-error">${e(errors(back.error))}</span>` : "";
  const invalid = (field: "code" | "nickname") =>
    back.error && back.field === field ? `aria-invalid="true" aria-describedby="join-${field}-error"` : `aria-invalid="false"`;
  // the focus goes where the student has to act: the field refused, else the nickname when the code is given
  const focus = back.error ? back.field : back.code ? "nickname" : null;
  const autofocus = (field: "code" | "nickname") => (focus === field ? " autofocus" : "");
  const general = back.error && !back.field ? `<span role="alert" class="field-error">${e(errors(back.error))}</span>` : "";
  return `<form class="stack" method="post" action="/api/join" novalidate aria-labelledby="join-title">`
    + `<input type="hidden" name="from" value="${from}"><h2 id="join-title">${e(t("title"))}</h2>`
    + `<label>${e(t("code"))}<input name="code" value="${e(back.code)}" autocomplete="off" autocapitalize="characters" inputmode="text" placeholder="ABC234"`
    + ` ${invalid("code")}${autofocus("code")}>${fieldError("code")}</label>`
    + `<label>${e(t("nickname"))}<input name="nickname" value="${e(back.nickname)}" autocomplete="nickname" maxlength="${NICKNAME_MAX + 20}"`
    + ` ${invalid("nickname")}${autofocus("nickname")}>${fieldError("nickname")}</label>`
    + `${general}<button type="submit">${e(t("submit"))}</button></form>`;
}
