"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { PRACTICE_LINK_MAX } from "@/lib/practice/practice-path";

/** The preset's optional practice link (checked by lib/practice/practice-link.ts when the form is saved). */
export default function PracticeLinkField({ initial }: { initial?: string }) {
  const t = useTranslations("practiceLink");
  const id = useId();
  return (
    <label>
      {t("field")}
      <input name="practiceLink" type="text" inputMode="url" maxLength={PRACTICE_LINK_MAX + 200} defaultValue={initial ?? ""}
        placeholder="/practice/gate?gate=OR&lr=0.1&seed=1" aria-describedby={`${id}-hint`} data-testid="practice-link-field" />
      <span id={`${id}-hint`} className="muted">{t("hint")}</span>
    </label>
  );
}
