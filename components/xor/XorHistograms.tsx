"use client";
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { max, scaleLinear, select } from "d3";
import { countByKey } from "@/lib/board/counts";
import { wrapWords } from "@/lib/util/wrap";
import { XOR_CORRECT_EXPLANATION, XOR_EXPLANATIONS, XOR_MAX_ACCURACY, type XorExplanation } from "@/lib/grading/grading";
import type { BoardTile } from "@/lib/live/session-protocol";
import AccuracyHistogram from "../board/AccuracyHistogram";
import { ChartFigure } from "../charts/ChartFrame";

// The viewBox is about as wide as the chart's column on a laptop board (~330 px), so its 12-unit
// labels read at about 12 px there (at 420 they were ~9 px), and grow with the projector's columns.
const EW = 340;
const LINE = 15;
const BAR = 14;
const WRAP = 46;

/** A student's best XOR accuracy: the submitted answer's, else the latest progress's. */
function bestOf(t: BoardTile): number | null {
  const a = t.answer as { bestAccuracy?: unknown } | undefined;
  if (typeof a?.bestAccuracy === "number") return a.bestAccuracy;
  return t.progress?.type === "XOR" ? t.progress.bestAccuracy : null;
}

/** The XOR puzzle, class-wide: how far everyone got, and which explanation they chose. */
export default function XorHistograms({ tiles }: { tiles: readonly BoardTile[] }) {
  const t = useTranslations("board.xor");
  const choices = useTranslations("trainer.question.choices");
  const explRef = useRef<SVGSVGElement>(null);
  const best = useMemo(() => tiles.map(bestOf).filter((v): v is number => v !== null), [tiles]);
  const expl = useMemo(() => countByKey(XOR_EXPLANATIONS, tiles.map((x) => (x.answer as { explanation?: unknown } | undefined)?.explanation)), [tiles]);
  const answered = XOR_EXPLANATIONS.reduce((s, k) => s + expl[k], 0);
  const rows = useMemo(() => {
    let y = 0;
    return XOR_EXPLANATIONS.map((key) => {
      const lines = wrapWords(`${key === XOR_CORRECT_EXPLANATION ? "✓ " : ""}${choices(key)}`, WRAP);
      const row = { key, lines, y, barY: y + lines.length * LINE + 2 };
      y = row.barY + BAR + 12;
      return row;
    });
  }, [choices]);
  const EH = rows.length ? rows[rows.length - 1].barY + BAR + 4 : 0;

  useEffect(() => {
    const x = scaleLinear().domain([0, Math.max(1, max(XOR_EXPLANATIONS, (k) => expl[k]) ?? 1)]).range([0, EW - 40]);
    const g = select(explRef.current);
    g.select("g.labels").selectAll("text").data(rows).join("text")
      .attr("y", (d) => d.y + 11).attr("class", (d) => (d.key === XOR_CORRECT_EXPLANATION ? "bd-label bd-right" : "bd-label"))
      .selectAll("tspan").data((d) => d.lines.map((line, i) => ({ line, i }))).join("tspan")
      .attr("x", 0).attr("dy", (d) => (d.i ? LINE : 0)).text((d) => d.line);
    g.select("g.bars").selectAll<SVGRectElement, (typeof rows)[number]>("rect").data(rows).join("rect")
      .attr("x", 0).attr("y", (d) => d.barY).attr("height", BAR).attr("width", (d) => Math.max(x(expl[d.key]), expl[d.key] ? 2 : 0))
      .attr("fill", (d) => (d.key === XOR_CORRECT_EXPLANATION ? "var(--blue)" : "#8c8c88")).attr("data-explanation", (d) => d.key)
      .attr("data-count", (d) => expl[d.key]);
    g.select("g.values").selectAll("text").data(rows).join("text")
      .attr("x", (d) => x(expl[d.key]) + 6).attr("y", (d) => d.barY + BAR / 2).attr("dy", "0.35em").attr("class", "bd-value")
      .text((d) => String(expl[d.key]));
  }, [rows, expl]);

  const right = expl[XOR_CORRECT_EXPLANATION as XorExplanation];
  return (
    <>
      <AccuracyHistogram values={best} ceiling={XOR_MAX_ACCURACY} testId="xor-accuracy" title={t("accTitle")} xLabel={t("accX")} yLabel={t("accY")}
        ariaLabel={t("accAria", { count: best.length, atCeiling: best.filter((v) => Math.abs(v - XOR_MAX_ACCURACY) < 1e-9).length })} />
      <ChartFigure title={t("explTitle")} testId="xor-explanations" legend={(
        <p className="tr-legend" aria-hidden="true">
          <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill="var(--blue)" /></svg>✓ {t("right")}</span>
        </p>
      )}>
        <svg ref={explRef} viewBox={`0 0 ${EW} ${EH}`} role="img" aria-label={t("explAria", { right, total: answered })}>
          <g className="labels" />
          <g className="bars" />
          <g className="values" />
        </svg>
      </ChartFigure>
    </>
  );
}
