"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import {
  ASSIGNMENT_MODES, DEFAULT_ACTIVATION_GROUPS, DEFAULT_LRS, EXPERIMENT_VARIABLES, experimentSpecSchema, variablesFor, type AssignmentMode, type ExperimentSpec, type ExperimentVariable,
} from "@/lib/experiments/experiments";
import type { ExerciseView } from "@/lib/live/session-protocol";
import { HIDDEN_ACTIVATIONS } from "@/lib/xor/xor-net";

/** What the instructor is typing: values per variable, so switching back and forth keeps both. */
export interface ExperimentDraft { on: boolean; mode: AssignmentMode; variable: ExperimentVariable; values: Record<ExperimentVariable, string> }
export const NO_EXPERIMENT: ExperimentDraft = {
  on: false, mode: "BALANCED", variable: "lr", values: { lr: DEFAULT_LRS.join(", "), seed: "1, 2, 3, 4", activation: DEFAULT_ACTIVATION_GROUPS.join(", ") },
};


/** The draft as the push sends it: null when off, "invalid" when on but not valid. */
export function draftSpec(d: ExperimentDraft, type: ExerciseView["type"] | undefined): ExperimentSpec | null | "invalid" {
  if (!d.on || !variablesFor(type).length) return null;
  if (!variablesFor(type).includes(d.variable)) return "invalid";
  const words = d.values[d.variable].split(/[,\s;]+/).filter(Boolean);
  const values = d.variable === "activation" ? words.map((w) => w.toLowerCase()) : words.map(Number);
  const parsed = experimentSpecSchema.safeParse({ mode: d.mode, variable: d.variable, values });
  return parsed.success ? parsed.data : "invalid";
}

/** Part of the push form: make this push an experiment, how groups are formed, what differs, one value per group. */
export default function ExperimentSetup({ exercise, draft, onChange }: { exercise: ExerciseView | undefined; draft: ExperimentDraft; onChange(d: ExperimentDraft): void }) {
  const t = useTranslations("experiments.setup");
  const id = useId();
  const variables = variablesFor(exercise?.type);
  const perceptron = variables.length > 0;
  const spec = draftSpec(draft, exercise?.type);
  const v = draft.variable;
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
            <span>{t("variable")}</span>
            <select value={v} onChange={(e) => onChange({ ...draft, variable: e.target.value as ExperimentVariable })}>
              {EXPERIMENT_VARIABLES.map((x) => <option key={x} value={x} disabled={!variables.includes(x)}>{t(`variables.${x}`)}</option>)}
            </select>
          </label>
          <label className="ctl-field">
            <span>{t(`values.${v}`)}</span>
            <input type="text" inputMode={v === "lr" ? "decimal" : v === "seed" ? "numeric" : "text"} value={draft.values[v]} aria-describedby={`${id}-hint`} aria-invalid={spec === "invalid"}
              onChange={(e) => onChange({ ...draft, values: { ...draft.values, [v]: e.target.value } })} />
          </label>
          <span id={`${id}-hint`} className={spec === "invalid" ? "error" : "muted"} role={spec === "invalid" ? "alert" : undefined}>
            {!variables.includes(v) ? t(v === "seed" ? "seedGateOnly" : "activationXorOnly") : spec === "invalid" ? t(`invalid.${v}`, { list: HIDDEN_ACTIVATIONS.join(", ") }) : t(`valuesHint.${v}`, { list: HIDDEN_ACTIVATIONS.join(", ") })}
          </span>
        </>
      )}
    </div>
  );
}
