"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Outcome } from "./useStudentSession";
import { announce } from "../a11y/useAnnouncer";

/**
 * Says the server's answer to a submission in the page's polite live region, once per answer:
 * the grade (or, under "feedback after the reveal", that it was received), or why it was refused.
 */
export function useGradeNarration(outcome: Outcome | null, enabled: boolean): void {
  const t = useTranslations("announce");
  const te = useTranslations("errors");
  const ta = useTranslations("attempts");
  const last = useRef<Outcome | null>(null);
  useEffect(() => {
    if (!enabled || !outcome || outcome === last.current) return;
    last.current = outcome;
    if (outcome.kind === "refused") announce("grade", t("refused", { message: te(outcome.error) }));
    else if (outcome.kind === "result" && outcome.result.hidden) announce("grade", ta("hidden"));
    else if (outcome.kind === "result") {
      const r = outcome.result;
      announce("grade", t("graded", { score: r.score, max: r.maxScore, correct: String(r.correct) }));
    }
  }, [outcome, enabled, t, te, ta]);
}
