import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("helpPage");
  return { title: t("title") };
}

/** Help, linked from the same place in every page's header (WCAG 2.2 3.2.6 consistent help). */
export default async function HelpPage() {
  const t = await getTranslations("helpPage");
  const parts = ["join", "keys", "stuck", "a11y"] as const;
  return (
    <article className="card stack help-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {parts.map((p) => (
        <section key={p} aria-labelledby={`help-${p}`}>
          <h2 id={`help-${p}`}>{t(`${p}Title`)}</h2>
          <p>{t(p)}</p>
        </section>
      ))}
    </article>
  );
}
