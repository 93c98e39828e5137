import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Where a page sends someone who may not see it (a student on an instructor's page, and so on). */
export default async function DeniedPage() {
  const t = await getTranslations("errors");
  return (
    <section className="card" data-testid="denied">
      <h1>{t("forbidden")}</h1>
      <Link href="/">{t("backHome")}</Link>
    </section>
  );
}
