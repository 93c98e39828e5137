"use client";
import { memo, useEffect, useMemo, useRef } from "react";
import { useLocale } from "next-intl";
import { numberText } from "@/lib/a11y/chart-text/sentences";
import AudioTrace from "../a11y/AudioTrace";
import ChartFrame, { type ChartProps } from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import { stepAfterPath } from "@/lib/util/svg-path";
import { epochAxisMax, epochTicks, thin } from "./TrainerSeries";

export interface AccuracyPoint { epoch: number; accuracy: number }
interface Props extends ChartProps {
  /** One record per finished epoch; `epoch` is 0-based, drawn at epoch + 1 (epochs done). */
  data: readonly AccuracyPoint[];
  total: number;
  /** Offer an audio trace of the accuracy (a tick where it crosses 50 %). */
  trace?: boolean;
  xLabel: string;
  yLabel: string;
  /** A dashed reference line, e.g. XOR's 75% ceiling for one perceptron. */
  ceiling?: { value: number; label: string };
}

const HALF = [0.5];
const M = { t: 12, r: 14, b: 40, l: 48 };
const PW = 260;
const PH = 150;

/** Accuracy over the four samples after each epoch, as a step line. */
function AccuracyChart({ data, total, title, ariaLabel, text, trace, xLabel, yLabel, ceiling, testId }: Props) {
  const locale = useLocale();
  const heard = useMemo(() => (trace ? { xs: data.map((d) => d.epoch + 1), ys: data.map((d) => d.accuracy) } : null), [data, trace]);
  const ref = useRef<SVGSVGElement>(null);
  const axes = useAxes();
  useEffect(() => {
    const x = scaleLinear().domain([0, epochAxisMax(data.length, total)]).range([0, PW]);
    const y = scaleLinear().domain([-0.04, 1.04]).range([PH, 0]);
    const g = select(ref.current).select("g.plot");
    // the axes only when they change (a training page draws this every frame)
    axes(ref.current, { key: String(x.domain()[1]), axis: axisBottom(x).tickValues(epochTicks(x)).tickFormat(format("~s")) },
      { key: "", axis: axisLeft(y).tickValues([0, 0.25, 0.5, 0.75, 1]).tickFormat(format(".0%")) });
    const pts = thin(data).map((d) => [x(d.epoch + 1), y(d.accuracy)] as [number, number]);
    g.select("path.acc").attr("d", pts.length ? stepAfterPath(pts) : null);
    g.select("g.last").selectAll("circle").data(pts.slice(-1)).join("circle")
      .attr("cx", (d) => d[0]).attr("cy", (d) => d[1]).attr("r", 4).attr("fill", "var(--blue)");
    const c = ceiling ? [ceiling] : [];
    g.select("g.ceiling").selectAll("line").data(c).join("line")
      .attr("x1", 0).attr("x2", PW).attr("y1", (d) => y(d.value)).attr("y2", (d) => y(d.value));
    g.select("g.ceiling").selectAll("text").data(c).join("text")
      .attr("x", PW).attr("y", (d) => y(d.value) - 4).attr("text-anchor", "end").text((d) => d.label);
  }, [data, total, ceiling, axes]);

  return (
    <ChartFrame title={title} testId={testId} width={PW} height={PH} margin={M} svgRef={ref} ariaLabel={ariaLabel} text={text}
      after={heard && heard.xs.length > 1 && <AudioTrace title={title} xs={heard.xs} ys={heard.ys} refs={HALF} format={numberText(locale)} />}>
      <Axes width={PW} height={PH} xLabel={xLabel} yLabel={yLabel} />
      <g className="ceiling tr-ceiling" />
      <path className="acc" fill="none" stroke="var(--blue)" strokeWidth={2.5} />
      <g className="last" />
    </ChartFrame>
  );
}

// a training page re-renders every frame; the chart redraws only when what it is given changes
export default memo(AccuracyChart);
