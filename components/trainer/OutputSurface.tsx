"use client";
import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import { surfaceSentence } from "@/lib/a11y/chart-text/sentences";
import { surfaceFacts } from "@/lib/a11y/chart-text/surface";
import { interpolateRdBu } from "@/lib/util/rdbu";
import { useChartWords } from "../a11y/useChartWords";
import type { ChartTable } from "../a11y/ChartText";
import { ChartFigure, Layers } from "../charts/ChartFrame";
import PlotCanvas, { plotContext } from "../charts/PlotCanvas";
import { select } from "d3-selection";

interface Props {
  /** n*n outputs in [0, 1], ordered like lib/nn/grid.ts (x1 outer, x2 inner). */
  values: ArrayLike<number>;
  n: number;
  title: string;
  ariaLabel: string;
  rotateLabel: string;
  zLabel: string;
}

const W = 300;
const H = 262;
/** Scale: the cube's widest extent at any angle (0.5·cos E + √½·sin E up and down) fits between the margins. */
const S = 134;
const CX = W / 2 + 16; // room on the left for the output axis's labels
const CY = 16 + 0.8 * S; // room below for the floor's tick labels
const ELEVATION = (32 * Math.PI) / 180;
/** Every STRIDE-th grid point is drawn: 21 x 21 dots for the 101 x 101 grid. */
const STRIDE = 5;
/** The drawing's groups, back to front. */
const LAYERS = ["walls", "floor", "edges", "labels"];
const WHOLE = { t: 0, r: 0, b: 0, l: 0 };
const DOT_R = 3.2;
const dotColor = (v: number) => interpolateRdBu(0.85 - 0.7 * Math.min(Math.max(v, 0), 1));
type P3 = [number, number, number];
interface Dot { sx: number; sy: number; depth: number; v: number }

/** Isometric-style projection of (x1, x2, z) in the unit cube: screen x, y and depth (larger = nearer). */
export function project(x1: number, x2: number, z: number, az: number): [number, number, number] {
  const cx = x1 - 0.5;
  const cy = x2 - 0.5;
  const cz = z - 0.5;
  const xr = cx * Math.cos(az) - cy * Math.sin(az);
  const yr = cx * Math.sin(az) + cy * Math.cos(az);
  const up = cz * Math.cos(ELEVATION) + yr * Math.sin(ELEVATION);
  return [CX + S * xr, CY - S * up, -yr * Math.cos(ELEVATION) + cz * Math.sin(ELEVATION)];
}

const CORNERS: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
/** The data table samples the grid at x1, x2 = 0, 0.1, …, 1. */
const TABLE_STEPS = 10;

/** The output at 11 x 11 points of the square: a row per x1, a column per x2. */
function surfaceTable(values: ArrayLike<number>, n: number, caption: string, corner: string, num: (v: number) => string): ChartTable {
  const at = Array.from({ length: TABLE_STEPS + 1 }, (_, k) => Math.round((k * (n - 1)) / TABLE_STEPS));
  const x = (i: number) => num(i / (n - 1));
  return { caption, headers: [corner, ...at.map(x)], rows: at.map((i) => [x(i), ...at.map((j) => num(Number(values[i * n + j])))]) };
}
interface Label { x: number; y: number; t: string; anchor: "start" | "middle" | "end" }

/**
 * The box and its labels at one angle. The output axis stands on the floor's leftmost corner with
 * its labels to its left, where no dot can be (a dot's screen x depends on x1 and x2 only); the
 * floor's ticks and names sit outside its two front edges, where no dot can be either (a dot is
 * its floor point moved up). Back walls are shaded, so a plateau at 1 reads as inside the box.
 */
export function boxAt(az: number, zLabel: string) {
  const at = (c: [number, number], z: number) => project(c[0], c[1], z, az);
  const front = CORNERS.reduce((a, c) => (at(c, 0)[2] > at(a, 0)[2] ? c : a));
  const left = CORNERS.reduce((a, c) => (at(c, 0)[0] < at(a, 0)[0] ? c : a));
  const back: P3[][] = [
    [[1 - front[0], 0, 0], [1 - front[0], 1, 0], [1 - front[0], 1, 1], [1 - front[0], 0, 1]],
    [[0, 1 - front[1], 0], [1, 1 - front[1], 0], [1, 1 - front[1], 1], [0, 1 - front[1], 1]],
  ];
  const centre = project(0.5, 0.5, 0, az);
  const labels: Label[] = [];
  // the two floor edges through the front corner: x1 varies along one, x2 along the other
  for (const axis of [0, 1] as const) {
    const other: [number, number] = axis === 0 ? [1 - front[0], front[1]] : [front[0], 1 - front[1]];
    const p0 = at(front, 0);
    const p1 = at(other, 0);
    let nx = -(p1[1] - p0[1]);
    let ny = p1[0] - p0[0];
    const len = Math.hypot(nx, ny) || 1;
    nx /= len;
    ny /= len;
    if (nx * ((p0[0] + p1[0]) / 2 - centre[0]) + ny * ((p0[1] + p1[1]) / 2 - centre[1]) < 0) { nx = -nx; ny = -ny; }
    const along = (k: number, off: number) => ({ x: p0[0] + (p1[0] - p0[0]) * k + nx * off, y: p0[1] + (p1[1] - p0[1]) * k + ny * off });
    const anchor = Math.abs(nx) < 0.5 ? "middle" : nx > 0 ? "start" : "end";
    labels.push({ ...along(0.1, 11), t: String(front[axis]), anchor }, { ...along(0.9, 11), t: String(other[axis]), anchor });
    labels.push({ ...along(0.5, 24), t: axis === 0 ? "x1" : "x2", anchor });
  }
  const [lx, ly0] = at(left, 0);
  const ly1 = at(left, 1)[1];
  labels.push({ x: lx - 7, y: ly0, t: "0", anchor: "end" }, { x: lx - 7, y: ly1, t: "1", anchor: "end" }, { x: lx - 7, y: (ly0 + ly1) / 2, t: zLabel, anchor: "end" });
  const edges: P3[][] = CORNERS.map((c) => [[c[0], c[1], 0], [c[0], c[1], 1]]);
  const floor: P3[] = CORNERS.map((c) => [c[0], c[1], 0]);
  const top: P3[] = CORNERS.map((c) => [c[0], c[1], 1]);
  return { back, floor, top, edges, labels };
}

/**
 * The output over the square as dots at height = output, seen from an angle; drag or use the slider to turn it.
 * Drawn in two parts: the box, its labels and the dots' shadows on the floor (svg) when the angle
 * changes, the dots on a canvas over it when the outputs change (a training page redraws them
 * often: a canvas costs no restyling of the document; components/charts/PlotCanvas.tsx).
 */
function OutputSurface({ values, n, title, ariaLabel, rotateLabel, zLabel }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [deg, setDeg] = useState(-35);
  const drag = useRef<number | null>(null);
  const id = useId();
  // The text alternative follows the outputs (lib/a11y/chart-text): range, highest and lowest point, the corners.
  const textId = useId();
  const { t: ct, tt, num } = useChartWords();
  const text = useMemo(() => {
    return { summary: surfaceSentence(ct, num, surfaceFacts(values, n)), table: () => surfaceTable(values, n, title, tt("grid"), num) };
  }, [values, n, title, ct, tt, num]);

  useEffect(() => {
    const az = (deg * Math.PI) / 180;
    const svg = select(ref.current);
    const pathOf = (pts: P3[], close = true) => "M" + pts.map((p) => project(p[0], p[1], p[2], az).slice(0, 2).join(",")).join("L") + (close ? "Z" : "");
    const box = boxAt(az, zLabel);
    svg.select("g.walls").selectAll("path").data([...box.back, box.floor]).join("path").attr("d", (d) => pathOf(d))
      .attr("fill", (_, i) => (i < 2 ? "#f7f7f3" : "#eeeee9")).attr("stroke", "#b4b4ae");
    svg.select("g.edges").selectAll("path").data([...box.edges, box.top]).join("path").attr("d", (d) => pathOf(d, d.length > 2))
      .attr("fill", "none").attr("stroke", "#b4b4ae");
    svg.select("g.labels").selectAll("text").data(box.labels).join("text")
      .attr("x", (d) => d.x).attr("y", (d) => d.y)
      .attr("text-anchor", (d) => d.anchor).attr("dominant-baseline", "middle").attr("class", "tr-axis-label").text((d) => d.t);
    // the floor under every dot, like a shadow, so raised dots read as raised (all alike: their order does not show)
    const floor: [number, number][] = [];
    for (let i = 0; i < n; i += STRIDE) for (let j = 0; j < n; j += STRIDE) floor.push(project(i / (n - 1), j / (n - 1), 0, az).slice(0, 2) as [number, number]);
    svg.select("g.floor").selectAll("circle").data(floor).join((enter) => enter.append("circle").attr("r", 1).attr("fill", "#a5a5a0"))
      .attr("cx", (d) => d[0]).attr("cy", (d) => d[1]);
  }, [n, deg, zLabel]);

  useEffect(() => {
    const az = (deg * Math.PI) / 180;
    const dots: Dot[] = [];
    for (let i = 0; i < n; i += STRIDE) for (let j = 0; j < n; j += STRIDE) {
      const v = Number(values[i * n + j]);
      const [sx, sy, depth] = project(i / (n - 1), j / (n - 1), Number.isFinite(v) ? v : 0, az);
      dots.push({ sx, sy, depth, v });
    }
    dots.sort((a, b) => a.depth - b.depth);
    // nearer dots last, so they cover the farther ones (the labels lie where no dot can be: the canvas above them hides none)
    const ctx = plotContext(canvasRef.current, W, H);
    if (!ctx) return;
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 0.6;
    for (const d of dots) {
      ctx.beginPath();
      ctx.arc(d.sx, d.sy, DOT_R, 0, 2 * Math.PI);
      ctx.fillStyle = dotColor(d.v);
      ctx.fill();
      ctx.stroke();
    }
  }, [values, n, deg]);

  const svg = (
    <svg
      ref={ref}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={ariaLabel}
      aria-describedby={textId}
      className="tr-surface"
      onPointerDown={(e) => { drag.current = e.clientX; e.currentTarget.setPointerCapture(e.pointerId); }}
      onPointerMove={(e) => {
        if (drag.current === null) return;
        const dx = e.clientX - drag.current;
        drag.current = e.clientX;
        setDeg((d) => ((((d + dx * 0.6 + 180) % 360) + 360) % 360) - 180);
      }}
      onPointerUp={() => { drag.current = null; }}
      onPointerCancel={() => { drag.current = null; }}
    >
      <Layers names={LAYERS} />
    </svg>
  );
  return (
    <ChartFigure title={title} testId="output-surface" text={text} textId={textId} legend={(
      <label className="tr-field tr-rotate" htmlFor={id}>
        {rotateLabel}
        <input id={id} type="range" min={-180} max={180} step={5} value={Math.round(deg)} onChange={(e) => setDeg(Number(e.target.value))} />
      </label>
    )}>
      <div className="tr-plot">{svg}<PlotCanvas width={W} height={H} margin={WHOLE} canvasRef={canvasRef} /></div>
    </ChartFigure>
  );
}

export default memo(OutputSurface);
