"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ACTIVATION_CHOICES, TRAINABLE_GATES, exerciseConfigSchema, type ExerciseConfig } from "@/lib/lessons/exercises";
import { QUESTION_IDS } from "@/lib/grading/questions";
import { firstError, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import FormulaError from "../explorer/FormulaError";
import PresetFormulas, { readPresetFormulas } from "./PresetFormulas";
import type { FormulaError as Err } from "@/lib/formula/formula-errors";
import { sendJson } from "../forms/sendJson";
import AttemptPolicyFields, { readAttemptPolicy } from "./AttemptPolicyFields";
import Form from "../forms/Form";
import PracticeLinkField from "./PracticeLinkField";
import { normalPracticeLink, pastedPracticeLink } from "@/lib/practice/practice-link";
import { CONCEPT_IDS } from "@/lib/grading/concepts";
import { STARTER_POINTS, type LabelledPoint } from "@/lib/nn/custom-points";
import PointEditor from "../trainer/PointEditor";


/** One exercise's preset: what the instructor may change before running the lesson live. */
export default function ExercisePresetForm({ lessonId, position, initial }: { lessonId: string; position: number; initial: ExerciseConfig }) {
  const t = useTranslations("lessons");
  const tx = useTranslations("explorer");
  const tc = useTranslations("dashboard.concepts");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [formulaError, setFormulaError] = useState<{ text: string; error: Err } | null>(null);
  // the class's own points (null: the gate's truth table, or XOR's four for the network); kept as they are, never dropped on save
  const [points, setPoints] = useState<LabelledPoint[] | null>(initial.type !== "ACTIVATION" ? initial.customPoints ?? null : null);

  function read(form: FormData): unknown {
    const num = (k: string) => Number(form.get(k));
    const link = pastedPracticeLink(String(form.get("practiceLink") ?? ""), window.location.origin);
    const common = { type: initial.type, points: num("points"), attempts: readAttemptPolicy(form), ...(link && { practiceLink: normalPracticeLink(link) ?? link }) };
    if (initial.type === "ACTIVATION") {
      const customs = readPresetFormulas(form);
      return { ...common, activations: form.getAll("activations"), question: form.get("question"), ...(customs.length > 0 && { customs }) };
    }
    const locked = form.get("locked") === "on";
    if (initial.type === "GATE") return { ...common, gate: form.get("gate"), lr: num("lr"), epochs: num("epochs"), locked, ...(points && { customPoints: points }) };
    const concepts = form.getAll("concepts");
    return { ...common, lr: num("lr"), epochs: num("epochs"), locked, ...(concepts.length > 0 && { concepts }), ...(points && { customPoints: points }) };
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const parsed = exerciseConfigSchema.safeParse(read(new FormData(e.currentTarget)));
    setFormulaError(null);
    if (!parsed.success) return setError(firstError(parsed.error));
    if (parsed.data.type === "ACTIVATION" && parsed.data.customs?.length) {
      // the formulas are checked here with the parser (loaded now), and again by the server
      const check = (await import("@/lib/formula/formula-config")).checkActivationPreset(parsed.data);
      if (!check.ok) {
        if (check.code === "formulaInvalid") setFormulaError({ text: parsed.data.customs[check.at].formula, error: check.error });
        return setError(check.code);
      }
    }
    const res = await sendJson(`/api/lessons/${lessonId}/exercises/${position}`, "PUT", { config: parsed.data });
    if (!res.ok) return setError(res.error);
    setError(null);
    setSaved(true);
  }

  const heading = t(`types.${initial.type}`);
  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate aria-label={heading} data-testid={`preset-${initial.type}`}>
      <h2>{`${position + 1}. ${heading}`}</h2>
      {initial.type === "ACTIVATION" && (
        <>
          <fieldset>
            <legend>{t("activations")}</legend>
            <div className="preset-choices">
              {ACTIVATION_CHOICES.map((id) => (
                <label key={id} className="preset-check">
                  <input type="checkbox" name="activations" value={id} defaultChecked={initial.activations.includes(id)} />
                  {tx(`names.${id}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <PresetFormulas initial={initial.customs ?? []} />
          <label>
            {t("question")}
            <select name="question" defaultValue={initial.question}>
              {QUESTION_IDS.map((q) => (
                <option key={q} value={q}>
                  {tx(`question.prompts.${q}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {initial.type === "GATE" && (
        <label>
          {t("gate")}
          <select name="gate" defaultValue={initial.gate}>
            {TRAINABLE_GATES.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
      )}
      {initial.type !== "ACTIVATION" && (
        <>
          <label className="row">
            <input type="checkbox" checked={!!points} data-testid="preset-use-points" onChange={(e) => setPoints(e.target.checked ? [...STARTER_POINTS] : null)} />
            {t(initial.type === "XOR" ? "customPointsNet" : "customPoints")}
          </label>
          {points && <PointEditor points={points} onChange={setPoints} by={initial.type === "XOR" ? "network" : "perceptron"} />}
        </>
      )}
      {initial.type !== "ACTIVATION" && (
        <div className="grid2">
          <label>
            {t("lr")}
            <input name="lr" type="number" step="any" min="0.0001" max="10" defaultValue={initial.lr} />
          </label>
          <label>
            {t("epochs")}
            <input name="epochs" type="number" step="1" min="1" max="10000" defaultValue={initial.epochs} />
          </label>
        </div>
      )}
      {initial.type === "XOR" && (
        <fieldset data-testid="preset-concepts">
          <legend>{t("concepts")}</legend>
          {CONCEPT_IDS.map((id) => (
            <label key={id}>
              <input type="checkbox" name="concepts" value={id} defaultChecked={initial.concepts?.includes(id) ?? false} />
              {tc(`questions.${id}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t("points")}
        <input name="points" type="number" step="1" min="0" max="1000" defaultValue={initial.points} />
      </label>
      <PracticeLinkField initial={initial.practiceLink} />
      <AttemptPolicyFields initial={initial.attempts} lockable={initial.type !== "ACTIVATION"} locked={initial.type !== "ACTIVATION" && initial.locked} />
      <FieldError code={error} />
      {formulaError && <FormulaError text={formulaError.text} error={formulaError.error} />}
      <div>
        <button type="submit">{t("save")}</button> {saved && <span role="status">{t("saved")}</span>}
      </div>
    </Form>
  );
}
