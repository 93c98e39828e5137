"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { STATUS_ORDER, type TileFilter } from "@/lib/board/board-view";
import type { TileStatus } from "@/lib/live/session-protocol";

interface Props {
  /** Students per status (statusCounts) and in all. */
  counts: Readonly<Record<TileStatus, number>>;
  total: number;
  filter: TileFilter;
  shown: number;
  onChange(f: TileFilter): void;
}

/** Show one status only, and find a student by (part of) their shown name. */
export default memo(function StudentFilters({ counts, total, filter, shown, onChange }: Props) {
  const t = useTranslations("board.filter");
  const st = useTranslations("board.statuses");
  return (
    <div className="bd-filters" data-testid="student-filters">
      <div className="bd-filter-chips" role="group" aria-label={t("status")}>
        <button type="button" className="bd-fchip" aria-pressed={filter.status === "all"} onClick={() => onChange({ ...filter, status: "all" })}>
          {t("all")} <strong>{total}</strong>
        </button>
        {STATUS_ORDER.map((s) => (
          <button key={s} type="button" className={`bd-fchip bd-fchip-${s}`} aria-pressed={filter.status === s} disabled={counts[s] === 0 && filter.status !== s}
            onClick={() => onChange({ ...filter, status: filter.status === s ? "all" : s })} data-status={s}>
            {st(s)} <strong>{counts[s]}</strong>
          </button>
        ))}
      </div>
      <label className="bd-search">
        <span>{t("search")}</span>
        <input type="search" value={filter.query} onChange={(e) => onChange({ ...filter, query: e.target.value })} data-testid="student-search" />
      </label>
      <p className="muted bd-shown" role="status" data-testid="students-shown">{t("shown", { shown, total })}</p>
    </div>
  );
});
