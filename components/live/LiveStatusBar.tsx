"use client";
import { useTranslations } from "next-intl";
import { policyIn } from "@/lib/grading/attempt-policy";
import { exerciseConfig } from "@/lib/lessons/exercise-config";
import type { StudentSessionState } from "@/lib/live/session-protocol";
import ConnectionBadge from "./ConnectionBadge";
import SubmissionStatus from "./SubmissionStatus";
import type { ConnectionState } from "./useSocket";
import type { Outcome } from "./useStudentSession";

interface Props {
  connection: ConnectionState;
  state: StudentSessionState;
  outcome: Outcome | null;
}

/** Stays in view while the student scrolls: connection, paused / closed, and the last submission. */
export default function LiveStatusBar({ connection, state, outcome }: Props) {
  const t = useTranslations("live.page");
  const ex = state.exercise;
  const mine = outcome && ex && outcome.exerciseId === ex.id ? outcome : null;
  return (
    <div className="live-bar" data-testid="live-bar">
      <ConnectionBadge state={connection} />
      {ex && state.paused && (
        <p className="live-banner live-paused" role="status" data-testid="paused-banner">
          <strong>{t("paused")}</strong> <span>{t("pausedHint")}</span>
        </p>
      )}
      {ex && !state.paused && !ex.open && (
        <p className="live-banner live-closed" role="status" data-testid="closed-banner">
          <strong>{ex.revealed ? t("revealed") : t("closed")}</strong> <span>{t("closedHint")}</span>
        </p>
      )}
      {ex && <SubmissionStatus outcome={mine} best={state.result} online={connection === "connected"} counts={policyIn(exerciseConfig(ex.config)).counts} />}
    </div>
  );
}
