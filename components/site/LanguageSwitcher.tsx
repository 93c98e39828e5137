"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LOCALES, LOCALE_COOKIE, type Locale } from "@/i18n/locales";

export default function LanguageSwitcher({ current }: { current: Locale }) {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <label className="sr-label">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={current}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
