"use client";
import { memo, useEffect, useId, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { overlayFacts, overlayRows } from "@/lib/a11y/chart-text/class-charts";
import { overlaySentence } from "@/lib/a11y/chart-text/class-sentences";
import { scaleLinear, select } from "d3";
import { lineInBox, lineOf } from "@/lib/board/tile-lines";
import { packSegments } from "@/lib/board/board-density";
import { isDense, lineOffsets, shiftSegment } from "@/lib/board/board-view";
import { GATE_INPUTS, gateLabels, type GateId } from "@/lib/nn/gates";
import { accuracy, type Perceptron } from "@/lib/nn/perceptron";
import type { BoardTile } from "@/lib/live/session-protocol";
import { useChartWords } from "../a11y/useChartWords";
import { ChartFigure, PlotSvg, plotAreaStyle } from "../charts/ChartFrame";
import { drawInputAxes, drawInputPoints } from "../charts/unitSquare";
import { DensityPainter, type DensitySpec } from "./DensityPainter";
import { CLASS_COLOR, LINE_COLOR } from "../trainer/TrainerColors";

interface Props {
  tiles: readonly BoardTile[];
  gate: GateId;
  /** Drawn on top, thick and opaque. */
  selected: string | null;
}

const LO = -0.25;
const HI = 1.25;
const M = { t: 12, r: 12, b: 52, l: 60 };
const P = 300;
/** Identical lines are drawn this far apart (user units), so two students read as two lines. */
const SPREAD = 4;
/** The density picture's resolution (cells per side over the plotted square). */
const GRID = 180;
const x = scaleLinear().domain([LO, HI]).range([0, P]);
/** Where the plotted square sits in the figure, as CSS (the density canvas covers just that). */
const PLOT_AREA = plotAreaStyle(P, P, M);
const y = scaleLinear().domain([LO, HI]).range([P, 0]);
/** The density picture: GRID cells a side over the plotted square, in LINE_COLOR. */
const DENSITY: DensitySpec = { size: GRID, lo: LO, hi: HI, rgb: [0x1d, 0x1d, 0x1f] };

/** The lines across the plot (`segments`: packSegments, NaN for a student without one), as the models they come from. */
function drawnModels(tiles: readonly BoardTile[], segments: Float64Array): Perceptron[] {
  const out: Perceptron[] = [];
  for (let i = 0; i < tiles.length; i++) if (!Number.isNaN(segments[i * 4])) out.push(lineOf(tiles[i])!);
  return out;
}

/** What the marks mean: rendered once per mode, not on every flush. */
const OverlayLegend = memo(function OverlayLegend({ dense }: { dense: boolean }) {
  const t = useTranslations("board.overlay");
  const tr = useTranslations("trainer.map");
  return (
    <p className="tr-legend" aria-hidden="true">
      <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill={CLASS_COLOR[0]} /></svg>{tr("class0")}</span>
      <span><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill={CLASS_COLOR[1]} /></svg>{tr("class1")}</span>
      <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeOpacity={0.55} strokeWidth="2" /></svg>{dense ? t("density") : t("line")}</span>
      <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeWidth="4" strokeDasharray="8 3" /></svg>{t("selected")}</span>
    </p>
  );
});

type Line = { userId: string; seg: [[number, number], [number, number]]; ok: boolean; w: [number, number]; b: number };
const NO_LINES: Line[] = [];

/**
 * Every student's current decision line over the gate's four points: the class converging at a
 * glance. Up to a class of DENSE_AT, one SVG line each (identical lines side by side); above, the
 * lines are drawn on a canvas as a density (where many students agree, the band is dark).
 */
export default function ClassOverlay({ tiles, gate, selected }: Props) {
  const t = useTranslations("board.overlay");
  const ref = useRef<SVGSVGElement>(null);
  const front = useRef<SVGSVGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<DensityPainter | null>(null);
  const dense = isDense(tiles.length);
  // SVG lines: every student's in a class, only the selected student's in a lecture hall.
  const lines = useMemo(() => {
    const out: Line[] = [];
    for (const tile of tiles) {
      if (dense && tile.userId !== selected) continue;
      const l = lineOf(tile);
      const seg = l && lineInBox(l.w, l.b, LO, HI);
      if (l && seg) out.push({ userId: tile.userId, seg, ok: accuracy(l, gate) === 1, w: l.w, b: l.b });
    }
    return out.length ? out : NO_LINES; // a lecture hall with no one selected: the SVG effect has nothing to redo
  }, [tiles, gate, dense, selected]);
  // Every student's segment, once a flush: counted here, drawn as the density in a lecture hall.
  const segments = useMemo(() => packSegments(tiles, LO, HI), [tiles]);
  const facts = useMemo(() => overlayFacts(drawnModels(tiles, segments), gate, tiles.length), [tiles, segments, gate]);
  const { lines: count, separating } = facts;
  const label = useMemo(() => t("aria", { gate, count, separating }), [t, gate, count, separating]);
  // The text alternative (lib/a11y/chart-text): the lines, the separating ones, the points missed most; a table per point.
  const textId = useId();
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => ({
    summary: overlaySentence(ct, gate, facts),
    table: () => ({ caption: t("title"), headers: [tt("point"), tt("target"), tt("linesRight"), tt("linesWrong")], rows: overlayRows(facts, gate) }),
  }), [ct, tt, t, gate, facts]);

  useEffect(() => {
    drawInputAxes(select(ref.current).select<SVGGElement>("g.axes"), x, y, P, { x1At: P + 46, x2At: -48 });
    const labels = gateLabels(gate);
    drawInputPoints(select(front.current).select<SVGGElement>("g.points"), GATE_INPUTS.map((p, k) => ({ p, label: labels[k] })), (d) => [x(d.p[0]), y(d.p[1])]);
  }, [gate]);

  // A class: SVG lines, identical ones moved apart; the selected student's line last (on top).
  useEffect(() => {
    const offsets = lineOffsets(lines.map((l) => ({ id: l.userId, w: l.w, b: l.b })));
    const px = lines.map((l) => {
      const screen: [[number, number], [number, number]] = [[x(l.seg[0][0]), y(l.seg[0][1])], [x(l.seg[1][0]), y(l.seg[1][1])]];
      const o = offsets.get(l.userId);
      return { ...l, px: o && o.group > 1 ? shiftSegment(screen, o.offset * SPREAD) : screen, group: o?.group ?? 1 };
    }).sort((a, b) => Number(a.userId === selected) - Number(b.userId === selected));
    select(front.current).select("g.lines").selectAll<SVGLineElement, (typeof px)[number]>("line")
      .data(px, (d) => d.userId).join("line")
      .attr("data-line", (d) => d.userId).attr("data-group", (d) => d.group)
      .attr("x1", (d) => d.px[0][0]).attr("y1", (d) => d.px[0][1])
      .attr("x2", (d) => d.px[1][0]).attr("y2", (d) => d.px[1][1])
      .attr("stroke", LINE_COLOR)
      .attr("stroke-opacity", (d) => (d.userId === selected ? 1 : 0.55))
      .attr("stroke-width", (d) => (d.userId === selected ? 4 : 2))
      .attr("stroke-dasharray", (d) => (d.userId === selected ? "8 3" : null))
      .order();
  }, [lines, selected]);

  // A lecture hall: every line rasterised into a GRID x GRID density kept from flush to flush
  // (only the lines that moved are redrawn, in a worker: DensityPainter), put on a canvas of GRID
  // pixels over the plot area; the browser scales it up, smoothed.
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    if (!dense) {
      painter.current?.dispose();
      painter.current = null;
      ctx.clearRect(0, 0, c.width, c.height);
      return;
    }
    (painter.current ??= new DensityPainter(ctx, DENSITY)).draw(tiles, segments);
  }, [tiles, segments, dense]);
  useEffect(() => () => {
    painter.current?.dispose();
    painter.current = null;
  }, []);

  // Students whose line is the same as someone else's (drawn side by side), said in words too.
  const twins = useMemo(() => {
    if (dense) return 0;
    let n = 0;
    for (const o of lineOffsets(lines.map((l) => ({ id: l.userId, w: l.w, b: l.b }))).values()) if (o.group > 1) n++;
    return n;
  }, [lines, dense]);
  return (
    <ChartFigure title={t("title")} testId="class-overlay" className="tr-chart bd-overlay" figureProps={{ "data-lines": count, "data-mode": dense ? "density" : "lines" }}
      text={text} textId={textId} legend={<OverlayLegend dense={dense} />}
      after={twins > 0 && <p className="muted bd-note" data-testid="overlay-twins">{t("twins", { count: twins })}</p>}>
      <div className="bd-layers">
        <PlotSvg svgRef={ref} width={P} height={P} margin={M} aria-hidden>
          <rect x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} className="bd-unit" />
          <g className="axes" />
        </PlotSvg>
        <canvas ref={canvas} className="bd-density" width={GRID} height={GRID} aria-hidden="true" style={PLOT_AREA} />
        <PlotSvg svgRef={front} className="bd-layer" width={P} height={P} margin={M} role="img" aria-label={label} aria-describedby={textId}>
          <g className="lines" />
          <g className="points" />
        </PlotSvg>
      </div>
    </ChartFigure>
  );
}
