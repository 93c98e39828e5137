"use client";
import { useEffect, useMemo, useRef } from "react";
import { scaleLinear, select } from "d3";
import { lineInBox } from "@/lib/board/tile-lines";
import { GATE_INPUTS, gateLabels } from "@/lib/nn/gates";
import { cutFacts, overlayFacts, overlayRows } from "@/lib/a11y/chart-text/class-charts";
import { classPointsSentence, cutsSentence, overlaySentence } from "@/lib/a11y/chart-text/class-sentences";
import { classPointsFacts } from "@/lib/a11y/chart-text/class-points";
import { coords, type LabelledPoint } from "@/lib/nn/custom-points";
import type { ChartDescription } from "../a11y/ChartText";
import { useChartWords } from "../a11y/useChartWords";
import ChartFrame from "../charts/ChartFrame";
import { drawInputAxes, drawInputPoints } from "../charts/unitSquare";
import { LINE_COLOR } from "../trainer/TrainerColors";

/** `id`: "<userId>" for a student's best line, "<userId>:<unit>" for a hidden unit's line. */
export interface OverlayLine { id: string; w: readonly [number, number]; b: number; highlight: boolean }

const LO = -0.25;
const HI = 1.25;
const M = { t: 12, r: 12, b: 44, l: 52 };
const P = 280;
const x = scaleLinear().domain([LO, HI]).range([0, P]);
const y = scaleLinear().domain([LO, HI]).range([P, 0]);
const LABELS = gateLabels("XOR");
const XOR_POINTS = GATE_INPUTS.map((p, k) => ({ p, label: LABELS[k] }));
const SOLVED_COLOR = "#1b7837";

/**
 * The overlay in words: "best", each student's best single line (which XOR points it misses); "hidden", the networks' hidden-unit
 * lines (which points each sets apart; `points`: the class's own, named first with whether one line can separate them).
 */
function useOverlayText(kind: "best" | "hidden", lines: readonly OverlayLine[], title: string, points?: readonly LabelledPoint[]): ChartDescription {
  const { t, tt } = useChartWords();
  return useMemo(() => {
    if (kind === "best") {
      const facts = overlayFacts(lines.map((l) => ({ w: [l.w[0], l.w[1]], b: l.b })), "XOR", lines.length);
      return {
        summary: overlaySentence(t, "XOR", facts),
        table: () => ({ caption: title, headers: [tt("point"), tt("target"), tt("linesRight"), tt("linesWrong")], rows: overlayRows(facts, "XOR") }),
      };
    }
    const facts = cutFacts(lines.map((l) => ({ net: l.id.slice(0, l.id.lastIndexOf(":")), model: { w: [l.w[0], l.w[1]], b: l.b }, solved: l.highlight })), points);
    return {
      summary: points ? `${classPointsSentence(t, classPointsFacts(points))} ${cutsSentence(t, facts, true)}` : cutsSentence(t, facts),
      table: () => ({ caption: title, headers: [tt("cut"), tt("lines"), tt("inSolved")], rows: facts.cuts.map((c) => [c.points.join(" ") || t("cutNothing"), c.lines, c.inSolved]) }),
    };
  }, [kind, lines, title, points, t, tt]);
}

/**
 * Many lines over the four XOR points (or `points`, the class's own), drawn with D3: faint where there are many, so where the
 * class agrees the band grows dark. `highlight`: drawn in green (a net that solved XOR). Under it,
 * what the lines show in one sentence and a table (`kind`).
 */
export default function XorLinesOverlay({ kind, lines, title, ariaLabel, legend, testId, points }: {
  kind: "best" | "hidden"; lines: readonly OverlayLine[]; title: string; ariaLabel: string; legend: { line: string; highlight?: string }; testId: string;
  points?: readonly LabelledPoint[];
}) {
  const ref = useRef<SVGSVGElement>(null);
  const text = useOverlayText(kind, lines, title, points);
  const segs = useMemo(() => lines.flatMap((l) => {
    const seg = lineInBox(l.w, l.b, LO, HI);
    return seg ? [{ id: l.id, seg, highlight: l.highlight }] : [];
  }), [lines]);
  const opacity = Math.max(0.12, Math.min(0.7, 6 / Math.max(1, segs.length)));

  useEffect(() => {
    const root = select(ref.current).select<SVGGElement>("g.plot");
    drawInputAxes(root.select<SVGGElement>("g.axes"), x, y, P, { x1At: P + 38, x2At: -40 });
    drawInputPoints(root.select<SVGGElement>("g.points"), points ? points.map((q) => ({ p: coords(q), label: q.label })) : XOR_POINTS, (d) => [x(d.p[0]), y(d.p[1])]);
  }, [points]);

  useEffect(() => {
    select(ref.current).select("g.lines").selectAll<SVGLineElement, (typeof segs)[number]>("line")
      .data(segs, (d) => d.id).join("line")
      .attr("x1", (d) => x(d.seg[0][0])).attr("y1", (d) => y(d.seg[0][1]))
      .attr("x2", (d) => x(d.seg[1][0])).attr("y2", (d) => y(d.seg[1][1]))
      .attr("stroke", (d) => (d.highlight ? SOLVED_COLOR : LINE_COLOR))
      .attr("stroke-opacity", opacity).attr("stroke-width", 2);
  }, [segs, opacity]);

  return (
    <ChartFrame title={title} testId={testId} className="tr-chart bd-overlay" figureProps={{ "data-lines": segs.length, "data-points": points?.length ?? XOR_POINTS.length }} width={P} height={P} margin={M}
      svgRef={ref} ariaLabel={ariaLabel} text={text} legend={(
        <p className="tr-legend" aria-hidden="true">
          <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeOpacity={0.55} strokeWidth="2" /></svg>{legend.line}</span>
          {legend.highlight && <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={SOLVED_COLOR} strokeWidth="2" /></svg>{legend.highlight}</span>}
        </p>
      )}>
      <rect x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} className="bd-unit" />
      <g className="axes" />
      <g className="lines" />
      <g className="points" />
    </ChartFrame>
  );
}
