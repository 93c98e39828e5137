import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/access";
import { sessionHistory } from "@/server/history";
import { db } from "@/server/db";
import ClassNav from "@/components/ClassNav";

export const dynamic = "force-dynamic";

/** Past live sessions: date, lesson, exercises pushed, participation, and a link to the final board. */
export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { cls } = await classForInstructorPage((await params).id);
  const t = await getTranslations("history");
  const td = await getTranslations("dashboard");
  const fmt = await getFormatter();
  const [rows, enrolled] = await Promise.all([sessionHistory(cls.id), db.enrollment.count({ where: { classId: cls.id } })]);
  return (
    <>
      <h1>{t("title", { name: cls.name })}</h1>
      <ClassNav classId={cls.id} />
      {rows.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="dash-scroll" role="region" aria-label={t("title", { name: cls.name })} tabIndex={0}>
          <table className="dash-grid" data-testid="session-history">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("lesson")}</th>
                <th scope="col">{t("exercises")}</th>
                <th scope="col">{t("participation")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col"><span className="sr-only">{t("open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{fmt.dateTime(r.startedAt, { dateStyle: "medium", timeStyle: "short" })}</th>
                  <td>{r.lessonTitle}</td>
                  <td>{r.exercises.length ? r.exercises.map((e) => td("exercise", { position: e.position + 1, type: td(`types.${e.type as "GATE"}`) })).join(", ") : t("noneRun")}</td>
                  <td>{t("participationValue", { joined: r.participants, enrolled, submitted: r.submitters, submissions: r.submissions })}</td>
                  <td>{t(r.status)}</td>
                  <td><Link href={`/classes/${cls.id}/history/${r.id}`}>{t("open")}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
