"use client";
import { useLayoutEffect, useRef } from "react";
import { extent } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "@/lib/util/scales";
import { useLocale } from "next-intl";
import { numberText } from "@/lib/a11y/chart-text/sentences";
import AudioTrace from "../a11y/AudioTrace";
import ChartFrame, { type ChartProps } from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { linePath } from "@/lib/util/svg-path";
import { CHART, PANEL, PANEL_AXES, valueDomain } from "./ActivationChart";

interface Props extends ChartProps {
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

const { width: W, height: H } = CHART;

/** A line y(x) with D3 axes; the axes are redrawn only when their domain changes. */
export default function FunctionPlot({ title, testId, ariaLabel, text, trace, x, y, xLabel, yLabel, color, includeZero = false }: Props) {
  const locale = useLocale();
  const svg = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  const line = useRef<SVGPathElement>(null);
  const zero = useRef<SVGLineElement>(null);

  useLayoutEffect(() => {
    const xs = scaleLinear().domain(extent(x) as [number, number]).range([0, W]);
    // With 0 kept in (a derivative), pad below and above so a curve flat at 0 (the step's) sits
    // visibly above the x-axis instead of exactly on it.
    const [lo, hi] = valueDomain(y, includeZero);
    const pad = includeZero ? (hi - lo) * 0.1 : 0;
    const ys = scaleLinear().domain([lo - pad, hi + pad]).range([H, 0]).nice();
    const drawn = axes(svg.current, { key: xs.domain().join(), axis: axisBottom(xs).ticks(5) }, { key: ys.domain().join(), axis: axisLeft(ys).ticks(5) });
    if (drawn.y) {
      const [dlo, dhi] = ys.domain();
      const z = zero.current!;
      z.setAttribute("y1", String(ys(0)));
      z.setAttribute("y2", String(ys(0)));
      z.style.display = dlo < 0 && dhi > 0 ? "" : "none";
    }
    const path = linePath(Array.from(y as ArrayLike<number>, (v, i) => [xs(x[i]), ys(v)] as const));
    line.current!.setAttribute("d", path ?? "");
  }, [x, y, includeZero, axes]);

  return (
    <ChartFrame {...PANEL} title={title} testId={testId} width={W} height={H} margin={CHART.margin} svgRef={svg} ariaLabel={ariaLabel} text={text}
      after={trace && <AudioTrace title={title} xs={x} ys={y} refs={trace} format={numberText(locale)} />}>
      <line ref={zero} x1={0} x2={W} className="act-zero" />
      <Axes {...PANEL_AXES} width={W} height={H} xLabel={xLabel} yLabel={yLabel} />
      <path ref={line} fill="none" stroke={color} strokeWidth={2} />
    </ChartFrame>
  );
}
