"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { GridQuery } from "@/lib/dashboard/dashboard";
import SelectField from "../forms/SelectField";

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
      <SelectField label={t("filter.exercise")} name="ex" defaultValue={query.ex ?? ""}
        options={[{ value: "", label: t("filter.anyExercise") }, ...exercises.map((e) => ({ value: e.id, label: e.label }))]} />
      <SelectField label={t("filter.status")} name="status" defaultValue={query.status} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <div className="dash-actions">
        <button type="submit">{t("filter.apply")}</button>
        <Link className="button secondary" href={base}>{t("filter.clear")}</Link>
      </div>
    </form>
  );
}
