"use client";
import { useEffect, useId, useState } from "react";

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number | "any";
  integer?: boolean;
  disabled?: boolean;
  invalidText: string;
  testId?: string;
  onChange(value: number): void;
}

/**
 * A number input that keeps what the person types, and only passes on values
 * inside [min, max] (and whole numbers when `integer`); otherwise it says why.
 */
export default function TrainerNumberField({ label, value, min, max, step, integer, disabled, invalidText, testId, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : String(value)));
  }, [value]);
  const parsed = text.trim() === "" ? NaN : Number(text);
  const valid = Number.isFinite(parsed) && parsed >= min && parsed <= max && (!integer || Number.isInteger(parsed));
  return (
    <label className="tr-field">
      {label}
      <input
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        min={min}
        max={max}
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-err`}
        data-testid={testId}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const v = Number(t);
          if (t.trim() !== "" && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)) && v !== value) onChange(v);
        }}
      />
      {!valid && (
        <span id={`${id}-err`} className="field-error">
          {invalidText}
        </span>
      )}
    </label>
  );
}
