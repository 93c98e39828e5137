import { axisBottom, axisLeft, type AxisScale } from "d3-axis";
import type { BaseType, Selection } from "d3-selection";
import { CLASS_COLOR } from "../trainer/TrainerColors";

/** A chart's group, however it was selected. */
type G<P extends BaseType, PD> = Selection<SVGGElement, unknown, P, PD>;
type Scale = AxisScale<number> & ((v: number) => number);
const TICKS = [0, 0.5, 1];
/** A class-1 point is a circle, a class-0 point a square: told apart without their colour. */
const MARK = ["M-8,-8H8V8H-8Z", "M0,-9A9,9 0 1 1 0,9A9,9 0 1 1 0,-9Z"] as const;

/**
 * The axes of a chart over the inputs (x1, x2) of a gate, drawn into `g` (emptied first): ticks at
 * 0, 0.5 and 1 on both, the names x1 `x1At` under the plot's top and x2 at `x2At` left of it, the
 * axes moved `gap` away from the plot (a heatmap's edge).
 */
export function drawInputAxes<P extends BaseType, PD>(g: G<P, PD>, x: Scale, y: Scale, size: number, { x1At, x2At, gap = 0 }: { x1At: number; x2At: number; gap?: number }) {
  g.selectAll("*").remove();
  g.append("g").attr("transform", `translate(0,${size + gap})`).call(axisBottom(x).tickValues(TICKS));
  const left = g.append("g");
  if (gap) left.attr("transform", `translate(${-gap},0)`);
  left.call(axisLeft(y).tickValues(TICKS));
  g.append("text").attr("x", size / 2).attr("y", x1At).attr("text-anchor", "middle").attr("class", "tr-axis-label").text("x1");
  g.append("text").attr("x", x2At).attr("y", size / 2).attr("text-anchor", "middle").attr("class", "tr-axis-label").text("x2");
}

/** A gate's points as their class' marks, in `g` (one path each); the paths, for a chart to mark some. */
export function drawInputPoints<T extends { label: 0 | 1 }, P extends BaseType, PD>(g: G<P, PD>, points: readonly T[], at: (d: T) => readonly [number, number]) {
  return g.selectAll<SVGPathElement, T>("path").data(points).join("path")
    .attr("transform", (d) => `translate(${at(d)[0]},${at(d)[1]})`)
    .attr("d", (d) => MARK[d.label])
    .attr("fill", (d) => CLASS_COLOR[d.label]).attr("stroke", "#fff").attr("stroke-width", 2);
}
