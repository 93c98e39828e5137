"use client";
import { useTranslations } from "next-intl";
import type { HelpReason } from "@/lib/board/help-flags";
import "./tile-flag.css";

/**
 * The mark on a flagged student's tile: a flag shape and the words "Needs help" (not colour alone),
 * read out with the reasons ("needs help: No progress"). `compact`: the flag alone, for the dense grid's small cells
 * (their aria-label carries the words, see flagLabel).
 */
export default function TileFlag({ reasons, compact = false }: { reasons: readonly HelpReason[]; compact?: boolean }) {
  const t = useTranslations("help");
  const why = reasons.map((r) => t(`short.${r}`)).join(", ");
  if (compact) return <span className="tf-flag tf-compact" data-testid="tile-flag" title={why} aria-hidden="true">⚑</span>;
  return (
    <span className="tf-flag" data-testid="tile-flag" title={why}>
      <span aria-hidden="true">⚑ {t("tile.flag")}</span>
      <span className="sr-only">{t("tile.aria", { reasons: why })}</span>
    </span>
  );
}
