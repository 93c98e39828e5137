"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { statusBands } from "@/lib/board/board-view";
import type { TileStatus } from "@/lib/live/session-protocol";

/** The class by status in one bar: how many have joined, are working, submitted, are correct, are offline. */
export default memo(function StatusBands({ counts }: { counts: Readonly<Record<TileStatus, number>> }) {
  const t = useTranslations("board.bands");
  const st = useTranslations("board.statuses");
  const bands = statusBands(counts);
  if (bands.length === 0) return null;
  const summary = bands.map((b) => t("item", { status: st(b.status), count: b.count })).join(", ");
  return (
    <figure className="bd-bands" data-testid="status-bands">
      <figcaption className="sr-only">{t("title")}</figcaption>
      <div className="bd-bands-bar" role="img" aria-label={t("aria", { summary })}>
        {bands.map((b) => (
          <span key={b.status} className={`bd-band bd-${b.status}`} style={{ width: `${(b.x1 - b.x0) * 100}%` }} data-status={b.status} data-count={b.count} />
        ))}
      </div>
      <p className="bd-bands-legend" aria-hidden="true">
        {bands.map((b) => (
          <span key={b.status}><span className={`bd-band-swatch bd-${b.status}`} />{st(b.status)} <strong>{b.count}</strong></span>
        ))}
      </p>
    </figure>
  );
});
