// next-intl without locale routing: the language is the remembered cookie, else the browser's.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import en from "@/messages/en";
import ko from "@/messages/ko";
import { isLocale, negotiateLocale, LOCALE_COOKIE } from "./locales";

const MESSAGES = { en, ko };

export default getRequestConfig(async () => {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(saved) ? saved : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: MESSAGES[locale] };
});
