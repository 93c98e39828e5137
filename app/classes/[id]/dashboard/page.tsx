import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/auth/access";
import { completionOverTime, dashboardColumns, dashboardGrid, misconceptions, scoreDistribution } from "@/server/dashboard/dashboard";
import { solvedWithHiddenLayer } from "@/server/xor/xor-summary";
import { gridHref, parseGridQuery } from "@/lib/dashboard/dashboard";
import ClassNav from "@/components/classes/ClassNav";
import DashboardGrid from "@/components/dashboard/DashboardGrid";
import DashboardFilters from "@/components/dashboard/DashboardFilters";
import ScoreDistributionChart from "@/components/dashboard/ScoreDistributionChart";
import CompletionChart from "@/components/dashboard/CompletionChart";
import Misconceptions from "../misconceptions";
import { exerciseLabeler } from "@/app/exercise-label";
import { experimentsOf } from "@/server/experiments/experiments";
import ExperimentHistory from "@/components/experiments/ExperimentHistory";
import "@/components/dashboard/dashboard.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ params, searchParams }: Props) {
  const { cls } = await classForInstructorPage((await params).id);
  const query = parseGridQuery(await searchParams);
  const t = await getTranslations("dashboard");
  const columns = await dashboardColumns(cls.id);
  const grid = await dashboardGrid(cls.id, query);
  const [distribution, completion, answers, experiments, xorNet] = await Promise.all([
    scoreDistribution(cls.id, columns, grid.enrolled),
    completionOverTime(cls.id),
    misconceptions({ classId: cls.id }),
    experimentsOf({ classId: cls.id }),
    solvedWithHiddenLayer(cls.id, grid.rows.map((r) => r.userId)),
  ]);
  // One name per exercise everywhere (board, controls, student page): "2. Train a perceptron: AND".
  const label = await exerciseLabeler();
  const labelOf = new Map(columns.map((c) => [c.id, label(c)]));
  const base = `/classes/${cls.id}/dashboard`;
  const exportBase = `/api/classes/${cls.id}/export`;

  return (
    <div className="dash-page">
      <h1>{t("title", { name: cls.name })}</h1>
      <ClassNav classId={cls.id} />
      <p className="muted">{t("intro")}</p>
      <DashboardFilters base={base} query={query} exercises={columns.map((c) => ({ id: c.id, label: label(c) }))} />
      <p data-testid="dashboard-summary">{t("summary", { matched: grid.matched, enrolled: grid.enrolled, page: grid.page, pages: grid.pages })}</p>
      {grid.enrolled === 0 ? (
        <p className="muted">{t("noStudents")}</p>
      ) : (
        <>
          {columns.length === 0 && <p className="muted">{t("noExercises")}</p>}
          <DashboardGrid classId={cls.id} columns={columns} rows={grid.rows} query={query} labels={Object.fromEntries(labelOf)} xorNet={[...xorNet]} />
          {grid.pages > 1 && (
            <nav className="dash-pager" aria-label={t("pager")}>
              {grid.page > 1 && <Link href={gridHref(base, query, { page: grid.page - 1 })}>{t("previous")}</Link>}
              {grid.page < grid.pages && <Link href={gridHref(base, query, { page: grid.page + 1 })}>{t("next")}</Link>}
            </nav>
          )}
        </>
      )}
      {columns.length > 0 && (
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">{t("chartsTitle")}</h2>
          <div className="dash-charts">
            <ScoreDistributionChart data={distribution.map((d) => ({ ...d, label: labelOf.get(d.exerciseId) ?? "?" }))} />
            <CompletionChart
              series={completion.series.map((s) => ({ ...s, label: labelOf.get(s.exerciseId) ?? "?" })).sort((a, b) => columns.findIndex((c) => c.id === a.exerciseId) - columns.findIndex((c) => c.id === b.exerciseId))}
              enrolled={grid.enrolled}
              from={completion.from}
              to={completion.to}
            />
            <Misconceptions columns={columns} labelOf={labelOf} answers={answers} />
          </div>
        </section>
      )}
      {experiments.length > 0 && <ExperimentHistory records={experiments} labels={Object.fromEntries(labelOf)} classId={cls.id} />}
      <section className="card dash-toolbar dash-export" aria-labelledby="export-title">
        <h2 id="export-title">{t("export.title")}</h2>
        <div className="dash-actions">
          <a className="button secondary" href={`${exportBase}/gradebook`} download>{t("export.gradebook")}</a>
          <a className="button secondary" href={`${exportBase}/submissions`} download>{t("export.submissions")}</a>
        </div>
        <p className="muted">{t("export.hint")}</p>
      </section>
    </div>
  );
}
