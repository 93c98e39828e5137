"use client";
import { useTranslations } from "next-intl";
import type { EpochRecord } from "@/lib/perceptron";
import { runFileName, runToCsv, runToJson, type RunSettings } from "@/lib/run-export";
import { saveBlob } from "./figureExport";

/** The run so far (weights, bias and accuracy per epoch) as CSV or JSON. */
export default function DownloadRun({ settings, history }: { settings: RunSettings; history: readonly EpochRecord[] }) {
  const t = useTranslations("runExport");
  const disabled = history.length === 0;
  return (
    <div className="download-bar" role="group" aria-label={t("title")}>
      <button type="button" className="secondary" disabled={disabled} data-testid="download-csv"
        onClick={() => saveBlob(new Blob(["\uFEFF" + runToCsv(history)], { type: "text/csv;charset=utf-8" }), runFileName(settings, "csv"))}>
        {t("csv")}
      </button>
      <button type="button" className="secondary" disabled={disabled} data-testid="download-json"
        onClick={() => saveBlob(new Blob([runToJson(settings, history)], { type: "application/json" }), runFileName(settings, "json"))}>
        {t("json")}
      </button>
    </div>
  );
}
