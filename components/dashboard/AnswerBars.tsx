"use client";
import { useEffect, useMemo, useRef } from "react";
import { countFacts } from "@/lib/a11y/chart-text/class-charts";
import { answersSentence } from "@/lib/a11y/chart-text/class-sentences";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { axisBottom, format, max, scaleLinear, select } from "d3";

export interface AnswerBar {
  label: string;
  value: number;
  /** "good": a right answer / right choice (blue); "bad": a misconception (orange). */
  kind: "good" | "bad";
}
interface Props {
  title: string;
  /** One sentence under the title, e.g. the most chosen wrong explanation. */
  headline: string;
  bars: AnswerBar[];
  axisLabel: string;
  ariaLabel: string;
  legend: { good: string; bad: string };
  testId?: string;
}

const COLOR = { good: "#2166ac", bad: "#d6604d" } as const;
const M = { t: 4, r: 30, b: 36, l: 8 };
const W = 360;
const ROW = 38;

/** Horizontal bars of how many students gave each answer; the label sits above its bar (phones). */
export default function AnswerBars({ title, headline, bars, axisLabel, ariaLabel, legend, testId }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  const H = Math.max(ROW, bars.length * ROW);
  // The text alternative (lib/a11y/chart-text): each answer's count as drawn, the total and the largest; the same as a table.
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => {
    const counts = bars.map((b) => ({ name: b.label, count: b.value }));
    return {
      summary: answersSentence(ct, axisLabel, countFacts(counts), counts),
      table: () => ({ caption: title, headers: [tt("answer"), axisLabel], rows: bars.map((b) => [b.label, b.value]) }),
    };
  }, [bars, axisLabel, title, ct, tt]);

  useEffect(() => {
    const x = scaleLinear().domain([0, Math.max(1, max(bars, (b) => b.value) ?? 1)]).nice().range([0, W]);
    const g = select(ref.current).select("g.plot");
    axes(ref.current, { axis: axisBottom(x).ticks(Math.min(5, x.domain()[1])).tickFormat(format("d")) });
    const rows = g.select("g.rows").selectAll<SVGGElement, AnswerBar>("g.row").data(bars).join((enter) => {
      const row = enter.append("g").attr("class", "row");
      row.append("text").attr("class", "name");
      row.append("rect");
      row.append("text").attr("class", "value");
      return row;
    });
    rows.attr("transform", (_b, i) => `translate(0,${i * ROW})`);
    rows.select("text.name").attr("x", 0).attr("y", 12).text((b) => b.label);
    rows.select("rect").attr("x", 0).attr("y", 17).attr("height", 14).attr("width", (b) => x(b.value)).attr("fill", (b) => COLOR[b.kind]);
    rows.select("text.value").attr("x", (b) => x(b.value) + 4).attr("y", 28).text((b) => b.value);
  }, [bars, axes]);

  return (
    <ChartFrame title={title} testId={testId} className="tr-chart dash-chart" width={W} height={H} margin={M} svgRef={ref} plotClassName="dash-label"
      ariaLabel={ariaLabel} text={text} show={bars.length > 0} before={<p className="dash-headline">{headline}</p>}
      after={(
        <ul className="tr-legend" aria-hidden="true">
          <li><span className="dash-swatch" style={{ background: COLOR.good }} /> {legend.good}</li>
          <li><span className="dash-swatch" style={{ background: COLOR.bad }} /> {legend.bad}</li>
        </ul>
      )}>
      <g className="rows" />
      <Axes width={W} height={H} y={false} xLabel={axisLabel} xLabelAt={32} />
    </ChartFrame>
  );
}
