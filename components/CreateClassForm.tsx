"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { classSchema, firstError, type ErrorCode } from "@/lib/forms";
import FieldError from "./FieldError";

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
    const res = await fetch("/api/classes", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = (await res.json().catch(() => null)) as { id?: string; error?: { code: ErrorCode } } | null;
    setBusy(false);
    if (!res.ok || !body?.id) return setError(body?.error?.code ?? "serverError");
    router.push(`/classes/${body.id}`);
  }

  return (
    <form className="stack card" onSubmit={onSubmit} noValidate>
      <label>
        {t("newName")}
        <input name="name" maxLength={100} aria-invalid={!!error} />
      </label>
      <FieldError code={error} />
      <button type="submit" disabled={busy}>
        {t("create")}
      </button>
    </form>
  );
}
