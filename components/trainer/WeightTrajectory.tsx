"use client";
import { useEffect, useId, useMemo, useRef } from "react";
import { weightsSentence } from "@/lib/a11y/chart-text/sentences";
import { weightFacts } from "@/lib/a11y/chart-text/weights";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import { linePath } from "@/lib/util/svg-path";
import type { EpochRecord, Perceptron } from "@/lib/nn/perceptron";
import { useChartWords } from "../a11y/useChartWords";
import ChartText from "../a11y/ChartText";
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
  const textId = useId();
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
  useEffect(() => {
    const rows = [{ n: 0, m: init }, ...thin(history).map((r) => ({ n: r.epoch + 1, m: { w: r.w, b: r.b } }))];
    let lo = 0;
    let hi = 0;
    for (const r of rows) for (const s of SERIES) { const v = s.get(r.m); if (v < lo) lo = v; if (v > hi) hi = v; }
    const x = scaleLinear().domain([0, epochAxisMax(history.length, total)]).range([0, PW]);
    const y = scaleLinear().domain([lo, hi]).nice().range([PH, 0]);
    const g = select(ref.current).select("g.plot");
    g.select<SVGGElement>("g.x").call(axisBottom(x).tickValues(epochTicks(x)).tickFormat(format("~s")));
    g.select<SVGGElement>("g.y").call(axisLeft(y).ticks(5));
    g.select("text.xl").text(xLabel);
    g.select("text.yl").text(yLabel);
    g.select("line.zero").attr("x1", 0).attr("x2", PW).attr("y1", y(0)).attr("y2", y(0));
    g.select("g.series").selectAll("path").data(SERIES).join("path")
      .attr("fill", "none").attr("stroke-width", 2).attr("stroke", (s) => s.color).attr("stroke-dasharray", (s) => s.dash)
      .attr("d", (s) => linePath(rows.map((r) => [x(r.n), y(s.get(r.m))] as const)));
  }, [init, history, total, xLabel, yLabel]);

  return (
    <figure className="tr-chart" data-testid="weight-trajectory">
      <figcaption>{title}</figcaption>
      <svg ref={ref} viewBox={`0 0 ${M.l + PW + M.r} ${M.t + PH + M.b}`} role="img" aria-label={ariaLabel} aria-describedby={textId}>
        <g className="plot" transform={`translate(${M.l},${M.t})`}>
          <g className="x" transform={`translate(0,${PH})`} />
          <g className="y" />
          <line className="zero" stroke="var(--line)" />
          <text className="xl tr-axis-label" x={PW / 2} y={PH + 34} textAnchor="middle" />
          <text className="yl tr-axis-label" transform={`translate(-46,${PH / 2}) rotate(-90)`} textAnchor="middle" />
          <g className="series" />
        </g>
      </svg>
      <p className="tr-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <span key={s.key}>
            <svg width="26" height="10"><line x1="1" y1="5" x2="25" y2="5" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash ?? undefined} /></svg>
            {s.key}
          </span>
        ))}
      </p>
      <ChartText id={textId} {...text} />
    </figure>
  );
}
