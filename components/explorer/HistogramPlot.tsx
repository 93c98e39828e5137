"use client";
import { useId, useLayoutEffect, useRef } from "react";
import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import type { Bin } from "@/lib/explorer/samples";
import ChartText, { type ChartDescription } from "../a11y/ChartText";
import { CHART, ChartFrame } from "./ActivationChart";

interface Props {
  title: string;
  testId: string;
  ariaLabel: string;
  /** The summary and data table under the chart (lib/a11y/chart-text). */
  text?: ChartDescription;
  bins: Bin[];
  xLabel: string;
  yLabel: string;
  color: string;
}

const { width: W, height: H, margin: M } = CHART;

/** Bars of a histogram (numpy-style bins) with D3 axes, redrawn only when their domain changes. */
export default function HistogramPlot({ title, testId, ariaLabel, text, bins, xLabel, yLabel, color }: Props) {
  const textId = useId();
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const bars = useRef<SVGGElement>(null);
  const drawn = useRef({ x: "", y: "" });

  useLayoutEffect(() => {
    const xs = scaleLinear().domain([bins[0].x0, bins[bins.length - 1].x1]).range([M.left, W - M.right]);
    const ys = scaleLinear().domain([0, max(bins, (b) => b.count) || 1]).range([H - M.bottom, M.top]).nice();
    const xKey = xs.domain().join();
    const yKey = ys.domain().join();
    if (drawn.current.x !== xKey) select(xAxis.current!).call(axisBottom(xs).ticks(5));
    if (drawn.current.y !== yKey) select(yAxis.current!).call(axisLeft(ys).ticks(5));
    drawn.current = { x: xKey, y: yKey };
    select(bars.current!)
      .selectAll("rect")
      .data(bins)
      .join("rect")
      .attr("x", (b) => xs(b.x0))
      .attr("width", (b) => Math.max(0.5, xs(b.x1) - xs(b.x0) - 0.3))
      .attr("y", (b) => ys(b.count))
      .attr("height", (b) => ys(0) - ys(b.count));
  }, [bins]);

  return (
    <ChartFrame title={title} testId={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined} className="act-chart">
        <g ref={bars} fill={color} />
        <g ref={xAxis} className="x-axis" transform={`translate(0,${H - M.bottom})`} />
        <g ref={yAxis} className="y-axis" transform={`translate(${M.left},0)`} />
        <text x={W - M.right} y={H - 4} textAnchor="end" className="act-axis-label">{xLabel}</text>
        <text x={4} y={M.top + 2} className="act-axis-label" transform={`rotate(-90 4 ${M.top + 2})`} textAnchor="end" dy="0.8em">{yLabel}</text>
      </svg>
      {text && <ChartText id={textId} {...text} />}
    </ChartFrame>
  );
}
