import Link from "next/link";
import { getTranslations } from "next-intl/server";

const EXERCISES = ["activation", "gate", "xor"] as const;

/** Practice: every exercise, open to anyone, no live session needed. */
export default async function PracticeIndex() {
  const t = await getTranslations("practice");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <div className="grid2">
        {EXERCISES.map((id) => (
          <Link key={id} href={`/practice/${id}`} className="card" style={{ textDecoration: "none", color: "inherit" }}>
            <h2>{t(`${id}.title`)}</h2>
            <p className="muted">{t(`${id}.summary`)}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
