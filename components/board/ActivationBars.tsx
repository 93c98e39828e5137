"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { axisBottom, axisLeft, format, max, scaleBand, scaleLinear, select } from "d3";
import { chosenActivations, updateExplorers } from "@/lib/board/board-view";
import { ACTIVATIONS, resolveParams, type ActivationId, type ChoiceId } from "@/lib/nn/activations";
import type { CustomDef } from "@/lib/formula/custom-activation";
import { choiceName, explorerChoices } from "@/lib/explorer/explorer-choices";
import type { BoardTile } from "@/lib/live/session-protocol";
import { countFacts } from "@/lib/a11y/chart-text/class-charts";
import { answersSentence } from "@/lib/a11y/chart-text/class-sentences";
import ChartFrame, { ChartFigure } from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import { useAxes } from "../charts/axes";
import { useChartWords } from "../a11y/useChartWords";

interface Props {
  tiles: readonly BoardTile[];
  /** The activations the exercise offers, in its order. */
  activations: readonly ActivationId[];
  /** The preset's formula activations: counted under their keys, named by their labels. */
  customs?: readonly Pick<CustomDef, "label" | "formula">[];
  /** The exercise shown: who explored is remembered per exercise. */
  exerciseId: string;
}

const M = { t: 8, r: 24, b: 44, l: 110 };
const PW = 300;
const ROW = 22;
const AW = 300;
/** A formula's label fits the axis (the chart's label holds it whole). */
const short = (s: string) => (s.length > 15 ? `${s.slice(0, 14)}…` : s);

/** The activation explorer, class-wide: which function each student is looking at, and how many answers are right. */
export default function ActivationBars({ tiles, activations: builtins, customs, exerciseId }: Props) {
  const t = useTranslations("board.activationBars");
  const names = useTranslations("explorer.names");
  const ref = useRef<SVGSVGElement>(null);
  const answersRef = useRef<SVGSVGElement>(null);
  const choices = useMemo(() => explorerChoices({ activations: builtins, customs }), [builtins, customs]);
  const activations = useMemo(() => choices.map((c) => c.id), [choices]);
  const nameOf = useMemo(() => (id: string) => choiceName(choices, id, (a) => names(a)), [choices, names]);
  // Every explorer opens on the first function: only students who changed something have chosen.
  const start = useMemo(() => {
    const first = builtins[0];
    const p = first ? resolveParams(ACTIVATIONS[first]) : { threshold: 0, alpha: 0 };
    return { activation: first ?? "", threshold: p.threshold, alpha: p.alpha };
  }, [builtins]);
  const [seen, setSeen] = useState<{ exerciseId: string; explorers: ReadonlySet<string> }>({ exerciseId, explorers: new Set() });
  const base = seen.exerciseId === exerciseId ? seen.explorers : new Set<string>();
  const explorers = updateExplorers(base, tiles, start);
  if (explorers !== seen.explorers) setSeen({ exerciseId, explorers });
  const { counts, untouched } = useMemo(() => chosenActivations(activations, tiles, explorers), [activations, tiles, explorers]);
  const submitted = tiles.filter((x) => x.result).length;
  const correct = tiles.filter((x) => x.result?.correct).length;
  const PH = ROW * activations.length;
  const top = activations.reduce<ChoiceId | null>((best, a) => (counts[a] > (best ? counts[best] : 0) ? a : best), null);
  // The text alternative (lib/a11y/chart-text): each function's count as drawn, the total and the most chosen; a table.
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => {
    const shown = activations.map((a) => ({ name: nameOf(a), count: counts[a] }));
    return {
      summary: answersSentence(ct, t("title"), countFacts(shown), shown),
      table: () => ({ caption: t("title"), headers: [tt("function"), tt("students")], rows: shown.map((c) => [c.name, c.count]) }),
    };
  }, [activations, counts, nameOf, ct, tt, t]);

  const axes = useAxes();
  useEffect(() => {
    const y = scaleBand<ChoiceId>().domain(activations).range([0, PH]).padding(0.2);
    const x = scaleLinear().domain([0, Math.max(1, max(activations, (a) => counts[a]) ?? 1)]).nice().range([0, PW]);
    const g = select(ref.current).select("g.plot");
    axes(ref.current, { axis: axisBottom(x).ticks(Math.min(5, x.domain()[1])).tickFormat(format("d")) }, { axis: axisLeft(y).tickFormat((a) => short(nameOf(a))) });
    g.select("g.bars").selectAll("rect").data(activations).join("rect")
      .attr("x", 0).attr("y", (a) => y(a)!).attr("height", y.bandwidth()).attr("width", (a) => x(counts[a]))
      .attr("fill", "var(--blue)").attr("data-activation", (a) => a).attr("data-name", (a) => nameOf(a)).attr("data-count", (a) => counts[a]);
    g.select("g.values").selectAll("text").data(activations).join("text")
      .attr("x", (a) => x(counts[a]) + 4).attr("y", (a) => y(a)! + y.bandwidth() / 2).attr("dy", "0.35em")
      .attr("class", "bd-value").text((a) => (counts[a] ? counts[a] : ""));
  }, [counts, activations, PH, nameOf, axes]);

  useEffect(() => {
    const x = scaleLinear().domain([0, Math.max(1, submitted)]).range([0, AW]);
    const parts = [{ key: "correct", n: correct, x0: 0, fill: "var(--blue)" }, { key: "wrong", n: submitted - correct, x0: correct, fill: "var(--orange)" }];
    select(answersRef.current).select("g.bars").selectAll("rect").data(parts).join("rect")
      .attr("x", (d) => x(d.x0)).attr("width", (d) => x(d.n) - x(0)).attr("y", 0).attr("height", 18).attr("fill", (d) => d.fill);
  }, [submitted, correct]);

  return (
    <>
      <ChartFrame title={t("title")} testId="activation-bars" width={PW} height={PH} margin={M} svgRef={ref}
        ariaLabel={t("aria", { top: top ? nameOf(top) : "—" })} text={text}
        legend={<p className="muted bd-note" data-testid="activation-untouched">{t("untouched", { count: untouched })}</p>}>
        <Axes width={PW} height={PH} xLabel={t("x")} xLabelAt={38} />
        <g className="bars" />
        <g className="values" />
      </ChartFrame>
      <ChartFigure title={t("answersTitle")} testId="activation-answers" before={<p className="bd-big">{t("answers", { correct, submitted })}</p>}
        legend={(
          <p className="tr-legend" aria-hidden="true">
            <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill="var(--blue)" /></svg>{t("correct")}</span>
            <span><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill="var(--orange)" /></svg>{t("wrong")}</span>
          </p>
        )}>
        <svg ref={answersRef} viewBox={`0 0 ${AW} 18`} role="img" aria-label={t("answersAria", { correct, submitted })}>
          <rect width={AW} height={18} fill="#ecece7" />
          <g className="bars" />
        </svg>
      </ChartFigure>
    </>
  );
}
