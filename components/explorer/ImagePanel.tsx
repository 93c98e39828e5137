"use client";
import { useId, useLayoutEffect, useRef } from "react";
import { ChartFigure, type ChartProps } from "../charts/ChartFrame";
import { CHART, PANEL } from "./ActivationChart";

interface Props extends ChartProps {
  width: number;
  height: number;
  /** width * height RGBA bytes (e.g. from imagePanels). */
  bytes: Uint8ClampedArray;
  axisLabel: string;
}

// The other panels' viewBox; the picture's box is their plot area's width, a little taller.
const M = { top: 8, right: CHART.margin.r, bottom: 30, left: CHART.margin.l };
const W = M.left + CHART.width + M.right;
const H = CHART.margin.t + CHART.height + CHART.margin.b;
const BOX_W = CHART.width;
const BOX_H = H - M.top - M.bottom;

/** A picture drawn on a <canvas> with ImageData, under D3 pixel axes (like imshow). */
export default function ImagePanel({ title, testId, ariaLabel, text, width, height, bytes, axisLabel }: Props) {
  const textId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  // The picture keeps its shape inside the same box as the other panels' plots, centred across.
  const k = Math.min(BOX_W / width, BOX_H / height);
  const iw = width * k;
  const ih = height * k;
  const left = M.left + (BOX_W - iw) / 2;

  useLayoutEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext("2d");
    if (!ctx || bytes.length !== width * height * 4) return;
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
    ctx.putImageData(new ImageData(bytes as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  }, [bytes, width, height]);

  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return (
    <ChartFigure className={PANEL.className} captionClassName={PANEL.captionClassName} title={title} testId={testId} text={text} textId={textId}>
      <div className="act-image" role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined}>
        <svg viewBox={`0 0 ${W} ${H}`} className={PANEL.svgClassName} aria-hidden>
          <rect x={left - 0.5} y={M.top - 0.5} width={iw + 1} height={ih + 1} fill="none" stroke="var(--line)" />
          <text x={left + iw / 2} y={M.top + ih + 18} textAnchor="middle" className="act-axis-label">{`${width} × ${height} ${axisLabel}`}</text>
        </svg>
        <canvas
          ref={canvas}
          style={{ left: pct(left, W), top: pct(M.top, H), width: pct(iw, W), height: pct(ih, H) }}
        />
      </div>
    </ChartFigure>
  );
}
