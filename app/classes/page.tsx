import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { taughtBy } from "@/server/join/classes";
import CreateClassForm from "@/components/classes/CreateClassForm";
import { instructorOrSignIn } from "@/app/instructor";

export const dynamic = "force-dynamic";

export default async function ClassesPage() {
  const user = await instructorOrSignIn();
  const t = await getTranslations("classes");
  const team = await getTranslations("team");
  const classes = await db.class.findMany({
    where: taughtBy(user.id),
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { enrollments: true } } },
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <CreateClassForm />
      {classes.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {classes.map((c) => (
            <li key={c.id} className="card">
              <Link href={`/classes/${c.id}`}>{c.name}</Link>{" "}
              <span className="muted">{t("summary", { code: c.joinCode, students: c._count.enrollments })}</span>
              {c.ownerId !== user.id && <span className="muted"> · {team("coTaught")}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
