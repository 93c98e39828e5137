"use client";
import type { Ref } from "react";
import { plotAreaStyle, type Margin } from "./ChartFrame";

// A canvas laid over a chart's plot area, for what a training page redraws many times a second
// (the XOR network's curves and 3D dots): a canvas that changes is redrawn by itself, where a
// changed SVG path makes the browser restyle and repaint the document around it. The chart's svg
// keeps the axes, the accessible name and the text; the canvas is aria-hidden. A downloaded figure
// takes the canvas as a picture (components/files/figureExport.ts).


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
  return <canvas ref={canvasRef} className="tr-plot-canvas" width={width + 2 * pad} height={height + 2 * pad} style={style} aria-hidden="true" />;
}

/**
 * The canvas cleared, its context drawing in plot units ((0, 0) the plot area's top left corner),
 * or null. A plot unit is about a CSS pixel: the canvas takes the screen's pixel ratio (up to 2),
 * no more (every pixel of a changed canvas is handed to the compositor on the frame).
 */
export function plotContext(canvas: HTMLCanvasElement | null, width: number, height: number, pad: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return null;
  const k = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const w = Math.round((width + 2 * pad) * k);
  if (canvas.width !== w) {
    canvas.width = w;
    canvas.height = Math.round((height + 2 * pad) * k);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(k, 0, 0, k, pad * k, pad * k);
  return ctx;
}

const colours = new WeakMap<Element, Map<string, string>>();
/**
 * A colour as a canvas takes it: `var(--name)` read from the element's style once (reading a
 * computed style makes the browser restyle the page there and then: not on every frame), any other as is.
 */
export function canvasColour(el: Element, colour: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(colour);
  if (!m) return colour;
  const known = colours.get(el) ?? new Map<string, string>();
  colours.set(el, known);
  let c = known.get(m[1]);
  if (c === undefined) known.set(m[1], (c = getComputedStyle(el).getPropertyValue(m[1]).trim() || "#000"));
  return c;
}
