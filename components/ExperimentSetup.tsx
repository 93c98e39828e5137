"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { ASSIGNMENT_MODES, DEFAULT_LRS, experimentSpecSchema, type AssignmentMode, type ExperimentSpec } from "@/lib/experiments";
import type { ExerciseView } from "@/lib/session-protocol";

/** What the instructor is typing; `spec` is null while it is not a valid experiment. */
export interface ExperimentDraft { on: boolean; mode: AssignmentMode; values: string }
export const NO_EXPERIMENT: ExperimentDraft = { on: false, mode: "BALANCED", values: DEFAULT_LRS.join(", ") };

/** The draft as the push sends it: null when off, "invalid" when on but not valid. */
export function draftSpec(d: ExperimentDraft): ExperimentSpec | null | "invalid" {
  if (!d.on) return null;
  const values = d.values.split(/[,\s;]+/).filter(Boolean).map(Number);
  const parsed = experimentSpecSchema.safeParse({ mode: d.mode, variable: "lr", values });
  return parsed.success ? parsed.data : "invalid";
}

/** Part of the push form: make this push an experiment, how groups are formed, one learning rate per group. */
export default function ExperimentSetup({ exercise, draft, onChange }: { exercise: ExerciseView | undefined; draft: ExperimentDraft; onChange(d: ExperimentDraft): void }) {
  const t = useTranslations("experiments.setup");
  const id = useId();
  const perceptron = exercise?.type === "GATE" || exercise?.type === "XOR";
  const spec = draftSpec(draft);
  return (
    <div className="ex-setup" data-testid="experiment-setup">
      <label className="ctl-option">
        <input type="checkbox" checked={draft.on && perceptron} disabled={!perceptron} onChange={(e) => onChange({ ...draft, on: e.target.checked })} />
        <span>{t("toggle")}</span>
      </label>
      {!perceptron && <span className="muted">{t("perceptronOnly")}</span>}
      {draft.on && perceptron && (
        <>
          <label className="ctl-field">
            <span>{t("mode")}</span>
            <select value={draft.mode} onChange={(e) => onChange({ ...draft, mode: e.target.value as AssignmentMode })}>
              {ASSIGNMENT_MODES.map((m) => <option key={m} value={m}>{t(`modes.${m}`)}</option>)}
            </select>
          </label>
          <label className="ctl-field">
            <span>{t("values")}</span>
            <input type="text" inputMode="decimal" value={draft.values} aria-describedby={`${id}-hint`} aria-invalid={spec === "invalid"}
              onChange={(e) => onChange({ ...draft, values: e.target.value })} />
          </label>
          <span id={`${id}-hint`} className={spec === "invalid" ? "error" : "muted"} role={spec === "invalid" ? "alert" : undefined}>
            {spec === "invalid" ? t("invalid") : t("valuesHint")}
          </span>
        </>
      )}
    </div>
  );
}
