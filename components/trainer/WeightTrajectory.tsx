"use client";
import { useEffect, useMemo, useRef } from "react";
import { weightsSentence } from "@/lib/a11y/chart-text/sentences";
import { weightFacts } from "@/lib/a11y/chart-text/weights";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import { linePath } from "@/lib/util/svg-path";
import type { EpochRecord, Perceptron } from "@/lib/nn/perceptron";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { epochAxisMax, epochTicks, thin } from "./TrainerSeries";
import { shownRow } from "./useTrainerTexts";

interface Props {
  init: Perceptron;
  history: readonly EpochRecord[];
  total: number;
  title: string;
  ariaLabel: string;
  xLabel: string;
  yLabel: string;
}

const M = { t: 12, r: 14, b: 40, l: 58 }; // room for "−0.40" ticks and the rotated label
const PW = 260;
const PH = 150;
/** Colour and dash differ, so the three lines stay apart without colour. */
const SERIES = [
  { key: "w1", color: "var(--blue)", dash: null, get: (m: Perceptron) => m.w[0] },
  { key: "w2", color: "var(--orange)", dash: "7 4", get: (m: Perceptron) => m.w[1] },
  { key: "b", color: "#4d4d4d", dash: "2 3", get: (m: Perceptron) => m.b },
] as const;

/** w1, w2 and the bias after each epoch (epoch 0 = the random start). */
export default function WeightTrajectory({ init, history, total, title, ariaLabel, xLabel, yLabel }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  // The text alternative follows the run (lib/a11y/chart-text): where each line started and stands, and since when it is still.
  const { t: ct, tt, num } = useChartWords();
  const text = useMemo(() => {
    return {
      summary: weightsSentence(ct, num, weightFacts(init, history, total)),
      table: () => {
        const all = [init, ...history];
        const shown = shownRow(all.length);
        const rows = all.flatMap((m, i) => (shown(i) ? [[i, num(m.w[0]), num(m.w[1]), num(m.b)]] : []));
        return { caption: title, headers: [tt("epoch"), "w1", "w2", "b"], rows };
      },
    };
  }, [init, history, total, title, ct, tt, num]);
  const axes = useAxes();
  useEffect(() => {
    const rows = [{ n: 0, m: init }, ...thin(history).map((r) => ({ n: r.epoch + 1, m: { w: r.w, b: r.b } }))];
    let lo = 0;
    let hi = 0;
    for (const r of rows) for (const s of SERIES) { const v = s.get(r.m); if (v < lo) lo = v; if (v > hi) hi = v; }
    const x = scaleLinear().domain([0, epochAxisMax(history.length, total)]).range([0, PW]);
    const y = scaleLinear().domain([lo, hi]).nice().range([PH, 0]);
    const g = select(ref.current).select("g.plot");
    axes(ref.current, { axis: axisBottom(x).tickValues(epochTicks(x)).tickFormat(format("~s")) }, { axis: axisLeft(y).ticks(5) });
    g.select("line.zero").attr("x1", 0).attr("x2", PW).attr("y1", y(0)).attr("y2", y(0));
    g.select("g.series").selectAll("path").data(SERIES).join("path")
      .attr("fill", "none").attr("stroke-width", 2).attr("stroke", (s) => s.color).attr("stroke-dasharray", (s) => s.dash)
      .attr("d", (s) => linePath(rows.map((r) => [x(r.n), y(s.get(r.m))] as const)));
  }, [init, history, total, axes]);

  const legend = (
    <p className="tr-legend" aria-hidden="true">
      {SERIES.map((s) => (
        <span key={s.key}>
          <svg width="26" height="10"><line x1="1" y1="5" x2="25" y2="5" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash ?? undefined} /></svg>
          {s.key}
        </span>
      ))}
    </p>
  );
  return (
    <ChartFrame title={title} testId="weight-trajectory" width={PW} height={PH} margin={M} svgRef={ref} ariaLabel={ariaLabel} text={text} legend={legend}>
      <Axes width={PW} height={PH} xLabel={xLabel} yLabel={yLabel} yLabelAt={-46} />
      <line className="zero" stroke="var(--line)" />
      <g className="series" />
    </ChartFrame>
  );
}
