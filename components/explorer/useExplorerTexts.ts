"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { curveFacts } from "@/lib/a11y/chart-text/curve";
import { histogramFacts } from "@/lib/a11y/chart-text/histogram";
import { imageFacts } from "@/lib/a11y/chart-text/image";
import { curveSentence, histogramSentence, imageSentence } from "@/lib/a11y/chart-text/sentences";
import type { Bin } from "@/lib/explorer/samples";
import type { ChartDescription, ChartTable } from "../a11y/ChartText";
import { useChartWords } from "../a11y/useChartWords";

interface Input {
  xs: Float64Array;
  y: Float64Array;
  dy: Float64Array;
  sampleBins: Bin[];
  bins: Bin[];
  /** Samples where the activation's slope is below 0.01 (lib/a11y/chart-text flattenedCount). */
  flattened: number;
  grayBytes: Uint8ClampedArray | null;
  activatedBytes: Uint8ClampedArray | null;
  width: number;
  height: number;
  name: string;
  imageName: string;
}

const X_STEP = 50; // a table row every 0.5 on the explorer's x grid (0.01 apart)

/** The six explorer panels' summaries and tables, computed from the data they draw. */
export function useExplorerTexts(v: Input | null) {
  const { t, tt, num } = useChartWords();
  const te = useTranslations("explorer");
  return useMemo(() => {
    if (!v) return null;
    const curveTable = (ys: Float64Array, caption: string, col: string) => (): ChartTable => {
      const rows: string[][] = [];
      for (let i = 0; i < v.xs.length; i += X_STEP) rows.push([num(v.xs[i]), num(ys[i])]);
      return { caption, headers: [te("axes.x"), col], rows };
    };
    const binTable = (bins: Bin[], caption: string) => (): ChartTable => ({
      caption, headers: [tt("from"), tt("to"), tt("count")],
      rows: bins.filter((b) => b.count > 0).map((b) => [num(b.x0), num(b.x1), b.count]),
    });
    const img = { image: v.imageName, width: v.width, height: v.height };
    const d = (summary: string, table?: () => ChartTable): ChartDescription => ({ summary, table });
    return {
      function: d(curveSentence(t, num, v.name, curveFacts(v.xs, v.y), "function"), curveTable(v.y, te("panels.function"), te("axes.fx"))),
      derivative: d(curveSentence(t, num, v.name, curveFacts(v.xs, v.dy, "value"), "derivative"), curveTable(v.dy, te("panels.derivative"), te("axes.dfx"))),
      samples: d(histogramSentence(t, num, histogramFacts(v.sampleBins)), binTable(v.sampleBins, te("panels.samples"))),
      activated: d(histogramSentence(t, num, histogramFacts(v.bins), { name: v.name, flattened: v.flattened }), binTable(v.bins, te("panels.activated"))),
      image: v.grayBytes ? d(imageSentence(t, imageFacts(v.grayBytes), img)) : undefined,
      activatedImage: v.activatedBytes ? d(imageSentence(t, imageFacts(v.activatedBytes), { ...img, name: v.name })) : undefined,
    };
  }, [v, t, tt, te, num]);
}
