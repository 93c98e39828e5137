"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { coInstructorSchema, firstError, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

/** Add a co-instructor to the class by the email of their instructor account. */
export default function CoInstructorForm({ classId }: { classId: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(false);
    const parsed = coInstructorSchema.safeParse({ email: new FormData(form).get("email") });
    if (!parsed.success) return setError(firstError(parsed.error));
    setBusy(true);
    const res = await sendJson(`/api/classes/${classId}/instructors`, "POST", parsed.data);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDone(true);
    form.reset();
    router.refresh();
  }

  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-title">
      <h2 id="add-title">{t("addTitle")}</h2>
      <p className="muted">{t("addHint")}</p>
      <label>
        {t("email")}
        <input type="email" name="email" autoComplete="off" maxLength={254} aria-invalid={!!error} />
      </label>
      <FieldError code={error} />
      {done && <p role="status" className="tr-ok">{t("added")}</p>}
      <button type="submit" disabled={busy}>{t("add")}</button>
    </Form>
  );
}
