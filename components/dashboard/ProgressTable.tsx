"use client";
import { useTranslations } from "next-intl";
import { cellStatus, type Cell, type DashboardColumn } from "@/lib/dashboard/dashboard";
import { useDuration } from "./useDuration";

/** One student's row of the dashboard, as a table: per exercise, best score, attempts, time, status. */
export default function ProgressTable({ columns, cells }: { columns: DashboardColumn[]; cells: Cell[] }) {
  const t = useTranslations("progress");
  const td = useTranslations("dashboard");
  const duration = useDuration();
  const by = new Map(cells.map((c) => [c.exerciseId, c]));
  if (columns.length === 0) return <p className="muted">{td("noExercises")}</p>;
  return (
    <div className="dash-scroll" role="region" aria-label={t("scores")} tabIndex={0}>
      <table className="dash-grid" data-testid="progress-table">
        <thead>
          <tr>
            <th scope="col">{t("exercise")}</th>
            <th scope="col">{t("best")}</th>
            <th scope="col">{t("attempts")}</th>
            <th scope="col">{t("time")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const cell = by.get(c.id);
            const status = cellStatus(cell);
            return (
              <tr key={c.id}>
                <th scope="row">
                  {cell ? (
                    <a href={`#ex-${c.id}`}>{td("exerciseLong", { lesson: c.lessonTitle, position: c.position + 1, type: td(`types.${c.type}`) })}</a>
                  ) : (
                    td("exerciseLong", { lesson: c.lessonTitle, position: c.position + 1, type: td(`types.${c.type}`) })
                  )}
                </th>
                <td className="dash-num">{cell ? td("cell", { score: cell.best, points: c.points }) : "—"}</td>
                <td className="dash-num">{cell?.attempts ?? 0}</td>
                <td className="dash-num">{cell ? duration(cell.seconds) : "—"}</td>
                <td className={`dash-${status}`}>
                  {td(`status.${status}`)}
                  {cell?.late && <span className="dash-late"> · {td("late")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
