"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { classSchema, firstError, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

export default function CreateClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = classSchema.safeParse({ name: new FormData(e.currentTarget).get("name") });
    if (!parsed.success) return setError(firstError(parsed.error));
    setBusy(true);
    const res = await sendJson<{ id: string }>("/api/classes", "POST", parsed.data);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    router.push(`/classes/${res.body.id}`);
  }

  return (
    <Form className="stack card" onSubmit={onSubmit} noValidate>
      <label>
        {t("newName")}
        <input name="name" maxLength={100} aria-invalid={!!error} />
      </label>
      <FieldError code={error} />
      <button type="submit" disabled={busy}>
        {t("create")}
      </button>
    </Form>
  );
}
