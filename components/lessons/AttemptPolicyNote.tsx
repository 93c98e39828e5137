"use client";
import { useTranslations } from "next-intl";
import { policyIn } from "@/lib/grading/attempt-policy";
import type { ExerciseConfig } from "@/lib/lessons/exercises";

const COUNTS = { best: "countsBest", last: "countsLast", first: "countsFirst" } as const;

/** The exercise's attempt policy (and locked settings) as the student reads it above the exercise. */
export default function AttemptPolicyNote({ config, homework = false }: { config: ExerciseConfig; homework?: boolean }) {
  const t = useTranslations("attempts.policy");
  const p = policyIn(config);
  const feedback = p.feedback === "now" ? t("feedbackNow") : homework ? t("feedbackAfterDue") : t("feedbackAfterReveal");
  const parts = [p.maxAttempts === null ? t("unlimited") : t("max", { max: p.maxAttempts }), feedback, t(COUNTS[p.counts])];
  return (
    <div className="muted attempt-policy" data-testid="attempt-policy" aria-label={t("label")}>
      <p>{parts.join(" · ")}</p>
      {config.type !== "ACTIVATION" && config.locked && <p data-testid="preset-locked">{t("locked", { lr: config.lr, epochs: config.epochs })}</p>}
    </div>
  );
}
