"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { replayCurve } from "@/lib/grading/replay";
import { XOR_MAX_ACCURACY } from "@/lib/lessons/exercise-constants";
import { trainingSentence } from "@/lib/a11y/chart-text/sentences";
import { trainingFacts } from "@/lib/a11y/chart-text/training";
import { decisionFacts } from "@/lib/a11y/chart-text/decision";
import AccuracyChart from "../trainer/AccuracyChart";
import { accuracyTable } from "../trainer/useTrainerTexts";
import { useChartWords } from "../a11y/useChartWords";

/** A submitted run's accuracy curve, recomputed in the browser from its stored settings with train(). */
export default function TrainingCurve({ type, payload, testId }: { type: string; payload: unknown; testId?: string }) {
  const t = useTranslations("progress");
  const curve = useMemo(() => replayCurve(type, payload), [type, payload]);
  const data = useMemo(() => curve?.accuracy.map((accuracy, epoch) => ({ epoch, accuracy })) ?? [], [curve]);
  const ceiling = useMemo(() => (type === "XOR" ? { value: XOR_MAX_ACCURACY, label: t("ceiling") } : undefined), [type, t]);
  const { t: ct, tt } = useChartWords();
  const text = useMemo(() => curve && {
    summary: trainingSentence(ct, trainingFacts(curve.accuracy, curve.epochs), decisionFacts(curve.final, curve.gate)),
    table: () => accuracyTable(curve.accuracy, t("accuracy"), [tt("epoch"), tt("accuracy")]),
  }, [curve, ct, tt, t]);
  if (!curve || !text) return null;
  return (
    <AccuracyChart
      data={data}
      total={curve.epochs}
      title={t("curveTitle", { gate: curve.gate, lr: curve.lr, epochs: curve.epochs, seed: curve.seed })}
      ariaLabel={t("curveAria", { epochs: curve.epochs, final: curve.accuracy[curve.accuracy.length - 1] ?? 0 })}
      xLabel={t("epochs")}
      yLabel={t("accuracy")}
      ceiling={ceiling}
      text={text}
      trace
      testId={testId}
    />
  );
}
