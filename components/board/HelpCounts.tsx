"use client";
import { useTranslations } from "next-intl";
import { countByReason, flaggedStudents, HELP_REASONS, type HelpFlag } from "@/lib/board/help-flags";
import "./help.css";

/** The projector's view of the help flags: how many students per reason, never who. */
export default function HelpCounts({ flags }: { flags: readonly HelpFlag[] }) {
  const t = useTranslations("help");
  const counts = countByReason(flags);
  const shown = HELP_REASONS.filter((r) => counts[r] > 0);
  const summary = shown.map((r) => t("counts.item", { reason: t(`short.${r}`), count: counts[r] })).join(", ");
  return (
    <section className="hl-counts" aria-labelledby="help-counts-title" data-testid="help-counts">
      <h2 id="help-counts-title">
        <span aria-hidden="true">⚑</span> {t("counts.title")}{" "}
        <span className="hl-total" data-testid="help-total">{t("counts.students", { count: flaggedStudents(flags) })}</span>
      </h2>
      {shown.length === 0 ? <p className="muted">{t("counts.none")}</p> : (
        <ul className="hl-count-list" aria-label={t("counts.aria", { summary })}>
          {shown.map((r) => (
            <li key={r} data-testid="help-count" data-reason={r} data-count={counts[r]}>
              {t(`short.${r}`)} <strong>{counts[r]}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
