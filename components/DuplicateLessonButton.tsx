"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/forms";
import FieldError from "./FieldError";

export default function DuplicateLessonButton({ lessonId }: { lessonId: string }) {
  const t = useTranslations("lessons");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  async function duplicate() {
    setBusy(true);
    const res = await fetch(`/api/lessons/${lessonId}/duplicate`, { method: "POST" });
    const body = (await res.json().catch(() => null)) as { id?: string; error?: { code: ErrorCode } } | null;
    setBusy(false);
    if (!res.ok || !body?.id) return setError(body?.error?.code ?? "serverError");
    router.push(`/lessons/${body.id}`);
  }
  return (
    <>
      <button type="button" onClick={duplicate} disabled={busy}>
        {t("duplicate")}
      </button>
      <FieldError code={error} />
    </>
  );
}
