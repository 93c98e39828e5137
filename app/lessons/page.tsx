import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import DuplicateLessonButton from "@/components/lessons/DuplicateLessonButton";
import ImportLessonForm from "@/components/lessons/ImportLessonForm";
import { instructorOrSignIn } from "@/app/instructor";

export const dynamic = "force-dynamic";

export default async function LessonsPage() {
  const user = await instructorOrSignIn();
  const t = await getTranslations("lessons");
  const tf = await getTranslations("lessonFile");
  const lessons = await db.lesson.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: user.id }] },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { exercises: true } } },
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {lessons.map((l) => (
          <li key={l.id} className="card" data-testid="lesson">
            <strong>{l.title}</strong>{" "}
            <span className="muted">{l.ownerId ? t("mine", { count: l._count.exercises }) : t("builtin", { count: l._count.exercises })}</span>
            <div style={{ display: "flex", gap: "0.5rem", marginTop: "0.5rem", flexWrap: "wrap" }}>
              <DuplicateLessonButton lessonId={l.id} />
              <a className="button secondary" href={`/api/lessons/${l.id}/export`} download data-testid="export-lesson">
                {tf("export")}
              </a>
              {l.ownerId && (
                <Link className="button secondary" href={`/lessons/${l.id}`}>
                  {t("edit")}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ImportLessonForm />
    </>
  );
}
