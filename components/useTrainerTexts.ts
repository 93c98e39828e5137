"use client";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { decisionFacts } from "@/lib/chart-text/decision";
import { decisionSentence, numberText, trainingSentence, type T } from "@/lib/chart-text/sentences";
import { trainingFacts } from "@/lib/chart-text/training";
import { GATE_INPUTS, gateLabels, type GateId } from "@/lib/gates";
import { predict, type EpochRecord, type Perceptron } from "@/lib/perceptron";
import type { ChartDescription, ChartTable } from "./ChartText";

const MAX_ROWS = 101;

/** Which of `length` rows a table shows: every one for a short run, about MAX_ROWS evenly for a long one (always the last). */
export const shownRow = (length: number) => {
  const every = Math.max(1, Math.ceil(length / (MAX_ROWS - 1)));
  return (i: number) => i % every === 0 || i === length - 1;
};

/** The accuracy table, one row per shown epoch. */
export function accuracyTable(accuracies: readonly number[], caption: string, headers: string[]): ChartTable {
  const shown = shownRow(accuracies.length);
  const rows = accuracies.flatMap((a, i) => (shown(i) ? [[i + 1, Math.round(a * 100)]] : []));
  return { caption, headers, rows };
}

/** The perceptron trainer's decision map and accuracy curve, in words, from the model and its history. */
export function useTrainerTexts(model: Perceptron, gate: GateId, history: readonly EpochRecord[], total: number, titles: { map: string; accuracy: string }) {
  const t = useTranslations("chartText") as unknown as T;
  const tt = useTranslations("chartText.table");
  const locale = useLocale();
  return useMemo(() => {
    const num = numberText(locale);
    const decision = decisionFacts(model, gate);
    const accs = history.map((h) => h.accuracy);
    const labels = gateLabels(gate);
    const map: ChartDescription = {
      summary: decisionSentence(t, gate, decision),
      table: () => ({
        caption: titles.map, headers: [tt("point"), tt("target"), tt("output"), "w1·x1 + w2·x2 + b"],
        rows: GATE_INPUTS.map(([x1, x2], k) => [`(${x1},${x2})`, labels[k], predict(model, x1, x2), num(x1 * model.w[0] + x2 * model.w[1] + model.b)]),
      }),
    };
    const accuracy: ChartDescription = {
      summary: trainingSentence(t, trainingFacts(accs, total), accs.length ? decision : undefined),
      table: () => accuracyTable(accs, titles.accuracy, [tt("epoch"), tt("accuracy")]),
    };
    return { map, accuracy };
  }, [model, gate, history, total, titles.map, titles.accuracy, t, tt, locale]);
}
