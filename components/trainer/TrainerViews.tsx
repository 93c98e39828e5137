"use client";
import { useLayoutEffect, useMemo } from "react";
import { useTranslations } from "next-intl";
import type { GateId } from "@/lib/nn/gates";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import { GRID_SIZE, decisionGrid } from "@/lib/nn/grid";
import { accuracyOn, initialModel, samplesOf } from "@/lib/nn/perceptron";
import AccuracyChart from "./AccuracyChart";
import DecisionMap, { type MapPoint } from "./DecisionMap";
import OutputSurface from "./OutputSurface";
import type { TrainerSnapshot } from "./useTrainer";
import WeightTrajectory from "./WeightTrajectory";
import { benchMark } from "../forms/benchMark";
import { useTrainerTexts } from "./useTrainerTexts";

interface Props {
  snap: TrainerSnapshot;
  gate: GateId;
  /** The class's own points, drawn and counted instead of the gate's corners. */
  customPoints?: LabelledPoint[];
  seed: number;
  epochs: number;
  /** XOR: join the two pairs with crossing segments. */
  crossing?: boolean;
  /** XOR: the 75% line on the accuracy chart. */
  ceiling?: { value: number; label: string };
}

const fmt = (v: number) => v.toFixed(3);

/** The four live views of one perceptron's training: decision map, accuracy, weights, 3D output. */
export default function TrainerViews({ snap, gate, customPoints, seed, epochs, crossing, ceiling }: Props) {
  const t = useTranslations("trainer");
  const { model, history } = snap;
  const values = useMemo(() => decisionGrid(model), [model]);
  const init = useMemo(() => initialModel({ seed }), [seed]);
  const highlighted = snap.lastStep?.sample ?? -1;
  const samples = useMemo(() => samplesOf({ gate, points: customPoints }), [gate, customPoints]);
  const points: MapPoint[] = useMemo(
    () => samples.inputs.map(([x1, x2], k) => ({ x1, x2, label: samples.labels[k], active: k === highlighted })),
    [samples, highlighted],
  );
  const lines = useMemo(() => [{ w: model.w, b: model.b }], [model]);
  const acc = accuracyOn(model, samples);
  const texts = useTrainerTexts(model, gate, history, epochs, { map: t("map.title"), accuracy: t("accuracy.title"), points: t("points.title") }, customPoints);
  const last = history.at(-1)?.accuracy ?? acc;
  // bench/frames.ts: the four charts (children, drawn in their own layout effects first) are done
  useLayoutEffect(() => benchMark("trainer:drawn"), [snap]);
  return (
    <div className="tr-views">
      <DecisionMap values={values} n={GRID_SIZE} lines={lines} points={points} crossing={crossing} testId="decision-map"
        title={`${t("map.title")} · ${customPoints ? t("points.title") : gate}`} ariaLabel={t("map.aria", { gate: customPoints ? t("points.title") : gate, correct: Math.round(acc * samples.inputs.length), total: samples.inputs.length })}
        text={texts.map}
        legend={{ class0: t("map.class0"), class1: t("map.class1"), line: t("map.line") }} />
      <AccuracyChart data={history} total={epochs} title={t("accuracy.title")} xLabel={t("accuracy.x")} yLabel={t("accuracy.y")}
        ariaLabel={t(customPoints ? "accuracy.ariaPoints" : "accuracy.aria", { epochs: history.length, value: last })} text={texts.accuracy} trace ceiling={ceiling} testId="accuracy-chart" />
      <WeightTrajectory init={init} history={history} total={epochs} title={t("weights.title")} xLabel={t("accuracy.x")} yLabel={t("weights.y")}
        ariaLabel={t("weights.aria", { w1: fmt(model.w[0]), w2: fmt(model.w[1]), b: fmt(model.b) })} />
      <OutputSurface values={values} n={GRID_SIZE} title={t("surface.title")} ariaLabel={t("surface.aria")} rotateLabel={t("surface.rotate")} zLabel={t("surface.z")} />
    </div>
  );
}
