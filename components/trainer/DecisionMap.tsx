"use client";
import { memo, useEffect, useId, useRef } from "react";
import type { ChartDescription } from "../a11y/ChartText";
import { ChartFigure, Layers, PlotSvg, plotAreaStyle } from "../charts/ChartFrame";
import { drawInputAxes, drawInputPoints } from "../charts/unitSquare";
import { scaleLinear } from "@/lib/util/scales";
import { select } from "d3-selection";
import { CLASS_COLOR, HEAT_LUT, LINE_COLOR } from "./TrainerColors";

export interface MapPoint { x1: number; x2: number; label: 0 | 1; active?: boolean }
export interface MapLine { w: [number, number]; b: number; dashed?: boolean }

interface Props {
  /** n*n outputs in [0, 1], ordered like lib/nn/grid.ts (x1 outer, x2 inner). */
  values: ArrayLike<number>;
  n: number;
  lines: MapLine[];
  points: MapPoint[];
  title: string;
  ariaLabel: string;
  /** The summary and data table under the chart (lib/a11y/chart-text). */
  text?: ChartDescription;
  /** Draws the two XOR pairs joined by crossing segments. */
  crossing?: boolean;
  legend: { class0: string; class1: string; line: string };
  testId?: string;
}

const M = { t: 10, r: 12, b: 40, l: 54 };
const P = 240;
const AREA = plotAreaStyle(P, P, M);
const LAYERS = ["axes", "lines", "cross", "points"];
const x = scaleLinear().domain([0, 1]).range([0, P]);
const y = scaleLinear().domain([0, 1]).range([P, 0]);

/** The part of the line w1*x1 + w2*x2 + b = 0 inside the unit square, or null. */
export function lineInSquare(w: [number, number], b: number): [[number, number], [number, number]] | null {
  const pts: [number, number][] = [];
  const add = (p: [number, number]) => {
    if (p.every((v) => Number.isFinite(v) && v >= -1e-12 && v <= 1 + 1e-12) && !pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) pts.push(p);
  };
  if (w[1] !== 0) for (const x1 of [0, 1]) add([x1, -(b + w[0] * x1) / w[1]]);
  if (w[0] !== 0) for (const x2 of [0, 1]) add([-(b + w[1] * x2) / w[0], x2]);
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}

/** Heatmap of a model's output over the unit square (canvas), with axes, the training points and decision lines (SVG). */
function DecisionMap({ values, n, lines, points, title, ariaLabel, text, crossing, legend, testId }: Props) {
  const textId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    drawInputAxes(select(svgRef.current).select<SVGGElement>("g.axes"), x, y, P, { x1At: P + 36, x2At: -44, gap: 6 });
  }, []);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx) return;
    const img = ctx.createImageData(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const v = values[i * n + j];
      const c = 3 * Math.round(Math.min(Math.max(Number.isFinite(v) ? v : 0.5, 0), 1) * 255);
      const p = 4 * ((n - 1 - j) * n + i);
      img.data[p] = HEAT_LUT[c];
      img.data[p + 1] = HEAT_LUT[c + 1];
      img.data[p + 2] = HEAT_LUT[c + 2];
      img.data[p + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, n]);

  useEffect(() => {
    const svg = select(svgRef.current);
    const segs = lines.map((l) => ({ l, s: lineInSquare(l.w, l.b) })).filter((d) => d.s);
    svg.select("g.lines").selectAll("line").data(segs).join("line")
      .attr("x1", (d) => x(d.s![0][0])).attr("y1", (d) => y(d.s![0][1]))
      .attr("x2", (d) => x(d.s![1][0])).attr("y2", (d) => y(d.s![1][1]))
      .attr("stroke", LINE_COLOR).attr("stroke-width", 2.5).attr("stroke-dasharray", (d) => (d.l.dashed ? "6 4" : null));
  }, [lines]);

  // apart from the lines, which a training page moves every frame
  useEffect(() => {
    const svg = select(svgRef.current);
    const cross = crossing ? [[[0, 1], [1, 0], 1], [[0, 0], [1, 1], 0]] as const : [];
    svg.select("g.cross").selectAll("line").data(cross).join("line")
      .attr("x1", (d) => x(d[0][0])).attr("y1", (d) => y(d[0][1])).attr("x2", (d) => x(d[1][0])).attr("y2", (d) => y(d[1][1]))
      .attr("stroke", (d) => CLASS_COLOR[d[2]]).attr("stroke-width", 3).attr("stroke-dasharray", "2 5").attr("stroke-linecap", "round");
    const pts = drawInputPoints(svg.select<SVGGElement>("g.points"), points, (d) => [x(d.x1), y(d.x2)]);
    pts.filter((d) => !!d.active).attr("stroke", LINE_COLOR).attr("stroke-width", 3);
  }, [points, crossing]);

  return (
    <ChartFigure title={title} testId={testId} text={text} textId={textId} legend={(
      <p className="tr-legend" aria-hidden="true">
        <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill={CLASS_COLOR[0]} /></svg>{legend.class0}</span>
        <span><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill={CLASS_COLOR[1]} /></svg>{legend.class1}</span>
        <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeWidth="2.5" strokeDasharray={lines[0]?.dashed ? "6 4" : undefined} /></svg>{legend.line}</span>
      </p>
    )}>
      <div className="tr-map" role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined}>
        <canvas ref={canvasRef} width={n} height={n} style={AREA} />
        <PlotSvg svgRef={svgRef} width={P} height={P} margin={M} aria-hidden>
          <Layers names={LAYERS} />
        </PlotSvg>
      </div>
    </ChartFigure>
  );
}

// a training page re-renders every frame; the drawing is redone only when what it is given changes
export default memo(DecisionMap);
