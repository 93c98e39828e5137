import { useTranslations } from "next-intl";
import { practicePath } from "@/lib/practice/practice-path";

/** "Try it on your own": the preset's practice link, opened in a new tab (the live page stays open). */
export default function PracticeLinkNote({ href }: { href?: string }) {
  const t = useTranslations("practiceLink");
  // checked in full (and written the one way) when saved; checked again here, without reading the
  // values, so that only a practice page of this site is ever linked
  const link = href ? practicePath(href)?.href ?? null : null;
  if (!link) return null;
  return (
    <p className="practice-link">
      <a href={link} target="_blank" rel="noopener" data-testid="practice-link" aria-describedby="practice-link-hint">{t("tryIt")} ↗</a>{" "}
      <span id="practice-link-hint" className="muted">{t("tryItHint")}</span>
    </p>
  );
}
