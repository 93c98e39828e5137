import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentUser } from "@/server/http/http";
import { cellsOf, dashboardColumns } from "@/server/dashboard/dashboard";
import { studentHomework, studentSessions, studentSubmissions } from "@/server/dashboard/progress";
import ProgressTable from "@/components/dashboard/ProgressTable";
import { SubmissionsSection } from "@/components/dashboard/SubmissionList";

export const dynamic = "force-dynamic";

/** A student's own progress: homework, scores per exercise, sessions, submissions. Only their own. */
export default async function MyProgressPage() {
  const user = await currentUser();
  if (!user) redirect("/");
  if (user.role !== "STUDENT" || !user.classId) redirect("/denied");
  const classId = user.classId;
  const t = await getTranslations("progress");
  const fmt = await getFormatter();
  const [columns, cells, sessions, homework, items] = await Promise.all([
    dashboardColumns(classId),
    cellsOf(classId, [user.id]),
    studentSessions(classId, user.id),
    studentHomework(classId, user.id),
    studentSubmissions(classId, user.id),
  ]);
  const now = Date.now();
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="hw-title">
        <h2 id="hw-title">{t("homework")}</h2>
        {homework.length === 0 ? (
          <p className="muted">{t("noHomework")}</p>
        ) : (
          <ul className="stack dash-plain" data-testid="my-homework">
            {homework.map((h) => (
              <li key={h.id}>
                <Link href={`/homework/${h.id}`}>{t("homeworkLine", { lesson: h.lessonTitle, due: fmt.dateTime(h.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}</Link>
                {" · "}
                {t("homeworkDone", { solved: h.solved, total: h.exercises })}
                {h.dueAt.getTime() < now && <span className="dash-late"> · {t("overdue")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">{t("scores")}</h2>
        <ProgressTable columns={columns} cells={cells} />
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t("noSessions")}</p>
        ) : (
          <ul className="stack dash-plain">
            {sessions.map((s) => (
              <li key={s.id}>
                {t("sessionLine", { date: fmt.dateTime(s.startedAt, { dateStyle: "medium", timeStyle: "short" }), lesson: s.lessonTitle, score: s.score, max: s.maxScore, solved: s.solved })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <SubmissionsSection title={t("submissions")} items={items} order={columns.map((c) => c.id)} />
    </>
  );
}
