"use client";
import { useEffect, useId, useRef, useState } from "react";
import { interpolateRdBu } from "d3-scale-chromatic";
import { select } from "d3-selection";

interface Props {
  /** n*n outputs in [0, 1], ordered like lib/grid.ts (x1 outer, x2 inner). */
  values: ArrayLike<number>;
  n: number;
  title: string;
  ariaLabel: string;
  rotateLabel: string;
  zLabel: string;
}

const W = 300;
const H = 250;
const S = 150;
const ELEVATION = (32 * Math.PI) / 180;
/** Every STRIDE-th grid point is drawn: 21 x 21 dots for the 101 x 101 grid. */
const STRIDE = 5;
const dotColor = (v: number) => interpolateRdBu(0.85 - 0.7 * Math.min(Math.max(v, 0), 1));

/** Isometric-style projection of (x1, x2, z) in the unit cube: screen x, y and depth (larger = nearer). */
function project(x1: number, x2: number, z: number, az: number): [number, number, number] {
  const cx = x1 - 0.5;
  const cy = x2 - 0.5;
  const cz = z - 0.5;
  const xr = cx * Math.cos(az) - cy * Math.sin(az);
  const yr = cx * Math.sin(az) + cy * Math.cos(az);
  const up = cz * Math.cos(ELEVATION) + yr * Math.sin(ELEVATION);
  return [W / 2 + S * xr, H / 2 + 8 - S * up, -yr * Math.cos(ELEVATION) + cz * Math.sin(ELEVATION)];
}

const BOX: [number, number, number][][] = [
  [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 0]],
  [[0, 0, 0], [0, 0, 1]], [[1, 0, 0], [1, 0, 1]], [[0, 1, 0], [0, 1, 1]], [[1, 1, 0], [1, 1, 1]],
];
const TOP: [number, number, number][] = [[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1], [0, 0, 1]];

/** The output over the square as dots at height = output, seen from an angle; drag or use the slider to turn it. */
export default function OutputSurface({ values, n, title, ariaLabel, rotateLabel, zLabel }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const [deg, setDeg] = useState(-35);
  const drag = useRef<number | null>(null);
  const id = useId();

  useEffect(() => {
    const az = (deg * Math.PI) / 180;
    const svg = select(ref.current);
    const pathOf = (pts: [number, number, number][]) => "M" + pts.map((p) => project(p[0], p[1], p[2], az).slice(0, 2).join(",")).join("L");
    svg.select("g.box").selectAll("path").data(BOX).join("path").attr("d", pathOf)
      .attr("fill", (d) => (d.length > 2 ? "#f0f0ec" : "none")).attr("stroke", "#9a9a94");
    svg.select("path.top").attr("d", pathOf(TOP));
    const labels = [
      { p: [0.5, -0.18, 0], t: "x1" }, { p: [-0.18, 0.5, 0], t: "x2" }, { p: [-0.06, -0.06, 1.1], t: zLabel },
      { p: [0, 0, -0.1], t: "0" }, { p: [1, -0.08, -0.06], t: "1" }, { p: [-0.08, 1, -0.06], t: "1" },
    ];
    svg.select("g.labels").selectAll("text").data(labels).join("text")
      .attr("x", (d) => project(d.p[0], d.p[1], d.p[2], az)[0]).attr("y", (d) => project(d.p[0], d.p[1], d.p[2], az)[1])
      .attr("text-anchor", "middle").attr("dominant-baseline", "middle").attr("class", "tr-axis-label").text((d) => d.t);
    const dots: { k: number; sx: number; sy: number; depth: number; v: number }[] = [];
    for (let i = 0; i < n; i += STRIDE) for (let j = 0; j < n; j += STRIDE) {
      const v = Number(values[i * n + j]);
      const [sx, sy, depth] = project(i / (n - 1), j / (n - 1), Number.isFinite(v) ? v : 0, az);
      dots.push({ k: i * n + j, sx, sy, depth, v });
    }
    dots.sort((a, b) => a.depth - b.depth);
    // the floor under every dot, like a shadow, so raised dots read as raised
    svg.select("g.floor").selectAll("circle").data(dots, (d) => (d as { k: number }).k).join("circle")
      .attr("cx", (d) => project(Math.floor(d.k / n) / (n - 1), (d.k % n) / (n - 1), 0, az)[0])
      .attr("cy", (d) => project(Math.floor(d.k / n) / (n - 1), (d.k % n) / (n - 1), 0, az)[1])
      .attr("r", 1).attr("fill", "#a5a5a0");
    svg.select("g.dots").selectAll("circle").data(dots, (d) => (d as { k: number }).k).join("circle")
      .attr("cx", (d) => d.sx).attr("cy", (d) => d.sy).attr("r", 3.2).attr("fill", (d) => dotColor(d.v))
      .attr("stroke", "#fff").attr("stroke-width", 0.6).order();
  }, [values, n, deg, zLabel]);

  return (
    <figure className="tr-chart">
      <figcaption>{title}</figcaption>
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={ariaLabel}
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
        <g className="box" />
        <g className="floor" />
        <path className="top" fill="none" stroke="#c4c4be" strokeDasharray="4 4" />
        <g className="dots" />
        <g className="labels" />
      </svg>
      <label className="tr-field tr-rotate" htmlFor={id}>
        {rotateLabel}
        <input id={id} type="range" min={-180} max={180} step={5} value={Math.round(deg)} onChange={(e) => setDeg(Number(e.target.value))} />
      </label>
    </figure>
  );
}
