"use client";
import type { RefObject } from "react";
import { useTranslations } from "next-intl";
import type { XorNetConfig } from "@/lib/xor/xor-net";
import DownloadFigure from "../files/DownloadFigure";

/** The two-layer run so far (every weight and bias, accuracy and loss per epoch) as CSV or JSON, and its charts. */
/** `runFiles` false: the figure only (the run files are written for the 2-2-1 net). `now`: the run's epoch at the click (it trains on between renders). */
export default function XorNetDownloads({ target, config, epoch, now = () => epoch, runFiles = true }: { target: RefObject<HTMLElement | null>; config: XorNetConfig; epoch: number; now?: () => number; runFiles?: boolean }) {
  const t = useTranslations("runExport");
  const save = async (kind: "csv" | "json") => {
    // replayed from the seed (the exporter loads only now)
    const [x, { saveBlob }] = await Promise.all([import("@/lib/xor/xor-net-export"), import("../files/figureExport")]);
    const upTo = now();
    const rows = x.xorNetRows(config, upTo);
    const done = { ...config, epochs: upTo };
    if (kind === "csv") saveBlob(new Blob(["\uFEFF" + x.xorNetToCsv(rows)], { type: "text/csv;charset=utf-8" }), x.xorNetFileName(done, "csv"));
    else saveBlob(new Blob([x.xorNetToJson(done, rows)], { type: "application/json" }), x.xorNetFileName(done, "json"));
  };
  return (
    <>
      <DownloadFigure target={target} name={`xor-net_seed${config.seed}`} label={t("xorNet")} />
      {runFiles && <div className="download-bar" role="group" aria-label={`${t("title")}: ${t("xorNet")}`}>
        <button type="button" className="secondary" disabled={epoch === 0} data-testid="net-download-csv" onClick={() => void save("csv")}>{t("csv")}</button>
        <button type="button" className="secondary" disabled={epoch === 0} data-testid="net-download-json" onClick={() => void save("json")}>{t("json")}</button>
      </div>}
    </>
  );
}
