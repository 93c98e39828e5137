"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { XorConfig } from "@/lib/lessons/exercises";
import { NOTE_MAX, XOR_EXPLANATIONS, type XorExplanation } from "@/lib/lessons/exercise-constants";
import type { XorReason, XorSubmission } from "@/lib/grading/grading";
import type { ConceptAnswers, ConceptId } from "@/lib/grading/concepts";
import ConceptQuestions from "../live/ConceptQuestions";
import Form from "../forms/Form";

/** The best run so far: its accuracy and the settings that replay it. */
export interface XorBest { accuracy: number; lr: number; epochs: number; seed: number }

interface Props {
  config: XorConfig;
  best: XorBest | null;
  locked?: boolean;
  onSubmit?(payload: XorSubmission): void;
}

type Result = { reason: XorReason; choice: XorExplanation } | { reason: "sent" };

/** "Why can one perceptron not learn XOR?": one choice, an optional sentence, checked with gradeXorAnswer. */
export default function XorQuestion({ config, best, locked, onSubmit }: Props) {
  const t = useTranslations("trainer.question");
  const id = useId();
  const [choice, setChoice] = useState<XorExplanation | null>(null);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [concepts, setConcepts] = useState<ConceptAnswers>({});
  const asked: readonly ConceptId[] = config.concepts ?? [];
  const answeredAll = asked.every((c) => Object.hasOwn(concepts, c));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!best || !choice) return;
    const payload: XorSubmission = {
      lr: best.lr, epochs: best.epochs, seed: best.seed, bestAccuracy: best.accuracy, explanation: choice,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(asked.length > 0 && { concepts }),
    };
    if (onSubmit) {
      onSubmit(payload);
      return setResult({ reason: "sent" });
    }
    // the grader (and zod) loads only now, not with the page
    void import("@/lib/grading/grading").then(({ gradeXorAnswer }) => setResult({ reason: gradeXorAnswer(config, payload).reason, choice }));
  }

  let message = "";
  if (result?.reason === "sent") message = t("sent");
  else if (result?.reason === "wrongExplanation" || result?.reason === "ok") message = t(`feedback.${result.choice}`);
  else if (result) message = t(`feedback.${result.reason}`);

  return (
    <Form className="card stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <fieldset className="tr-choices" disabled={locked}>
        <legend className="sr-only">{t("legend")}</legend>
        {XOR_EXPLANATIONS.map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-choice`} value={k} checked={choice === k} onChange={() => { setChoice(k); setResult(null); }} />
            <span>{t(`choices.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {asked.length > 0 && (
        <ConceptQuestions asked={asked} answers={concepts} disabled={locked}
          checked={result && result.reason !== "sent" && result.reason !== "invalid" && result.reason !== "mismatch" && result.reason !== "impossible"}
          onChange={(a) => { setConcepts(a); setResult(null); }} />
      )}
      <label className="tr-note">
        {t("note")}
        <textarea value={note} maxLength={NOTE_MAX} disabled={locked} onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX))}
          aria-describedby={`${id}-count`} rows={2} />
        <span id={`${id}-count`} className="muted">{t("noteCount", { count: note.length, max: NOTE_MAX })}</span>
      </label>
      <div className="tr-check">
        <button type="submit" disabled={locked || !best || !choice || !answeredAll} aria-describedby={best ? undefined : `${id}-need`}>{t("submit")}</button>
        {!best && <span id={`${id}-need`} className="muted">{t("needRun")}</span>}
      </div>
      <p role="status" data-testid="xor-feedback" className={result?.reason === "ok" ? "tr-ok" : result && result.reason !== "sent" ? "tr-bad" : undefined}>
        {message}
      </p>
    </Form>
  );
}
