"use client";
import { useLayoutEffect, useRef } from "react";
import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import type { Bin } from "@/lib/explorer/samples";
import ChartFrame, { type ChartProps } from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { CHART, PANEL, PANEL_AXES } from "./ActivationChart";

interface Props extends ChartProps {
  bins: Bin[];
  xLabel: string;
  yLabel: string;
  color: string;
}

const { width: W, height: H } = CHART;

/** Bars of a histogram (numpy-style bins) with D3 axes, redrawn only when their domain changes. */
export default function HistogramPlot({ title, testId, ariaLabel, text, bins, xLabel, yLabel, color }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  const bars = useRef<SVGGElement>(null);

  useLayoutEffect(() => {
    const xs = scaleLinear().domain([bins[0].x0, bins[bins.length - 1].x1]).range([0, W]);
    const ys = scaleLinear().domain([0, max(bins, (b) => b.count) || 1]).range([H, 0]).nice();
    axes(svg.current, { key: xs.domain().join(), axis: axisBottom(xs).ticks(5) }, { key: ys.domain().join(), axis: axisLeft(ys).ticks(5) });
    select(bars.current!)
      .selectAll("rect")
      .data(bins)
      .join("rect")
      .attr("x", (b) => xs(b.x0))
      .attr("width", (b) => Math.max(0.5, xs(b.x1) - xs(b.x0) - 0.3))
      .attr("y", (b) => ys(b.count))
      .attr("height", (b) => ys(0) - ys(b.count));
  }, [bins, axes]);

  return (
    <ChartFrame {...PANEL} title={title} testId={testId} width={W} height={H} margin={CHART.margin} svgRef={svg} ariaLabel={ariaLabel} text={text}>
      <g ref={bars} fill={color} />
      <Axes {...PANEL_AXES} width={W} height={H} xLabel={xLabel} yLabel={yLabel} />
    </ChartFrame>
  );
}
