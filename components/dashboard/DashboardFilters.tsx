"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { GridQuery } from "@/lib/dashboard/dashboard";

interface Props {
  base: string;
  query: GridQuery;
  exercises: { id: string; label: string }[];
}

const STATUSES = ["any", "notStarted", "attempted", "correct"] as const;

/** The grid's filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export default function DashboardFilters({ base, query, exercises }: Props) {
  const t = useTranslations("dashboard");
  return (
    <form className="card dash-filters" method="get" action={base} role="search" aria-label={t("filter.title")}>
      {query.sort !== "nickname" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
      <label>
        {t("filter.search")}
        <input type="search" name="q" defaultValue={query.q} maxLength={40} />
      </label>
      <label>
        {t("filter.exercise")}
        <select name="ex" defaultValue={query.ex ?? ""}>
          <option value="">{t("filter.anyExercise")}</option>
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>{e.label}</option>
          ))}
        </select>
      </label>
      <label>
        {t("filter.status")}
        <select name="status" defaultValue={query.status}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </label>
      <div className="dash-actions">
        <button type="submit">{t("filter.apply")}</button>
        <Link className="button secondary" href={base}>{t("filter.clear")}</Link>
      </div>
    </form>
  );
}
