"use client";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import type { ExerciseConfig } from "@/lib/lessons/exercises";
import ActivationExplorer from "../explorer/ActivationExplorer";
import GateTrainer from "../trainer/GateTrainer";
import XorAttempt from "../xor/XorAttempt";
import { useHomeworkNet } from "./useHomeworkNet";
import FieldError from "../forms/FieldError";
import AttemptPolicyNote from "../lessons/AttemptPolicyNote";
import AttemptsLeft from "../live/AttemptsLeft";

interface Result { score: number; maxScore: number; correct: boolean; late: boolean; hidden?: boolean; attemptsLeft?: number | null }

/**
 * A homework exercise: the same exercise component as live, whose payload goes to the homework
 * submit route; the server grades it and its result (never one computed here) is shown.
 */
export default function HomeworkExercise({ assignmentId, exerciseId, config }: { assignmentId: string; exerciseId: string; config: ExerciseConfig }) {
  const t = useTranslations("homework");
  const ta = useTranslations("attempts");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const netSubmit = useHomeworkNet(assignmentId, exerciseId);

  // The first visit starts the clock of "time spent" (the server keeps the first one only).
  useEffect(() => {
    void fetch(`/api/homework/${assignmentId}/start`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exerciseId }) });
  }, [assignmentId, exerciseId]);

  const submit = useCallback(
    async (payload: unknown) => {
      setBusy(true);
      setError(null);
      try {
        const res = await fetch(`/api/homework/${assignmentId}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ exerciseId, clientId: crypto.randomUUID(), payload }),
        });
        const body = (await res.json().catch(() => null)) as { result?: Result; error?: { code: ErrorCode } } | null;
        if (!res.ok || !body?.result) return setError(body?.error?.code ?? "serverError");
        setResult(body.result);
        router.refresh();
      } catch {
        setError("serverError");
      } finally {
        setBusy(false);
      }
    },
    [assignmentId, exerciseId, router],
  );

  return (
    <div className="stack">
      <AttemptPolicyNote config={config} homework />
      {config.type === "ACTIVATION" && <ActivationExplorer config={config} onSubmit={submit} showLesson />}
      {config.type === "GATE" && <GateTrainer config={config} onSubmit={submit} />}
      {config.type === "XOR" && <XorAttempt config={config} onSubmit={submit} netSubmit={netSubmit} />}
      <div role="status" aria-live="polite" className="card" data-testid="homework-result">
        {busy && <p>{t("sending")}</p>}
        {!busy && result?.hidden && (
          <p>{ta("hiddenHomework")}<AttemptsLeft left={result.attemptsLeft} /></p>
        )}
        {!busy && result && !result.hidden && (
          <>
            <p className={result.correct ? "tr-ok" : "tr-bad"}>{result.correct ? t("resultCorrect") : t("resultWrong")}</p>
            <p>{t("result", { score: result.score, max: result.maxScore })}<AttemptsLeft left={result.attemptsLeft} /></p>
            {result.late && <p className="dash-late">{t("resultLate")}</p>}
          </>
        )}
        <FieldError code={error} />
      </div>
    </div>
  );
}
