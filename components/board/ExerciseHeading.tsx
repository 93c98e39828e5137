"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/live/session-protocol";
import { useExerciseName } from "../live/useExerciseName";

/** The board's current exercise: its number, name and whether it is closed, revealed or targeted. Rendered when the exercise changes, not on every flush. */
export default memo(function ExerciseHeading({ ex }: { ex: BoardState["exercise"] }) {
  const t = useTranslations("board.exercise");
  const nameOf = useExerciseName();
  return (
    <h2 className="bd-exercise" id="class-title" data-testid="current-exercise">
      {ex ? t("current", { n: ex.position + 1, name: nameOf(ex) }) : t("none")}
      {ex && !ex.open && <span className="bd-tag">{ex.revealed ? t("revealed") : t("closed")}</span>}
      {ex && ex.targetUserIds.length > 0 && <span className="bd-tag">{t("targeted", { count: ex.targetUserIds.length })}</span>}
    </h2>
  );
});
