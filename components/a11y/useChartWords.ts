"use client";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { numberText, type T } from "@/lib/a11y/chart-text/sentences";

/** What every chart's words are made with (lib/a11y/chart-text): the sentences' messages, the table's headings, numbers in the page's language. */
export function useChartWords() {
  const t = useTranslations("chartText") as unknown as T;
  const tt = useTranslations("chartText.table");
  const locale = useLocale();
  return useMemo(() => ({ t, tt, num: numberText(locale) }), [t, tt, locale]);
}
