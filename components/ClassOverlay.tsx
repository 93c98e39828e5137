"use client";
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { axisBottom, axisLeft, scaleLinear, select } from "d3";
import { lineInBox, lineOf } from "@/lib/board";
import { GATE_INPUTS, gateLabels, type GateId } from "@/lib/gates";
import { accuracy } from "@/lib/perceptron";
import type { BoardTile } from "@/lib/session-protocol";
import { CLASS_COLOR, LINE_COLOR } from "./TrainerColors";

interface Props {
  tiles: readonly BoardTile[];
  gate: GateId;
  /** Drawn on top, thick and opaque. */
  selected: string | null;
}

const LO = -0.25;
const HI = 1.25;
const M = { t: 10, r: 12, b: 40, l: 48 };
const P = 300;
const x = scaleLinear().domain([LO, HI]).range([0, P]);
const y = scaleLinear().domain([LO, HI]).range([P, 0]);

/** Every student's current decision line over the gate's four points: the class converging at a glance. */
export default function ClassOverlay({ tiles, gate, selected }: Props) {
  const t = useTranslations("board.overlay");
  const tr = useTranslations("trainer.map");
  const ref = useRef<SVGSVGElement>(null);
  const lines = useMemo(() => {
    const out: { userId: string; seg: [[number, number], [number, number]]; ok: boolean }[] = [];
    for (const tile of tiles) {
      const l = lineOf(tile);
      const seg = l && lineInBox(l.w, l.b, LO, HI);
      if (l && seg) out.push({ userId: tile.userId, seg, ok: accuracy(l, gate) === 1 });
    }
    // The selected student last, so it is drawn on top.
    return out.sort((a, b) => Number(a.userId === selected) - Number(b.userId === selected));
  }, [tiles, gate, selected]);

  useEffect(() => {
    const g = select(ref.current).select<SVGGElement>("g.axes");
    g.selectAll("*").remove();
    g.append("g").attr("transform", `translate(0,${P})`).call(axisBottom(x).tickValues([0, 0.5, 1]));
    g.append("g").call(axisLeft(y).tickValues([0, 0.5, 1]));
    g.append("text").attr("x", P / 2).attr("y", P + 34).attr("text-anchor", "middle").attr("class", "tr-axis-label").text("x1");
    g.append("text").attr("x", -36).attr("y", P / 2).attr("text-anchor", "middle").attr("class", "tr-axis-label").text("x2");
    const labels = gateLabels(gate);
    select(ref.current).select("g.points").selectAll("path").data(GATE_INPUTS.map((p, k) => ({ p, label: labels[k] }))).join("path")
      .attr("transform", (d) => `translate(${x(d.p[0])},${y(d.p[1])})`)
      .attr("d", (d) => (d.label ? "M0,-9A9,9 0 1 1 0,9A9,9 0 1 1 0,-9Z" : "M-8,-8H8V8H-8Z"))
      .attr("fill", (d) => CLASS_COLOR[d.label]).attr("stroke", "#fff").attr("stroke-width", 2);
  }, [gate]);

  useEffect(() => {
    select(ref.current).select("g.lines").selectAll<SVGLineElement, (typeof lines)[number]>("line")
      .data(lines, (d) => d.userId).join("line")
      .attr("data-line", (d) => d.userId)
      .attr("x1", (d) => x(d.seg[0][0])).attr("y1", (d) => y(d.seg[0][1]))
      .attr("x2", (d) => x(d.seg[1][0])).attr("y2", (d) => y(d.seg[1][1]))
      .attr("stroke", LINE_COLOR)
      .attr("stroke-opacity", (d) => (d.userId === selected ? 1 : 0.35))
      .attr("stroke-width", (d) => (d.userId === selected ? 4 : 2))
      .attr("stroke-dasharray", (d) => (d.userId === selected ? "8 3" : null))
      .order();
  }, [lines, selected]);

  const separating = lines.filter((l) => l.ok).length;
  return (
    <figure className="tr-chart bd-overlay" data-testid="class-overlay" data-lines={lines.length}>
      <figcaption>{t("title")}</figcaption>
      <svg ref={ref} viewBox={`0 0 ${M.l + P + M.r} ${M.t + P + M.b}`} role="img"
        aria-label={t("aria", { gate, count: lines.length, separating })}>
        <g transform={`translate(${M.l},${M.t})`}>
          <rect x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} className="bd-unit" />
          <g className="axes" />
          <g className="lines" />
          <g className="points" />
        </g>
      </svg>
      <p className="tr-legend" aria-hidden="true">
        <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill={CLASS_COLOR[0]} /></svg>{tr("class0")}</span>
        <span><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill={CLASS_COLOR[1]} /></svg>{tr("class1")}</span>
        <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeOpacity={0.35} strokeWidth="2" /></svg>{t("line")}</span>
        <span><svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke={LINE_COLOR} strokeWidth="4" strokeDasharray="8 3" /></svg>{t("selected")}</span>
      </p>
    </figure>
  );
}
