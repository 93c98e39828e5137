"use client";
import { useState } from "react";
import { joinWith } from "../site/authClient";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/error-codes";
import { checkJoin, NICKNAME_MAX } from "@/lib/join/join-check";
import FieldError from "../forms/FieldError";
import { signInError } from "../site/signInError";
import Form from "../forms/Form";

/** A student joins a class with its code and a nickname; no password. */
export default function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const t = useTranslations("join");
  const [errors, setErrors] = useState<Record<string, ErrorCode>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = checkJoin({ code: form.get("code"), nickname: form.get("nickname") });
    if (!parsed.ok) return setErrors(parsed.errors as Record<string, ErrorCode>);
    setBusy(true);
    setErrors({});
    const res = await joinWith(parsed.data);
    const code = res?.ok ? null : signInError(res?.error ?? "serverError");
    if (code) {
      setBusy(false);
      const field = code.startsWith("nickname") ? "nickname" : code.startsWith("code") ? "code" : "_";
      return setErrors({ [field]: code });
    }
    window.location.assign("/student");
  }

  return (
    <Form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="join-title">
      <h2 id="join-title">{t("title")}</h2>
      <label>
        {t("code")}
        <input name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" inputMode="text" aria-invalid={!!errors.code} aria-describedby="join-code-error" placeholder="ABC234" />
        <FieldError code={errors.code} id="join-code-error" />
      </label>
      <label>
        {t("nickname")}
        <input name="nickname" autoComplete="nickname" autoFocus={!!initialCode} maxLength={NICKNAME_MAX + 20} aria-invalid={!!errors.nickname} aria-describedby="join-nickname-error" />
        <FieldError code={errors.nickname} id="join-nickname-error" />
      </label>
      <FieldError code={errors._} />
      <button type="submit" disabled={busy}>
        {busy ? t("joining") : t("submit")}
      </button>
    </Form>
  );
}
