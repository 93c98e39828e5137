"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { FormulaError as Err } from "@/lib/formula/formula-errors";

/** A formula's error in words, with the formula shown and a caret under the problem. */
export default function FormulaError({ text, error, id }: { text: string; error: Err; id?: string }) {
  const t = useTranslations("formula");
  const format = useFormatter();
  const trimmed = text.trim();
  const at = error.code === "formulaNotFinite" ? null : Math.min(error.index, trimmed.length);
  const x = error.x !== undefined ? format.number(error.x, { maximumFractionDigits: 2 }) : "";
  return (
    <div role="alert" id={id} className="field-error formula-error" data-testid="formula-error" data-code={error.code}>
      <p>
        {t(`errors.${error.code}`, { token: error.token ?? "", x, which: error.which ?? "output" })}
        {at !== null && trimmed.length > 0 && <> {t("at", { pos: at + 1 })}</>}
      </p>
      {at !== null && trimmed.length > 0 && (
        <pre className="formula-caret" aria-hidden="true">{`${trimmed}\n${" ".repeat(at)}^`}</pre>
      )}
    </div>
  );
}
