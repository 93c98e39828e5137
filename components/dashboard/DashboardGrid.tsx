"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cellStatus, gridHref, type Cell, type DashboardColumn, type GridQuery, type GridRow } from "@/lib/dashboard/dashboard";
import { useDuration } from "./useDuration";

interface Props {
  classId: string;
  columns: DashboardColumn[];
  rows: GridRow[];
  query: GridQuery;
  /** Exercise id -> its name as everywhere else ("2. Train a perceptron: AND"). */
  labels: Record<string, string>;
  /** Students on this page who solved XOR with a hidden layer (a marker beside the name). */
  xorNet?: readonly string[];
}

/** Shape as well as colour; a cell not started shows one dash, nothing else. */
const MARK = { correct: "✓ ", attempted: "✗ ", notStarted: "" } as const;

/** The dashboard's grid: students x exercises, sortable by any column; a cell opens the student's work. */
export default function DashboardGrid({ classId, columns, rows, query, labels, xorNet = [] }: Props) {
  const t = useTranslations("dashboard");
  const tx = useTranslations("xorProof");
  const ts = useTranslations("dashboard.status");
  const duration = useDuration();
  const base = `/classes/${classId}/dashboard`;
  const label = (c: DashboardColumn) => labels[c.id] ?? t("exercise", { position: c.position + 1, type: t(`types.${c.type}`) });

  function SortHeader({ sort, children, title }: { sort: GridQuery["sort"]; children: string; title?: string }) {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : active ? "asc" : sort === "nickname" ? "asc" : "desc";
    return (
      <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} title={title}>
        <Link href={gridHref(base, query, { sort, dir, page: 1 })} aria-label={t("sortBy", { column: children })}>
          {children}
          {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  }

  function CellView({ row, column, cell }: { row: GridRow; column: DashboardColumn; cell: Cell | undefined }) {
    const status = cellStatus(cell);
    return (
      <td className={`dash-cell dash-${status}`} data-testid={`cell-${row.nickname}-${column.position + 1}`}>
        <Link href={`/classes/${classId}/students/${row.userId}#ex-${column.id}`}>
          {MARK[status] && <span aria-hidden="true">{MARK[status]}</span>}
          <span className="sr-only">{ts(status)}: </span>
          {cell ? t("cell", { score: cell.best, points: column.points }) : "—"}
          {cell && (
            <small className="dash-sub">
              {t("cellTries", { count: cell.attempts })} · {duration(cell.seconds)}
              {cell.late && <span className="dash-late"> · {t("late")}</span>}
            </small>
          )}
        </Link>
      </td>
    );
  }

  return (
    <div className="dash-scroll" role="region" aria-label={t("gridLabel")} tabIndex={0}>
      <table className="dash-grid" data-testid="dashboard-grid">
        <thead>
          <tr>
            <SortHeader sort="nickname" title={t("student")}>{t("student")}</SortHeader>
            {columns.map((c) => (
              <SortHeader key={c.id} sort={`ex:${c.id}`} title={`${c.lessonTitle}: ${label(c)}`}>
                {label(c)}
              </SortHeader>
            ))}
            <SortHeader sort="total" title={t("total")}>{t("total")}</SortHeader>
            <SortHeader sort="solved" title={t("solved")}>{t("solved")}</SortHeader>
            <SortHeader sort="attempts" title={t("attempts")}>{t("attempts")}</SortHeader>
            <SortHeader sort="time" title={t("time")}>{t("time")}</SortHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const cells = new Map(r.cells.map((c) => [c.exerciseId, c]));
            return (
              <tr key={r.userId} data-testid="dashboard-row">
                <th scope="row">
                  <Link href={`/classes/${classId}/students/${r.userId}`}>{r.nickname}</Link>
                  {xorNet.includes(r.userId) && (
                    <> <span className="bd-tag" data-testid={`xor-net-${r.nickname}`} title={tx("solvedHiddenTitle")}>{tx("solvedHidden")}</span></>
                  )}
                </th>
                {columns.map((c) => (
                  <CellView key={c.id} row={r} column={c} cell={cells.get(c.id)} />
                ))}
                <td className="dash-num" data-testid={`total-${r.nickname}`}>{r.total}</td>
                <td className="dash-num">{r.solved}</td>
                <td className="dash-num">{r.attempts}</td>
                <td className="dash-num">{duration(r.seconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
