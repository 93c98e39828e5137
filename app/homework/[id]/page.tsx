import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { homeworkForPage } from "@/server/auth/access";
import { homeworkResults } from "@/server/homework/homework";

export const dynamic = "force-dynamic";

/** A homework: the lesson's exercises, the due date, and the student's best result on each. */
export default async function HomeworkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, assignment } = await homeworkForPage(id);
  const t = await getTranslations("homework");
  const ta = await getTranslations("attempts");
  const fmt = await getFormatter();
  const results = await homeworkResults(assignment.id, user.id);
  const due = fmt.dateTime(assignment.dueAt, { dateStyle: "full", timeStyle: "short" });
  return (
    <>
      <h1>{t("title", { lesson: assignment.lesson.title })}</h1>
      <p data-testid="due">{t("due", { due })}</p>
      {assignment.dueAt.getTime() < Date.now() && <p className="dash-late">{t("pastDue")}</p>}
      <section className="card" aria-labelledby="ex-title">
        <h2 id="ex-title">{t("exercises")}</h2>
        <ol className="stack dash-plain" data-testid="homework-exercises">
          {assignment.lesson.exercises.map((e) => {
            const r = results.get(e.id);
            return (
              <li key={e.id}>
                <Link href={`/homework/${assignment.id}/${e.position + 1}`} prefetch={false}>
                  {t("exerciseLine", { position: e.position + 1, type: t(`types.${e.type}`) })}
                </Link>
                {" — "}
                {r?.hidden ? ta("hiddenHomework") : r ? t("best", { score: r.score, max: r.maxScore }) : t("notStarted")}
                {r?.correct && <span className="tr-ok"> · {t("solved")}</span>}
                {r?.late && <span className="dash-late"> · {t("late")}</span>}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
