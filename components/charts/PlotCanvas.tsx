"use client";
import type { Ref } from "react";
import { plotAreaStyle, type Margin } from "./ChartFrame";

// A canvas laid over a chart's plot area, for what a training page redraws many times a second
// (the XOR network's curves and 3D dots): a canvas that changes is redrawn by itself, where a
// changed SVG path makes the browser restyle and repaint the document around it. The chart's svg
// keeps the axes, the accessible name and the text; the canvas is aria-hidden. A downloaded figure
// takes the canvas as a picture (components/files/figureExport.ts).

/** Canvas pixels per plot unit (sharp on a phone's 2x screen). */
const SCALE = 2;

interface Props {
  width: number;
  height: number;
  margin: Margin;
  /** Room (plot units) around the plot area: a dot on its edge is drawn whole. */
  pad: number;
  canvasRef: Ref<HTMLCanvasElement>;
}

export default function PlotCanvas({ width, height, margin: m, pad, canvasRef }: Props) {
  const style = plotAreaStyle(width + 2 * pad, height + 2 * pad, { t: m.t - pad, r: m.r - pad, b: m.b - pad, l: m.l - pad });
  return <canvas ref={canvasRef} className="tr-plot-canvas" width={(width + 2 * pad) * SCALE} height={(height + 2 * pad) * SCALE} style={style} aria-hidden="true" />;
}

/** The canvas cleared, its context drawing in plot units ((0, 0) the plot area's top left corner), or null. */
export function plotContext(canvas: HTMLCanvasElement | null, pad: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(SCALE, 0, 0, SCALE, pad * SCALE, pad * SCALE);
  return ctx;
}

/** A colour as a canvas takes it: `var(--name)` read from the element's style, any other as is. */
export function canvasColour(el: Element, colour: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(colour);
  return m ? getComputedStyle(el).getPropertyValue(m[1]).trim() || "#000" : colour;
}
