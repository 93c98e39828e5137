"use client";
import { useState } from "react";
import { signInInstructor } from "./authClient";
import { useTranslations } from "next-intl";
import { fieldErrors, signInSchema, signUpSchema, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import { signInError } from "./signInError";
import Form from "../forms/Form";

type Mode = "signIn" | "signUp";

/** Instructors: sign in, or create an account and sign in with it. */
export default function SignInForm() {
  const t = useTranslations("signIn");
  const [mode, setMode] = useState<Mode>("signIn");
  const [errors, setErrors] = useState<Record<string, ErrorCode>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget));
    const parsed = (mode === "signUp" ? signUpSchema : signInSchema).safeParse(form);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    setErrors({});
    try {
      if (mode === "signUp") {
        const res = await sendJson("/api/signup", "POST", parsed.data);
        if (!res.ok) return setErrors(res.fields ?? { _: res.error });
      }
      const res = await signInInstructor({ email: parsed.data.email, password: parsed.data.password });
      const code = res?.ok ? null : signInError(res?.error ?? "serverError");
      if (code) return setErrors({ _: code });
      window.location.assign("/classes");
    } finally {
      setBusy(false);
    }
  }

  const choose = (m: Mode) => { setMode(m); setErrors({}); };
  // Tabs, keyboard too: arrows move between the two (the WAI-ARIA tabs pattern).
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const next: Mode = mode === "signIn" ? "signUp" : "signIn";
    choose(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const tab = (m: Mode) => (
    <button type="button" role="tab" id={`tab-${m}`} className="tab" aria-selected={mode === m} aria-controls="signin-panel"
      tabIndex={mode === m ? 0 : -1} onClick={() => choose(m)} onKeyDown={onTabKey}>
      {t(m === "signIn" ? "tabSignIn" : "tabSignUp")}
    </button>
  );

  return (
    <div className="card signin-card">
      <div className="tabs" role="tablist" aria-label={t("title")}>
        {tab("signIn")}
        {tab("signUp")}
      </div>
      <Form className="stack" id="signin-panel" role="tabpanel" aria-labelledby={`tab-${mode}`} onSubmit={onSubmit} noValidate>
        {mode === "signUp" && (
          <label>
            {t("name")}
            <input name="name" autoComplete="name" aria-invalid={!!errors.name} />
            <FieldError code={errors.name} />
          </label>
        )}
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="email" aria-invalid={!!errors.email} />
          <FieldError code={errors.email} />
        </label>
        <label>
          <span>
            {t("password")}
            {mode === "signUp" && <span className="label-hint"> ({t("passwordHint")})</span>}
          </span>
          <input name="password" type="password" autoComplete={mode === "signUp" ? "new-password" : "current-password"} aria-invalid={!!errors.password} />
          <FieldError code={errors.password} />
        </label>
        <FieldError code={errors._} />
        <button type="submit" disabled={busy}>
          {t(mode === "signIn" ? "submitSignIn" : "submitSignUp")}
        </button>
      </Form>
    </div>
  );
}
