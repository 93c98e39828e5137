"use client";
import { useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { paramValue, type CustomDef } from "@/lib/formula/custom-activation";
import { FORMULA_MAX_LENGTH, FORMULA_PARAM_RANGE, type FormulaError as Err } from "@/lib/formula/formula-errors";
import FormulaError from "./FormulaError";
import { loadFormula, type Built } from "./useFormulaActivations";
import Form from "../forms/Form";

/**
 * The field takes far more than a formula may have, so a pasted long formula is refused with the
 * "too long" message (compileFormula) rather than silently cut to a prefix that would be drawn.
 */
const PASTE_MAX = FORMULA_MAX_LENGTH * 10;

type Def = Pick<CustomDef, "formula" | "params">;
interface Props {
  /** The formula drawn now (null: none yet). */
  value: Def | null;
  /** What building `value` gave (for its derivative and parameters); null while loading. */
  built: Built | null;
  onChange(def: Def): void;
  disabled?: boolean;
}

/** Type an activation as a formula in x; its derivative (derived symbolically) and a slider per parameter. */
export default function FormulaInput({ value, built, onChange, disabled }: Props) {
  const t = useTranslations("formula");
  const format = useFormatter();
  const id = useId();
  const [text, setText] = useState(value?.formula ?? "");
  const [error, setError] = useState<Err | null>(null);
  const [busy, setBusy] = useState(false);

  async function apply(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const m = await loadFormula();
    setBusy(false);
    const params = value?.params ?? {};
    const r = m.buildCustom({ formula: text, params });
    if (!r.ok) return setError(r.error);
    setError(null);
    onChange({ formula: text.trim(), params: Object.fromEntries(r.built.compiled.params.map((p) => [p, paramValue(params, p)])) });
  }

  const show = (v: number) => format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const ok = built?.ok ? built : null;
  return (
    <section className="card formula-input" aria-labelledby={`${id}-title`} data-testid="formula-input">
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <Form onSubmit={apply} className="formula-form">
        <label htmlFor={`${id}-text`}>{t("label")}</label>
        <input id={`${id}-text`} name="formula" value={text} maxLength={PASTE_MAX} disabled={disabled}
          spellCheck={false} autoComplete="off" placeholder="x * tanh(ln(1 + exp(x)))"
          aria-describedby={`${id}-hint`} aria-invalid={!!error} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={disabled || busy}>{t("apply")}</button>
      </Form>
      <p id={`${id}-hint`} className="muted act-hint">{t("hint")}</p>
      {busy && <p className="muted">{t("loading")}</p>}
      {error && <FormulaError text={text} error={error} />}
      {value && built && !built.ok && !error && <FormulaError text={value.formula} error={built.error} />}
      {ok && (
        <>
          <p className="act-formula" data-testid="formula-derivative">{t("derivative", { text: ok.derivative })}</p>
          {ok.params.map((name) => {
            const v = value ? paramValue(value.params, name) : 1;
            return (
              <div key={name} className="act-slider">
                <div className="act-slider-head">
                  <label htmlFor={`${id}-${name}`}>{t("param", { name })}</label>
                  <output htmlFor={`${id}-${name}`} data-testid={`formula-param-${name}`}>{show(v)}</output>
                </div>
                <input id={`${id}-${name}`} type="range" min={FORMULA_PARAM_RANGE.min} max={FORMULA_PARAM_RANGE.max}
                  step={FORMULA_PARAM_RANGE.step} value={v} disabled={disabled} aria-valuetext={show(v)}
                  onChange={(e) => value && onChange({ formula: value.formula, params: { ...value.params, [name]: Number(e.target.value) } })} />
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
