import type { ReactNode, SelectHTMLAttributes } from "react";

export interface SelectOption { value: string; label: ReactNode }

/** A labelled <select> of `options` (the label wraps it, so it needs no id). */
export default function SelectField({ label, options, ...select }: { label: ReactNode; options: readonly SelectOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label>
      {label}
      <select {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}
