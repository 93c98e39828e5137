"use client";
import { memo, useEffect, useRef } from "react";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear, scaleLog } from "@/lib/util/scales";
import { linePath } from "@/lib/util/svg-path";
import { select } from "d3-selection";
import ChartFrame, { type ChartProps } from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { epochAxisMax, epochTicks, thin } from "../trainer/TrainerSeries";

export interface GradientPoint { epoch: number; grad: readonly number[] }
interface Props extends ChartProps {
  /** One record per finished epoch: the mean |gradient| of each layer (hidden, [hidden 2,] output). */
  data: readonly GradientPoint[];
  total: number;
  /** One name per layer, in the records' order. */
  layers: readonly string[];
  xLabel: string;
  yLabel: string;
  /** Said beside the legend: an exact zero is drawn on the bottom edge (a log axis has no 0). */
  zeroLabel: string;
}

const M = { t: 12, r: 14, b: 40, l: 56 };
const PW = 260;
const PH = 150;
/** The log axis' floor: an exact zero (the step's hidden layer) sits here. */
export const GRADIENT_FLOOR = 1e-10;
const COLORS = ["var(--blue)", "var(--ok)", "var(--orange)"];
const DASHES = [null, "2 3", "6 3"];

/** Mean |dL/dθ| per layer per epoch on a log axis: a vanishing gradient falls off the chart, an exact zero lies on the floor. */
function GradientChart({ data, total, layers, title, ariaLabel, xLabel, yLabel, zeroLabel, text }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  useEffect(() => {
    const pts = thin(data);
    let top = 1;
    for (const d of pts) for (const g of d.grad) if (g > top) top = g;
    const x = scaleLinear().domain([0, epochAxisMax(data.length, total)]).range([0, PW]);
    const y = scaleLog().domain([GRADIENT_FLOOR, top]).range([PH, 0]).clamp(true);
    const g = select(ref.current).select("g.plot");
    // the axes only when they change (a training page draws this every frame)
    axes(ref.current, { key: String(x.domain()[1]), axis: axisBottom(x).tickValues(epochTicks(x)).tickFormat(format("~s")) },
      { key: String(top), axis: axisLeft(y).tickValues([1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1].filter((v) => v <= top)).tickFormat(format(".0e")) });
    const series = layers.map((_, l) => pts.map((d) => [x(d.epoch + 1), y(Math.max(GRADIENT_FLOOR, d.grad[l] ?? 0))] as [number, number]));
    g.select("g.lines").selectAll("path").data(series).join("path")
      .attr("fill", "none").attr("stroke-width", 2.2)
      .attr("stroke", (_, l) => COLORS[l % COLORS.length]).attr("stroke-dasharray", (_, l) => DASHES[l % DASHES.length])
      .attr("d", (s) => linePath(s));
  }, [data, total, layers, axes]);

  const legend = (
    <p className="tr-legend">
      {layers.map((name, l) => (
        <span key={name}>
          <svg width="22" height="14" aria-hidden="true"><line x1="1" y1="7" x2="21" y2="7" stroke={COLORS[l % COLORS.length]} strokeWidth="2.5" strokeDasharray={DASHES[l % DASHES.length] ?? undefined} /></svg>
          {name}
        </span>
      ))}
      <span className="muted">{zeroLabel}</span>
    </p>
  );
  return (
    <ChartFrame title={title} testId="gradient-chart" width={PW} height={PH} margin={M} svgRef={ref} ariaLabel={ariaLabel} text={text} legend={legend}>
      <Axes width={PW} height={PH} xLabel={xLabel} yLabel={yLabel} yLabelAt={-46} />
      <g className="lines" />
    </ChartFrame>
  );
}

// a training page re-renders every frame; the chart redraws only when what it is given changes
export default memo(GradientChart);
