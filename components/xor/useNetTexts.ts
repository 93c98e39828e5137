"use client";
import { useMemo } from "react";
import { diagramFacts, gradientFacts, pointName, pointsFacts, type UnitPlace } from "@/lib/a11y/chart-text/net";
import { diagramSentence, gradientSentence, gradientText, pointsSentence } from "@/lib/a11y/chart-text/net-sentences";
import { trainingSentence } from "@/lib/a11y/chart-text/sentences";
import { trainingFacts } from "@/lib/a11y/chart-text/training";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import { effectiveLine, mlpOutput, mlpSamples, type HiddenActivation, type MlpEpochRecord, type MlpNet } from "@/lib/nn/mlp";
import type { ChartDescription } from "../a11y/ChartText";
import { accuracyTable, shownRow } from "../trainer/useTrainerTexts";
import { useChartWords } from "../a11y/useChartWords";

interface Titles { map: string; accuracy: string; gradient: string; points: string }
/** The network drawn: its hidden units' states (lib/nn/mlp-diagnostics.ts) and how a unit is named on screen. */
interface Drawing { states: readonly (readonly string[])[]; unitName(p: UnitPlace): string }

/** The network's decision map, drawing, accuracy curve and gradient chart in words, from the net and its history. */
export function useNetTexts(net: MlpNet, activation: HiddenActivation, points: LabelledPoint[] | undefined, history: readonly MlpEpochRecord[], total: number, layers: readonly string[], titles: Titles, drawing: Drawing) {
  const { t, tt, num } = useChartWords();
  return useMemo(() => {
    const { inputs, labels } = mlpSamples(points);
    // as the accuracy counts it: a linear net's decision is its one line
    const line = activation === "linear" ? effectiveLine(net) : null;
    const output = (a: number, b: number) => mlpOutput(net, a, b, activation);
    const predict = (a: number, b: number): 0 | 1 => (line ? (a * line.w[0] + b * line.w[1] + line.b < 0 ? 0 : 1) : output(a, b) < 0.5 ? 0 : 1);
    const map: ChartDescription = {
      summary: pointsSentence(t, points ? titles.points : "XOR", pointsFacts(inputs, labels, predict)),
      table: () => ({
        caption: titles.map, headers: [tt("point"), tt("target"), tt("output")],
        rows: inputs.map(([a, b], k) => [pointName([a, b]), labels[k], num(output(a, b))]),
      }),
    };
    const accs = history.map((h) => h.accuracy);
    const accuracy: ChartDescription = {
      summary: trainingSentence(t, trainingFacts(accs, total)),
      table: () => accuracyTable(accs, titles.accuracy, [tt("epoch"), tt("accuracy")]),
    };
    const gradient: ChartDescription = {
      summary: gradientSentence(t, layers, gradientFacts(history)),
      table: () => {
        const shown = shownRow(history.length);
        return { caption: titles.gradient, headers: [tt("epoch"), ...layers], rows: history.flatMap((h, i) => (shown(i) ? [[i + 1, ...h.grad.map(gradientText)]] : [])) };
      },
    };
    const diagram: ChartDescription = { summary: diagramSentence(t, num, drawing.unitName, diagramFacts(net, drawing.states)) };
    return { map, accuracy, gradient, diagram };
  }, [net, activation, points, history, total, layers, titles.map, titles.accuracy, titles.gradient, titles.points, drawing, t, tt, num]);
}
