import { useTranslations } from "next-intl";
import { normalPracticeLink } from "@/lib/practice-link";

/** "Try it on your own": the preset's practice link, opened in a new tab (the live page stays open). */
export default function PracticeLinkNote({ href }: { href?: string }) {
  const t = useTranslations("practiceLink");
  // checked when saved; checked again here so that only a practice page of this site is ever linked
  const link = href ? normalPracticeLink(href) : null;
  if (!link) return null;
  return (
    <p className="practice-link">
      <a href={link} target="_blank" rel="noopener" data-testid="practice-link" aria-describedby="practice-link-hint">{t("tryIt")} ↗</a>{" "}
      <span id="practice-link-hint" className="muted">{t("tryItHint")}</span>
    </p>
  );
}
