"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ActivationId, ChoiceId, CustomKey } from "@/lib/nn/activations";
import type { ActivationConfig } from "@/lib/lessons/exercises";
import type { ActivationGrade } from "@/lib/grading/questions";
import Form from "../forms/Form";

interface Props {
  config: ActivationConfig;
  selected: readonly ChoiceId[];
  onChange(selected: ChoiceId[]): void;
  /** Formula activations offered after the config's own (already built). */
  customs?: readonly { id: CustomKey; label: string }[];
  onCheck(): void;
  /** A grade to show (checked locally in practice, or sent back by the server). */
  grade: ActivationGrade | null;
  /** True when the answer went to onSubmit and no grade came back yet. */
  sent: boolean;
  /** "check" in practice (graded here), "submit" when the answer goes to a live session. */
  mode: "check" | "submit";
  disabled?: boolean;
}

/** The exercise's multi-select question, with feedback on the last check. */
export default function ActivationQuestion({ config, selected, onChange, onCheck, grade, sent, mode, disabled, customs = [] }: Props) {
  const t = useTranslations("explorer");
  const format = useFormatter();
  const choices: { id: ChoiceId; label: string }[] = [
    ...config.activations.map((id: ActivationId) => ({ id, label: t(`names.${id}`) })),
    ...customs,
  ];
  const label = (id: ChoiceId) => choices.find((c) => c.id === id)?.label ?? t(`names.${id}`);
  const names = (ids: readonly ChoiceId[]) => format.list(ids.map(label), { type: "conjunction" });
  const toggle = (id: ChoiceId, on: boolean) =>
    onChange(choices.map((c) => c.id).filter((a) => (a === id ? on : selected.includes(a))));

  return (
    <section className="card act-question" aria-labelledby="act-question-title">
      <h2 id="act-question-title">{t("question.title")}</h2>
      <Form onSubmit={(e) => { e.preventDefault(); onCheck(); }}>
        <fieldset disabled={disabled}>
          <legend>{t(`question.prompts.${config.question}`)}</legend>
          <p className="muted act-hint">{t("question.hint")}</p>
          <div className="act-choices">
            {choices.map(({ id, label: name }) => (
              <label key={id} className="act-choice">
                <input type="checkbox" checked={selected.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
                {name}
              </label>
            ))}
          </div>
          <button type="submit">{mode === "check" ? t("question.check") : t("question.submit")}</button>
        </fieldset>
      </Form>
      <div role="status" aria-live="polite" data-testid="question-feedback" className="act-feedback">
        {grade ? (
          grade.correct ? (
            <p className="act-ok">
              {t("question.correct", { score: grade.score, max: grade.maxScore })}{" "}
              {t(`question.why.${config.question}`, { names: names(grade.expected) })}
            </p>
          ) : grade.reason === "invalid" || grade.reason === "wrongQuestion" ? (
            <p className="error">{t("question.invalid")}</p>
          ) : (
            <>
              <p className="error">{t("question.wrong", { max: grade.maxScore })}</p>
              {grade.extra.length > 0 && <p>{t("question.extra", { names: names(grade.extra) })}</p>}
              {grade.missing.length > 0 && <p>{t("question.missing", { count: grade.missing.length })}</p>}
            </>
          )
        ) : sent ? (
          <p>{t("question.sent")}</p>
        ) : null}
      </div>
    </section>
  );
}
