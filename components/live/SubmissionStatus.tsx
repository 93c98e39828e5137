"use client";
import { useTranslations } from "next-intl";
import type { CountingRule } from "@/lib/grading/attempts";
import type { SubmissionResult } from "@/lib/live/session-protocol";
import type { Outcome } from "./useStudentSession";
import AttemptsLeft from "./AttemptsLeft";
import { useGradeNarration } from "./useGradeNarration";

const REASONS = ["ok", "wrongGate", "mismatch", "notLearned", "impossible", "wrongExplanation", "wrongQuestion", "wrongSelection", "invalid", "invalidConfig", "settingsLocked"] as const;
type Reason = (typeof REASONS)[number];
const isReason = (r: string | undefined): r is Reason => (REASONS as readonly string[]).includes(r ?? "");

/** The latest submission as the server answered it (its score, or why it was refused). */
interface Props {
  outcome: Outcome | null;
  best: SubmissionResult | null;
  online: boolean;
  /** A second copy beside the form (not announced twice, its own test id). */
  inline?: boolean;
  /** Which attempt the exercise counts (lib/grading/attempts.ts policyOf(config).counts): the stored result is that one. */
  counts?: CountingRule;
}

export default function SubmissionStatus({ outcome, best, online, inline = false, counts = "best" }: Props) {
  const t = useTranslations("live.submit");
  const te = useTranslations("errors");
  const ta = useTranslations("attempts");
  // The grade is said once, through the page's one live region (not by this paragraph as well).
  useGradeNarration(outcome, !inline);
  const score = (r: SubmissionResult) => ({ score: r.score, max: r.maxScore });
  let text: React.ReactNode = null;
  let tone = "";
  if (outcome?.kind === "sending") {
    text = online ? t("sending") : t("sendingOffline");
  } else if (outcome?.kind === "refused") {
    text = t("refused", { message: te(outcome.error) });
    tone = "live-bad";
  } else if (outcome?.kind === "result" && outcome.result.hidden) {
    text = <>{ta("hidden")}<AttemptsLeft left={outcome.result.attemptsLeft} /></>;
  } else if (outcome?.kind === "result") {
    const r = outcome.result;
    tone = r.correct ? "live-good" : "live-bad";
    text = (
      <>
        <strong>{r.correct ? t("correct", score(r)) : t("wrong", score(r))}</strong>
        {!r.correct && isReason(r.reason) && <> {t(`reasons.${r.reason}`)}</>}
        <AttemptsLeft left={r.attemptsLeft} />
      </>
    );
  } else if (best?.hidden) {
    text = <>{ta("hidden")}<AttemptsLeft left={best.attemptsLeft} /></>;
  } else if (best) {
    text = <>{t(`counted.${counts}`, score(best))}<AttemptsLeft left={best.attemptsLeft} /></>;
  }
  return (
    <p data-testid={inline ? "submission-inline" : "submission-status"}
      className={`live-submission ${tone}`}>
      {text}
    </p>
  );
}
