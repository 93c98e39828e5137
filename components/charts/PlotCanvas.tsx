"use client";
import type { Ref } from "react";
import { plotAreaStyle, type Margin } from "./ChartFrame";

// A canvas laid over a chart's plot area, for what a page redraws often and in great number (the
// 3D surface's 441 dots): a canvas that changes is redrawn by itself, where hundreds of changed
// SVG elements make the browser restyle, lay out and repaint them. The chart's svg keeps the rest,
// the accessible name and the text; the canvas is aria-hidden. A downloaded figure takes the
// canvas as a picture (components/files/figureExport.ts).

interface Props {
  width: number;
  height: number;
  margin: Margin;
  canvasRef: Ref<HTMLCanvasElement>;
}

export default function PlotCanvas({ width, height, margin, canvasRef }: Props) {
  return <canvas ref={canvasRef} className="tr-plot-canvas" width={width} height={height} style={plotAreaStyle(width, height, margin)} aria-hidden="true" />;
}

/**
 * The canvas cleared, its context drawing in plot units, or null. A plot unit is about a CSS
 * pixel: the canvas takes the screen's pixel ratio (up to 2), no more (every pixel of a changed
 * canvas is handed to the compositor on the frame).
 */
export function plotContext(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return null;
  const k = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  if (canvas.width !== Math.round(width * k)) {
    canvas.width = Math.round(width * k);
    canvas.height = Math.round(height * k);
  }
  ctx.setTransform(k, 0, 0, k, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
