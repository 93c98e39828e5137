"use client";
import { useLayoutEffect, useRef } from "react";
import * as d3 from "d3";
import { CHART, ChartFrame } from "./ActivationChart";

interface Props {
  title: string;
  testId: string;
  ariaLabel: string;
  width: number;
  height: number;
  /** width * height RGBA bytes (e.g. from imagePanels). */
  bytes: Uint8ClampedArray;
  axisLabel: string;
}

const { width: W, height: H } = CHART;
const M = { top: 8, right: CHART.margin.right, bottom: 30, left: CHART.margin.left };
const BOX_W = W - M.left - M.right;
const BOX_H = H - M.top - M.bottom;

/** A picture drawn on a <canvas> with ImageData, under D3 pixel axes (like imshow). */
export default function ImagePanel({ title, testId, ariaLabel, width, height, bytes, axisLabel }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  // The picture keeps its shape inside the same box as the other panels' plots, centred across.
  const k = Math.min(BOX_W / width, BOX_H / height);
  const iw = width * k;
  const ih = height * k;
  const left = M.left + (BOX_W - iw) / 2;

  useLayoutEffect(() => {
    const xs = d3.scaleLinear().domain([0, width]).range([left, left + iw]);
    const ys = d3.scaleLinear().domain([0, height]).range([M.top, M.top + ih]);
    // whole pixels only: a 3-pixel-wide picture gets ticks 0, 1, 2, 3
    d3.select(xAxis.current!).call(d3.axisBottom(xs).ticks(Math.min(4, width)).tickFormat(d3.format("d")).tickSizeOuter(0));
    d3.select(yAxis.current!).call(d3.axisLeft(ys).ticks(Math.min(4, height)).tickFormat(d3.format("d")).tickSizeOuter(0));
  }, [width, height, iw, ih, left]);

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
    <ChartFrame title={title} testId={testId}>
      <div className="act-image" role="img" aria-label={ariaLabel}>
        <svg viewBox={`0 0 ${W} ${H}`} className="act-chart" aria-hidden>
          <g ref={xAxis} className="x-axis" transform={`translate(0,${M.top + ih})`} />
          <g ref={yAxis} className="y-axis" transform={`translate(${left},0)`} />
          <text x={W - M.right} y={H - 2} textAnchor="end" className="act-axis-label">{axisLabel}</text>
        </svg>
        <canvas
          ref={canvas}
          style={{ left: pct(left, W), top: pct(M.top, H), width: pct(iw, W), height: pct(ih, H) }}
        />
      </div>
    </ChartFrame>
  );
}
