"use client";
import { useEffect, useMemo, useRef } from "react";
import { accuracyCountsSentence } from "@/lib/a11y/chart-text/sentences";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { axisBottom, axisLeft, format, max, scaleBand, scaleLinear, select } from "d3";
import { ACCURACY_BINS, accuracyHistogram } from "@/lib/board/counts";
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
  const axes = useAxes();
  // Five counts: the chart is redrawn only when one of them changes, not on every board flush.
  const bins = useStable(accuracyHistogram(values), sameBins);
  // The text alternative follows the five counts (lib/a11y/chart-text), with the counts as a table.
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
    axes(ref.current, { key: "", axis: axisBottom(x) }, { key: String(y.domain()[1]), axis: axisLeft(y).ticks(Math.min(5, y.domain()[1])).tickFormat(format("d")) });
    g.select("g.bars").selectAll("rect").data(bins).join("rect")
      .attr("x", (_, i) => x(LABELS[i])!).attr("width", x.bandwidth()).attr("y", (d) => y(d)).attr("height", (d) => PH - y(d))
      .attr("fill", (_, i) => (ACCURACY_BINS[i] > ceiling ? "var(--orange)" : "var(--blue)")).attr("data-count", (d) => d);
    g.select("g.values").selectAll("text").data(bins).join("text")
      .attr("x", (_, i) => x(LABELS[i])! + x.bandwidth() / 2).attr("y", (d) => y(d) - 4).attr("text-anchor", "middle")
      .attr("class", "bd-value").text((d) => (d ? d : ""));
  }, [bins, ceiling, axes]);

  return (
    <ChartFrame title={title} testId={testId} width={PW} height={PH} margin={M} svgRef={ref} ariaLabel={ariaLabel} text={text}>
      <Axes width={PW} height={PH} xLabel={xLabel} yLabel={yLabel} xLabelAt={44} yLabelAt={-44} />
      <g className="bars" />
      <g className="values" />
    </ChartFrame>
  );
}
