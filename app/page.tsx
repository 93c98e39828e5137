import Link from "next/link";
import { getTranslations } from "next-intl/server";
import JoinForm from "@/components/join/JoinForm";

export default async function Home({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const t = await getTranslations("home");
  const { code } = await searchParams;
  return (
    <>
      <section className="card">
        <h1>{t("title")}</h1>
        <p>{t("pitch")}</p>
      </section>
      <div className="grid2">
        <div className="card">
          <JoinForm initialCode={typeof code === "string" ? code.slice(0, 12) : ""} />
        </div>
        <div className="card stack">
          <h2>{t("instructorsTitle")}</h2>
          <p>{t("instructorsText")}</p>
          <Link className="button" href="/signin">
            {t("instructorsCta")}
          </Link>
        </div>
      </div>
    </>
  );
}
