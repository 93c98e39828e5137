"use client";
import { useId, useLayoutEffect, useRef } from "react";
import { extent } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import { useLocale } from "next-intl";
import { numberText } from "@/lib/a11y/chart-text/sentences";
import AudioTrace from "../a11y/AudioTrace";
import ChartText, { type ChartDescription } from "../a11y/ChartText";
import { linePath } from "@/lib/util/svg-path";
import { CHART, ChartFrame, valueDomain } from "./ActivationChart";

interface Props {
  title: string;
  testId: string;
  /** What a screen reader hears instead of the picture. */
  ariaLabel: string;
  /** The summary and data table under the chart (lib/a11y/chart-text). */
  text?: ChartDescription;
  /** Offer an audio trace, ticking where the curve crosses these levels. */
  trace?: number[];
  x: Float64Array;
  y: Float64Array;
  xLabel: string;
  yLabel: string;
  color: string;
  /** Keep 0 inside the y domain (for a derivative, so "flat at 0" reads as such). */
  includeZero?: boolean;
}

const { width: W, height: H, margin: M } = CHART;

/** A line y(x) with D3 axes; the axes are redrawn only when their domain changes. */
export default function FunctionPlot({ title, testId, ariaLabel, text, trace, x, y, xLabel, yLabel, color, includeZero = false }: Props) {
  const textId = useId();
  const locale = useLocale();
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const line = useRef<SVGPathElement>(null);
  const zero = useRef<SVGLineElement>(null);
  const drawn = useRef({ x: "", y: "" });

  useLayoutEffect(() => {
    const xs = scaleLinear().domain(extent(x) as [number, number]).range([M.left, W - M.right]);
    // With 0 kept in (a derivative), pad below and above so a curve flat at 0 (the step's) sits
    // visibly above the x-axis instead of exactly on it.
    const [lo, hi] = valueDomain(y, includeZero);
    const pad = includeZero ? (hi - lo) * 0.1 : 0;
    const ys = scaleLinear().domain([lo - pad, hi + pad]).range([H - M.bottom, M.top]).nice();
    const xKey = xs.domain().join();
    const yKey = ys.domain().join();
    if (drawn.current.x !== xKey) select(xAxis.current!).call(axisBottom(xs).ticks(5));
    if (drawn.current.y !== yKey) {
      select(yAxis.current!).call(axisLeft(ys).ticks(5));
      const [dlo, dhi] = ys.domain();
      const z = zero.current!;
      z.setAttribute("y1", String(ys(0)));
      z.setAttribute("y2", String(ys(0)));
      z.style.display = dlo < 0 && dhi > 0 ? "" : "none";
    }
    drawn.current = { x: xKey, y: yKey };
    const path = linePath(Array.from(y as ArrayLike<number>, (v, i) => [xs(x[i]), ys(v)] as const));
    line.current!.setAttribute("d", path ?? "");
  }, [x, y, includeZero]);

  return (
    <ChartFrame title={title} testId={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined} className="act-chart">
        <line ref={zero} x1={M.left} x2={W - M.right} className="act-zero" />
        <g ref={xAxis} className="x-axis" transform={`translate(0,${H - M.bottom})`} />
        <g ref={yAxis} className="y-axis" transform={`translate(${M.left},0)`} />
        <path ref={line} fill="none" stroke={color} strokeWidth={2} />
        <text x={W - M.right} y={H - 4} textAnchor="end" className="act-axis-label">{xLabel}</text>
        <text x={4} y={M.top + 2} className="act-axis-label" transform={`rotate(-90 4 ${M.top + 2})`} textAnchor="end" dy="0.8em">{yLabel}</text>
      </svg>
      {text && <ChartText id={textId} {...text} />}
      {trace && <AudioTrace title={title} xs={x} ys={y} refs={trace} format={numberText(locale)} />}
    </ChartFrame>
  );
}
