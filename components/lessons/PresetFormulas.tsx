"use client";
import { useTranslations } from "next-intl";
import type { CustomDef } from "@/lib/formula/custom-activation";
import { FORMULA_MAX_LENGTH } from "@/lib/formula/formula-errors";
import { PRACTICE_SCHEMAS } from "@/lib/practice/practice-params";
import { writeFparams } from "@/lib/practice/practice-search";

export const PRESET_FORMULA_ROWS = 3;

/** The preset form's formula rows, read back from its FormData; empty rows are skipped, a bad parameter list is kept as text for zod to refuse. */
export function readPresetFormulas(form: FormData): unknown[] {
  const labels = form.getAll("customLabel").map(String);
  const formulas = form.getAll("customFormula").map(String);
  const params = form.getAll("customParams").map(String);
  return formulas.flatMap((formula, i) => {
    if (!formula.trim()) return [];
    const p = PRACTICE_SCHEMAS.fparams.safeParse(params[i].replace(/\s+/g, ""));
    return [{ label: labels[i], formula, params: p.success ? p.data : params[i] }];
  });
}

const writeParams = (p: Record<string, number>) => writeFparams(p).replace(/;/g, "; ");

/** Up to three activations defined by a formula, offered in the explorer after the ticked ones. */
export default function PresetFormulas({ initial }: { initial: readonly CustomDef[] }) {
  const t = useTranslations("formula.preset");
  return (
    <fieldset className="preset-formulas">
      <legend>{t("title")}</legend>
      <p className="muted act-hint">{t("hint")}</p>
      {Array.from({ length: PRESET_FORMULA_ROWS }, (_, i) => {
        const d = initial[i];
        return (
          <div key={i} className="grid2" data-testid={`preset-formula-${i + 1}`}>
            <label>
              {t("label", { n: i + 1 })}
              <input name="customLabel" maxLength={40} defaultValue={d?.label ?? ""} />
            </label>
            <label>
              {t("formula")}
              <input name="customFormula" maxLength={FORMULA_MAX_LENGTH} spellCheck={false} defaultValue={d?.formula ?? ""} />
            </label>
            <label>
              {t("params")}
              <input name="customParams" placeholder="alpha: 1" defaultValue={d ? writeParams(d.params) : ""} />
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
