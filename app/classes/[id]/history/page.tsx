import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/auth/access";
import { sessionHistory } from "@/server/dashboard/history";
import { db } from "@/server/db";
import ClassNav from "@/components/classes/ClassNav";
import { exerciseLabeler } from "@/app/exercise-label";

export const dynamic = "force-dynamic";

/** Past live sessions: date, lesson, exercises pushed, participation, and a link to the final board. */
export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { cls } = await classForInstructorPage((await params).id);
  const t = await getTranslations("history");
  const label = await exerciseLabeler();
  const fmt = await getFormatter();
  const [rows, enrolled] = await Promise.all([sessionHistory(cls.id), db.enrollment.count({ where: { classId: cls.id } })]);
  return (
    <>
      <h1>{t("title", { name: cls.name })}</h1>
      <ClassNav classId={cls.id} />
      {rows.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="stack dash-plain" data-testid="session-history">
          {rows.map((r) => (
            <li key={r.id} className="card">
              <h2 className="dash-card-title">
                <Link href={`/classes/${cls.id}/history/${r.id}`}>{fmt.dateTime(r.startedAt, { dateStyle: "medium", timeStyle: "short" })}</Link>{" "}
                <span className="muted">({t(r.status)})</span>
              </h2>
              <dl className="dash-facts">
                <dt>{t("lesson")}</dt>
                <dd>{r.lessonTitle}</dd>
                <dt>{t("exercises")}</dt>
                <dd>{r.exercises.length ? r.exercises.map(label).join(", ") : t("noneRun")}</dd>
                <dt>{t("participation")}</dt>
                <dd>{t("participationValue", { joined: r.participants, enrolled, submitted: r.submitters, submissions: r.submissions })}</dd>
              </dl>
              <Link href={`/classes/${cls.id}/history/${r.id}`}>{t("open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
