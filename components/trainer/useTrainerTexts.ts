"use client";
import { useMemo } from "react";
import { decisionFacts } from "@/lib/a11y/chart-text/decision";
import { decisionSentence, trainingSentence } from "@/lib/a11y/chart-text/sentences";
import { trainingFacts } from "@/lib/a11y/chart-text/training";
import { GATE_INPUTS, gateLabels, type GateId } from "@/lib/nn/gates";
import { predict, samplesOf, type EpochRecord, type Perceptron } from "@/lib/nn/perceptron";
import { pointName, pointsFacts } from "@/lib/a11y/chart-text/net";
import { pointsSentence } from "@/lib/a11y/chart-text/net-sentences";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import type { ChartDescription, ChartTable } from "../a11y/ChartText";
import { useChartWords } from "../a11y/useChartWords";

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

/**
 * The perceptron trainer's decision map and accuracy curve, in words, from the model and its history;
 * with the class's own points (`points`, titled `titles.points`), said of those points.
 */
export function useTrainerTexts(model: Perceptron, gate: GateId, history: readonly EpochRecord[], total: number, titles: { map: string; accuracy: string; points?: string }, points?: LabelledPoint[]) {
  const { t, tt, num } = useChartWords();
  return useMemo(() => {
    const decision = decisionFacts(model, gate);
    const accs = history.map((h) => h.accuracy);
    const labels = gateLabels(gate);
    if (points) {
      const samples = samplesOf({ gate, points });
      const line = (x1: number, x2: number) => x1 * model.w[0] + x2 * model.w[1] + model.b;
      return {
        map: {
          summary: pointsSentence(t, titles.points ?? "", pointsFacts(samples.inputs, samples.labels, (a, b) => predict(model, a, b))),
          table: () => ({
            caption: titles.map, headers: [tt("point"), tt("target"), tt("output"), "w1·x1 + w2·x2 + b"],
            rows: samples.inputs.map(([a, b], k) => [pointName([a, b]), samples.labels[k], predict(model, a, b), num(line(a, b))]),
          }),
        } satisfies ChartDescription,
        accuracy: {
          summary: trainingSentence(t, trainingFacts(accs, total)),
          table: () => accuracyTable(accs, titles.accuracy, [tt("epoch"), tt("accuracy")]),
        } satisfies ChartDescription,
      };
    }
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
  }, [model, gate, history, total, titles.map, titles.accuracy, titles.points, points, t, tt, num]);
}
