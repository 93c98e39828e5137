"use client";
import { useTranslations } from "next-intl";
import { COUNTING_RULES, DEFAULT_POLICY, FEEDBACK_MODES, MAX_ATTEMPTS_LIMIT } from "@/lib/grading/attempt-policy";
import type { AttemptPolicy } from "@/lib/grading/attempts";
import SelectField from "../forms/SelectField";

const FEEDBACK = { now: "feedbackNow", afterReveal: "feedbackAfterReveal" } as const;
const COUNTS = { best: "countsBest", last: "countsLast", first: "countsFirst" } as const;

/** The attempt-policy part of an exercise preset (read back with readAttemptPolicy). */
export default function AttemptPolicyFields({ initial, lockable, locked }: { initial?: AttemptPolicy; lockable: boolean; locked?: boolean }) {
  const t = useTranslations("attempts.form");
  const p = initial ?? DEFAULT_POLICY;
  return (
    <fieldset className="stack">
      <legend>{t("legend")}</legend>
      <label>
        {t("maxAttempts")}
        <input name="maxAttempts" type="number" step="1" min="1" max={MAX_ATTEMPTS_LIMIT} defaultValue={p.maxAttempts ?? ""} data-testid="max-attempts" />
      </label>
      <div className="grid2">
        <SelectField label={t("feedback")} name="feedback" defaultValue={p.feedback} data-testid="feedback"
          options={FEEDBACK_MODES.map((f) => ({ value: f, label: t(FEEDBACK[f]) }))} />
        <SelectField label={t("counts")} name="counts" defaultValue={p.counts} data-testid="counts"
          options={COUNTING_RULES.map((c) => ({ value: c, label: t(COUNTS[c]) }))} />
      </div>
      {lockable && (
        <label className="preset-check">
          <input type="checkbox" name="locked" defaultChecked={!!locked} data-testid="lock-settings" />
          {t("lock")}
        </label>
      )}
    </fieldset>
  );
}

/** The policy as the form holds it (an empty attempts field: no limit). */
export function readAttemptPolicy(form: FormData): { maxAttempts: number | null; feedback: unknown; counts: unknown } {
  const raw = String(form.get("maxAttempts") ?? "").trim();
  return { maxAttempts: raw === "" ? null : Number(raw), feedback: form.get("feedback"), counts: form.get("counts") };
}
