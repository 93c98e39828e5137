"use client";
import { useEffect, useId, useMemo, useRef } from "react";
import { accuracyCountsSentence } from "@/lib/a11y/chart-text/sentences";
import { useChartWords } from "../a11y/useChartWords";
import ChartText from "../a11y/ChartText";
import { axisBottom, axisLeft, format, max, scaleBand, scaleLinear, select } from "d3";
import { ACCURACY_BINS, accuracyHistogram } from "@/lib/board/board";
import { useStable } from "./useStable";

interface Props {
  /** One accuracy per student (0, 0.25, 0.5, 0.75 or 1 on four samples). */
  values: readonly number[];
  title: string;
  ariaLabel: string;
  xLabel: string;
  yLabel: string;
  /** Bars above this accuracy are drawn orange (e.g. above XOR's 75% ceiling: impossible). */
  ceiling?: number;
  testId?: string;
}

const M = { t: 14, r: 12, b: 50, l: 58 };
const PW = 300;
const PH = 160;
const LABELS = ACCURACY_BINS.map((b) => format(".0%")(b));
const sameBins = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** How many students are at each accuracy a perceptron can have on four samples. */
export default function AccuracyHistogram({ values, title, ariaLabel, xLabel, yLabel, ceiling = 1, testId }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const drawn = useRef({ x: false, y: "" });
  // Five counts: the chart is redrawn only when one of them changes, not on every board flush.
  const bins = useStable(accuracyHistogram(values), sameBins);
  // The text alternative follows the five counts (lib/a11y/chart-text), with the counts as a table.
  const textId = useId();
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => ({
    summary: accuracyCountsSentence(ct, ACCURACY_BINS, bins),
    table: () => ({ caption: title, headers: [tt("accuracy"), tt("students")], rows: bins.map((c, i) => [Math.round(ACCURACY_BINS[i] * 100), c]) }),
  }), [ct, tt, bins, title]);

  useEffect(() => {
    const x = scaleBand<string>().domain(LABELS).range([0, PW]).padding(0.2);
    const y = scaleLinear().domain([0, Math.max(1, max(bins) ?? 1)]).nice().range([PH, 0]);
    const g = select(ref.current).select("g.plot");
    // The axes are redrawn only when their scale changes (the bars move on most board flushes).
    const yKey = String(y.domain()[1]);
    if (!drawn.current.x) g.select<SVGGElement>("g.x").call(axisBottom(x));
    if (drawn.current.y !== yKey) g.select<SVGGElement>("g.y").call(axisLeft(y).ticks(Math.min(5, y.domain()[1])).tickFormat(format("d")));
    drawn.current = { x: true, y: yKey };
    g.select("g.bars").selectAll("rect").data(bins).join("rect")
      .attr("x", (_, i) => x(LABELS[i])!).attr("width", x.bandwidth()).attr("y", (d) => y(d)).attr("height", (d) => PH - y(d))
      .attr("fill", (_, i) => (ACCURACY_BINS[i] > ceiling ? "var(--orange)" : "var(--blue)")).attr("data-count", (d) => d);
    g.select("g.values").selectAll("text").data(bins).join("text")
      .attr("x", (_, i) => x(LABELS[i])! + x.bandwidth() / 2).attr("y", (d) => y(d) - 4).attr("text-anchor", "middle")
      .attr("class", "bd-value").text((d) => (d ? d : ""));
  }, [bins, ceiling]);

  return (
    <figure className="tr-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg ref={ref} viewBox={`0 0 ${M.l + PW + M.r} ${M.t + PH + M.b}`} role="img" aria-label={ariaLabel} aria-describedby={textId}>
        <g className="plot" transform={`translate(${M.l},${M.t})`}>
          <g className="x" transform={`translate(0,${PH})`} />
          <g className="y" />
          <g className="bars" />
          <g className="values" />
          <text className="tr-axis-label" x={PW / 2} y={PH + 44} textAnchor="middle">{xLabel}</text>
          <text className="tr-axis-label" transform={`translate(-44,${PH / 2}) rotate(-90)`} textAnchor="middle">{yLabel}</text>
        </g>
      </svg>
      <ChartText id={textId} {...text} />
    </figure>
  );
}
