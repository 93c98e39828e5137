"use client";
import { useEffect, useId, useRef } from "react";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear, scaleLog } from "@/lib/util/scales";
import { linePath } from "@/lib/util/svg-path";
import { select } from "d3-selection";
import ChartText, { type ChartDescription } from "../a11y/ChartText";
import { epochAxisMax, epochTicks, thin } from "../trainer/TrainerSeries";

export interface GradientPoint { epoch: number; grad: readonly number[] }
interface Props {
  /** One record per finished epoch: the mean |gradient| of each layer (hidden, [hidden 2,] output). */
  data: readonly GradientPoint[];
  total: number;
  /** One name per layer, in the records' order. */
  layers: readonly string[];
  title: string;
  ariaLabel: string;
  xLabel: string;
  yLabel: string;
  /** Said beside the legend: an exact zero is drawn on the bottom edge (a log axis has no 0). */
  zeroLabel: string;
  /** The summary and data table under the chart (lib/a11y/chart-text). */
  text?: ChartDescription;
}

const M = { t: 12, r: 14, b: 40, l: 56 };
const PW = 260;
const PH = 150;
/** The log axis' floor: an exact zero (the step's hidden layer) sits here. */
export const GRADIENT_FLOOR = 1e-10;
const COLORS = ["var(--blue)", "var(--ok)", "var(--orange)"];
const DASHES = [null, "2 3", "6 3"];

/** Mean |dL/dθ| per layer per epoch on a log axis: a vanishing gradient falls off the chart, an exact zero lies on the floor. */
export default function GradientChart({ data, total, layers, title, ariaLabel, xLabel, yLabel, zeroLabel, text }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const textId = useId();
  const axes = useRef("");
  useEffect(() => {
    const pts = thin(data);
    let top = 1;
    for (const d of pts) for (const g of d.grad) if (g > top) top = g;
    const x = scaleLinear().domain([0, epochAxisMax(data.length, total)]).range([0, PW]);
    const y = scaleLog().domain([GRADIENT_FLOOR, top]).range([PH, 0]).clamp(true);
    const g = select(ref.current).select("g.plot");
    // the axes and their names only when they change (a training page draws this every frame)
    const axesKey = `${x.domain()[1]}|${top}|${xLabel}|${yLabel}`;
    if (axes.current !== axesKey) {
      axes.current = axesKey;
      g.select<SVGGElement>("g.x").call(axisBottom(x).tickValues(epochTicks(x)).tickFormat(format("~s")));
      g.select<SVGGElement>("g.y").call(axisLeft(y).tickValues([1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1].filter((v) => v <= top)).tickFormat(format(".0e")));
      g.select("text.xl").text(xLabel);
      g.select("text.yl").text(yLabel);
    }
    const series = layers.map((_, l) => pts.map((d) => [x(d.epoch + 1), y(Math.max(GRADIENT_FLOOR, d.grad[l] ?? 0))] as [number, number]));
    g.select("g.lines").selectAll("path").data(series).join("path")
      .attr("fill", "none").attr("stroke-width", 2.2)
      .attr("stroke", (_, l) => COLORS[l % COLORS.length]).attr("stroke-dasharray", (_, l) => DASHES[l % DASHES.length])
      .attr("d", (s) => linePath(s));
  }, [data, total, layers, xLabel, yLabel]);

  return (
    <figure className="tr-chart" data-testid="gradient-chart">
      <figcaption>{title}</figcaption>
      <svg ref={ref} viewBox={`0 0 ${M.l + PW + M.r} ${M.t + PH + M.b}`} role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined}>
        <g className="plot" transform={`translate(${M.l},${M.t})`}>
          <g className="x" transform={`translate(0,${PH})`} />
          <g className="y" />
          <text className="xl tr-axis-label" x={PW / 2} y={PH + 34} textAnchor="middle" />
          <text className="yl tr-axis-label" transform={`translate(-46,${PH / 2}) rotate(-90)`} textAnchor="middle" />
          <g className="lines" />
        </g>
      </svg>
      <p className="tr-legend">
        {layers.map((name, l) => (
          <span key={name}>
            <svg width="22" height="14" aria-hidden="true"><line x1="1" y1="7" x2="21" y2="7" stroke={COLORS[l % COLORS.length]} strokeWidth="2.5" strokeDasharray={DASHES[l % DASHES.length] ?? undefined} /></svg>
            {name}
          </span>
        ))}
        <span className="muted">{zeroLabel}</span>
      </p>
      {text && <ChartText id={textId} {...text} />}
    </figure>
  );
}
