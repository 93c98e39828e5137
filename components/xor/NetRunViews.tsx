"use client";
import { memo, useMemo, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import { GRID_SIZE } from "@/lib/nn/grid";
import { effectiveLine, layersOf, mlpScore, type HiddenActivation } from "@/lib/nn/mlp";
import { unitStates } from "@/lib/nn/mlp-diagnostics";
import type { Store } from "@/lib/util/store";
import { XOR_NET_DEFAULTS } from "@/lib/xor/xor-net";
import type { ChartDescription } from "../a11y/ChartText";
import AccuracyChart from "../trainer/AccuracyChart";
import DecisionMap, { type MapLine, type MapPoint } from "../trainer/DecisionMap";
import OutputSurface from "../trainer/OutputSurface";
import GradientChart from "./GradientChart";
import NetDiagram from "./NetDiagram";
import { fmtWeight } from "./XorNetNotes";
import type { NetViews } from "./useNetRun";

// Each drawing of the trained network subscribes to its own part of the run (useNetRun's `views`),
// so a frame that moves one of them renders that one alone, not the page.

type Views = Store<NetViews>;
function useView<K extends keyof NetViews>(views: Views, k: K): NetViews[K] {
  const get = () => views.get()[k];
  return useSyncExternalStore(views.subscribe, get, get);
}
interface Common { views: Views; activation: HiddenActivation; own?: LabelledPoint[] }
const SUB = ["₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈"];

/** The decision map: the grid's colours, the first layer's lines (and a linear net's one line), the points. */
export const NetMap = memo(function NetMap({ views, activation, own, points, text }: Common & { points: MapPoint[]; text: ChartDescription }) {
  const t = useTranslations("trainer");
  const values = useView(views, "map");
  const { net } = useView(views, "net");
  const line = useMemo(() => (activation === "linear" ? effectiveLine(net) : null), [net, activation]);
  const lines = useMemo<MapLine[]>(() => [
    ...net.hidden.map((u) => ({ w: [u.w[0], u.w[1]] as [number, number], b: u.b, dashed: true })),
    ...(line ? [{ w: line.w, b: line.b }] : []),
  ], [net, line]);
  const effective = line !== null;
  const legend = useMemo(() => ({ class0: t("map.class0"), class1: t("map.class1"), line: effective ? t("net.hiddenAndEffective") : t("net.hiddenLine") }), [t, effective]);
  const acc = mlpScore(net, activation, own).accuracy;
  return (
    <DecisionMap values={values} n={GRID_SIZE} lines={lines} points={points} title={t("net.mapTitle")} text={text} legend={legend}
      ariaLabel={own ? t("net.mapAriaPoints", { correct: Math.round(acc * own.length), total: own.length }) : t("net.mapAria", { correct: Math.round(acc * 4) })} />
  );
});

/** The network drawn, its dead or saturated units marked. */
export const NetDrawing = memo(function NetDrawing({ views, activation, own, units, text }: Common & { units: number; text: ChartDescription }) {
  const t = useTranslations("trainer");
  const { net } = useView(views, "net");
  const states = useMemo(() => unitStates(net, activation, own), [net, activation, own]);
  const dead = states.flat().filter((s) => s === "dead").length;
  const saturated = states.flat().filter((s) => s === "saturated").length;
  const legend = useMemo(() => ({ dead: t("net.deadUnit"), saturated: t("net.saturatedUnit") }), [t]);
  return <NetDiagram net={net} states={states} title={t("net.diagramTitle")} ariaLabel={t("net.diagramAria", { units, dead, saturated })} legend={legend} text={text} />;
});

/** Accuracy per epoch. */
export const NetAccuracy = memo(function NetAccuracy({ views, activation, own, text }: Common & { text: ChartDescription }) {
  const t = useTranslations("trainer");
  const { history, net } = useView(views, "accuracy");
  const ceiling = useMemo(() => (activation === "linear" && !own ? { value: 0.75, label: t("net.linearCeiling") } : undefined), [activation, own, t]);
  return (
    <AccuracyChart data={history} total={XOR_NET_DEFAULTS.epochs} title={t("accuracy.title")} xLabel={t("accuracy.x")} yLabel={t("accuracy.y")} ceiling={ceiling} text={text}
      ariaLabel={t(own ? "accuracy.ariaPoints" : "accuracy.aria", { epochs: history.length, value: history.at(-1)?.accuracy ?? mlpScore(net, activation, own).accuracy })} />
  );
});

/** The mean gradient of each layer per epoch. */
export const NetGradient = memo(function NetGradient({ views, layers, text }: { views: Views; layers: readonly string[]; text: ChartDescription }) {
  const t = useTranslations("trainer");
  const { history } = useView(views, "gradient");
  const g = history.at(-1)?.grad[0];
  return (
    <GradientChart data={history} total={XOR_NET_DEFAULTS.epochs} layers={layers} title={t("net.gradientTitle")} xLabel={t("accuracy.x")}
      yLabel={t("net.gradientY")} zeroLabel={t("net.gradientZero")} text={text}
      ariaLabel={t("net.gradientAria", { epochs: history.length, value: g === undefined ? "—" : g === 0 ? "0" : g.toExponential(1) })} />
  );
});

/** The output over the square in 3D. */
export const NetSurface = memo(function NetSurface({ views, own }: { views: Views; own?: LabelledPoint[] }) {
  const t = useTranslations("trainer");
  const values = useView(views, "surface");
  return <OutputSurface values={values} n={GRID_SIZE} title={t("surface.title")} ariaLabel={t(own ? "net.surfaceAriaPoints" : "net.surfaceAria")} rotateLabel={t("surface.rotate")} zLabel={t("surface.z")} />;
});

/** Every weight and bias (closed by default), at the gradient chart's pace while playing. */
export const NetWeights = memo(function NetWeights({ views }: { views: Views }) {
  const t = useTranslations("trainer");
  const { net } = useView(views, "gradient");
  const all = layersOf(net);
  return (
    <details>
      <summary>{t("net.weights")}</summary>
      <p className="tr-stats muted tr-net-weights" data-testid="net-weights">
        {all.flatMap((layer, l) => layer.map((u, j) => (
          <span key={`${l}-${j}`}>
            {l === all.length - 1 ? t("net.unit.out") : t(l === 0 ? "net.unitName" : "net.unitName2", { unit: j + 1 })}: {u.w.map((w, i) => `w${SUB[i]} ${fmtWeight(w)}`).join(", ")}, b {fmtWeight(u.b)}
          </span>
        )))}
      </p>
    </details>
  );
});
