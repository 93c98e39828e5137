"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import "./chart-text.css";

/** A chart's data as a table: built only when the reader opens it. */
export interface ChartTable { caption: string; headers: string[]; rows: (string | number)[][] }
/** What a chart says in words: a one-sentence summary (lib/a11y/chart-text) and, on demand, its data. */
export interface ChartDescription { summary: string; table?: () => ChartTable }

/**
 * The text alternative under a chart: the summary (the chart's SVG points at it with
 * aria-describedby, so it is read with the picture and stays true as the data moves) and a
 * disclosure button opening a real <table> with caption and column headers.
 */
export default function ChartText({ id, summary, table }: ChartDescription & { id: string }) {
  const t = useTranslations("chartText.table");
  const [open, setOpen] = useState(false);
  const data = open && table ? table() : null;
  return (
    <div className="chart-text">
      <p id={id} className="chart-summary" data-testid="chart-summary">{summary}</p>
      {table && (
        <button type="button" className="chart-table-toggle" aria-expanded={open} aria-controls={`${id}-table`} onClick={() => setOpen(!open)}>
          {open ? t("hide") : t("show")}
        </button>
      )}
      {data && (
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={data.caption}>
          <table id={`${id}-table`} className="chart-table">
            <caption>{data.caption}</caption>
            <thead><tr>{data.headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
            <tbody>{data.rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
