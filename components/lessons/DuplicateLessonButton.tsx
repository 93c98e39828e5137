"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";

export default function DuplicateLessonButton({ lessonId }: { lessonId: string }) {
  const t = useTranslations("lessons");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  async function duplicate() {
    setBusy(true);
    const res = await sendJson<{ id: string }>(`/api/lessons/${lessonId}/duplicate`, "POST");
    setBusy(false);
    if (!res.ok) return setError(res.error);
    router.push(`/lessons/${res.body.id}`);
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
