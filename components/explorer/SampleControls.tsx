"use client";
import { useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { LESSON_SAMPLING, SPREAD_RANGE, type SampleDistribution, type SampleSettings } from "@/lib/explorer/samples";

interface Props {
  value: SampleSettings;
  onChange(next: SampleSettings): void;
  disabled?: boolean;
}

/**
 * How the 1,000 samples are drawn (the lesson's uniform cloud or a normal one), how wide they
 * spread, and whether the "after" histogram keeps the function's range as its axis.
 */
export default function SampleControls({ value, onChange, disabled }: Props) {
  const t = useTranslations("samples");
  const format = useFormatter();
  const id = useId();
  const set = (patch: Partial<SampleSettings>) => onChange({ ...value, ...patch });
  const spread = format.number(value.spread, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const isLesson = value.distribution === LESSON_SAMPLING.distribution && value.spread === LESSON_SAMPLING.spread;
  return (
    <div className="act-samples" data-testid="sample-controls">
      <label>
        {t("distribution")}
        <select value={value.distribution} disabled={disabled} onChange={(e) => set({ distribution: e.target.value as SampleDistribution })}>
          <option value="uniform">{t("uniform")}</option>
          <option value="normal">{t("normal")}</option>
        </select>
      </label>
      <div className="act-slider">
        <div className="act-slider-head">
          <label htmlFor={`${id}-spread`}>{t("spread")}</label>
          <output htmlFor={`${id}-spread`} data-testid="readout-spread">×{spread}</output>
        </div>
        <input id={`${id}-spread`} type="range" data-testid="spread" min={SPREAD_RANGE.min} max={SPREAD_RANGE.max} step={SPREAD_RANGE.step}
          value={value.spread} disabled={disabled} aria-valuetext={`×${spread}`} aria-describedby={`${id}-spread-hint`}
          onChange={(e) => set({ spread: Number(e.target.value) })} />
        <span id={`${id}-spread-hint`} className="muted act-hint">{t("spreadHint")}</span>
      </div>
      <label className="act-check">
        <input type="checkbox" checked={value.fixedAxis} disabled={disabled} onChange={(e) => set({ fixedAxis: e.target.checked })} />
        {t("fixedAxis")}
      </label>
      {!isLesson && (
        <button type="button" className="secondary" disabled={disabled} onClick={() => onChange({ ...LESSON_SAMPLING, fixedAxis: value.fixedAxis })}>
          {t("backToLesson")}
        </button>
      )}
    </div>
  );
}

/** Why the lesson's samples look unchanged through a squashing function, and what to try. */
export function SampleNote({ value, activation }: { value: SampleSettings; activation: string }) {
  const t = useTranslations("samples");
  const narrow = value.spread <= 2;
  if (!narrow) return null;
  return (
    <p className="act-note" role="note" data-testid="sample-note">
      {t(value.distribution === "uniform" && value.spread === 1 ? "noteLesson" : "noteNarrow", { name: activation })}
    </p>
  );
}
