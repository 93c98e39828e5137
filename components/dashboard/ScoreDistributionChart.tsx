"use client";
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { shareFacts } from "@/lib/a11y/chart-text/class-charts";
import { distributionSentence } from "@/lib/a11y/chart-text/class-sentences";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { axisBottom, format, scaleLinear, select } from "d3";
import type { Distribution } from "@/lib/dashboard/dashboard";

interface Props {
  /** One per exercise, in column order, with the label to show. */
  data: (Distribution & { label: string })[];
}

const KEYS = ["full", "high", "low", "zero", "notStarted"] as const;
type Key = (typeof KEYS)[number];
/**
 * Blue (good) to red (bad) on the RdBu scale, steps far enough apart to tell each from its
 * neighbour; not started is hatched (no colour at all), so it never reads as a score.
 */
const COLOR: Record<Key, string> = { full: "#2166ac", high: "#6aaed6", low: "#f4a582", zero: "#b2182b", notStarted: "url(#dash-hatch)" };
const SWATCH: Record<Key, string> = { ...COLOR, notStarted: "repeating-linear-gradient(45deg, #8c8c88 0 2px, #fff 2px 5px)" };
const TEXT: Record<Key, string> = { full: "#fff", high: "#1d1d1f", low: "#1d1d1f", zero: "#fff", notStarted: "#1d1d1f" };
const M = { t: 4, r: 12, b: 36, l: 8 };
const W = 420;
/** Each row: the exercise's name above its bar (names are long: "2. Train a perceptron: AND"). */
const ROW = 46;
const BAR = 22;

/** Per exercise, a 100% stacked bar: how many students are at full marks, part marks, zero, not started. */
export default function ScoreDistributionChart({ data }: Props) {
  const t = useTranslations("dashboard.distribution");
  const ref = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  const H = Math.max(ROW, data.length * ROW);
  const counts = (d: Distribution): Record<Key, number> => ({ ...d.bins, notStarted: d.notStarted });

  useEffect(() => {
    const x = scaleLinear().domain([0, 1]).range([0, W]);
    const y0 = (id: string) => data.findIndex((d) => d.exerciseId === id) * ROW + (ROW - BAR);
    const y = Object.assign(y0, { bandwidth: () => BAR });
    const g = select(ref.current).select("g.plot");
    axes(ref.current, { axis: axisBottom(x).ticks(5).tickFormat(format(".0%")) });
    const segs = data.flatMap((d) => {
      const c = counts(d);
      const total = KEYS.reduce((s, k) => s + c[k], 0) || 1;
      let acc = 0;
      return KEYS.map((k) => {
        const seg = { id: d.exerciseId, key: k, n: c[k], x0: acc / total, x1: (acc + c[k]) / total };
        acc += c[k];
        return seg;
      });
    });
    g.select("g.bars").selectAll("rect").data(segs).join("rect")
      .attr("x", (s) => x(s.x0)).attr("width", (s) => Math.max(0, x(s.x1) - x(s.x0)))
      .attr("y", (s) => y(s.id)!).attr("height", y.bandwidth()).attr("fill", (s) => COLOR[s.key]);
    g.select("g.counts").selectAll("text").data(segs.filter((s) => s.n > 0 && x(s.x1) - x(s.x0) > 18)).join("text")
      .attr("x", (s) => (x(s.x0) + x(s.x1)) / 2).attr("y", (s) => y(s.id)! + y.bandwidth() / 2).attr("dy", "0.35em")
      .attr("text-anchor", "middle").attr("fill", (s) => TEXT[s.key]).text((s) => s.n);
    g.select("g.labels").selectAll("text").data(data).join("text")
      .attr("x", 0).attr("y", (d) => y(d.exerciseId) - 6).attr("text-anchor", "start").text((d) => d.label);
  }, [data, H, axes]);

  // The text alternative (lib/a11y/chart-text): each exercise's students per score, largest first; the counts as a table.
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => {
    const rows = data.map((d) => ({ label: d.label, counts: KEYS.map((k) => ({ name: k, count: counts(d)[k] })) }));
    return {
      summary: distributionSentence(ct, shareFacts(rows, "full"), (k) => ct(`bins.${k}`), "full"),
      table: () => ({ caption: t("title"), headers: [tt("exercise"), ...KEYS.map((k) => t(`bins.${k}`))], rows: rows.map((r) => [r.label, ...r.counts.map((c) => c.count)]) }),
    };
  }, [data, ct, tt, t]);
  const legend = (
    <ul className="tr-legend" aria-hidden="true">
      {KEYS.map((k) => (
        <li key={k}>
          <span className="dash-swatch" style={{ background: SWATCH[k] }} /> {t(`bins.${k}`)}
        </li>
      ))}
    </ul>
  );
  return (
    <ChartFrame title={t("title")} testId="score-distribution" className="tr-chart dash-chart" width={W} height={H} margin={M} svgRef={ref}
      ariaLabel={t("aria")} text={text} legend={legend}>
      <defs>
        <pattern id="dash-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c88" strokeWidth="2.5" />
        </pattern>
      </defs>
      <g className="bars" />
      <g className="counts dash-count" />
      <g className="labels dash-label" />
      <Axes width={W} height={H} y={false} xLabel={t("axis")} xLabelAt={32} />
    </ChartFrame>
  );
}
