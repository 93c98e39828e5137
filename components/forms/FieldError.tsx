"use client";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";

/** One error message, translated from its code; announced to screen readers. */
export default function FieldError({ code, id }: { code?: ErrorCode | null; id?: string }) {
  const t = useTranslations("errors");
  if (!code) return null;
  return (
    <span role="alert" id={id} className="field-error">
      {t(code)}
    </span>
  );
}
