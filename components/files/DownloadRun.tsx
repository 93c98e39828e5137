"use client";
import { useTranslations } from "next-intl";
import type { EpochRecord } from "@/lib/nn/perceptron";
import type { RunSettings } from "@/lib/dashboard/run-export";

/** The export code loads on the first press, not with the page. */
async function save(kind: "csv" | "json", settings: RunSettings, history: readonly EpochRecord[]) {
  const [{ runFileName, runToCsv, runToJson }, { saveBlob }] = await Promise.all([import("@/lib/dashboard/run-export"), import("./figureExport")]);
  const blob = kind === "csv"
    ? new Blob(["\uFEFF" + runToCsv(history)], { type: "text/csv;charset=utf-8" })
    : new Blob([runToJson(settings, history)], { type: "application/json" });
  saveBlob(blob, runFileName(settings, kind));
}

/** The run so far (weights, bias and accuracy per epoch) as CSV or JSON. */
export default function DownloadRun({ settings, history }: { settings: RunSettings; history: readonly EpochRecord[] }) {
  const t = useTranslations("runExport");
  const disabled = history.length === 0;
  return (
    <div className="download-bar" role="group" aria-label={t("title")}>
      <button type="button" className="secondary" disabled={disabled} data-testid="download-csv"
        onClick={() => void save("csv", settings, history)}>
        {t("csv")}
      </button>
      <button type="button" className="secondary" disabled={disabled} data-testid="download-json"
        onClick={() => void save("json", settings, history)}>
        {t("json")}
      </button>
    </div>
  );
}
