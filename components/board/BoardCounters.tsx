"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";

interface Props { joined: number; submitted: number; correct: number; online: number; /** The projector under "feedback after the reveal": no scores yet. */ withheld: boolean }

/** The class's counters over the board. Rendered only when a count changes, not on every progress flush. */
export default memo(function BoardCounters({ joined, submitted, correct, online, withheld }: Props) {
  const t = useTranslations("board.counters");
  return (
    <p className="bd-counters" data-testid="counters" aria-label={t("label")}>
      <span>{t("joined", { count: joined })}</span>
      <span aria-hidden="true"> / </span>
      <span>{t("submitted", { count: submitted })}</span>
      <span aria-hidden="true"> / </span>
      <span>{withheld ? t("scoresAfterReveal") : t("correct", { count: correct })}</span>
      <span className="muted bd-online">{t("online", { count: online })}</span>
    </p>
  );
});
