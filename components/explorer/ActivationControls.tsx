"use client";
import { useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ACTIVATIONS, type ActivationId, type ActivationParams, type ChoiceId, type CustomKey, type ParamName } from "@/lib/nn/activations";
import { PARAM_RANGES } from "@/lib/lessons/exercise-constants";
import SelectField from "../forms/SelectField";

interface Props {
  activations: readonly ActivationId[];
  activation: ChoiceId;
  params: ActivationParams;
  onActivation(id: ChoiceId): void;
  onParam(name: ParamName, value: number): void;
  disabled?: boolean;
  /** Activations defined by a formula, offered after the built-in ones. */
  customs?: readonly { id: CustomKey; label: string; formula: string }[];
}

/** Which activation, and a slider (with its value shown) for each parameter it reads. */
export default function ActivationControls({ activations, activation, params, onActivation, onParam, disabled, customs = [] }: Props) {
  const t = useTranslations("explorer");
  const format = useFormatter();
  const id = useId();
  const show = (v: number) => format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="act-controls">
      <SelectField label={t("controls.function")} value={activation} disabled={disabled} onChange={(e) => onActivation(e.target.value as ActivationId)}
        options={[...activations.map((a) => ({ value: a, label: t(`names.${a}`) })), ...customs.map((c) => ({ value: c.id, label: c.label }))]} />
      <p className="act-formula" data-testid="formula">
        {activation in ACTIVATIONS ? t(`formulas.${activation as ActivationId}`) : `f(x) = ${customs.find((c) => c.id === activation)?.formula ?? ""}`}
      </p>
      {(ACTIVATIONS[activation as ActivationId]?.params ?? []).map((name) => {
        const r = PARAM_RANGES[name];
        const inputId = `${id}-${name}`;
        return (
          <div key={name} className="act-slider">
            <div className="act-slider-head">
              <label htmlFor={inputId}>{t(`controls.${name}`)}</label>
              <output htmlFor={inputId} data-testid={`readout-${name}`}>{show(params[name])}</output>
            </div>
            <input
              id={inputId}
              type="range"
              min={r.min}
              max={r.max}
              step={r.step}
              value={params[name]}
              disabled={disabled}
              aria-valuetext={show(params[name])}
              aria-describedby={`${inputId}-hint`}
              onChange={(e) => onParam(name, Number(e.target.value))}
            />
            <span id={`${inputId}-hint`} className="muted act-hint">{t(`controls.${name}Hint`)}</span>
          </div>
        );
      })}
    </div>
  );
}
