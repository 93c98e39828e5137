"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { CONCEPT_ORDER, CONCEPT_RIGHT, type ConceptAnswers, type ConceptChoice, type ConceptId } from "@/lib/grading/concepts";

interface Props {
  asked: readonly ConceptId[];
  answers: ConceptAnswers;
  disabled?: boolean;
  /** Show under each question whether its answer is right (a practice answer just checked). */
  checked?: boolean | null;
  onChange(answers: ConceptAnswers): void;
}

/** The preset's questions on why a network needs a non-linear activation: one choice each (lib/grading/concepts.ts). */
export default function ConceptQuestions({ asked, answers, disabled, checked, onChange }: Props) {
  const t = useTranslations("trainer.concepts");
  const id = useId();
  return (
    <section className="stack" aria-labelledby={`${id}-title`} data-testid="concept-questions">
      <h3 id={`${id}-title`}>{t("title")}</h3>
      <p className="muted">{t("intro")}</p>
      {asked.map((c) => {
        const chosen = Object.hasOwn(answers, c) ? (answers[c] as ConceptChoice) : null;
        return (
          <fieldset key={c} className="tr-choices" disabled={disabled} data-testid={`concept-${c}`}>
            <legend>{t(`questions.${c}`)}</legend>
            {(CONCEPT_ORDER[c] as readonly ConceptChoice[]).map((k) => (
              <label key={k}>
                <input type="radio" name={`${id}-${c}`} value={k} checked={chosen === k} onChange={() => onChange({ ...answers, [c]: k })} />
                <span>{t(`choices.${c}.${k}` as "choices.linearCollapse.oneLinearMap")}</span>
              </label>
            ))}
            {checked && chosen && (
              <p role="status" className={chosen === CONCEPT_RIGHT[c] ? "tr-ok" : "tr-bad"} data-testid={`concept-feedback-${c}`}>
                {chosen === CONCEPT_RIGHT[c] ? t("right") : t("wrong", { why: t(`why.${c}`) })}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
