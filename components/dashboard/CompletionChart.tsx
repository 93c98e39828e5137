"use client";
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { completionFacts } from "@/lib/a11y/chart-text/class-charts";
import { completionSentence } from "@/lib/a11y/chart-text/class-sentences";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { axisBottom, axisLeft, curveStepAfter, format, line, scaleLinear, select } from "d3";
import type { CompletionSeries } from "@/lib/dashboard/dashboard";
import { completionSteps, elapsedTicks } from "@/lib/dashboard/dashboard-time";

interface Props {
  series: (CompletionSeries & { label: string })[];
  enrolled: number;
  from: number;
  to: number;
}

/** Told apart by dash pattern as well as colour (blue / orange / dark first). */
export const LINE_STYLES = [
  { color: "#2166ac", dash: "" },
  { color: "#d6604d", dash: "6 3" },
  { color: "#1d1d1f", dash: "2 3" },
  { color: "#4393c3", dash: "8 3 2 3" },
  { color: "#b2182b", dash: "1 2" },
  { color: "#5f6368", dash: "10 4" },
];
const M = { t: 12, r: 16, b: 40, l: 48 };
const W = 340;
const H = 200;

/** Share of the class that had solved each exercise, over time (first correct submission). */
export default function CompletionChart({ series, enrolled, from, to }: Props) {
  const t = useTranslations("dashboard.completion");
  const tu = useTranslations("dashboard.completion.elapsed");
  const ref = useRef<SVGSVGElement>(null);
  const axes = useAxes();

  useEffect(() => {
    // Elapsed time since the first solve, a little room after the last one.
    const span = Math.max(to - from, 60_000);
    const end = span * 1.04;
    const x = scaleLinear().domain([0, end]).range([0, W]);
    const y = scaleLinear().domain([0, 1]).range([H, 0]);
    const { unit, ticks, values } = elapsedTicks(span, 5);
    const g = select(ref.current).select("g.plot");
    axes(ref.current, { axis: axisBottom(x).tickValues(ticks).tickFormat((_d, i) => (values[i] === 0 ? "0" : tu(unit, { n: values[i] }))) },
      { axis: axisLeft(y).ticks(5).tickFormat(format(".0%")) });
    const path = line<{ t: number; solved: number }>().x((p) => x(p.t - from)).y((p) => y(enrolled ? p.solved / enrolled : 0)).curve(curveStepAfter);
    g.select("g.lines").selectAll("path").data(series).join("path")
      .attr("d", (s) => path(completionSteps(s.points, from + end))).attr("fill", "none").attr("stroke-width", 2.5)
      .attr("stroke", (_s, i) => LINE_STYLES[i % LINE_STYLES.length].color)
      .attr("stroke-dasharray", (_s, i) => LINE_STYLES[i % LINE_STYLES.length].dash)
      .attr("data-exercise", (s) => s.exerciseId);
  }, [series, enrolled, from, to, tu, axes]);

  // The text alternative (lib/a11y/chart-text): how many solved each exercise by now; the same as a table.
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => {
    const f = completionFacts(series, enrolled);
    return {
      summary: completionSentence(ct, f),
      table: () => ({
        caption: t("title"), headers: [tt("exercise"), tt("solved"), tt("share")],
        rows: f.solved.map((s) => [s.label, s.solved, enrolled ? Math.round((100 * s.solved) / enrolled) : 0]),
      }),
    };
  }, [series, enrolled, ct, tt, t]);
  const legend = series.length > 0 && (
    <ul className="tr-legend" aria-hidden="true">
      {series.map((s, i) => {
        const st = LINE_STYLES[i % LINE_STYLES.length];
        return (
          <li key={s.exerciseId}>
            <svg width="28" height="10"><line x1="0" x2="28" y1="5" y2="5" stroke={st.color} strokeWidth="2.5" strokeDasharray={st.dash} /></svg> {s.label}
          </li>
        );
      })}
    </ul>
  );
  return (
    <ChartFrame title={t("title")} testId="completion-chart" className="tr-chart dash-chart" width={W} height={H} margin={M} svgRef={ref}
      ariaLabel={t("aria")} text={text} show={series.length > 0} before={series.length === 0 && <p className="muted">{t("empty")}</p>} legend={legend}>
      <Axes width={W} height={H} xLabel={t("time")} yLabel={t("axis")} />
      <g className="lines" />
    </ChartFrame>
  );
}
