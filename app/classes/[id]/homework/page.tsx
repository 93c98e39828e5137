import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/auth/access";
import { assignmentStats, assignmentsOf } from "@/server/homework/homework";
import { db } from "@/server/db";
import ClassNav from "@/components/classes/ClassNav";
import AssignHomeworkForm from "@/components/homework/AssignHomeworkForm";

export const dynamic = "force-dynamic";

/** Open a lesson as homework with a due date; the class's homework with how far students got. */
export default async function ClassHomeworkPage({ params }: { params: Promise<{ id: string }> }) {
  const { cls, user } = await classForInstructorPage((await params).id);
  const t = await getTranslations("homework");
  const fmt = await getFormatter();
  const [lessons, assignments, stats] = await Promise.all([
    db.lesson.findMany({ where: { OR: [{ ownerId: null }, { ownerId: user.id }] }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } }),
    assignmentsOf(cls.id),
    assignmentStats(cls.id),
  ]);
  return (
    <>
      <h1>{t("classTitle", { name: cls.name })}</h1>
      <ClassNav classId={cls.id} />
      <p className="muted">{t("intro")}</p>
      <AssignHomeworkForm classId={cls.id} lessons={lessons} />
      <section className="card" aria-labelledby="hw-list">
        <h2 id="hw-list">{t("list")}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t("none")}</p>
        ) : (
          <ul className="stack dash-plain" data-testid="assignments">
            {assignments.map((a) => {
              const s = stats.get(a.id);
              return (
                <li key={a.id}>
                  <strong>{t("line", { lesson: a.lesson.title, due: fmt.dateTime(a.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}</strong>
                  <br />
                  <span className="muted">{t("stats", { students: s?.students ?? 0, done: s?.done ?? 0, late: s?.late ?? 0 })}</span>
                  {" · "}
                  <Link href={`/homework/${a.id}`} prefetch={false}>{t("studentLink")}</Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
