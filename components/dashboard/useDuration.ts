"use client";
import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/dashboard/dashboard";

/** Seconds as "2 h 05 min" / "3 min 07 s" / "45 s" in the reader's language. */
export function useDuration(): (seconds: number) => string {
  const t = useTranslations("dashboard");
  return (seconds) => {
    const { h, m, s } = formatDuration(seconds);
    if (h > 0) return t("durationH", { h, m });
    if (m > 0) return t("durationM", { m, s });
    return t("durationS", { s });
  };
}
